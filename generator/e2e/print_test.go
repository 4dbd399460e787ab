package e2e

import (
	"bytes"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// printYear is the year whose print edition TestPrintEdition prints.
const printYear = "2025"

// minPrintPages is fewer pages than the example's print edition can have.
const minPrintPages = 10

var tocTitle = regexp.MustCompile(`<span class="toc-title">([^<]*)</span>`)

// sectionTitles reads the section titles from the contents list of the
// built year page.
func sectionTitles(t *testing.T, year string) []string {
	t.Helper()
	file := filepath.Join(env.out, year, "index.html")
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, m := range tocTitle.FindAllSubmatch(b, -1) {
		titles = append(titles, html.UnescapeString(string(m[1])))
	}
	if len(titles) == 0 {
		t.Fatalf("%s: no <span class=\"toc-title\"> in the contents", file)
	}
	return titles
}

// squeeze drops white space, which pdftotext puts where lines break and
// sometimes between Chinese characters.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

func TestPrintEdition(t *testing.T) {
	setup(t)
	titles := sectionTitles(t, printYear)
	tb := newTab(t)
	u := tb.open(t, basePath+printYear+"/print/")
	defer tb.check(t, u)
	if n := waitCharts(t, tb, u); n == 0 {
		t.Errorf("%s: no charts", u)
	}
	if _, err := chromedp.Run(tb.ctx, chromedp.Evaluate[chromedp.Void](`document.fonts.ready`, chromedp.EvalAwaitPromise)); err != nil {
		t.Fatalf("%s: %v", u, err)
	}
	res, err := chromedp.Call(tb.ctx, page.PrintToPDF, page.PrintToPDFParams{
		PrintBackground:   new(true),
		PreferCSSPageSize: new(true),
	})
	if err != nil {
		t.Fatalf("%s: printing to PDF: %v", u, err)
	}
	if !bytes.HasPrefix(res.Data, []byte("%PDF-")) {
		t.Fatalf("%s: printToPDF returned %d bytes that do not start with %%PDF-", u, len(res.Data))
	}
	file := filepath.Join(t.TempDir(), "report-"+printYear+".pdf")
	if err := os.WriteFile(file, res.Data, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: %d kB of PDF", u, len(res.Data)/1024)

	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		msg := "pdftotext is not on PATH (install poppler-utils): not checking the text of the PDF"
		if os.Getenv("REQUIRE_BROWSER") == "1" {
			t.Fatalf("%s (REQUIRE_BROWSER=1)", msg)
		}
		t.Log(msg)
		return
	}
	out, err := exec.Command(pdftotext, "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", file, err)
	}
	// pdftotext ends every page with a form feed.
	sheets := strings.Split(strings.TrimSuffix(string(out), "\f"), "\f")
	// Each title is in the contents and on its section's first page, so
	// a section missing from the edition is noticed too.
	for _, title := range titles {
		var on []string
		for i, sheet := range sheets {
			if strings.Contains(squeeze(sheet), squeeze(title)) {
				on = append(on, strconv.Itoa(i+1))
			}
		}
		switch len(on) {
		case 0:
			t.Errorf("%s: the PDF has no section title %q", u, title)
		case 1:
			t.Errorf("%s: the section title %q is only on page %s; want it in the contents and on its section", u, title, on[0])
		}
	}
	n := len(sheets)
	if pdfinfo, err := exec.LookPath("pdfinfo"); err == nil {
		info, err := exec.Command(pdfinfo, file).Output()
		if err != nil {
			t.Fatalf("pdfinfo %s: %v", file, err)
		}
		m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(info)
		if m == nil {
			t.Fatalf("pdfinfo %s prints no Pages:\n%s", file, info)
		}
		n, _ = strconv.Atoi(string(m[1]))
		if n != len(sheets) {
			t.Errorf("pdfinfo counts %d pages, pdftotext %d", n, len(sheets))
		}
		// The print stylesheet asks for A4, and PreferCSSPageSize
		// honours it.
		if size := regexp.MustCompile(`(?m)^Page size:.*$`).Find(info); !bytes.Contains(size, []byte("(A4)")) {
			t.Errorf("%s: pdfinfo %q; want A4", u, size)
		}
	}
	if n <= minPrintPages {
		t.Errorf("%s: the PDF has %d pages, want more than %d", u, n, minPrintPages)
	}
	// The print stylesheet numbers every page but the cover as "i / n" in
	// the bottom margin.
	var unnumbered []string
	for i, sheet := range sheets[1:] {
		if !strings.Contains(squeeze(sheet), fmt.Sprintf("%d/%d", i+2, len(sheets))) {
			unnumbered = append(unnumbered, strconv.Itoa(i+2))
		}
	}
	if len(unnumbered) > 0 {
		t.Errorf("%s: pages %s of %d have no page number \"i / %d\"", u, strings.Join(unnumbered, ", "), len(sheets), len(sheets))
	}
	t.Logf("%s: %d pages, %d section titles found", u, n, len(titles))
}
