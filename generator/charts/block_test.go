package charts

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"nianbao/generator/diag"
	"nianbao/generator/metrics"
)

const testCatalogue = `
[[group]]
id = "talent"
name = "人才培养"
name_en = "Talent"

[[metric]]
id = "talent.students"
name = "订单班学生"
name_en = "Order-class students"
unit = "人"
unit_en = "students"
decimals = 0
targets = { 2025 = 1550 }

[[metric]]
id = "talent.apprentices"
name = "学徒"
unit = "人"
targets = { 2025 = 400 }

[[metric]]
id = "talent.placement"
name = "落实率"
unit = "%"
kind = "percent"
decimals = 1

[[metric]]
id = "talent.dropout"
name = "流失率"
unit = "%"
kind = "percent"
decimals = 1
better = "lower"

[[metric]]
id = "talent.ratio"
name = "生师比"
kind = "ratio"
decimals = 1
better = "neutral"

[[metric]]
id = "talent.teachers"
name = "兼职教师"
unit = "人"

[[metric]]
id = "talent.uncollected"
name = "未采集"
unit = "项"

[[metric]]
id = "talent.xss"
name = "<b>\"&"
unit = "<i>"
`

var testValues = map[int]string{
	2023: "[talent]\nstudents = 1100\napprentices = 300\nplacement = 90.0\ndropout = 3.0\nratio = 18.0\nteachers = 50\n",
	2024: "[talent]\nstudents = { value = 1228, note = \"含新增订单班\" }\nplacement = 91.1\ndropout = 2.5\nratio = 18.0\nteachers = 50\nxss = 5\n",
	2025: "[talent]\nstudents = 1380\napprentices = 420\nplacement = { value = 93.2, note = \"口径调整\" }\ndropout = 2.8\nratio = 18.4\nteachers = 50\nxss = 7\n",
}

// testEnv is a 2025 page in Chinese over report years 2022–2026, where
// 2022 and 2026 have no values. Theme strings are their keys.
func testEnv(t *testing.T) Env {
	t.Helper()
	var l diag.List
	c := metrics.ParseCatalogue("content/metrics.toml", []byte(testCatalogue), []string{"en"}, &l)
	d := metrics.NewData(c, []int{2022, 2023, 2024, 2025, 2026})
	for y, src := range testValues {
		d.ParseYear(y, fmt.Sprintf("content/%d/metrics.toml", y), []byte(src), []string{"en"}, &l)
	}
	if err := l.Err(); err != nil {
		t.Fatal(err)
	}
	return Env{Data: d, Year: 2025, Lang: "zh", T: func(key string) string { return key }}
}

// The block's fence stands on line 10 of the page, its body from line 11.
const testFile = "content/2025/01-a.md"

var fence = diag.Pos{File: testFile, Line: 10, Col: 1}

// parse parses a block body and returns it with every diagnostic, one a
// line.
func parse(env Env, kind, body string) (*Block, string) {
	var l diag.List
	b := Parse(kind, testFile, []byte(body), 11, fence, env, &l)
	return b, diag.ErrorList(l.All()).Error()
}

// mustParse is parse for blocks without problems.
func mustParse(t *testing.T, env Env, kind, body string) *Block {
	t.Helper()
	b, problems := parse(env, kind, body)
	if problems != "" || b == nil {
		t.Fatalf("Parse(%s, %q):\n%s", kind, body, problems)
	}
	return b
}

func ids(ms []*metrics.Metric) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.ID)
	}
	return out
}

