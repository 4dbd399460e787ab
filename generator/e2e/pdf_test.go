package e2e

import (
	"context"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"nianbao/generator/pdf"
)

// TestPDFEdition prints the 2025 edition as build --pdf does and reads the
// file with poppler: fonts embedded as TrueType (no Type 3), tagged, one
// title, a bookmark for every section above its headings, a cover, and a
// contents whose every page number is the page its entry starts on.
func TestPDFEdition(t *testing.T) {
	setup(t)
	for _, tool := range []string{"pdftotext", "pdffonts", "pdfinfo"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("REQUIRE_BROWSER") == "1" {
				t.Fatalf("%s is not installed (poppler-utils; REQUIRE_BROWSER=1)", tool)
			}
			t.Skipf("%s is not installed (poppler-utils)", tool)
		}
	}
	rel := printYear + "/report-e2e.pdf"
	if err := pdf.Print(context.Background(), env.out, basePath, []pdf.Job{{Page: printYear + "/print/", PDF: rel, Year: 2025}}); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(env.out, filepath.FromSlash(rel))
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	// run runs a poppler tool on the file; pdftotext writes to stdout.
	run := func(name string, args ...string) string {
		args = append(args, file)
		if name == "pdftotext" {
			args = append(args, "-")
		}
		out, err := exec.Command(name, args...).Output()
		if err != nil {
			t.Fatalf("%s %s: %v", name, file, err)
		}
		return string(out)
	}
	fonts := run("pdffonts")
	for _, line := range strings.Split(fonts, "\n")[2:] {
		if strings.Contains(line, "Type 3") || (line != "" && !strings.Contains(line, " yes ")) {
			t.Errorf("a font that is not embedded as TrueType/CID: %s", line)
		}
	}
	info := run("pdfinfo")
	report := reportTitle(t)
	if !strings.Contains(info, "\nTagged:          yes") {
		t.Errorf("the PDF is not tagged:\n%s", info)
	}
	if m := regexp.MustCompile(`(?m)^Title:\s+(.*)$`).FindStringSubmatch(info); m == nil || m[1] != report {
		t.Errorf("pdfinfo Title %q, want the report's title %q once", m, report)
	}
	sheets := strings.Split(strings.TrimSuffix(run("pdftotext", "-enc", "UTF-8", "-layout"), "\f"), "\f")
	cover := squeeze(sheets[0])
	for _, want := range append([]string{"江澜市域产教联合体", report, "2025年度", "2026年3月20日"}, leadUnits(t)...) {
		if !strings.Contains(cover, squeeze(want)) {
			t.Errorf("the cover does not say %q:\n%s", want, sheets[0])
		}
	}
	dests, err := pdf.DestPages(data)
	if err != nil {
		t.Fatal(err)
	}
	checkContents(t, sheets, sectionTitles(t, printYear), dests)
	checkOutline(t, data, report, sectionTitles(t, printYear))
	checkFill(t, run("pdftotext", "-bbox"), dests)
}

