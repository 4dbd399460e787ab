package charts

import (
	"encoding/base64"
	"fmt"
	"strings"
	"testing"

	"nianbao/generator/diag"
	"nianbao/generator/metrics"
)

// The plan on charts, with the default theme's real strings in both
// languages.

const planCatalogue = `
[[group]]
id = "op"
name = "实体化运行"
name_en = "Operation"

[[metric]]
id = "op.members"
name = "成员单位"
name_en = "Member units"
unit = "家"
unit_en = ""
decimals = 0
source = "联合体秘书处"
source_en = "Alliance secretariat"
targets = { 2024 = 70, 2025 = 100, 2027 = 140 }

[[metric]]
id = "op.rate"
name = "就业率"
name_en = "Employment rate"
unit = "%"
kind = "percent"
decimals = 1
source = "市教育局"
source_en = "City Education Bureau"
targets = { 2025 = 95 }

[[metric]]
id = "op.funds"
name = "运行经费"
name_en = "Operating funds"
unit = "万元"
unit_en = "10k CNY"
kind = "money"
decimals = 0
source = "联合体秘书处"
source_en = "Alliance secretariat"

[[metric]]
id = "op.ratio"
name = "生师比"
name_en = "Student-teacher ratio"
kind = "ratio"
decimals = 1
better = "lower"
targets = { 2025 = 18 }

[[metric]]
id = "op.charter"
name = "章程已备案"
name_en = "Charter filed"
kind = "flag"
source = "市教育局"
targets = { 2025 = true }
`

var planValues = map[int]string{
	2024: "[op]\nmembers = 71\nrate = 93.0\nfunds = 1160\nratio = 19.2\ncharter = false\n",
	2025: "[op]\nmembers = { value = 104, note = \"新增企业 20 家\", note_en = \"20 new enterprises\" }\nrate = 96.1\nfunds = 1380\nratio = 18.4\ncharter = true\n",
}

func planEnv(t *testing.T, lang string) Env {
	t.Helper()
	var l diag.List
	c := metrics.ParseCatalogue("content/metrics.toml", []byte(planCatalogue), []string{"en"}, &l)
	d := metrics.NewData(c, []int{2024, 2025})
	for y, src := range planValues {
		d.ParseYear(y, fmt.Sprintf("content/%d/metrics.toml", y), []byte(src), []string{"en"}, &l)
	}
	if err := l.Err(); err != nil {
		t.Fatal(err)
	}
	return Env{Data: d, Year: 2025, Lang: lang, T: themeStrings(t, lang)}
}

func TestTargetsOnCharts(t *testing.T) {
	for _, tt := range []struct {
		typ, lang, series string
		valueAxis         string
	}{
		{"line", "zh", "line 成员单位: 71 104\nline 目标 成员单位: 70 100", "yAxis"},
		{"bar", "zh", "bar 成员单位: 71 104\nline 目标 成员单位: 70 100", "yAxis"},
		{"horizontal-bar", "en", "bar Member units: 71 104\nline Target Member units: 70 100", "xAxis"},
		{"stacked-bar", "zh", "bar 成员单位 stack=total: 71 104", "yAxis"},
	} {
		t.Run(tt.typ+" "+tt.lang, func(t *testing.T) {
			env := planEnv(t, tt.lang)
			html := string(render(t, env, "chart", "type = \""+tt.typ+"\"\nmetrics = [\"op.members\"]\n", "c").HTML)
			opt := option(t, html, "c")
			if got := summary(opt); got != tt.series {
				t.Errorf("series:\n%s\nwant\n%s", got, tt.series)
			}
			if tt.typ != "stacked-bar" {
				want(t, "target line", at(opt, "series", 1, "lineStyle", "type"), "dashed")
			}
			want(t, "value axes", len(at(opt, tt.valueAxis).([]any)), "1")
		})
	}
}