func TestParseReadsEveryKindOfBlock(t *testing.T) {
	env := testEnv(t)
	all := []int{2022, 2023, 2024, 2025}
	tests := []struct {
		name, kind, body string
		typ, title       string
		metrics          []string
		years            []int
	}{
		{"line over every year up to the page's", "chart", "type = \"line\"\nmetrics = [\"talent.students\", \"talent.apprentices\"]\n",
			"line", "", []string{"talent.students", "talent.apprentices"}, all},
		{"bar with a title", "chart", "type = \"bar\"\ntitle = \"订单班规模\"\nmetrics = [\"talent.students\"]\n",
			"bar", "订单班规模", []string{"talent.students"}, all},
		{"stacked bar with a range", "chart", "type = \"stacked-bar\"\nmetrics = [\"talent.students\"]\nyears = [2023, 2024]\n",
			"stacked-bar", "", []string{"talent.students"}, []int{2023, 2024}},
		{"horizontal bar past the page's year", "chart", "type = \"horizontal-bar\"\nmetrics = [\"talent.students\"]\nyears = [2024, 2030]\n",
			"horizontal-bar", "", []string{"talent.students"}, []int{2024, 2025, 2026}},
		{"pie shows the page's year", "chart", "type = \"pie\"\nmetrics = [\"talent.students\", \"talent.apprentices\"]\nyears = [2022, 2023]\n",
			"pie", "", []string{"talent.students", "talent.apprentices"}, []int{2025}},
		{"donut", "chart", "type = \"donut\"\nmetrics = [\"talent.students\"]\n",
			"donut", "", []string{"talent.students"}, []int{2025}},
		{"radar", "chart", "type = \"radar\"\nmetrics = [\"talent.students\", \"talent.placement\", \"talent.apprentices\"]\nyears = [2024, 2025]\n",
			"radar", "", []string{"talent.students", "talent.placement", "talent.apprentices"}, []int{2024, 2025}},
		{"gauge", "chart", "type = \"gauge\"\nmetrics = [\"talent.placement\"]\n",
			"gauge", "", []string{"talent.placement"}, []int{2025}},
		{"kpi", "kpi", "metrics = [\"talent.students\", \"talent.placement\"]\n",
			"", "", []string{"talent.students", "talent.placement"}, []int{2025}},
		{"table", "table", "title = \"科研\"\nmetrics = [\"talent.ratio\"]\nyears = [2023, 2025]\n",
			"", "科研", []string{"talent.ratio"}, []int{2023, 2024, 2025}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := mustParse(t, env, tt.kind, tt.body)
			if b.Kind != tt.kind || b.Type != tt.typ || b.Title != tt.title || b.Pos != fence {
				t.Errorf("Kind %q, Type %q, Title %q, Pos %v; want %q, %q, %q, %v", b.Kind, b.Type, b.Title, b.Pos, tt.kind, tt.typ, tt.title, fence)
			}
			if got := ids(b.Metrics); !slices.Equal(got, tt.metrics) {
				t.Errorf("Metrics %q, want %q", got, tt.metrics)
			}
			if !slices.Equal(b.Years, tt.years) {
				t.Errorf("Years %v, want %v", b.Years, tt.years)
			}
		})
	}
}

