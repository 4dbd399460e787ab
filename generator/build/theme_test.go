package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestThemeOverridesFileByFile overrides one layout from the site's
// layouts/, one partial from themes/default/, and one theme string from
// i18n/: each wins over the built-in theme, and the rest still comes
// from it.
func TestThemeOverridesFileByFile(t *testing.T) {
	out, _, err := buildArchive(t, "basic", map[string]string{
		"layouts/section.html":                        `{{define "main"}}<article class="custom">{{.Title}}{{.Content}}</article>{{end}}`,
		"themes/default/layouts/partials/footer.html": `<footer class="custom-footer">{{.Site.Alliance}}</footer>`,
		"i18n/zh.toml":                                "skip_to_content = \"跳至正文\"\n",
		"static/robots.txt":                           "User-agent: *\n",
	}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	contains(t, out, "2025/talent/index.html",
		`<article class="custom">人才培养`,                     // the site's layout
		`<footer class="custom-footer">示例市域产教联合体</footer>`, // the theme folder's partial
		`<a class="skip" href="#main">跳至正文</a>`,            // the site's string
		`<header class="site-header">`,                     // the built-in header
	)
	contains(t, out, "2025/index.html", `class="toc"`) // the built-in year layout
	contains(t, out, "en/2025/talent/index.html", "Skip to content")
	contains(t, out, "robots.txt", "User-agent: *")
}

func TestThemeErrorsNameTheLayout(t *testing.T) {
	tests := []struct {
		name    string
		changes map[string]string
		want    string
	}{
		{
			name:    "parse error",
			changes: map[string]string{"layouts/section.html": "{{define \"main\"}}\n<p>{{.Title}</p>\n{{end}}"},
			want:    `layouts/section.html:2: bad character U+007D '}'`,
		},
		{
			name:    "unknown field",
			changes: map[string]string{"layouts/year.html": "{{define \"main\"}}\n\n<p>{{.Titel}}</p>\n{{end}}"},
			want:    `layouts/year.html:3:5: can't evaluate field Titel in type *theme.Page`,
		},
		{
			name:    "missing theme string",
			changes: map[string]string{"layouts/home.html": `{{define "main"}}{{.T "no_such_key"}}{{end}}`},
			want:    `layouts/home.html:1:19: error calling T: theme string "no_such_key" is missing in i18n/zh.toml`,
		},
		{
			name:    "string missing in one language",
			changes: map[string]string{"i18n/en.toml": "new_key = \"New\"\n"},
			want:    `i18n/en.toml:1:1: theme string "new_key" is missing in i18n/zh.toml`,
		},
		{
			name:    "the item a metric page lists for each citing section",
			changes: map[string]string{"layouts/partials/cited-by-item.html": "<li>\n{{.Titel}}</li>"},
			want:    `layouts/partials/cited-by-item.html:2:2: can't evaluate field Titel in type *theme.Link`,
		},
		{
			name:    "theme not found",
			changes: map[string]string{"site.toml": "title = \"T\"\ntheme = \"corporate\"\n\n[charts]\necharts = \"vendor/echarts.min.js\"\n"},
			want:    `site.toml: theme "corporate" not found: there is no folder themes/corporate`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := buildArchive(t, "basic", tt.changes, Options{})
			got := messages(err)
			for _, m := range got {
				if strings.HasPrefix(m, tt.want) {
					return
				}
			}
			t.Errorf("no error starting with\n  %s\nin\n  %s", tt.want, strings.Join(got, "\n  "))
		})
	}
}