func TestMetricChartsRunToTheLastTarget(t *testing.T) {
	env := planEnv(t, "zh")
	b := &Block{Kind: "chart", Type: "line", Metrics: []*metrics.Metric{env.Data.Catalogue.Metrics[0]}, Years: []int{2024, 2025, 2026, 2027}}
	fig, err := b.Render("history", env)
	if err != nil {
		t.Fatal(err)
	}
	opt := option(t, string(fig.HTML), "history")
	want(t, "series", summary(opt), "line 成员单位: 71 104 - -\nline 目标 成员单位: 70 100 - 140")
	for _, row := range []string{
		`<tr><th scope="row">成员单位（家）</th><td>71</td><td>104<sup>*</sup></td><td class="missing" title="未采集">—</td><td class="missing" title="未采集">—</td></tr>`,
		`<tr><th scope="row">目标 成员单位（家）</th><td>≥ 70</td><td>≥ 100</td><td class="missing">—</td><td>≥ 140</td></tr>`,
	} {
		if !strings.Contains(string(fig.HTML), row) {
			t.Errorf("no %s in\n%s", row, fig.HTML)
		}
	}
}

func TestSecondValueAxis(t *testing.T) {
	for _, tt := range []struct {
		typ, lang, axisKey, indexKey string
		axes                         string
	}{
		{"line", "zh", "yAxis", "yAxisIndex", "[map[name:家 nameTextStyle:map[align:left] type:value] map[axisLabel:map[formatter:{value}%] name:% nameTextStyle:map[align:right] splitLine:map[show:false] type:value]]"},
		{"bar", "en", "yAxis", "yAxisIndex", "[map[name:Member units nameTextStyle:map[align:left] type:value] map[axisLabel:map[formatter:{value}%] name:% nameTextStyle:map[align:right] splitLine:map[show:false] type:value]]"},
		{"horizontal-bar", "zh", "xAxis", "xAxisIndex", "[map[name:家 nameGap:26 nameLocation:middle type:value] map[axisLabel:map[formatter:{value}%] name:% nameGap:26 nameLocation:middle position:top splitLine:map[show:false] type:value]]"},
	} {
		t.Run(tt.typ+" "+tt.lang, func(t *testing.T) {
			env := planEnv(t, tt.lang)
			html := string(render(t, env, "chart", "type = \""+tt.typ+"\"\nmetrics = [\"op.members\", \"op.rate\"]\n", "c").HTML)
			opt := option(t, html, "c")
			want(t, "axes", at(opt, tt.axisKey), tt.axes)
			var idx []string
			for i := range 4 {
				idx = append(idx, fmt.Sprint(at(opt, "series", i, "name"), "→", at(opt, "series", i, tt.indexKey)))
			}
			w := "成员单位→0 就业率→1 目标 成员单位→0 目标 就业率→1"
			if tt.lang == "en" {
				w = "Member units→0 Employment rate→1 Target Member units→0 Target Employment rate→1"
			}
			want(t, "series axes", strings.Join(idx, " "), w)
		})
	}
	// Units are compared in the default language: 万元 and 家 are two
	// units even where the English page has none for 家.
	env := planEnv(t, "en")
	opt := option(t, string(render(t, env, "chart", "type = \"line\"\nmetrics = [\"op.members\", \"op.funds\"]\n", "c").HTML), "c")
	want(t, "en axes", at(opt, "yAxis"), "[map[name:Member units nameTextStyle:map[align:left] type:value] map[name:10k CNY nameTextStyle:map[align:right] splitLine:map[show:false] type:value]]")
}

func TestChartBlockErrors(t *testing.T) {
	env := planEnv(t, "zh")
	for _, tt := range []struct{ body, want string }{
		{"type = \"line\"\nmetrics = [\"op.members\", \"op.rate\", \"op.funds\"]\n",
			`content/2025/01-a.md:10:1: a line chart has two value axes, one per unit, but its metrics have 3 units ("家", "%", "万元"); split it into charts of at most two units`},
		{"type = \"horizontal-bar\"\nmetrics = [\"op.members\", \"op.rate\", \"op.ratio\"]\n",
			`content/2025/01-a.md:10:1: a horizontal-bar chart has two value axes, one per unit, but its metrics have 3 units ("家", "%", ""); split it into charts of at most two units`},
		{"type = \"bar\"\nmetrics = [\"op.members\", \"op.charter\"]\n",
			`content/2025/01-a.md:12:26: metric "op.charter" is a yes/no metric (kind = "flag"), which a chart cannot draw; show it in a kpi or table block`},
		{"type = \"pie\"\nmetrics = [\"op.charter\"]\n",
			`content/2025/01-a.md:12:12: metric "op.charter" is a yes/no metric (kind = "flag"), which a chart cannot draw; show it in a kpi or table block`},
	} {
		if _, got := parse(env, "chart", tt.body); got != tt.want {
			t.Errorf("%q:\n%s\nwant\n%s", tt.body, got, tt.want)
		}
	}
	// Two units in a pie, a flag in a table or kpi: fine.
	for _, tc := range []struct{ kind, body string }{
		{"table", "metrics = [\"op.members\", \"op.charter\"]\n"},
		{"kpi", "metrics = [\"op.charter\"]\n"},
		{"chart", "type = \"radar\"\nmetrics = [\"op.members\", \"op.rate\", \"op.funds\"]\n"},
	} {
		if _, got := parse(env, tc.kind, tc.body); got != "" {
			t.Errorf("%s %q: %s", tc.kind, tc.body, got)
		}
	}
}