func TestParseReportsEveryProblemAtItsPosition(t *testing.T) {
	const at = testFile + ":"
	types := "line, bar, stacked-bar, horizontal-bar, pie, donut, radar, gauge"
	tests := []struct {
		name, kind, body string
		want             []string
	}{
		{"missing type", "chart", "metrics = [\"talent.students\"]\n",
			[]string{at + `10:1: chart block has no type; add type = "line" (or bar, stacked-bar, horizontal-bar, pie, donut, radar, gauge)`}},
		{"unknown type", "chart", "type = \"area\"\nmetrics = [\"talent.students\"]\n",
			[]string{at + `11:8: unknown chart type "area"; expected ` + types}},
		{"type not a string", "chart", "type = 1\nmetrics = [\"talent.students\"]\n",
			[]string{at + `11:8: type must be a string, not an integer`}},
		{"missing metrics", "chart", "type = \"line\"\n",
			[]string{at + `10:1: chart block has no metrics; add metrics = ["group.key"]`}},
		{"empty metrics", "kpi", "metrics = []\n",
			[]string{at + `10:1: kpi block has no metrics; add metrics = ["group.key"]`}},
		{"empty block", "table", "",
			[]string{at + `10:1: table block has no metrics; add metrics = ["group.key"]`}},
		{"metrics not an array", "kpi", "metrics = \"talent.students\"\n",
			[]string{at + `11:11: metrics must be an array of strings, not a string`}},
		{"metric not a string", "kpi", "metrics = [\"talent.students\", 3]\n",
			[]string{at + `11:31: metrics[1] must be a string, not an integer`}},
		{"unknown metric", "chart", "type = \"line\"\nmetrics = [\"talent.students\", \"talent.nope\"]\n",
			[]string{at + `12:31: unknown metric "talent.nope"; did you mean "talent.xss"?`}},
		{"unknown metric on a later line", "table", "metrics = [\n  \"talent.students\",\n    \"talent.nope\",\n]\n",
			[]string{at + `13:5: unknown metric "talent.nope"; did you mean "talent.xss"?`}},
		{"duplicate metric", "chart", "type = \"line\"\nmetrics = [\"talent.students\", \"talent.students\"]\n",
			[]string{at + `12:31: metric "talent.students" is listed twice`}},
		{"years not a range", "chart", "type = \"line\"\nmetrics = [\"talent.students\"]\nyears = [2023]\n",
			[]string{at + `13:9: years must be a range of two years, such as [2021, 2025]`}},
		{"years of three", "table", "metrics = [\"talent.students\"]\nyears = [2023, 2024, 2025]\n",
			[]string{at + `12:9: years must be a range of two years, such as [2021, 2025]`}},
		{"years not integers", "chart", "type = \"line\"\nmetrics = [\"talent.students\"]\nyears = [2023, \"2025\"]\n",
			[]string{at + `13:16: years[1] must be an integer, not a string`}},
		{"years backwards", "chart", "type = \"line\"\nmetrics = [\"talent.students\"]\nyears = [2025, 2023]\n",
			[]string{at + `13:9: years [2025, 2023] run backwards`}},
		{"years outside every report year", "table", "metrics = [\"talent.students\"]\nyears = [2010, 2015]\n",
			[]string{at + `12:9: no report year falls in years [2010, 2015]`}},
		{"gauge with two metrics", "chart", "type = \"gauge\"\nmetrics = [\"talent.placement\", \"talent.students\"]\n",
			[]string{at + `12:32: a gauge shows one metric, not 2`}},
		{"misspelt field", "chart", "type = \"line\"\nmetrics = [\"talent.students\"]\ntitel = \"x\"\n",
			[]string{at + `13:1: unknown field "titel" in a chart block; did you mean "title"?`}},
		{"field of a chart in a table", "table", "type = \"line\"\nmetrics = [\"talent.students\"]\n",
			[]string{at + `11:1: unknown field "type" in a table block; expected one of: metrics, title, years`}},
		{"field of a chart in a kpi", "kpi", "metrics = [\"talent.students\"]\nyears = [2024, 2025]\n",
			[]string{at + `12:1: unknown field "years" in a kpi block; expected one of: metrics`}},
		{"kpi metric with no value in the page's year", "kpi", "metrics = [\"talent.students\", \"talent.uncollected\"]\n",
			[]string{at + `11:31: no value for "talent.uncollected" in 2025`}},
		{"invalid TOML", "kpi", "metrics = [\"talent.students\"\n",
			[]string{at + `11:29: invalid TOML: expected a comma (',') or array terminator (']'), but got end of file`}},
		{"every problem at once", "chart", "type = \"area\"\nmetrics = [\"talent.nope\", \"talent.nope\"]\nyears = [2025, 2023]\n",
			[]string{
				at + `11:8: unknown chart type "area"; expected ` + types,
				at + `12:12: unknown metric "talent.nope"; did you mean "talent.xss"?`,
				at + `12:27: unknown metric "talent.nope"; did you mean "talent.xss"?`,
				at + `13:9: years [2025, 2023] run backwards`,
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, got := parse(testEnv(t), tt.kind, tt.body)
			if want := strings.Join(tt.want, "\n"); got != want {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
			if b != nil {
				t.Errorf("Parse returned a block despite errors")
			}
		})
	}
}

func TestBlockWithNoValuesIsAWarning(t *testing.T) {
	tests := []struct {
		kind, body string
		want       string
	}{
		{"chart", "type = \"bar\"\nmetrics = [\"talent.uncollected\"]\n",
			testFile + ":10:1: warning: chart block has no values to show in 2022–2025"},
		{"chart", "type = \"pie\"\nmetrics = [\"talent.uncollected\"]\n",
			testFile + ":10:1: warning: chart block has no values to show in 2025"},
		{"table", "metrics = [\"talent.uncollected\", \"talent.students\"]\nyears = [2026, 2026]\n",
			testFile + ":10:1: warning: table block has no values to show in 2026"},
		{"table", "metrics = [\"talent.apprentices\"]\nyears = [2024, 2024]\n",
			testFile + ":10:1: warning: table block has no values to show in 2024"},
	}
	for _, tt := range tests {
		b, got := parse(testEnv(t), tt.kind, tt.body)
		if got != tt.want {
			t.Errorf("%s %q:\n got %s\nwant %s", tt.kind, tt.body, got, tt.want)
		}
		if b == nil {
			t.Errorf("%s %q: a warning dropped the block", tt.kind, tt.body)
		}
	}
}

func TestIsKindKnowsTheThreeBlocks(t *testing.T) {
	for info, want := range map[string]bool{"chart": true, "kpi": true, "table": true, "go": false, "Chart": false, "": false} {
		if got := IsKind(info); got != want {
			t.Errorf("IsKind(%q) = %v, want %v", info, got, want)
		}
	}
}

func TestRadarWithTwoMetricsIsWarned(t *testing.T) {
	var l diag.List
	env := testEnv(t)
	Parse("chart", "content/2025/01-a.md", []byte("type = \"radar\"\nmetrics = [\"talent.students\", \"talent.placement\"]\n"), 12, diag.Pos{File: "content/2025/01-a.md", Line: 11, Col: 1}, env, &l)
	want := "content/2025/01-a.md:13:11: warning: a radar chart needs at least 3 metrics to draw an area, not 2; a bar chart shows 2 better"
	if got := diag.ErrorList(l.All()).Error(); got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
}

// TestDuplicatesInALongMetricListAreReported lists one metric 40 times:
// each repeat is reported where it stands, as in a short list.
func TestDuplicatesInALongMetricListAreReported(t *testing.T) {
	ids := strings.Repeat(`"talent.students", `, 40)
	_, got := parse(testEnv(t), "table", "metrics = ["+ids+"]\n")
	var want []string
	for i := 1; i < 40; i++ {
		want = append(want, fmt.Sprintf(`%s:11:%d: metric "talent.students" is listed twice`, testFile, 12+19*i))
	}
	if w := strings.Join(want, "\n"); got != w {
		t.Errorf("got\n%s\nwant\n%s", got, w)
	}
}
