package charts

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// render parses and renders a block as figure id.
func render(t *testing.T, env Env, kind, body, id string) Figure {
	t.Helper()
	fig, err := mustParse(t, env, kind, body).Render(id, env)
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	return fig
}

// option decodes the JSON option of chart id in html.
func option(t *testing.T, html, id string) map[string]any {
	t.Helper()
	start := `<script type="application/json" id="` + id + `-option">`
	i := strings.Index(html, start)
	if i < 0 {
		t.Fatalf("no %s in\n%s", start, html)
	}
	rest := html[i+len(start):]
	raw := rest[:strings.Index(rest, "</script>")]
	var opt map[string]any
	if err := json.Unmarshal([]byte(raw), &opt); err != nil {
		t.Fatalf("option: %v\n%s", err, raw)
	}
	return opt
}

// at follows a path of keys and indexes through decoded JSON.
func at(v any, path ...any) any {
	for _, p := range path {
		switch p := p.(type) {
		case string:
			m, _ := v.(map[string]any)
			v = m[p]
		case int:
			a, _ := v.([]any)
			if p >= len(a) {
				return nil
			}
			v = a[p]
		}
	}
	return v
}

// data lists a series' values: objects' "value", or the items themselves.
func data(series any) string {
	var out []string
	for _, d := range at(series, "data").([]any) {
		if m, ok := d.(map[string]any); ok {
			if name, ok := m["name"]; ok {
				out = append(out, fmt.Sprintf("%v=%v", name, m["value"]))
				continue
			}
			d = m["value"]
		}
		out = append(out, fmt.Sprint(d))
	}
	return strings.Join(out, " ")
}

// summary describes every series of an option as "type name [stack]: values".
func summary(opt map[string]any) string {
	var out []string
	for _, s := range at(opt, "series").([]any) {
		line := fmt.Sprintf("%v %v", at(s, "type"), at(s, "name"))
		if st := at(s, "stack"); st != nil {
			line += fmt.Sprintf(" stack=%v", st)
		}
		out = append(out, line+": "+data(s))
	}
	return strings.Join(out, "\n")
}

