//go:build unix

package serve

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestServeReadsOnlyRegularFilesInsideTheSite adds, while serve runs, a
// section that links to a file outside the site, a FIFO and a link to
// /dev/zero: the pages list each as an error, the secret is never served,
// and serve keeps answering.
func TestServeReadsOnlyRegularFilesInsideTheSite(t *testing.T) {
	dir := writeFiles(t, tinySite)
	secret := filepath.Join(t.TempDir(), "secret.md")
	os.WriteFile(secret, []byte("+++\ntitle = \"S\"\n+++\nTOP-SECRET\n"), 0o644)
	siteURL := startServe(t, dir, io.Discard)
	ev := events(t, siteURL)
	year := filepath.Join(dir, "content", "2025")
	os.Symlink(secret, filepath.Join(year, "03-leak.md"))
	waitEvent(t, ev)
	syscall.Mkfifo(filepath.Join(year, "04-fifo.md"), 0o644)
	os.Symlink("/dev/zero", filepath.Join(dir, "static-zero"))
	os.MkdirAll(filepath.Join(dir, "static"), 0o755)
	os.Symlink("/dev/zero", filepath.Join(dir, "static", "zero.bin"))
	wants := []string{
		"<li>content/2025/03-leak.md: is a symbolic link to " + secret + ", outside the site folder; the build reads only files inside it (copy the file in instead)</li>",
		"<li>content/2025/04-fifo.md: is a FIFO (named pipe), not a regular file; the build reads only regular files</li>",
		"<li>static/zero.bin: is a symbolic link to /dev/zero, outside the site folder; the build reads only files inside it (copy the file in instead)</li>",
	}
	// The three changes may reach the watcher in more than one batch,
	// each with its own rebuild: wait for the one that has seen them all.
	code, page := 0, ""
	for tries := 0; tries < 4; tries++ {
		waitEvent(t, ev)
		code, page = get(t, siteURL+"2025/a/")
		if containsAll(page, wants) {
			break
		}
	}
	for _, want := range wants {
		if code != 500 || !strings.Contains(page, want) {
			t.Errorf("error page: %d, want %s:\n%s", code, want, page)
		}
	}
	for _, p := range []string{"2025/leak/", "2025/a/", "2025/", "search/", "2025/print/"} {
		if _, body := get(t, siteURL+p); strings.Contains(body, "TOP-SECRET") {
			t.Errorf("%s serves the linked file's text", p)
		}
	}
}

func containsAll(s string, subs []string) bool {
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			return false
		}
	}
	return true
}
