package publish

import (
	"os"
	"path/filepath"
	"testing"
)

func TestOutputFoldersThatWouldMixWithTheSiteAreRefused(t *testing.T) {
	root := t.TempDir()
	site := filepath.Join(root, "site")
	for _, d := range []string{"content/2025", "static", "layouts", "themes/default", "i18n"} {
		if err := os.MkdirAll(filepath.Join(site, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	os.Symlink(".", filepath.Join(site, "self"))
	os.Symlink("content", filepath.Join(site, "pub"))
	os.Symlink(site, filepath.Join(root, "site-link"))
	os.Symlink(filepath.Join(site, "static", "missing"), filepath.Join(root, "dangling"))
	public := "choose a folder such as " + filepath.Join(site, "public") + ")"
	inside := func(d string) string {
		return " is inside the site's " + d + "/ folder, which the build reads; choose a folder outside it, such as " + filepath.Join(site, "public")
	}
	tests := []struct{ out, want string }{
		{site, "--out " + site + " is the site folder itself; a build there would mix the pages with the site's own files (" + public},
		{site + "/", "--out " + site + "/ is the site folder itself; a build there would mix the pages with the site's own files (" + public},
		{filepath.Join(site, "content", ".."), "--out " + filepath.Join(site, "content", "..") + " is the site folder itself; a build there would mix the pages with the site's own files (" + public},
		{filepath.Join(site, "self"), "--out " + filepath.Join(site, "self") + " is the site folder itself; a build there would mix the pages with the site's own files (" + public},
		{filepath.Join(root, "site-link"), "--out " + filepath.Join(root, "site-link") + " is the site folder itself; a build there would mix the pages with the site's own files (" + public},
		{root, "--out " + root + " holds the site folder " + site + "; a build there would mix the pages with the site's own files (" + public},
		{"/", "--out / holds the site folder " + site + "; a build there would mix the pages with the site's own files (" + public},
		{filepath.Join(site, "content"), "--out " + filepath.Join(site, "content") + inside("content")},
		{filepath.Join(site, "content", "2025", "out"), "--out " + filepath.Join(site, "content", "2025", "out") + inside("content")},
		{filepath.Join(site, "pub"), "--out " + filepath.Join(site, "pub") + inside("content")},
		{filepath.Join(site, "pub", "new", "deeper"), "--out " + filepath.Join(site, "pub", "new", "deeper") + inside("content")},
		{filepath.Join(site, "static", "x"), "--out " + filepath.Join(site, "static", "x") + inside("static")},
		{filepath.Join(site, "layouts"), "--out " + filepath.Join(site, "layouts") + inside("layouts")},
		{filepath.Join(site, "themes", "default", "static"), "--out " + filepath.Join(site, "themes", "default", "static") + inside("themes")},
		{filepath.Join(site, "i18n", "out"), "--out " + filepath.Join(site, "i18n", "out") + inside("i18n")},
		{filepath.Join(root, "dangling"), "--out " + filepath.Join(root, "dangling") + inside("static")},
		{filepath.Join(site, "public"), ""},
		{filepath.Join(site, "contents"), ""},
		{filepath.Join(root, "elsewhere", "public"), ""},
	}
	for _, tt := range tests {
		err := Refuse(tt.out, site)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tt.want {
			t.Errorf("Refuse(%s):\n got %s\nwant %s", tt.out, got, tt.want)
		}
	}
	// The site may be named by a relative path or a link.
	wd, _ := os.Getwd()
	defer os.Chdir(wd)
	os.Chdir(root)
	if err := Refuse("site/content/x", "site-link"); err == nil {
		t.Error("relative --out inside content/ of a linked site was accepted")
	}
	if err := Refuse("out", "site"); err != nil {
		t.Errorf("relative --out beside the site: %v", err)
	}
}
