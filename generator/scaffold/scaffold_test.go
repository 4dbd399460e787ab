package scaffold

import (
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"nianbao/generator/content"
	"nianbao/generator/diag"
)

var update = flag.Bool("update", false, "rewrite testdata/newyear/want")

// copyDir copies the folder src into a new temporary folder.
func copyDir(t *testing.T, src string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestNewYearGolden starts 2026 in testdata/newyear/site and compares the
// files written with testdata/newyear/want; -update rewrites them.
func TestNewYearGolden(t *testing.T) {
	dir := copyDir(t, "testdata/newyear/site")
	files, err := NewYear(dir, 2026)
	if err != nil {
		t.Fatal(err)
	}
	wantDir := filepath.Join("testdata", "newyear", "want")
	if *update {
		os.RemoveAll(wantDir)
		if err := os.CopyFS(wantDir, os.DirFS(filepath.Join(dir, "content", "2026"))); err != nil {
			t.Fatal(err)
		}
	}
	var want []string
	fs.WalkDir(os.DirFS(wantDir), ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			want = append(want, "content/2026/"+p)
		}
		return nil
	})
	if !slices.Equal(files, want) {
		t.Errorf("wrote %q\nwant  %q", files, want)
	}
	for _, f := range want {
		got, _ := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f)))
		w, _ := os.ReadFile(filepath.Join(wantDir, strings.TrimPrefix(f, "content/2026/")))
		if string(got) != string(w) {
			t.Errorf("%s:\n%s\nwant:\n%s", f, got, w)
		}
	}
}

func TestNewYearRefusesToOverwrite(t *testing.T) {
	dir := copyDir(t, "testdata/newyear/site")
	_, err := NewYear(dir, 2025)
	if want := "content/2025 exists already; nianbao new never overwrites a year"; err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
}

func TestNewYearReportsSiteErrors(t *testing.T) {
	dir := copyDir(t, "testdata/newyear/site")
	os.WriteFile(filepath.Join(dir, "content", "2025", "metrics.toml"), []byte("[operation]\nmember_unit = 1\n"), 0o644)
	_, err := NewYear(dir, 2026)
	want := `content/2025/metrics.toml:2:1: unknown metric "operation.member_unit" in group "operation"; did you mean "member_units"?`
	if err == nil || err.Error() != want {
		t.Errorf("error:\n%v\nwant:\n%s", err, want)
	}
	if _, err := os.Stat(filepath.Join(dir, "content", "2026")); err == nil {
		t.Error("content/2026 was written")
	}
}

func TestNewSiteRefusesAFolderWithFiles(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "x"), nil, 0o644)
	_, err := NewSite(dir, 2025)
	if want := dir + " is not empty; nianbao new site writes into a new or empty folder"; err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
}

func TestTodoLinesAreWarnedWhereTheyStand(t *testing.T) {
	p := &content.Page{File: "content/2026/01-a.md", BodyLine: 5, Body: []byte("## 标题\n\n" + todoLine + "\n\n```chart\nTODO: inside a block\n```\n\n  TODO: 补充\n")}
	c := &content.Content{Years: []*content.Year{{Year: 2026, Sections: []*content.Section{{Pages: map[string]*content.Page{"zh": p}}}}}}
	var l diag.List
	WarnStubs(c, &l)
	var got []string
	for _, d := range l.All() {
		got = append(got, d.Error())
	}
	want := []string{
		`content/2026/01-a.md:7:1: warning: TODO left by "nianbao new": write this paragraph, or delete the line`,
		`content/2026/01-a.md:13:3: warning: TODO left by "nianbao new": write this paragraph, or delete the line`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestNewYearAddsTheReportToADataYear starts a report in a year whose
// values were imported first: the values stay as they are.
func TestNewYearAddsTheReportToADataYear(t *testing.T) {
	dir := copyDir(t, "testdata/newyear/site")
	values := filepath.Join(dir, "content", "2026", "metrics.toml")
	os.MkdirAll(filepath.Dir(values), 0o755)
	os.WriteFile(values, []byte("[operation]\nmember_units = 120\n"), 0o644)
	files, err := NewYear(dir, 2026)
	if err != nil {
		t.Fatal(err)
	}
	if slices.Contains(files, "content/2026/metrics.toml") || !slices.Contains(files, "content/2026/_index.md") {
		t.Errorf("wrote %q", files)
	}
	if b, _ := os.ReadFile(values); string(b) != "[operation]\nmember_units = 120\n" {
		t.Errorf("values changed: %q", b)
	}
	os.WriteFile(filepath.Join(dir, "content", "2026", "notes.txt"), nil, 0o644)
	os.Remove(filepath.Join(dir, "content", "2026", "_index.md"))
	if _, err := NewYear(dir, 2026); err == nil {
		t.Error("new wrote into a year folder holding a report")
	}
}
