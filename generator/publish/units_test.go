package publish

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestUnitsMoveNewFoldersWholeAndPagesLast(t *testing.T) {
	out := t.TempDir()
	os.MkdirAll(filepath.Join(out, "assets"), 0o755)
	os.MkdirAll(filepath.Join(out, "2024", "a"), 0o755)
	w := &Writer{out: out}
	paths := []string{
		"2024/a/index.html", "2024/b/index.html", "2024/b/figures/chart-1/index.html", "2024/b/data.csv",
		"2024/index.html", "2025/index.html", "2025/x/index.html", "assets/a.css", "data/metrics.csv",
		"index.html", "robots.txt",
	}
	type row struct {
		rel       string
		dir, page bool
		files     int
	}
	var got []row
	for _, u := range w.units(paths) {
		got = append(got, row{u.rel, u.dir, u.page, len(u.files)})
	}
	want := []row{
		{"assets/a.css", false, false, 0}, // the folder is there: file by file
		{"data", true, false, 1},          // a new folder without pages: before every page
		{"robots.txt", false, false, 0},
		{"2024/a/index.html", false, true, 0},
		{"2024/b", true, true, 3}, // new below a folder that is there
		{"2024/index.html", false, true, 0},
		{"2025", true, true, 2},
		{"index.html", false, true, 0},
	}
	if !slices.Equal(got, want) {
		t.Errorf("units:\n got %v\nwant %v", got, want)
	}
}

func TestAFirstBuildIntoAnEmptyFolderPutsEveryFileInPlace(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	kept := foreign(t, out)
	fs := map[string]string{"index.html": "home", "2025/index.html": "y", "2025/s/index.html": "s",
		"2025/s/figures/chart-1/index.html": "f", "assets/a.css": "a", "data/m.csv": "m"}
	publishFiles(t, out, fs)
	want := kept
	for k, v := range fs {
		want = append(want, k+"="+v)
	}
	slices.Sort(want)
	if got := withoutManifest(files(t, out)); !slices.Equal(got, want) {
		t.Errorf("output holds\n%q\nwant\n%q", got, want)
	}
	if got := entries(t, out); slices.Contains(got, ScratchDir) {
		t.Errorf("the scratch folder outlived the build: %q", got)
	}
	// The next build replaces them file by file and removes what it no
	// longer writes, new folders moved whole again.
	publishFiles(t, out, map[string]string{"index.html": "home2", "2026/index.html": "z", "assets/a.css": "a2"})
	want = append(kept, "2026/index.html=z", "assets/a.css=a2", "index.html=home2")
	slices.Sort(want)
	if got := withoutManifest(files(t, out)); !slices.Equal(got, want) {
		t.Errorf("after the second build the output holds\n%q\nwant\n%q", got, want)
	}
}
