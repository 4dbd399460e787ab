package charts

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"nianbao/generator/diag"
	"nianbao/generator/metrics"
)

var update = flag.Bool("update", false, "rewrite testdata/figures from the figures rendered now")

// hostileCatalogue adds metrics whose every text tries to break out of
// the HTML, the JSON option, an ECharts formatter or the CSV.
const hostileCatalogue = `
[[metric]]
id = "talent.evil"
name = "</script><!--{b}\u2028&\"'__f"
name_en = "<img src=x onerror=alert(1)>{c}"
unit = "<i>{d}"
source = "=HYPERLINK(\"x\")</p>"
targets = { 2025 = 9 }

[[metric]]
id = "talent.evilpct"
name = "=1+1 {a}"
unit = "%"
kind = "percent"
decimals = 2

[[metric]]
id = "talent.blank"
name = "空白"
name_en = ""
unit = "个"
`

// goldenEnv is testEnv with the hostile metrics, the default theme's
// strings in lang, and figure pages.
func goldenEnv(t *testing.T, lang string) Env {
	t.Helper()
	var l diag.List
	c := metrics.ParseCatalogue("content/metrics.toml", []byte(testCatalogue+hostileCatalogue), []string{"en"}, &l)
	d := metrics.NewData(c, []int{2022, 2023, 2024, 2025, 2026})
	vals := map[int]string{
		2024: "evil = { value = 4, note = \"</td><script>{b}\" }\nevilpct = 0.005\n",
		2025: "evil = 12345678.5\nevilpct = 99.999\nblank = 3\n",
	}
	for y, src := range testValues {
		d.ParseYear(y, "content/metrics.toml", []byte(src+vals[y]), []string{"en"}, &l)
	}
	if err := l.Err(); err != nil {
		t.Fatal(err)
	}
	return Env{Data: d, Year: 2025, Lang: lang, Default: "zh", T: themeStrings(t, lang),
		FigurePage: "../chart-1/", FigureEmbed: "https://example.org/a\"b/chart-1/"}
}

// TestFiguresMatchTheirGoldenFiles renders every kind of block, in both
// languages, with gaps, targets, two value axes, many series and hostile
// text, and compares HTML and CSV byte for byte with testdata/figures
// (go test ./generator/charts -run Golden -update rewrites them).
func TestFiguresMatchTheirGoldenFiles(t *testing.T) {
	for _, c := range goldenCases {
		t.Run(c.name, func(t *testing.T) {
			env := goldenEnv(t, c.lang)
			b, problems := parse(env, c.kind, c.body)
			if b == nil {
				t.Fatalf("Parse: %s", problems)
			}
			fig, err := b.Render("chart-1", env)
			if err != nil {
				t.Fatal(err)
			}
			golden(t, c.name, fig)
		})
	}
}