func TestRenderedChartOptions(t *testing.T) {
	env := testEnv(t)
	two := "metrics = [\"talent.students\", \"talent.apprentices\"]\n"
	tests := []struct {
		typ, body string
		series    string
		check     func(t *testing.T, opt map[string]any)
	}{
		{"line", two, "line 订单班学生: - 1100 1228 1380\nline 学徒: - 300 - 420\nline target 订单班学生: - - - 1550\nline target 学徒: - - - 400", func(t *testing.T, opt map[string]any) {
			want(t, "x axis", at(opt, "xAxis", 0), "map[data:[2022 2023 2024 2025] type:category]")
			want(t, "y axis", at(opt, "yAxis", 0), "map[name:人 nameTextStyle:map[align:left] type:value]")
		}},
		{"bar", two + "years = [2023, 2024]\n", "bar 订单班学生: 1100 1228\nbar 学徒: 300 -", func(t *testing.T, opt map[string]any) {
			want(t, "x axis", at(opt, "xAxis", 0, "data"), "[2023 2024]")
		}},
		{"stacked-bar", two, "bar 订单班学生 stack=total: - 1100 1228 1380\nbar 学徒 stack=total: - 300 - 420", nil},
		{"horizontal-bar", two, "bar 订单班学生: - 1100 1228 1380\nbar 学徒: - 300 - 420\nline target 订单班学生: - - - 1550\nline target 学徒: - - - 400", func(t *testing.T, opt map[string]any) {
			want(t, "y axis", at(opt, "yAxis", 0), "map[data:[2022 2023 2024 2025] inverse:true type:category]")
			want(t, "x axis", at(opt, "xAxis", 0), "map[name:人 nameGap:26 nameLocation:middle type:value]")
		}},
		{"pie", "metrics = [\"talent.students\", \"talent.apprentices\", \"talent.uncollected\"]\n",
			"pie 订单班学生list_separator学徒list_separator未采集: 订单班学生=1380 学徒=420", func(t *testing.T, opt map[string]any) {
				want(t, "radius", at(opt, "series", 0, "radius"), "55%")
			}},
		{"donut", two, "pie 订单班学生list_separator学徒: 订单班学生=1380 学徒=420", func(t *testing.T, opt map[string]any) {
			want(t, "radius", at(opt, "series", 0, "radius"), "[32% 55%]")
		}},
		{"radar", "metrics = [\"talent.students\", \"talent.placement\", \"talent.apprentices\"]\n",
			"radar 2022: 2022=[- - -]\nradar 2023: 2023=[1100 90 300]\nradar 2024: 2024=[1228 91.1 -]\nradar 2025: 2025=[1380 93.2 420]", func(t *testing.T, opt map[string]any) {
				want(t, "indicators", at(opt, "radar", "indicator"), "[map[max:2000 name:订单班学生] map[max:100 name:落实率] map[max:500 name:学徒]]")
			}},
		{"gauge", "metrics = [\"talent.students\"]\n", "gauge 订单班学生: 订单班学生=1380\ngauge target 订单班学生: target 订单班学生=1550", func(t *testing.T, opt map[string]any) {
			want(t, "max", at(opt, "series", 0, "max"), "2000")
			want(t, "formatter", at(opt, "series", 0, "detail", "formatter"), "1,380 人")
		}},
		{"gauge", "metrics = [\"talent.placement\"]\n", "gauge 落实率: 落实率=93.2", func(t *testing.T, opt map[string]any) {
			want(t, "max", at(opt, "series", 0, "max"), "100")
			want(t, "formatter", at(opt, "series", 0, "detail", "formatter"), "93.2%")
		}},
		{"line", "metrics = [\"talent.placement\", \"talent.dropout\"]\nyears = [2024, 2025]\n", "line 落实率: 91.1 93.2\nline 流失率: 2.5 2.8", func(t *testing.T, opt map[string]any) {
			want(t, "percent axis", at(opt, "yAxis", 0, "axisLabel", "formatter"), "{value}%")
			want(t, "percent axis name", at(opt, "yAxis", 0, "name"), "%")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.typ, func(t *testing.T) {
			html := string(render(t, env, "chart", "type = \""+tt.typ+"\"\n"+tt.body, "chart-2").HTML)
			if !strings.HasPrefix(html, `<figure class="figure figure-chart chart-`+tt.typ+`" id="chart-2">`) {
				t.Errorf("figure starts %q", html[:min(len(html), 80)])
			}
			opt := option(t, html, "chart-2")
			if got := summary(opt); got != tt.series {
				t.Errorf("series:\n%s\nwant\n%s", got, tt.series)
			}
			if tt.check != nil {
				tt.check(t, opt)
			}
		})
	}
}

func want(t *testing.T, what string, got any, w string) {
	t.Helper()
	if s := fmt.Sprint(got); s != w {
		t.Errorf("%s = %s, want %s", what, s, w)
	}
}

func TestGaugeWithNoValueShowsAGap(t *testing.T) {
	env := testEnv(t)
	b, _ := parse(env, "chart", "type = \"gauge\"\nmetrics = [\"talent.uncollected\"]\n") // warns
	fig, err := b.Render("chart-1", env)
	if err != nil {
		t.Fatal(err)
	}
	opt := option(t, string(fig.HTML), "chart-1")
	want(t, "gauge data", data(at(opt, "series", 0)), "未采集=-")
	if f := at(opt, "series", 0, "detail", "formatter"); f == "0 项" {
		t.Errorf("formatter = %q for a value never collected", f)
	}
}

var csvLink = regexp.MustCompile(`<a href="data:text/csv;charset=utf-8;base64,([A-Za-z0-9+/=]*)" download="([^"]*)">`)

func TestDataTableAndCSVHoldTheNumbers(t *testing.T) {
	env := testEnv(t)
	tests := []struct {
		name, kind, body string
		lang             string
		rows             []string
		csv              string
	}{
		{"counts with a gap and a note", "chart", "type = \"line\"\nmetrics = [\"talent.students\", \"talent.apprentices\"]\n", "zh",
			[]string{
				`<thead><tr><th scope="col">metric</th><th scope="col">2022</th><th scope="col">2023</th><th scope="col">2024</th><th scope="col">2025</th></tr></thead>`,
				`<tr><th scope="row">订单班学生unit_open人unit_close</th><td class="missing" title="not_collected">—</td><td>1,100</td><td>1,228<sup>*</sup></td><td>1,380</td></tr>`,
				`<tr><th scope="row">学徒unit_open人unit_close</th><td class="missing" title="not_collected">—</td><td>300</td><td class="missing" title="not_collected">—</td><td>420</td></tr>`,
				`<ul class="figure-notes"><li>* 2024 订单班学生note_colon含新增订单班</li></ul>`,
			},
			"\ufeffmetric,name,unit,source,2022,2023,2024,2025\r\ntalent.students,订单班学生,人,,,1100,1228,1380\r\ntalent.apprentices,学徒,人,,,300,,420\r\ntalent.students,target 订单班学生,人,,,,,1550\r\ntalent.apprentices,target 学徒,人,,,,,400\r\n"},
		{"percents and ratios", "table", "metrics = [\"talent.placement\", \"talent.ratio\"]\nyears = [2024, 2025]\n", "zh",
			[]string{
				`<tr><th scope="row">落实率unit_open%unit_close</th><td>91.1</td><td>93.2<sup>*</sup></td></tr>`,
				`<tr><th scope="row">生师比</th><td>18.0</td><td>18.4</td></tr>`,
				`<li>* 2025 落实率note_colon口径调整</li>`,
			},
			"\ufeffmetric,name,unit,source,2024,2025\r\ntalent.placement,落实率,%,,91.1,93.2\r\ntalent.ratio,生师比,,,18.0,18.4\r\n"},
		{"English names and units", "table", "metrics = [\"talent.students\"]\nyears = [2025, 2025]\n", "en",
			[]string{`<tr><th scope="row">Order-class studentsunit_openstudentsunit_close</th><td>1,380</td></tr>`},
			"\ufeffmetric,name,unit,source,2025\r\ntalent.students,Order-class students,students,,1380\r\ntalent.students,target Order-class students,students,,1550\r\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := env
			env.Lang = tt.lang
			fig := render(t, env, tt.kind, tt.body, "fig-1")
			html := string(fig.HTML)
			for _, r := range tt.rows {
				if !strings.Contains(html, r) {
					t.Errorf("no %s in\n%s", r, html)
				}
			}
			m := csvLink.FindStringSubmatch(html)
			if m == nil {
				t.Fatalf("no CSV link in\n%s", html)
			}
			link, err := base64.StdEncoding.DecodeString(m[1])
			if err != nil {
				t.Fatal(err)
			}
			if string(link) != tt.csv || string(fig.CSV) != tt.csv {
				t.Errorf("CSV link %q, Figure.CSV %q; want %q", link, fig.CSV, tt.csv)
			}
			if m[2] != "fig-1.csv" {
				t.Errorf("CSV named %q, want fig-1.csv", m[2])
			}
		})
	}
}

