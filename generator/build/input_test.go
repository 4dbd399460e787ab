//go:build unix

package build

import (
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// plantHostile puts, in each folder under site, a link to a file outside
// the site, a link to /dev/zero, a FIFO and a socket, named so that the
// build would read them (a section, a static file, a layout, a string
// file), and returns the errors the build must report.
func plantHostile(t *testing.T, site string, dirs map[string]string) []string {
	t.Helper()
	secret := filepath.Join(t.TempDir(), "passwd")
	os.WriteFile(secret, []byte("root:x:0:0"), 0o644)
	var want []string
	for dir, ext := range dirs {
		full := filepath.Join(site, filepath.FromSlash(dir))
		if err := os.MkdirAll(full, 0o755); err != nil {
			t.Fatal(err)
		}
		os.Symlink(secret, filepath.Join(full, "leak"+ext))
		os.Symlink("/dev/zero", filepath.Join(full, "zero"+ext))
		if err := syscall.Mkfifo(filepath.Join(full, "fifo"+ext), 0o644); err != nil {
			t.Fatal(err)
		}
		ln, err := net.Listen("unix", filepath.Join(full, "sock"+ext))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { ln.Close() })
		want = append(want,
			dir+"/fifo"+ext+": is a FIFO (named pipe), not a regular file; the build reads only regular files",
			dir+"/leak"+ext+": is a symbolic link to "+secret+", outside the site folder; the build reads only files inside it (copy the file in instead)",
			dir+"/sock"+ext+": is a socket, not a regular file; the build reads only regular files",
			dir+"/zero"+ext+": is a symbolic link to /dev/zero, outside the site folder; the build reads only files inside it (copy the file in instead)")
	}
	return want
}

var sourceFolders = map[string]string{
	"content":                      ".md",
	"content/2025":                 ".md",
	"content/2025/files":           ".pdf",
	"static":                       ".txt",
	"static/img":                   ".png",
	"layouts":                      ".html",
	"i18n":                         ".toml",
	"themes/default/layouts":       ".html",
	"themes/default/static/css":    ".css",
	"themes/default/static/nested": ".js",
}

// TestOnlyRegularFilesInsideTheSiteAreRead plants links out of the site,
// FIFOs and sockets in every folder a build reads: build and check name
// each one, never hang on them, and write nothing.
func TestOnlyRegularFilesInsideTheSiteAreRead(t *testing.T) {
	a := readArchive(t, "sites/basic.txtar")
	dir := writeSite(t, a, map[string]string{"static/ok.txt": "fine", "content/2025/files/ok.pdf": "%PDF"})
	want := plantHostile(t, dir, sourceFolders)
	// A device, where the machine lets us make one.
	if err := syscall.Mknod(filepath.Join(dir, "static", "null.txt"), syscall.S_IFCHR|0o666, 1<<8|3); err == nil {
		want = append(want, "static/null.txt: is a device, not a regular file; the build reads only regular files")
	} else {
		t.Logf("cannot make a device node (%v): devices are tested only through the links to /dev/zero", err)
	}
	out := filepath.Join(t.TempDir(), "public")
	done := make(chan error, 1)
	go func() {
		_, err := Run(Options{Site: dir, Out: out})
		done <- err
	}()
	var err error
	select {
	case err = <-done:
	case <-time.After(60 * time.Second):
		t.Fatal("the build hangs")
	}
	got := messages(err)
	for _, w := range want {
		found := false
		for _, g := range got {
			found = found || g == w
		}
		if !found {
			t.Errorf("missing error %q", w)
		}
	}
	for _, g := range got {
		if strings.Contains(g, "root:x") {
			t.Errorf("an error carries the secret: %s", g)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d errors, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a failed build wrote the output folder")
	}
}

func TestEChartsMustBeInsideTheSite(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "echarts.js")
	os.WriteFile(outside, []byte("window.echarts={}"), 0o644)
	for _, tt := range []struct{ setting, link, want string }{
		{"../echarts.js", "", `site.toml:18:11: charts.echarts must name a file inside the site folder or an https URL, not "../echarts.js"`},
		{outside, "", `site.toml:18:11: charts.echarts must name a file inside the site folder or an https URL, not "` + outside + `"`},
		{"vendor/echarts.js", outside, "site.toml:18:11: charts.echarts: cannot read vendor/echarts.js: is a symbolic link to " + outside + ", outside the site folder; the build reads only files inside it (copy the file in instead)"},
	} {
		a := readArchive(t, "sites/basic.txtar")
		dir := writeSite(t, a, map[string]string{"site.toml": strings.Replace(string(a.files["site.toml"]), `echarts = "vendor/echarts.min.js"`, `echarts = "`+tt.setting+`"`, 1)})
		if tt.link != "" {
			os.Symlink(tt.link, filepath.Join(dir, "vendor", "echarts.js"))
		}
		_, err := Run(Options{Site: dir, Out: filepath.Join(t.TempDir(), "public")})
		if got := messages(err); len(got) != 1 || got[0] != tt.want {
			t.Errorf("charts.echarts = %q: %q\nwant %q", tt.setting, got, tt.want)
		}
	}
}

// TestWhatTheBuildNeverReadsIsNoError: an editor's lock link (Emacs
// writes .#name links to nowhere), a FIFO in an ignored folder, a link in a
// _notes file: none is read, so none is an error.
func TestWhatTheBuildNeverReadsIsNoError(t *testing.T) {
	a := readArchive(t, "sites/basic.txtar")
	dir := writeSite(t, a, nil)
	os.Symlink("root@host.4242:1700000000", filepath.Join(dir, "content/2025/.#02-talent.md"))
	os.Symlink("/etc/passwd", filepath.Join(dir, "content/2025/_notes-link.md"))
	os.MkdirAll(filepath.Join(dir, "content/2025/_drafts"), 0o755)
	syscall.Mkfifo(filepath.Join(dir, "content/2025/_drafts/pipe.md"), 0o644)
	os.MkdirAll(filepath.Join(dir, "static"), 0o755)
	os.Symlink("/etc/passwd", filepath.Join(dir, "static/.hidden"))
	if _, err := Run(Options{Site: dir, Out: filepath.Join(t.TempDir(), "public")}); err != nil {
		t.Fatal(err)
	}
}
