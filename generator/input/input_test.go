//go:build unix

package input

import (
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"
)

// hostileSite makes a site folder holding every kind of thing the build
// may not read, beside files and links it may.
func hostileSite(t *testing.T) (site, outside string) {
	t.Helper()
	root := t.TempDir()
	site = filepath.Join(root, "site")
	outside = filepath.Join(root, "secret.txt")
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(site, "static", "img"), 0o755))
	must(os.WriteFile(outside, []byte("secret"), 0o644))
	must(os.WriteFile(filepath.Join(site, "static", "a.txt"), []byte("a"), 0o644))
	must(os.Symlink("a.txt", filepath.Join(site, "static", "inside.txt")))
	must(os.Symlink("img", filepath.Join(site, "static", "img-link")))
	must(os.Symlink(outside, filepath.Join(site, "static", "outside.txt")))
	must(os.Symlink("/dev/zero", filepath.Join(site, "static", "zero")))
	must(os.Symlink("..", filepath.Join(site, "static", "img", "up")))
	must(os.Symlink("missing", filepath.Join(site, "static", "dangling")))
	must(os.Symlink("loop-b", filepath.Join(site, "static", "loop-a")))
	must(os.Symlink("loop-a", filepath.Join(site, "static", "loop-b")))
	must(syscall.Mkfifo(filepath.Join(site, "static", "fifo"), 0o644))
	ln, err := net.Listen("unix", filepath.Join(site, "static", "sock"))
	must(err)
	t.Cleanup(func() { ln.Close() })
	return site, outside
}

func TestOnlyRegularFilesInsideTheSiteAreRead(t *testing.T) {
	site, outside := hostileSite(t)
	fsys := New(site)
	done := make(chan []*fs.PathError)
	go func() { done <- fsys.Problems(nil, "static", "layouts") }()
	var problems []*fs.PathError
	select {
	case problems = <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Problems hangs (a FIFO was opened?)")
	}
	var got []string
	for _, p := range problems {
		got = append(got, p.Path+": "+p.Err.Error())
	}
	want := []string{
		"static/dangling: is a symbolic link to missing, which does not exist",
		"static/fifo: is a FIFO (named pipe), not a regular file; the build reads only regular files",
		"static/img-link/up: is a symbolic link to " + filepath.Join(site, "static") + ", a folder that holds it; the build would never end",
		"static/img/up: is a symbolic link to " + filepath.Join(site, "static") + ", a folder that holds it; the build would never end",
		"static/loop-a: is a symbolic link to loop-b, which leads back to itself; remove the link or point it at a file",
		"static/loop-b: is a symbolic link to loop-a, which leads back to itself; remove the link or point it at a file",
		"static/outside.txt: is a symbolic link to " + outside + ", outside the site folder; the build reads only files inside it (copy the file in instead)",
		"static/sock: is a socket, not a regular file; the build reads only regular files",
		"static/zero: is a symbolic link to /dev/zero, outside the site folder; the build reads only files inside it (copy the file in instead)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, name := range []string{"static/outside.txt", "static/zero", "static/fifo", "static/sock", "static/dangling", "static/loop-a", "static/../../secret.txt"} {
		if data, err := fsys.ReadFile(name); err == nil {
			t.Errorf("ReadFile(%s) = %q", name, data)
		}
	}
	// What stays inside is read, and listed as what it leads to;
	// testing/fstest checks the FS behaves as io/fs says.
	if err := fstest.TestFS(fsys, "static/a.txt", "static/inside.txt", "static/img-link"); err != nil {
		t.Error(err)
	}
	if data, err := fsys.ReadFile("static/inside.txt"); err != nil || string(data) != "a" {
		t.Errorf("ReadFile(static/inside.txt) = %q, %v", data, err)
	}
}

func TestAFIFOIsNeverOpened(t *testing.T) {
	site := t.TempDir()
	fifo := filepath.Join(site, "content.md")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	os.Symlink("content.md", filepath.Join(site, "link.md"))
	done := make(chan error)
	go func() {
		_, err := New(site).ReadFile("link.md")
		done <- err
	}()
	select {
	case err := <-done:
		want := "open link.md: is a FIFO (named pipe), not a regular file; the build reads only regular files"
		if err == nil || err.Error() != want {
			t.Errorf("err = %v, want %s", err, want)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("reading a FIFO hangs")
	}
}

func TestADeviceIsRefused(t *testing.T) {
	site := t.TempDir()
	dev := filepath.Join(site, "null.md")
	if err := syscall.Mknod(dev, syscall.S_IFCHR|0o666, 1<<8|3); err != nil {
		t.Skipf("cannot make a device node here (%v): run as root to test devices in the site folder", err)
	}
	_, err := New(site).ReadFile("null.md")
	if want := "open null.md: is a device, not a regular file; the build reads only regular files"; err == nil || err.Error() != want {
		t.Errorf("err = %v, want %s", err, want)
	}
}

func TestASiteFolderThatIsALinkIsFine(t *testing.T) {
	real := t.TempDir()
	os.WriteFile(filepath.Join(real, "site.toml"), []byte("x"), 0o644)
	link := filepath.Join(t.TempDir(), "site")
	os.Symlink(real, link)
	if data, err := New(link).ReadFile("site.toml"); err != nil || string(data) != "x" {
		t.Errorf("ReadFile through a linked site folder = %q, %v", data, err)
	}
}