func TestKPICardsShowValueChangeTargetAndProgress(t *testing.T) {
	env := testEnv(t)
	fig := render(t, env, "kpi", `metrics = ["talent.students", "talent.dropout", "talent.ratio", "talent.teachers", "talent.apprentices", "talent.placement"]`, "kpi-1")
	if fig.CSV != nil {
		t.Errorf("kpi block has a CSV: %q", fig.CSV)
	}
	html := string(fig.HTML)
	cards := strings.Split(html, "\n<div class=\"kpi\">\n")
	if len(cards) != 7 || cards[0] != `<div class="kpis" id="kpi-1">` {
		t.Fatalf("want 6 cards in kpis kpi-1, got\n%s", html)
	}
	wants := []string{
		// higher is better, rising: good; target and progress.
		`<div class="kpi-name">订单班学生</div>
<div class="kpi-value"><span class="kpi-number">1,380</span> <span class="kpi-unit">人</span></div>
<div class="kpi-status"><span class="status status-off-track"><span aria-hidden="true">✗</span> status_off_track</span></div>
<div class="kpi-change kpi-good kpi-up"><span class="kpi-arrow" aria-hidden="true">▲</span> vs_previous_year +12.4% <span class="kpi-mood">improving</span></div>
<div class="kpi-target">target ≥ 1,550 人 · progress 89.0%</div><progress class="kpi-progress" max="100" value="89.0" aria-label="progress 89.0%"></progress>
</div>`,
		// lower is better, rising: bad, in percentage points.
		`<div class="kpi-name">流失率</div>
<div class="kpi-value"><span class="kpi-number">2.8%</span></div>
<div class="kpi-change kpi-bad kpi-up"><span class="kpi-arrow" aria-hidden="true">▲</span> vs_previous_year +0.3 个百分点 <span class="kpi-mood">worsening</span></div>
</div>`,
		// neutral: no good or bad word.
		`<div class="kpi-name">生师比</div>
<div class="kpi-value"><span class="kpi-number">18.4</span></div>
<div class="kpi-change kpi-neutral kpi-up"><span class="kpi-arrow" aria-hidden="true">▲</span> vs_previous_year +2.2%</div>
</div>`,
		// no change: flat.
		`<div class="kpi-name">兼职教师</div>
<div class="kpi-value"><span class="kpi-number">50</span> <span class="kpi-unit">人</span></div>
<div class="kpi-change kpi-neutral kpi-flat"><span class="kpi-arrow" aria-hidden="true">▬</span> vs_previous_year 0.0%</div>
</div>`,
		// no previous value: no change; progress over 100% fills the bar.
		`<div class="kpi-name">学徒</div>
<div class="kpi-value"><span class="kpi-number">420</span> <span class="kpi-unit">人</span></div>
<div class="kpi-status"><span class="status status-achieved"><span aria-hidden="true">✓</span> status_achieved</span></div>
<div class="kpi-target">target ≥ 400 人 · progress 105.0%</div><progress class="kpi-progress" max="100" value="100.0" aria-label="progress 105.0%"></progress>
</div>`,
		// a note.
		`<div class="kpi-name">落实率</div>
<div class="kpi-value"><span class="kpi-number">93.2%</span></div>
<div class="kpi-change kpi-good kpi-up"><span class="kpi-arrow" aria-hidden="true">▲</span> vs_previous_year +2.1 个百分点 <span class="kpi-mood">improving</span></div>
<div class="kpi-note">口径调整</div>
</div>
</div>
<p class="figure-source">sourcesource_unknown<span class="figure-source-notes"> notes2025 落实率note_colon口径调整</span></p>`,
	}
	for i, w := range wants {
		if cards[i+1] != w {
			t.Errorf("card %d:\n%s\nwant\n%s", i+1, cards[i+1], w)
		}
	}
}

