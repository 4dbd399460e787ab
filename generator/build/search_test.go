package build

import (
	"encoding/json"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// searchScript reads the search index script that matches glob in out and
// returns its JSON, checking the assignment around it.
func searchScript(t *testing.T, out, glob, prefix string) []byte {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(out, "assets", glob))
	if len(m) != 1 {
		t.Fatalf("%s: %q", glob, m)
	}
	js, err := os.ReadFile(m[0])
	if err != nil {
		t.Fatal(err)
	}
	s := string(js)
	if !strings.HasPrefix(s, prefix) || !strings.HasSuffix(s, ";\n") {
		t.Fatalf("%s starts %.80q; want %q", m[0], s, prefix)
	}
	if strings.Contains(s, "</") || strings.Contains(s, "<script") {
		t.Errorf("%s holds markup unescaped", m[0])
	}
	return []byte(strings.TrimSuffix(strings.TrimPrefix(s, prefix), ";\n"))
}

type indexDoc struct {
	T, U, W, X, K string
	Y             int
}

// TestSearchIndexByYear checks the index's parts: the list names each
// report's script, newest first; a report's script holds its pages with
// their year, the prose as text and hostile text as data.
func TestSearchIndexByYear(t *testing.T) {
	a := readArchive(t, "sites/basic.txtar")
	changes := map[string]string{
		"content/2025/02-talent.md": strings.Replace(string(a.files["content/2025/02-talent.md"]),
			`title = "人才培养"`, `title = "人才\u003c/script>"`, 1) + "\n\n校企&lt;/script&gt;\"'\u2028合作\n",
	}
	out, _, err := buildArchive(t, "basic", changes, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var list struct {
		Pages []indexDoc
		Years []struct {
			Y int
			T string
			U string
			N int
		}
	}
	if err := json.Unmarshal(searchScript(t, out, "search-zh.*.js", "window.NIANBAO_SEARCH = "), &list); err != nil {
		t.Fatal(err)
	}
	var years []int
	for _, y := range list.Years {
		years = append(years, y.Y)
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(y.U))); err != nil || !regexp.MustCompile(`^assets/search-zh-\d{4}\.[0-9a-f]{10}\.js$`).MatchString(y.U) {
			t.Errorf("report %d: script %q: %v", y.Y, y.U, err)
		}
	}
	if !slices.Equal(years, []int{2025, 2024}) {
		t.Errorf("reports listed %v; want the newest first", years)
	}
	for _, d := range list.Pages {
		if d.Y != 0 || strings.Contains(d.U, "2025/") {
			t.Errorf("the list holds %q of year %d; reports' pages belong in their scripts", d.U, d.Y)
		}
		if strings.HasPrefix(d.U, "metrics/") && (strings.Contains(d.X, d.U[len("metrics/"):len(d.U)-1]) || !strings.Contains(d.K, d.U[len("metrics/"):len(d.U)-1])) {
			t.Errorf("%s: the metric's id is in its text %q or not in its keys %q", d.U, d.X, d.K)
		}
	}
	var docs []indexDoc
	if err := json.Unmarshal(searchScript(t, out, "search-zh-2025.*.js", "(window.NIANBAO_SEARCH_YEARS = window.NIANBAO_SEARCH_YEARS || {})[2025] = "), &docs); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, d := range docs {
		if d.Y != 2025 {
			t.Errorf("%s in the 2025 script says year %d", d.U, d.Y)
		}
		if d.U == "2025/talent/" {
			found = true
			if d.T != "人才</script>" || !strings.Contains(d.X, "校企</script>\"'\u2028合作") {
				t.Errorf("2025/talent/: title %q, text %q", d.T, d.X)
			}
			for _, card := range []string{"较上年", "向好", "talent.order_class_students"} {
				if strings.Contains(d.X, card) && !strings.Contains(string(a.files["content/2025/02-talent.md"]), card) {
					t.Errorf("2025/talent/: the text quotes %q, which is not prose: %q", card, d.X)
				}
			}
		}
	}
	if !found {
		t.Errorf("no 2025/talent/ in the 2025 script: %v", docs)
	}
}

// TestSectionEditRewritesOneReportsSearchScript edits a 2025 section under
// serve: the 2025 search script gets the new text, 2024's stays as it was,
// and the output equals a full build's.
func TestSectionEditRewritesOneReportsSearchScript(t *testing.T) {
	s, dir := startSession(t, "basic")
	glob := func(pattern string) string {
		m, _ := filepath.Glob(filepath.Join(s.Root(), "assets", pattern))
		if len(m) != 1 {
			t.Fatalf("%s: %q", pattern, m)
		}
		return filepath.Base(m[0])
	}
	before24, before25 := glob("search-zh-2024.*.js"), glob("search-zh-2025.*.js")
	edit(t, dir, "content/2025/02-talent.md", func(s string) string { return s + "\n\n新增的校企合作段落。\n" })
	if r := s.Rebuild([]string{"content/2025/02-talent.md"}); r.Err != nil || r.Full {
		t.Fatalf("rebuild: full %v, %v", r.Full, r.Err)
	}
	if r := s.Settle(); r.Err != nil {
		t.Fatal(r.Err)
	}
	// The session keeps old scripts beside the new: read the one the
	// search page names.
	page, err := os.ReadFile(filepath.Join(s.Root(), "search", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	current := regexp.MustCompile(`search-zh\.[0-9a-f]{10}\.js`).Find(page)
	var list struct{ Years []struct{ U string } }
	if err := json.Unmarshal(searchScript(t, s.Root(), string(current), "window.NIANBAO_SEARCH = "), &list); err != nil {
		t.Fatal(err)
	}
	var listed []string
	for _, y := range list.Years {
		listed = append(listed, path.Base(y.U))
	}
	if !slices.Contains(listed, before24) {
		t.Errorf("the list names %q; want 2024's script %s unchanged", listed, before24)
	}
	for _, name := range listed {
		if name == before25 {
			t.Errorf("the list still names 2025's old script %s", before25)
		}
		if strings.HasPrefix(name, "search-zh-2025.") {
			data, err := os.ReadFile(filepath.Join(s.Root(), "assets", name))
			if err != nil || !strings.Contains(string(data), "新增的校企合作段落") {
				t.Errorf("%s: %v; want the new paragraph", name, err)
			}
		}
	}
	sameAsFullBuild(t, s, dir)
}