func TestGaugeMarksItsTarget(t *testing.T) {
	for _, tt := range []struct{ lang, metric, name, line string }{
		{"zh", "op.rate", "目标 就业率", `<p class="figure-target">目标：≥ 95.0%</p>`},
		{"en", "op.rate", "Target Employment rate", `<p class="figure-target">Target: ≥ 95.0%</p>`},
		{"zh", "op.ratio", "目标 生师比", `<p class="figure-target">目标：≤ 18.0</p>`},
	} {
		env := planEnv(t, tt.lang)
		html := string(render(t, env, "chart", "type = \"gauge\"\nmetrics = [\""+tt.metric+"\"]\n", "g").HTML)
		opt := option(t, html, "g")
		want(t, "target series", fmt.Sprint(at(opt, "series", 1, "type"), " ", at(opt, "series", 1, "name")), "gauge "+tt.name)
		want(t, "same scale", at(opt, "series", 1, "max"), fmt.Sprint(at(opt, "series", 0, "max")))
		if !strings.Contains(html, tt.line) {
			t.Errorf("no %s in\n%s", tt.line, html)
		}
	}
	env := planEnv(t, "zh")
	opt := option(t, string(render(t, env, "chart", "type = \"gauge\"\nmetrics = [\"op.rate\"]\n", "g").HTML), "g")
	want(t, "target value", data(at(opt, "series", 1)), "目标 就业率=95")
	// A later target is stated with its year.
	env.Year = 2026
	b := &Block{Kind: "chart", Type: "gauge", Metrics: []*metrics.Metric{env.Data.Catalogue.Metrics[0]}, Years: []int{2026}}
	fig, err := b.Render("g", env)
	if err != nil {
		t.Fatal(err)
	}
	if w := `<p class="figure-target">目标：≥ 140 家（2027）</p>`; !strings.Contains(string(fig.HTML), w) {
		t.Errorf("no %s in\n%s", w, fig.HTML)
	}
}

func TestSourceLines(t *testing.T) {
	for _, tt := range []struct{ kind, lang, body, want string }{
		{"chart", "zh", "type = \"line\"\nmetrics = [\"op.members\", \"op.rate\", \"op.funds\"]\nyears = [2025, 2025]\n" /* 3 units */, ""},
		{"chart", "zh", "type = \"line\"\nmetrics = [\"op.members\", \"op.funds\"]\n",
			`<p class="figure-source">来源：联合体秘书处<span class="figure-source-notes"> 注：2025 成员单位：新增企业 20 家</span></p>`},
		{"chart", "en", "type = \"bar\"\nmetrics = [\"op.members\", \"op.rate\"]\n",
			`<p class="figure-source">Source: Alliance secretariat; City Education Bureau<span class="figure-source-notes"> Notes: 2025 Member units: 20 new enterprises</span></p>`},
		{"chart", "en", "type = \"bar\"\nmetrics = [\"op.members\"]\nyears = [2024, 2024]\n",
			`<p class="figure-source">Source: Alliance secretariat</p>`},
		{"table", "zh", "metrics = [\"op.ratio\"]\n", `<p class="figure-source">来源：未注明</p>`},
		{"kpi", "zh", "metrics = [\"op.rate\", \"op.charter\"]\n", `<p class="figure-source">来源：市教育局</p>`},
		// The English page falls back to the default language's source.
		{"kpi", "en", "metrics = [\"op.charter\", \"op.members\"]\n",
			`<p class="figure-source">Source: 市教育局; Alliance secretariat<span class="figure-source-notes"> Notes: 2025 Member units: 20 new enterprises</span></p>`},
	} {
		env := planEnv(t, tt.lang)
		if tt.want == "" {
			continue
		}
		html := string(render(t, env, tt.kind, tt.body, "f").HTML)
		if !strings.Contains(html, tt.want) {
			t.Errorf("%s %q: no %s in\n%s", tt.kind, tt.body, tt.want, html)
		}
	}
}

