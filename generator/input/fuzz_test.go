package input

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzOpen opens any name in a site folder that holds links in and out
// of it: whatever opens is a regular file or folder inside the site.
func FuzzOpen(f *testing.F) {
	root := f.TempDir()
	site := filepath.Join(root, "site")
	os.MkdirAll(filepath.Join(site, "content", "2025"), 0o755)
	os.WriteFile(filepath.Join(site, "content", "2025", "01-a.md"), []byte("a"), 0o644)
	os.WriteFile(filepath.Join(root, "secret"), []byte("secret"), 0o644)
	os.Symlink("../secret", filepath.Join(site, "up"))
	os.Symlink(filepath.Join(root, "secret"), filepath.Join(site, "content", "abs"))
	os.Symlink("2025", filepath.Join(site, "content", "y"))
	os.Symlink("../..", filepath.Join(site, "content", "2025", "loop"))
	os.Symlink("/", filepath.Join(site, "rootlink"))
	for _, s := range []string{"content/2025/01-a.md", "up", "content/abs", "content/y/01-a.md", "content/2025/loop/secret", "rootlink/etc/passwd", "../secret", "/etc/passwd", ".", "content/./y", "content/y/loop/site/up"} {
		f.Add(s)
	}
	fsys := New(site)
	real, _ := filepath.EvalSymlinks(site)
	f.Fuzz(func(t *testing.T, name string) {
		data, err := fsys.ReadFile(name)
		if err == nil && strings.Contains(string(data), "secret") {
			t.Fatalf("ReadFile(%q) read the file outside the site", name)
		}
		target, fi, err := fsys.resolve(name)
		if err != nil {
			return
		}
		if target != real && !within(target, real) {
			t.Fatalf("%q resolves to %s, outside %s", name, target, real)
		}
		if !fi.Mode().IsRegular() && !fi.IsDir() {
			t.Fatalf("%q is a %v", name, fi.Mode())
		}
	})
}
