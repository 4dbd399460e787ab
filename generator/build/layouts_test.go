package build

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestHeadTitleIsTheOldTitleRule overrides baseof.html with one that
// writes .HeadTitle beside the rule the default layout wrote out before
// it had .HeadTitle, and the figure-page test it used (eq .Kind): every
// kind of page gets the same title from both, hostile titles escaped
// alike, and a layout written the old way still builds.
func TestHeadTitleIsTheOldTitleRule(t *testing.T) {
	const hostile = `<i class="x">A&B's</i>`
	charts := string(readArchive(t, "sites/basic.txtar").files["content/2025/03-charts.md"])
	out, _, err := buildArchive(t, "basic", map[string]string{
		"layouts/baseof.html": `<!DOCTYPE html><html lang="{{.Lang}}"><head>` +
			`<title>{{.HeadTitle}}</title>` +
			`</head><body><h6>{{if eq .Kind "print"}}{{.Title}}{{else}}{{if ne .Kind "home"}}{{.Title}} · {{end}}{{.Site.Title}}{{end}}</h6>` +
			`{{if ne .Kind "figure"}}<p class="chrome"></p>{{end}}{{block "main" .}}{{end}}</body></html>`,
		"content/2025/03-charts.md": strings.Replace(charts, `title = "图表"`, `title = "图表 `+strings.ReplaceAll(hostile, `"`, `\"`)+`"`, 1),
	}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`<title>([^<]*)</title></head><body><h6>([^<]*)</h6>`)
	for _, rel := range []string{"index.html", "en/index.html", "2025/index.html", "2025/talent/index.html", "2025/charts/index.html", "en/2025/charts/index.html",
		"2025/print/index.html", "en/2025/print/index.html", "metrics/index.html", "search/index.html", "404.html",
		"2025/charts/figures/chart-1/index.html"} {
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(rel)))
		if err != nil {
			t.Error(err)
			continue
		}
		m := re.FindSubmatch(data)
		if m == nil {
			t.Errorf("%s: no title and old title in %.300s", rel, data)
			continue
		}
		if string(m[1]) != string(m[2]) || len(m[1]) == 0 {
			t.Errorf("%s: <title> %q, the old rule makes %q", rel, m[1], m[2])
		}
	}
	contains(t, out, "2025/charts/index.html", `<title>图表 &lt;i class=&#34;x&#34;&gt;A&amp;B&#39;s&lt;/i&gt; · 示例联合体年度报告</title>`)
	contains(t, out, "2025/talent/index.html", `<p class="chrome">`)
	lacks(t, out, "2025/charts/figures/chart-1/index.html", `<p class="chrome">`)
}

// TestYearLinksMarkTheirOwnPage overrides header.html with one that
// ranges .YearLinks itself, as a layout may instead of partialCached and
// markCurrent: each page of a report marks its own year once, pages
// outside the reports mark none, and a page's marking does not leak into
// the list another page of the same section in another year gets.
func TestYearLinksMarkTheirOwnPage(t *testing.T) {
	out, _, err := buildArchive(t, "basic", map[string]string{
		"layouts/partials/header.html": `<ul class="years">{{range .YearLinks}}<li{{if .Current}} class="current"{{end}}>{{.URL}}</li>{{end}}</ul>`,
	}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ rel, want string }{
		{"2024/index.html", `<ul class="years"><li class="current">/alliance/2024/</li><li>/alliance/2025/</li></ul>`},
		{"2025/index.html", `<ul class="years"><li>/alliance/2024/</li><li class="current">/alliance/2025/</li></ul>`},
		{"2024/talent/index.html", `<ul class="years"><li class="current">/alliance/2024/talent/</li><li>/alliance/2025/talent/</li></ul>`},
		{"2025/talent/index.html", `<ul class="years"><li>/alliance/2024/talent/</li><li class="current">/alliance/2025/talent/</li></ul>`},
		{"2025/print/index.html", `<ul class="years"><li>/alliance/2024/print/</li><li class="current">/alliance/2025/print/</li></ul>`},
		{"2025/charts/index.html", `<ul class="years"><li>/alliance/2024/</li><li class="current">/alliance/2025/charts/</li></ul>`},
		{"metrics/index.html", `<ul class="years"><li>/alliance/2024/</li><li>/alliance/2025/</li></ul>`},
		{"en/search/index.html", `<ul class="years"><li>/alliance/en/2024/</li><li>/alliance/en/2025/</li></ul>`},
	} {
		contains(t, out, tt.rel, tt.want)
	}
}
