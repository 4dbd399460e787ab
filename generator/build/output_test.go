package build

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"nianbao/generator/publish"
)

// putFiles writes name=content pairs under dir.
func putFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestRebuildKeepsForeignFiles builds the site into a GitHub Pages
// checkout, removes a section and builds again: the section's pages go,
// the files of the people and tools around the build stay, and the
// manifest lists exactly the files the build wrote.
func TestRebuildKeepsForeignFiles(t *testing.T) {
	a := readArchive(t, "sites/basic.txtar")
	dir := writeSite(t, a, nil)
	out := filepath.Join(t.TempDir(), "public")
	theirs := map[string]string{
		".git/HEAD":                 "ref: refs/heads/gh-pages\n",
		".git/objects/ab/cdef":      "blob",
		"CNAME":                     "reports.example.org\n",
		".nojekyll":                 "",
		".well-known/security.txt":  "Contact: mailto:it@example.org\n",
		"2025/charts/photo.jpg":     "a photo someone uploaded beside a page",
		"downloads/2023-report.pdf": "%PDF-1.4",
	}
	putFiles(t, out, theirs)
	if _, err := Run(Options{Site: dir, Out: out}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, "2025/charts/index.html")); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(dir, "content/2025/03-charts.md"))
	os.WriteFile(filepath.Join(dir, "content/2025/02-talent.md"), []byte(strings.ReplaceAll(string(a.files["content/2025/02-talent.md"]), "](../charts/", "](../plan/")), 0o644)
	if _, err := Run(Options{Site: dir, Out: out}); err != nil {
		t.Fatal(err)
	}
	for name, want := range theirs {
		if got, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name))); err != nil || string(got) != want {
			t.Errorf("%s: %q, %v; want it kept as %q", name, got, err, want)
		}
	}
	for _, gone := range []string{"2025/charts/index.html", "en/2025/charts/index.html"} {
		if _, err := os.Stat(filepath.Join(out, gone)); err == nil {
			t.Errorf("%s of the removed section is still there", gone)
		}
	}
	data, err := os.ReadFile(filepath.Join(out, publish.Manifest))
	if err != nil {
		t.Fatal(err)
	}
	var built []string
	for name := range readTree(t, out) {
		if _, foreign := theirs[name]; !foreign {
			built = append(built, name)
		}
	}
	slices.Sort(built)
	if got := publish.ParseManifest(data); !slices.Equal(got, built) {
		t.Errorf("the manifest lists %d files, the build wrote %d:\n%q\n%q", len(got), len(built), got, built)
	}
	if _, err := os.Stat(filepath.Join(out, publish.ScratchDir)); err == nil {
		t.Error("the scratch folder outlived the build")
	}
}

// TestOutputFoldersThatHoldTheSiteAreRefused gives --out every folder
// that would mix the output with the site; each is refused before
// anything is written, and the site is as it was.
func TestOutputFoldersThatHoldTheSiteAreRefused(t *testing.T) {
	a := readArchive(t, "sites/basic.txtar")
	dir := writeSite(t, a, map[string]string{
		"static/logo.svg":           "<svg/>",
		"layouts/.keep":             "",
		"themes/default/.keep":      "",
		"i18n/en.toml":              "",
		"content/2025/appendix.pdf": "%PDF",
	})
	// A previous build there, which a mistaken --out would once delete.
	putFiles(t, dir, map[string]string{"index.html": "<p>old</p>"})
	link := filepath.Join(t.TempDir(), "out")
	os.Symlink(dir, link)
	before := readTree(t, dir)
	for _, out := range []string{dir, filepath.Dir(dir), link, filepath.Join(dir, "content"), filepath.Join(dir, "content/2025"),
		filepath.Join(dir, "static/out"), filepath.Join(dir, "layouts"), filepath.Join(dir, "themes/default/static"), filepath.Join(dir, "i18n/x")} {
		_, err := Run(Options{Site: dir, Out: out})
		if err == nil || !strings.HasPrefix(err.Error(), "--out "+out+" ") {
			t.Errorf("--out %s: %v", out, err)
		}
	}
	after := readTree(t, dir)
	if len(after) != len(before) {
		t.Errorf("refused builds changed the site folder: %d files before, %d after", len(before), len(after))
	}
	for name, data := range before {
		if string(after[name]) != string(data) {
			t.Errorf("%s changed", name)
		}
	}
}