func TestChartCSVHasSourcesAndTargets(t *testing.T) {
	env := planEnv(t, "en")
	fig := render(t, env, "chart", "type = \"line\"\nmetrics = [\"op.members\", \"op.funds\"]\n", "c")
	w := "\ufeffmetric,name,unit,source,2024,2025\r\n" +
		"op.members,Member units,,Alliance secretariat,71,104\r\n" +
		"op.funds,Operating funds,10k CNY,Alliance secretariat,1160,1380\r\n" +
		"op.members,Target Member units,,Alliance secretariat,70,100\r\n"
	if string(fig.CSV) != w {
		t.Errorf("CSV %q\nwant %q", fig.CSV, w)
	}
	link := csvLink.FindStringSubmatch(string(fig.HTML))
	if b, _ := base64.StdEncoding.DecodeString(link[1]); string(b) != w {
		t.Errorf("CSV link %q", b)
	}
}

func TestPieLabelsShowValueUnitAndShare(t *testing.T) {
	for _, tt := range []struct{ lang, want string }{
		{"zh", "{b}\\n104 家 · 93.7%|{b}\\n7 家 · 6.3%"},
		{"en", "{b}\\n104 · 93.7%|{b}\\n7 · 6.3%"},
	} {
		env := planEnv(t, tt.lang)
		// A second metric in 家 for the slices.
		var l diag.List
		c := metrics.ParseCatalogue("content/metrics.toml", []byte(planCatalogue+"\n[[metric]]\nid = \"op.parks\"\nname = \"园区\"\nunit = \"家\"\nunit_en = \"\"\n"), []string{"en"}, &l)
		d := metrics.NewData(c, []int{2025})
		d.ParseYear(2025, "content/2025/metrics.toml", []byte("[op]\nmembers = 104\nparks = 7\n"), []string{"en"}, &l)
		env.Data = d
		for _, typ := range []string{"pie", "donut"} {
			opt := option(t, string(render(t, env, "chart", "type = \""+typ+"\"\nmetrics = [\"op.members\", \"op.parks\"]\n", "p").HTML), "p")
			got := fmt.Sprint(at(opt, "series", 0, "data", 0, "label", "formatter"), "|", at(opt, "series", 0, "data", 1, "label", "formatter"))
			if got != strings.ReplaceAll(tt.want, `\n`, "\n") {
				t.Errorf("%s %s labels %q, want %q", typ, tt.lang, got, tt.want)
			}
			want(t, "tooltip share decimals", at(opt, "series", 0, "percentPrecision"), "1")
		}
	}
}

func TestFlagsInTablesAndCards(t *testing.T) {
	for _, tt := range []struct {
		lang, kind, body string
		want             []string
	}{
		{"zh", "table", "metrics = [\"op.charter\"]\n", []string{
			`<tr><th scope="row">章程已备案</th><td>否</td><td>是</td></tr>`,
			`<tr><th scope="row">目标 章程已备案</th><td class="missing">—</td><td>是</td></tr>`}},
		{"en", "table", "metrics = [\"op.charter\"]\n", []string{
			`<tr><th scope="row">Charter filed</th><td>No</td><td>Yes</td></tr>`,
			`<tr><th scope="row">Target Charter filed</th><td class="missing">—</td><td>Yes</td></tr>`}},
		{"zh", "kpi", "metrics = [\"op.charter\"]\n", []string{`<div class="kpi-name">章程已备案</div>
<div class="kpi-value"><span class="kpi-number">是</span></div>
<div class="kpi-status"><span class="status status-achieved"><span aria-hidden="true">✓</span> 已达成</span></div>
<div class="kpi-target">目标 是</div>
</div>`}},
		{"en", "kpi", "metrics = [\"op.ratio\"]\n", []string{`<div class="kpi-name">Student-teacher ratio</div>
<div class="kpi-value"><span class="kpi-number">18.4</span></div>
<div class="kpi-status"><span class="status status-off-track"><span aria-hidden="true">✗</span> Off track</span></div>
<div class="kpi-change kpi-good kpi-down"><span class="kpi-arrow" aria-hidden="true">▼</span> vs previous year -4.2% <span class="kpi-mood">improving</span></div>
<div class="kpi-target">Target ≤ 18.0 · Progress 97.8%</div>`}},
	} {
		env := planEnv(t, tt.lang)
		html := string(render(t, env, tt.kind, tt.body, "f").HTML)
		for _, w := range tt.want {
			if !strings.Contains(html, w) {
				t.Errorf("%s %s: no\n%s\nin\n%s", tt.lang, tt.kind, w, html)
			}
		}
	}
}

