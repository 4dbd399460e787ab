package charts

import (
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// themeStrings reads the default theme's strings for lang, so that the
// test hears what a reader hears.
func themeStrings(t *testing.T, lang string) func(string) string {
	t.Helper()
	var m map[string]string
	if _, err := toml.DecodeFile("../../themes/default/i18n/"+lang+".toml", &m); err != nil {
		t.Fatal(err)
	}
	return func(k string) string {
		s, ok := m[k]
		if !ok {
			t.Fatalf("theme string %q missing in %s.toml", k, lang)
		}
		return s
	}
}

func TestChartsDescribeThemselvesInThePageLanguage(t *testing.T) {
	for _, c := range []struct{ name, lang, body, want string }{
		{"line with a gap", "zh", `type = "line"
metrics = ["talent.students", "talent.apprentices"]
years = [2023, 2025]`,
			"订单班学生、学徒（2023–2025 年）。订单班学生：2023 年 1,100 人，2024 年 1,228 人，2025 年 1,380 人；学徒：2023 年 300 人，2024 年 无数据，2025 年 420 人。"},
		{"line in English", "en", `type = "line"
title = "Students"
metrics = ["talent.students", "talent.placement"]
years = [2024, 2025]`,
			"Students, 2024–2025. Order-class students: 1,228 students in 2024, 1,380 students in 2025; 落实率: 91.1% in 2024, 93.2% in 2025."},
		{"pie with shares", "zh", `type = "pie"
metrics = ["talent.students", "talent.apprentices", "talent.uncollected"]`,
			"订单班学生、学徒、未采集（2025 年）。订单班学生：1,380 人，占 76.7%；学徒：420 人，占 23.3%；未采集：无数据。"},
		{"gauge", "en", `type = "gauge"
metrics = ["talent.placement"]`,
			"落实率, 2025. 落实率: 93.2% in 2025."},
	} {
		t.Run(c.name, func(t *testing.T) {
			env := testEnv(t)
			env.Lang, env.T = c.lang, themeStrings(t, c.lang)
			b := mustParse(t, env, "chart", c.body)
			got := b.Describe(env)
			if got != c.want {
				t.Errorf("Describe:\n got %s\nwant %s", got, c.want)
			}
			for _, bad := range []string{"NaN", "undefined", "系列", "series 0", "{"} {
				if strings.Contains(got, bad) {
					t.Errorf("description says %q: %s", bad, got)
				}
			}
			fig, err := b.Render("chart-1", env)
			if err != nil {
				t.Fatal(err)
			}
			if want := `role="img" aria-label="` + strings.ReplaceAll(c.want, "&", "&amp;") + `"`; !strings.Contains(string(fig.HTML), want) {
				t.Errorf("the chart's element does not carry the description:\n%s", fig.HTML)
			}
		})
	}
}

func TestChartDescriptionIsEscaped(t *testing.T) {
	env := testEnv(t)
	env.T = themeStrings(t, "zh")
	fig := render(t, env, "chart", `type = "bar"
metrics = ["talent.xss"]
years = [2024, 2025]`, "chart-1")
	h := string(fig.HTML)
	if strings.Contains(h, `<b>"&`) || strings.Contains(h, "<i>") {
		t.Errorf("content reached the HTML unescaped:\n%s", h)
	}
	if !strings.Contains(h, `aria-label="&lt;b&gt;&#34;&amp;（2024–2025 年）。&lt;b&gt;&#34;&amp;：2024 年 5 &lt;i&gt;，2025 年 7 &lt;i&gt;。"`) {
		t.Errorf("no escaped description in\n%s", h)
	}
}

func TestEChartsOwnDescriptionIsOff(t *testing.T) {
	env := testEnv(t)
	fig := render(t, env, "chart", `type = "bar"
metrics = ["talent.students"]`, "chart-1")
	opt := option(t, string(fig.HTML), "chart-1")
	if at(opt, "aria", "enabled") != true || at(opt, "aria", "label", "enabled") != false || at(opt, "aria", "decal", "show") != true {
		t.Errorf("aria = %v; want decals on and ECharts' label off", opt["aria"])
	}
}
