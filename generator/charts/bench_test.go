package charts

import (
	"fmt"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"nianbao/generator/diag"
	"nianbao/generator/metrics"
)

// benchKinds cycle through the synthetic catalogue's metrics.
var benchKinds = []struct{ kind, unit, unitEn string }{
	{"count", "人", "students"},
	{"percent", "%", ""},
	{"money", "万元", "10k yuan"},
	{"count", "家", "units"},
	{"ratio", "", ""},
	{"score", "分", "pts"},
}

// benchEnv is a Chinese page in the last of years report years, over a
// catalogue of n metrics in groups of 20, each with a value in every year
// but every seventh, a note now and then, and targets in the last two
// years for every other metric: the shape of the medium benchmark corpus.
func benchEnv(b testing.TB, n, years int) (Env, []*metrics.Metric) {
	b.Helper()
	first := 2026 - years
	var cat strings.Builder
	for i := 0; i < n; i++ {
		if i%20 == 0 {
			fmt.Fprintf(&cat, "[[group]]\nid = \"g%d\"\nname = \"分组%d\"\nname_en = \"Group %d\"\n\n", i/20, i/20, i/20)
		}
		k := benchKinds[i%len(benchKinds)]
		fmt.Fprintf(&cat, "[[metric]]\nid = \"g%d.m%d\"\nname = \"指标名称%d\"\nname_en = \"Metric name %d\"\nunit = %q\nunit_en = %q\nkind = %q\ndecimals = %d\nsource = \"联合体秘书处\"\nsource_en = \"Secretariat\"\n",
			i/20, i, i, i, k.unit, k.unitEn, k.kind, i%3)
		if i%2 == 0 {
			fmt.Fprintf(&cat, "targets = { %d = %d, %d = %d }\n", first+years-2, 900+i, first+years-1, 1000+i)
		}
		cat.WriteString("\n")
	}
	var l diag.List
	c := metrics.ParseCatalogue("content/metrics.toml", []byte(cat.String()), []string{"en"}, &l)
	var ys []int
	for y := first; y < first+years; y++ {
		ys = append(ys, y)
	}
	d := metrics.NewData(c, ys)
	for yi, y := range ys {
		var src strings.Builder
		for i, m := range c.Metrics {
			if i%20 == 0 {
				fmt.Fprintf(&src, "[g%d]\n", i/20)
			}
			if (i+yi)%7 == 3 {
				continue
			}
			v := 600 + 37*i + 11*yi
			if m.Kind == metrics.Percent {
				v = 40 + (i+yi)%50
			}
			if (i+yi)%11 == 0 {
				fmt.Fprintf(&src, "m%d = { value = %d.25, note = \"口径调整\", note_en = \"Definition changed\" }\n", i, v)
			} else {
				fmt.Fprintf(&src, "m%d = %d.5\n", i, v)
			}
		}
		d.ParseYear(y, fmt.Sprintf("content/%d/metrics.toml", y), []byte(src.String()), []string{"en"}, &l)
	}
	if err := l.Err(); err != nil {
		b.Fatal(err)
	}
	var strs map[string]string
	if _, err := toml.DecodeFile("../../themes/default/i18n/zh.toml", &strs); err != nil {
		b.Fatal(err)
	}
	env := Env{Data: d, Year: ys[len(ys)-1], Lang: "zh", Default: "zh", T: func(k string) string { return strs[k] },
		FigurePage: "/2025/01-a/chart-1/", FigureEmbed: "https://example.org/2025/01-a/chart-1/"}
	return env, c.Metrics
}

// BenchmarkRender renders one block of each kind, as a report section
// holds them: 2–3 metrics over the last 5 years, with targets; and the
// print edition's appendix table of 120 metrics over 20 years.
func BenchmarkRender(b *testing.B) {
	env, ms := benchEnv(b, 120, 20)
	last5 := env.Data.Years[len(env.Data.Years)-5:]
	pick := func(is ...int) []*metrics.Metric {
		var out []*metrics.Metric
		for _, i := range is {
			out = append(out, ms[i])
		}
		return out
	}
	blocks := []struct {
		name string
		b    *Block
	}{
		{"line-targets", &Block{Kind: "chart", Type: "line", Metrics: pick(0, 6, 12), Years: last5}},
		{"line-two-axes", &Block{Kind: "chart", Type: "line", Metrics: pick(0, 1), Years: last5}},
		{"bar", &Block{Kind: "chart", Type: "bar", Metrics: pick(0, 6, 12), Years: last5}},
		{"stacked-bar", &Block{Kind: "chart", Type: "stacked-bar", Metrics: pick(0, 6, 12), Years: last5}},
		{"horizontal-bar", &Block{Kind: "chart", Type: "horizontal-bar", Metrics: pick(0, 6), Years: last5}},
		{"pie", &Block{Kind: "chart", Type: "pie", Metrics: pick(0, 6, 12, 18), Years: []int{env.Year}}},
		{"donut", &Block{Kind: "chart", Type: "donut", Metrics: pick(0, 6, 12), Years: []int{env.Year}}},
		{"radar", &Block{Kind: "chart", Type: "radar", Metrics: pick(0, 6, 12, 18, 24), Years: last5[3:]}},
		{"gauge", &Block{Kind: "chart", Type: "gauge", Metrics: pick(0), Years: []int{env.Year}}},
		{"kpi", &Block{Kind: "kpi", Metrics: pick(0, 1, 2, 3), Years: []int{env.Year}}},
		{"table", &Block{Kind: "table", Metrics: pick(0, 1, 2), Years: last5}},
		{"table-120x20", &Block{Kind: "table", Title: "附录", Metrics: ms, Years: env.Data.Years}},
	}
	for _, bl := range blocks {
		b.Run(bl.name, func(b *testing.B) {
			env := env
			if bl.name == "table-120x20" {
				env.FigurePage, env.FigureEmbed = "", "" // the print edition's appendix
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := bl.b.Render("chart-1", env); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
