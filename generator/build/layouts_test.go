package build

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// TestHeadTitleIsTheOldTitleRule overrides baseof.html with one that
// writes .HeadTitle beside the rule the default layout wrote out before
// it had .HeadTitle, and the figure-page test it used (eq .Kind): every
// kind of page gets the same title from both, and a layout written the
// old way still builds.
func TestHeadTitleIsTheOldTitleRule(t *testing.T) {
	out, _, err := buildArchive(t, "basic", map[string]string{
		"layouts/baseof.html": `<!DOCTYPE html><html lang="{{.Lang}}"><head>` +
			`<title>{{.HeadTitle}}</title>` +
			`<meta name="old" content="{{if eq .Kind "print"}}{{.Title}}{{else}}{{if ne .Kind "home"}}{{.Title}} · {{end}}{{.Site.Title}}{{end}}">` +
			`</head><body>{{if ne .Kind "figure"}}<p class="chrome"></p>{{end}}{{block "main" .}}{{end}}</body></html>`,
	}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`<title>([^<]*)</title><meta name="old" content="([^"]*)">`)
	for _, rel := range []string{"index.html", "en/index.html", "2025/index.html", "2025/talent/index.html",
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
		// The <title> is escaped as text, the attribute as an attribute:
		// the site's texts here have nothing either would change.
		if string(m[1]) != string(m[2]) || len(m[1]) == 0 {
			t.Errorf("%s: <title> %q, the old rule makes %q", rel, m[1], m[2])
		}
	}
	contains(t, out, "2025/talent/index.html", `<p class="chrome">`)
	lacks(t, out, "2025/charts/figures/chart-1/index.html", `<p class="chrome">`)
}
