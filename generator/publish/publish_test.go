package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"syscall"
	"testing"
)

// files lists every file under dir with its content, as "rel=content".
func files(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.Type()&os.ModeSymlink != 0 {
			target, _ := os.Readlink(p)
			out = append(out, filepath.ToSlash(rel)+"->"+target)
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		out = append(out, filepath.ToSlash(rel)+"="+string(data))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

// entries lists the names in dir.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

func put(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func write(t *testing.T, w *Writer, files map[string]string) {
	t.Helper()
	for rel, data := range files {
		if err := w.Write(rel, []byte(data)); err != nil {
			t.Fatalf("Write(%q): %v", rel, err)
		}
	}
}

func TestWriteRejectsBadAndRepeatedPaths(t *testing.T) {
	w, err := New(filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	write(t, w, map[string]string{"2025/index.html": "x"})
	tests := []struct {
		rel     string
		wantErr string
	}{
		{"2025/index.html", "two files would be written to /2025/index.html"},
		{"/2025/index.html", "two files would be written to /2025/index.html"},
		{"2025/./x/../index.html", "two files would be written to /2025/index.html"},
		{"..", `bad output path ".."`},
		{"../escape.html", `bad output path "../escape.html"`},
		{"a/../../escape.html", `bad output path "../escape.html"`},
		{"", `bad output path "."`},
		{"/", `bad output path "."`},
		{"a\x00b", `bad output path "a\x00b"`},
		{".nianbao-manifest", "output path /.nianbao-manifest takes a name nianbao keeps for itself; rename the file"},
		{"/.nianbao-building/x.html", "output path /.nianbao-building/x.html takes a name nianbao keeps for itself; rename the file"},
	}
	for _, tt := range tests {
		err := w.Write(tt.rel, []byte("y"))
		if err == nil || err.Error() != tt.wantErr {
			t.Errorf("Write(%q) error = %v, want %q", tt.rel, err, tt.wantErr)
		}
	}
	if got := files(t, w.tmp); !slices.Equal(got, []string{"2025/index.html=x"}) {
		t.Errorf("rejected writes changed the build: %q", got)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(w.out), "escape.html")); err == nil {
		t.Error("a path with .. was written outside the build")
	}
}

func TestWriteTreatsALeadingDoubleSlashAsTheSamePath(t *testing.T) {
	w, err := New(filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	write(t, w, map[string]string{"index.html": "first"})
	err = w.Write("//index.html", []byte("second"))
	if want := "two files would be written to /index.html"; err == nil || err.Error() != want {
		t.Errorf("Write(%q) error = %v, want %q", "//index.html", err, want)
	}
}

func TestCopyWritesAFileFromAnFS(t *testing.T) {
	w, err := New(filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	src := t.TempDir()
	put(t, filepath.Join(src, "static", "logo.svg"), "<svg/>")
	if err := w.Copy("img/logo.svg", os.DirFS(src), "static/logo.svg"); err != nil {
		t.Fatal(err)
	}
	if err := w.Copy("img/none.svg", os.DirFS(src), "static/none.svg"); err == nil {
		t.Error("Copy of a missing file succeeded")
	}
	if got := files(t, w.tmp); !slices.Equal(got, []string{"img/logo.svg=<svg/>"}) {
		t.Errorf("build holds %q", got)
	}
}

func TestConcurrentWritesIntoNewFoldersAllSucceed(t *testing.T) {
	w, err := New(filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	const dirs, perDir = 100, 8
	var wg sync.WaitGroup
	errs := make(chan error, dirs*perDir)
	for f := range perDir {
		wg.Go(func() {
			for d := range dirs {
				if err := w.Write(fmt.Sprintf("d%d/f%d.html", d, f), []byte("x")); err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if got := w.Files(); got != dirs*perDir {
		t.Errorf("Files() = %d, want %d", got, dirs*perDir)
	}
}

func TestWriteUnderAFileIsAnError(t *testing.T) {
	w, err := New(filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	if err := w.Write("a", []byte("x")); err != nil {
		t.Fatal(err)
	}
	for _, rel := range []string{"a/b.html", "a/c/d.html"} {
		err := w.Write(rel, []byte("y"))
		if !errors.Is(err, syscall.ENOTDIR) {
			t.Errorf("Write(%q) error = %v, want one saying /a is not a folder", rel, err)
		}
	}
	if err := w.Write("b/c.html", []byte("z")); err != nil {
		t.Errorf("a write beside the failed ones: %v", err)
	}
}

func TestABuildLargerThanAnEarlyFlushIsCommittedOrAbortedWhole(t *testing.T) {
	for _, commit := range []bool{true, false} {
		out := filepath.Join(t.TempDir(), "public")
		w, err := New(out)
		if err != nil {
			t.Fatal(err)
		}
		// Enough bytes for early flushes to start while files are still
		// being written, from several goroutines.
		const files = 24
		data := make([]byte, 3*earlyFlushBytes/files)
		var wg sync.WaitGroup
		for i := range files {
			wg.Go(func() {
				if err := w.Write(fmt.Sprintf("d%d/f.html", i), data); err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()
		if !commit {
			w.Abort()
			if _, err := os.Stat(out); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("after Abort the output folder it made is still there: %v", err)
			}
			continue
		}
		if err := w.Commit(); err != nil {
			t.Fatal(err)
		}
		for i := range files {
			fi, err := os.Stat(filepath.Join(out, fmt.Sprintf("d%d/f.html", i)))
			if err != nil || fi.Size() != int64(len(data)) {
				t.Errorf("d%d/f.html: %v, %v", i, fi, err)
			}
		}
		if _, err := os.Stat(filepath.Join(out, ScratchDir)); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("the scratch folder is still there: %v", err)
		}
	}
}
