package build

import (
	"regexp"
	"strings"
	"testing"
)

// TestYearSwitcherKeepsTheSection checks that the year switcher of a
// section page leads to the same section in the other years where it
// exists, and to the report's front page where it does not.
func TestYearSwitcherKeepsTheSection(t *testing.T) {
	out, _, err := buildArchive(t, "basic", nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	contains(t, out, "2025/talent/index.html",
		`<li><a href="/alliance/2024/talent/">`,
		`<li><a href="/alliance/2025/talent/" aria-current="page">`)
	contains(t, out, "2025/operation/index.html", `<li><a href="/alliance/2024/">`)
	contains(t, out, "en/2025/print/index.html", `<li><a href="/alliance/en/2024/print/">`)
}

// TestHeadingsNeverTakeALayoutID gives the foreword and a section headings
// whose ids the layouts use themselves.
func TestHeadingsNeverTakeALayoutID(t *testing.T) {
	out, _, err := buildArchive(t, "basic", map[string]string{
		"content/2025/_index.en.md":       "+++\ntitle = \"2025 Annual Report\"\n+++\n## Foreword\n\nText.\n\n## Main\n\nMore.\n",
		"content/2025/03-charts.en.md":    "+++\ntitle = \"Plan\"\n+++\n## Appendix\n\nSee [the appendix](#appendix).\n\n## Funds\n\nx\n",
		"content/2025/01-operation.en.md": "+++\ntitle = \"Operation\"\n+++\n## Funds\n\nSee [funds](#funds).\n",
	}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	idRe := regexp.MustCompile(` id="([^"]+)"`)
	for _, rel := range []string{"en/2025/index.html", "en/2025/print/index.html", "en/2025/charts/index.html"} {
		seen := map[string]bool{}
		for _, m := range idRe.FindAllStringSubmatch(readFile(t, out, rel), -1) {
			if seen[m[1]] {
				t.Errorf("%s: id %q twice", rel, m[1])
			}
			seen[m[1]] = true
		}
	}
	contains(t, out, "en/2025/index.html",
		`<h2 id="foreword-1">Foreword</h2>`,
		`<section class="foreword" aria-labelledby="foreword-1">`)
	lacks(t, out, "en/2025/index.html", `id="foreword-title"`) // the heading is given once
	contains(t, out, "en/2025/charts/index.html", `<h2 id="appendix-1">Appendix</h2>`)
	// In the print edition every section's headings sit one level below
	// its title, with ids (and links to them) prefixed by the section.
	contains(t, out, "en/2025/print/index.html",
		`<h3 id="section-operation--funds">Funds</h3>`,
		`<a href="#section-operation--funds">funds</a>`,
		`<h3 id="section-charts--funds">Funds</h3>`,
		`<a href="#appendix">the appendix</a>`,
		`<section class="print-section prose" id="foreword" aria-labelledby="foreword-1">`)
}

func readFile(t *testing.T, out, rel string) string {
	t.Helper()
	a := readTree(t, out)
	b, ok := a[rel]
	if !ok {
		t.Fatalf("no %s", rel)
	}
	return strings.ReplaceAll(string(b), "\r", "")
}

// TestEverySectionFigureHasAPage checks the figure pages of a section: one
// per chart and table, in each language, holding the figure and a link
// back to it, and no header, footer or other figure.
func TestEverySectionFigureHasAPage(t *testing.T) {
	out, _, err := buildArchive(t, "basic", nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	files := readTree(t, out)
	for i := 1; i <= 6; i++ {
		for _, lang := range []string{"", "en/"} {
			rel := lang + "2025/charts/figures/chart-" + string(rune('0'+i)) + "/index.html"
			h, ok := files[rel]
			if !ok {
				t.Errorf("no %s", rel)
				continue
			}
			s := string(h)
			if strings.Count(s, "<figure") != 1 || strings.Contains(s, "site-header") || strings.Contains(s, "site-footer") {
				t.Errorf("%s: want one figure and no header or footer", rel)
			}
			back := `<a href="/alliance/` + lang + `2025/charts/#charts-chart-` + string(rune('0'+i)) + `" target="_top">`
			if !strings.Contains(s, back) {
				t.Errorf("%s: no link back %s", rel, back)
			}
		}
	}
	contains(t, out, "en/2025/charts/figures/chart-4/index.html",
		`<html lang="en"`,
		`<div class="figure-alone" lang="zh">`, // the section is not translated
		`<title>构成 2025 · `)
	contains(t, out, "2025/charts/index.html",
		`<a class="figure-page" href="/alliance/2025/charts/figures/chart-1/">单独查看</a>`,
		`&lt;iframe src=&#34;https://reports.example.org/alliance/2025/charts/figures/chart-1/&#34;`)
	// Figures outside report sections (the home page, metric pages) have
	// no page of their own.
	lacks(t, out, "metrics/talent.placement_rate/index.html", "figure-page")
}

// TestUntranslatedMetricTextIsMarked builds a catalogue whose metric has
// no English name and whose description is untranslated: wherever the
// English pages show them, they carry lang="zh".
func TestUntranslatedMetricTextIsMarked(t *testing.T) {
	a := readArchive(t, "sites/basic.txtar")
	cat := strings.Replace(string(a.files["content/metrics.toml"]), `name_en = "Order-class students"`, "", 1)
	out, _, err := buildArchive(t, "basic", map[string]string{"content/metrics.toml": cat}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	contains(t, out, "en/metrics/talent.order_class_students/index.html",
		`<h1 lang="zh">`,
		`<dd lang="zh">为合作企业定向培养的学生</dd>`)
	contains(t, out, "en/metrics/index.html", `<a href="/alliance/en/metrics/talent.order_class_students/" lang="zh">`)
	contains(t, out, "en/2025/index.html", `<a href="/alliance/en/metrics/talent.order_class_students/" lang="zh">`)
	contains(t, out, "en/index.html", `<div class="kpi-name" lang="zh">订单班学生</div>`)
	lacks(t, out, "metrics/talent.order_class_students/index.html", `<h1 lang=`, `<dd lang=`)
}