// goldenCases are the blocks of TestFiguresMatchTheirGoldenFiles.
var goldenCases = func() []struct{ name, lang, kind, body string } {
	two := "metrics = [\"talent.students\", \"talent.apprentices\"]\n"
	twoUnits := "metrics = [\"talent.students\", \"talent.placement\", \"talent.apprentices\"]\n"
	evil := "metrics = [\"talent.evil\", \"talent.evilpct\", \"talent.students\"]\n"
	cases := []struct{ name, lang, kind, body string }{
		{"line", "zh", "chart", "type = \"line\"\n" + two},
		{"line-en", "en", "chart", "type = \"line\"\n" + two},
		{"line-two-axes", "zh", "chart", "type = \"line\"\n" + twoUnits},
		{"line-percent", "zh", "chart", "type = \"line\"\nmetrics = [\"talent.placement\", \"talent.dropout\"]\nyears = [2024, 2025]\n"},
		{"line-hostile", "en", "chart", "type = \"line\"\ntitle = \"</script>{b}\"\nmetrics = [\"talent.evil\", \"talent.evilpct\"]\n"},
		{"bar-hostile", "zh", "chart", "type = \"bar\"\nmetrics = [\"talent.evil\", \"talent.students\"]\n"},
		{"bar", "zh", "chart", "type = \"bar\"\n" + two},
		{"bar-one", "zh", "chart", "type = \"bar\"\nmetrics = [\"talent.students\"]\n"},
		{"bar-two-axes", "en", "chart", "type = \"bar\"\n" + twoUnits},
		{"stacked-bar", "zh", "chart", "type = \"stacked-bar\"\n" + two},
		{"stacked-bar-two-axes", "zh", "chart", "type = \"stacked-bar\"\n" + twoUnits},
		{"horizontal-bar", "zh", "chart", "type = \"horizontal-bar\"\n" + two},
		{"horizontal-bar-two-axes", "en", "chart", "type = \"horizontal-bar\"\n" + twoUnits},
		{"pie", "zh", "chart", "type = \"pie\"\nmetrics = [\"talent.students\", \"talent.apprentices\", \"talent.uncollected\"]\n"},
		{"pie-hostile", "en", "chart", "type = \"pie\"\n" + evil},
		{"donut", "en", "chart", "type = \"donut\"\n" + two},
		{"radar", "zh", "chart", "type = \"radar\"\n" + twoUnits},
		{"radar-en", "en", "chart", "type = \"radar\"\nmetrics = [\"talent.students\", \"talent.placement\", \"talent.ratio\", \"talent.teachers\"]\nyears = [2024, 2025]\n"},
		{"gauge", "zh", "chart", "type = \"gauge\"\nmetrics = [\"talent.students\"]\n"},
		{"gauge-percent", "en", "chart", "type = \"gauge\"\nmetrics = [\"talent.placement\"]\n"},
		{"gauge-hostile", "zh", "chart", "type = \"gauge\"\nmetrics = [\"talent.evil\"]\n"},
		{"pie-no-values", "zh", "chart", "type = \"pie\"\nmetrics = [\"talent.uncollected\"]\n"},
		{"gauge-no-value", "en", "chart", "type = \"gauge\"\nmetrics = [\"talent.uncollected\"]\n"},
		{"radar-no-values", "zh", "chart", "type = \"radar\"\n" + twoUnits + "years = [2022, 2022]\n"},
		{"blank-name-line", "en", "chart", "type = \"line\"\nmetrics = [\"talent.blank\", \"talent.teachers\"]\n"},
		{"blank-name-pie", "en", "chart", "type = \"pie\"\nmetrics = [\"talent.blank\", \"talent.teachers\"]\n"},
		{"blank-name-gauge", "en", "chart", "type = \"gauge\"\nmetrics = [\"talent.blank\"]\n"},
		{"blank-name-radar", "en", "chart", "type = \"radar\"\nmetrics = [\"talent.blank\", \"talent.teachers\", \"talent.students\"]\n"},
		{"kpi", "zh", "kpi", "metrics = [\"talent.students\", \"talent.placement\", \"talent.dropout\", \"talent.ratio\"]\n"},
		{"kpi-hostile", "en", "kpi", "metrics = [\"talent.evil\", \"talent.evilpct\"]\n"},
		{"table", "zh", "table", twoUnits},
		{"table-hostile", "en", "table", "title = \"<b>{a}</b>\"\n" + evil},
	}
	return cases
}()

// TestManySeriesMatchTheirGoldenFiles renders charts of more series than
// the palette, dashes and symbols have, and a print appendix's table.
func TestManySeriesMatchTheirGoldenFiles(t *testing.T) {
	env, ms := benchEnv(t, 40, 12)
	env.FigurePage, env.FigureEmbed = "", ""
	for _, c := range manySeries(ms, env) {
		t.Run(c.name, func(t *testing.T) {
			fig, err := c.b.Render("appendix-g0", env)
			if err != nil {
				t.Fatal(err)
			}
			golden(t, c.name, fig)
		})
	}
}

// manySeries are the blocks of TestManySeriesMatchTheirGoldenFiles.
func manySeries(ms []*metrics.Metric, env Env) []struct {
	name string
	b    *Block
} {
	return []struct {
		name string
		b    *Block
	}{
		{"many-line", &Block{Kind: "chart", Type: "line", Metrics: []*metrics.Metric{ms[0], ms[6], ms[12], ms[18], ms[24], ms[30], ms[36], ms[3], ms[9]}, Years: env.Data.Years[4:]}},
		{"many-bar", &Block{Kind: "chart", Type: "bar", Metrics: []*metrics.Metric{ms[0], ms[6], ms[12], ms[18], ms[24], ms[30], ms[36], ms[3], ms[9]}, Years: env.Data.Years[8:]}},
		{"many-radar", &Block{Kind: "chart", Type: "radar", Metrics: ms[:9], Years: env.Data.Years}},
		{"many-pie", &Block{Kind: "chart", Type: "donut", Metrics: []*metrics.Metric{ms[0], ms[6], ms[12], ms[18], ms[24], ms[30], ms[36], ms[3], ms[9]}, Years: []int{env.Year}}},
		{"appendix", &Block{Kind: "table", Title: "附录", Metrics: ms[:20], Years: env.Data.Years}},
	}
}

// golden compares a figure with testdata/figures/name.html and .csv, or
// writes them with -update.
func golden(t *testing.T, name string, fig Figure) {
	t.Helper()
	files := map[string][]byte{name + ".html": append(fig.HTML, '\n')}
	if fig.CSV != nil {
		files[name+".csv"] = fig.CSV
	}
	for file, got := range files {
		path := filepath.Join("testdata", "figures", file)
		if *update {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (go test -run Golden -update writes it)", err)
		}
		if !bytes.Equal(got, want) {
			i := 0
			for i < len(got) && i < len(want) && got[i] == want[i] {
				i++
			}
			t.Errorf("%s differs at byte %d:\n got …%s…\nwant …%s…", path, i, excerpt(got, i), excerpt(want, i))
		}
	}
}

func excerpt(b []byte, i int) string {
	return string(b[max(0, i-80):min(len(b), i+80)])
}