func TestFallingValueOfALowerIsBetterMetricIsGood(t *testing.T) {
	env := testEnv(t)
	env.Year = 2024 // dropout 3.0 → 2.5
	html := string(render(t, env, "kpi", `metrics = ["talent.dropout"]`, "k").HTML)
	w := `<div class="kpi-change kpi-good kpi-down"><span class="kpi-arrow" aria-hidden="true">▼</span> vs_previous_year -0.5 个百分点 <span class="kpi-mood">improving</span></div>`
	if !strings.Contains(html, w) {
		t.Errorf("no %s in\n%s", w, html)
	}
}

func TestFigureIDAndTextAreEscaped(t *testing.T) {
	env := testEnv(t)
	const id = `x"<y>&`
	for _, tc := range []struct{ kind, body string }{
		{"chart", "type = \"line\"\nmetrics = [\"talent.xss\"]\n"},
		{"chart", "type = \"pie\"\ntitle = \"</script><script>alert(1)</script>\"\nmetrics = [\"talent.xss\"]\n"},
		{"table", "metrics = [\"talent.xss\"]\nyears = [2024, 2025]\n"},
		{"kpi", "metrics = [\"talent.xss\"]\n"},
	} {
		html := string(render(t, env, tc.kind, tc.body, id).HTML)
		for _, bad := range []string{"<b>", "<i>", "</script><script>", `id="x"`} {
			if strings.Contains(html, bad) {
				t.Errorf("%s %q: %q is not escaped in\n%s", tc.kind, tc.body, bad, html)
			}
		}
		if !strings.Contains(html, `&lt;b&gt;&#34;&amp;`) || !strings.Contains(html, `x&#34;&lt;y&gt;&amp;`) {
			t.Errorf("%s %q: escaped name or id missing in\n%s", tc.kind, tc.body, html)
		}
		if tc.kind == "chart" {
			opt := option(t, html, `x&#34;&lt;y&gt;&amp;`)
			if got := at(opt, "series", 0, "name"); got != `<b>"&` && got != "</script><script>alert(1)</script>" {
				t.Errorf("series name decodes to %q", got)
			}
		}
	}
}