func TestSourceLineAndCSVAreEscaped(t *testing.T) {
	var l diag.List
	cat := planCatalogue + "\n[[metric]]\nid = \"op.evil\"\nname = \"x\"\nsource = \"=HYPERLINK(\\\"http://x\\\")</p><script>alert(1)</script>\"\ntargets = { 2025 = 3 }\n"
	c := metrics.ParseCatalogue("content/metrics.toml", []byte(cat), []string{"en"}, &l)
	d := metrics.NewData(c, []int{2025})
	d.ParseYear(2025, "content/2025/metrics.toml", []byte("[op]\nevil = { value = 2, note = \"<img src=x onerror=alert(1)>\" }\n"), []string{"en"}, &l)
	if err := l.Err(); err != nil {
		t.Fatal(err)
	}
	env := Env{Data: d, Year: 2025, Lang: "zh", T: themeStrings(t, "zh")}
	for _, kind := range []string{"chart", "table", "kpi"} {
		body := "metrics = [\"op.evil\"]\n"
		if kind == "chart" {
			body = "type = \"bar\"\n" + body
		}
		fig := render(t, env, kind, body, "e")
		html := string(fig.HTML)
		if strings.Contains(html, "<script>") || strings.Contains(html, "<img") {
			t.Errorf("%s: unescaped source or note in\n%s", kind, html)
		}
		w := `<p class="figure-source">来源：=HYPERLINK(&#34;http://x&#34;)&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;<span class="figure-source-notes"> 注：2025 x：&lt;img src=x onerror=alert(1)&gt;</span></p>`
		if !strings.Contains(html, w) {
			t.Errorf("%s: no %s in\n%s", kind, w, html)
		}
		if kind != "kpi" && !strings.Contains(string(fig.CSV), `'=HYPERLINK(""http://x"")`) {
			t.Errorf("%s: CSV source not guarded: %q", kind, fig.CSV)
		}
	}
}

func TestAxisNamesEveryTranslatedUnit(t *testing.T) {
	env := testEnv(t) // students (人 / students) and teachers (人, no English unit given: 人)
	env.Lang = "en"
	opt := option(t, string(render(t, env, "chart", "type = \"line\"\nmetrics = [\"talent.students\", \"talent.teachers\"]\n", "c").HTML), "c")
	want(t, "axis", at(opt, "yAxis"), "[map[name:students / 人 nameTextStyle:map[align:left] type:value]]")
}

func TestTargetsSitOnTheirBars(t *testing.T) {
	for _, tt := range []struct{ typ, coord string }{
		{"bar", "[map[coord:[2024 70] name:目标 成员单位 value:70] map[coord:[2025 100] name:目标 成员单位 value:100]]"},
		{"horizontal-bar", "[map[coord:[70 2024] name:目标 成员单位 value:70] map[coord:[100 2025] name:目标 成员单位 value:100]]"},
	} {
		env := planEnv(t, "zh")
		opt := option(t, string(render(t, env, "chart", "type = \""+tt.typ+"\"\nmetrics = [\"op.members\", \"op.funds\"]\n", "c").HTML), "c")
		want(t, tt.typ+" marks on the bars", at(opt, "series", 0, "markPoint", "data"), tt.coord)
		want(t, tt.typ+" no marks without targets", at(opt, "series", 1, "markPoint"), "<nil>")
		// The target series keeps the legend entry and tooltip.
		want(t, tt.typ+" target series", fmt.Sprint(at(opt, "series", 2, "name"), " ", at(opt, "series", 2, "showSymbol")), "目标 成员单位 false")
	}
	// One bar per year: the target series itself sits on the bar.
	env := planEnv(t, "zh")
	opt := option(t, string(render(t, env, "chart", "type = \"bar\"\nmetrics = [\"op.members\"]\n", "c").HTML), "c")
	want(t, "single bar", at(opt, "series", 0, "markPoint"), "<nil>")
}