// TestCitedByItemsComeFromTheirPartial overrides the item a metric page
// lists for each section citing it: every metric page lists the sections
// with the site's markup, in the page's language, newest report first; a
// broken item is one error, however many sections cite a metric.
func TestCitedByItemsComeFromTheirPartial(t *testing.T) {
	out, _, err := buildArchive(t, "basic", map[string]string{
		"layouts/partials/cited-by-item.html": `<li class="cite">{{.Title}} → {{.URL}}</li>` + "\n\n",
	}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	contains(t, out, "metrics/talent.order_class_students/index.html", `<ul class="cited-by">
<li class="cite">2025 · 人才培养 → /alliance/2025/talent/</li>
<li class="cite">2025 · 图表 → /alliance/2025/charts/</li>
<li class="cite">2024 · 人才培养 → /alliance/2024/talent/</li>`)
	contains(t, out, "en/metrics/talent.order_class_students/index.html", `<li class="cite">2025 · 人才培养 → /alliance/en/2025/talent/</li>`)

	_, _, err = buildArchive(t, "basic", map[string]string{"layouts/partials/cited-by-item.html": `<li>{{.Titel}}</li>`}, Options{})
	if got := messages(err); len(got) != 1 || !strings.Contains(got[0], "cited-by-item.html:1:6: can't evaluate field Titel") {
		t.Errorf("errors: %q, want the partial's one", got)
	}
}

// TestScorecardAndDashboardPiecesComeFromTheirPartials overrides the
// metric's linked name and the status that the scorecards and the
// dashboard show on every row: each row has the site's markup, in the
// page's language.
func TestScorecardAndDashboardPiecesComeFromTheirPartials(t *testing.T) {
	out, _, err := buildArchive(t, "basic", map[string]string{
		"layouts/partials/metric-link.html":   `<a class="m" href="{{.URL}}">{{.Title}}</a>`,
		"layouts/partials/metric-status.html": `<b class="{{.Key}}">{{.Word}}</b>` + "\n",
	}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	row := `<th scope="row" role="rowheader"><a class="m" href="/alliance/metrics/talent.order_class_students/">订单班学生</a></th>`
	status := `data-label="状态"><b class="off-track">滞后于计划</b></td></tr>`
	contains(t, out, "2025/index.html", row, status)
	contains(t, out, "2025/print/index.html", row, status)
	contains(t, out, "metrics/index.html", `<th scope="row"><a class="m" href="/alliance/metrics/talent.order_class_students/">订单班学生</a></th>`,
		`<td><b class="off-track">滞后于计划</b></td>`)
	contains(t, out, "en/metrics/index.html", `<th scope="row"><a class="m" href="/alliance/en/metrics/talent.order_class_students/">Order-class students</a></th>`)
}

// TestASitesOwnStatusPartialStaysItsOwn: a site that draws a banner of
// its own from partials/status.html (a name the theme once used for every
// scorecard cell) gets it only where its layout asks for it, and the
// scorecards keep their statuses.
func TestASitesOwnStatusPartialStaysItsOwn(t *testing.T) {
	out, _, err := buildArchive(t, "basic", map[string]string{
		"layouts/partials/status.html": `<p class="site-status">{{.Title}} 征求意见稿</p>`,
	}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, page := range []string{"2025/index.html", "2025/print/index.html", "metrics/index.html"} {
		data, err := os.ReadFile(filepath.Join(out, page))
		if err != nil || strings.Contains(string(data), "征求意见稿") {
			t.Errorf("%s shows the site's own partial (%v)", page, err)
		}
	}
	contains(t, out, "metrics/index.html", `<span class="status status-off-track">`)
}

// TestSparklineDrawsGapsAndLoneYears gives a metric a value in 2023 and
// 2025 only: its sparkline on the dashboard is a dot for 2023, nothing
// for 2024 and the latest year's larger dot, at the low and the high end.
func TestSparklineDrawsGapsAndLoneYears(t *testing.T) {
	out, _, err := buildArchive(t, "basic", map[string]string{
		"content/2023/metrics.toml": "[operation]\nmember_units = 1\n",
	}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	contains(t, out, "metrics/index.html", `<svg class="sparkline" viewBox="0 0 120 28" width="120" height="28" role="img" aria-label="历年走势 2023–2025"><circle cx="3.0" cy="25.0" r="1.6"/><circle cx="117.0" cy="3.0" r="2.5"/></svg>`)
}