// leadUnits are the names of the lead units the home page lists.
func leadUnits(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(env.out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	list := regexp.MustCompile(`(?s)<ul class="lead-list">(.*?)</ul>`).FindSubmatch(b)
	if list == nil {
		t.Fatal("the home page lists no lead units")
	}
	var out []string
	for _, m := range regexp.MustCompile(`</span> (?:<a [^>]*>)?([^<]+)`).FindAllSubmatch(list[1], -1) {
		out = append(out, html.UnescapeString(string(m[1])))
	}
	if len(out) == 0 {
		t.Fatal("no lead unit names")
	}
	return out
}

// reportTitle is the report's title, the <h1> of the built year page.
func reportTitle(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(env.out, printYear, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`<h1>([^<]*)</h1>`).FindSubmatch(b)
	if m == nil {
		t.Fatal("no <h1> on the year page")
	}
	return html.UnescapeString(string(m[1]))
}

// checkContents reads the contents page: every section title with a page
// number, which is where the section's title heads the page.
func checkContents(t *testing.T, sheets, titles []string, dests map[string]int) {
	t.Helper()
	contents := -1
	for i, s := range sheets {
		if strings.Contains(squeeze(s), "目录") {
			contents = i
			break
		}
	}
	if contents < 0 {
		t.Fatal("no contents page (目录)")
	}
	lines := strings.Split(sheets[contents], "\n")
	for i, title := range titles {
		var page int
		for _, l := range lines {
			if m := regexp.MustCompile(`^(.*?)\s+(\d+)\s*$`).FindStringSubmatch(l); m != nil && strings.HasSuffix(squeeze(m[1]), squeeze(title)) {
				page, _ = strconv.Atoi(m[2])
			}
		}
		if page < 1 || page > len(sheets) {
			t.Errorf("the contents give %q no page number (page %d)", title, page)
			continue
		}
		head := ""
		for _, l := range strings.Split(sheets[page-1], "\n") {
			if strings.TrimSpace(l) != "" {
				head = squeeze(l)
				break
			}
		}
		if want := strconv.Itoa(i+1) + squeeze(title); !strings.HasPrefix(head, want) {
			t.Errorf("the contents put %q on page %d, which starts with %q", title, page, head)
		}
	}
	if len(dests) == 0 {
		t.Error("the PDF has no named destinations for the contents' links")
	}
}

// checkOutline wants the report's title as the top bookmark, every
// section's title below it, and the sections' headings below them.
func checkOutline(t *testing.T, data []byte, report string, titles []string) {
	t.Helper()
	marks, err := pdf.Outline(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(marks) == 0 || marks[0].Title != report || marks[0].Level != 1 {
		t.Fatalf("the outline does not start with the report's title %q: %v", report, marks)
	}
	deeper := 0
	for _, title := range titles {
		found := false
		for i, m := range marks {
			if m.Level == 2 && strings.HasSuffix(squeeze(m.Title), squeeze(title)) {
				found = true
				if i+1 < len(marks) && marks[i+1].Level == 3 {
					deeper++
				}
			}
		}
		if !found {
			t.Errorf("no level-2 bookmark for the section %q", title)
		}
	}
	if deeper < len(titles)/2 {
		t.Errorf("only %d of %d sections have their headings nested below them in the outline: %v", deeper, len(titles), marks)
	}
}

var bboxPage = regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)
var bboxWord = regexp.MustCompile(`yMax="([\d.]+)"`)

// checkFill wants every page that is not the last of its part filled to
// at least half its height: a chart that does not fit moves to the next
// page alone, and must not leave half a page empty.
func checkFill(t *testing.T, bbox string, dests map[string]int) {
	t.Helper()
	starts := map[int]bool{}
	for id, p := range dests {
		if strings.HasPrefix(id, "section-") || id == "foreword" || id == "appendix" || id == "scorecard-title" {
			starts[p] = true
		}
	}
	pages := bboxPage.FindAllStringSubmatchIndex(bbox, -1)
	for i, loc := range pages {
		n := i + 1
		if n <= 2 || starts[n+1] || i+1 == len(pages) {
			continue // the cover, the contents, and the last page of a part
		}
		end := len(bbox)
		if i+1 < len(pages) {
			end = pages[i+1][0]
		}
		height, _ := strconv.ParseFloat(bbox[loc[4]:loc[5]], 64)
		low := 0.0
		for _, m := range bboxWord.FindAllStringSubmatch(bbox[loc[1]:end], -1) {
			if y, _ := strconv.ParseFloat(m[1], 64); y > low && y < height*0.93 { // not the page number
				low = y
			}
		}
		if low < height/2 {
			t.Errorf("page %d is more than half empty: its text ends at %.0f%% of its height", n, 100*low/height)
		}
	}
}
