//go:build unix

package check

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"nianbao/generator/build"
)

// TestCheckNamesWhatMayNotBeRead: check follows the build's rule on
// inputs, and never hangs on a FIFO.
func TestCheckNamesWhatMayNotBeRead(t *testing.T) {
	dir := writeFiles(t, warningSite)
	syscall.Mkfifo(filepath.Join(dir, "content", "2025", "03-c.md"), 0o644)
	os.MkdirAll(filepath.Join(dir, "layouts"), 0o755)
	os.Symlink("/etc/passwd", filepath.Join(dir, "layouts", "page.html"))
	done := make(chan []string, 1)
	go func() {
		l, err := Run(build.Options{Site: dir})
		if err != nil {
			t.Error(err)
			done <- nil
			return
		}
		var errs []string
		for _, d := range l.Errors() {
			errs = append(errs, d.Error())
		}
		done <- errs
	}()
	var errs []string
	select {
	case errs = <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("check hangs")
	}
	want := "content/2025/03-c.md: is a FIFO (named pipe), not a regular file; the build reads only regular files\n" +
		"layouts/page.html: is a symbolic link to /etc/passwd, outside the site folder; the build reads only files inside it (copy the file in instead)"
	if got := strings.Join(errs, "\n"); got != want {
		t.Errorf("errors:\n%s\nwant:\n%s", got, want)
	}
}
