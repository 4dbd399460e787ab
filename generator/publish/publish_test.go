package publish

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
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
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
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

func writeFile(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// oldSite makes parent/public holding a previous build.
func oldSite(t *testing.T) (parent, out string) {
	parent = t.TempDir()
	out = filepath.Join(parent, "public")
	writeFile(t, filepath.Join(out, "index.html"), "old")
	writeFile(t, filepath.Join(out, "2024", "index.html"), "old 2024")
	return parent, out
}

func write(t *testing.T, w *Writer, files map[string]string) {
	t.Helper()
	for rel, data := range files {
		if err := w.Write(rel, []byte(data)); err != nil {
			t.Fatalf("Write(%q): %v", rel, err)
		}
	}
}

func TestCommitReplacesTheOldTree(t *testing.T) {
	parent, out := oldSite(t)
	w, err := New(out)
	if err != nil {
		t.Fatal(err)
	}
	write(t, w, map[string]string{"index.html": "new", "/2025/index.html": "new 2025", "assets/a/b/c.css": "css"})
	if got := w.Files(); got != 3 {
		t.Errorf("Files() = %d, want 3", got)
	}
	if got := files(t, out); !slices.Equal(got, []string{"2024/index.html=old 2024", "index.html=old"}) {
		t.Errorf("before Commit the output is %q; want it untouched", got)
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	want := []string{"2025/index.html=new 2025", "assets/a/b/c.css=css", "index.html=new"}
	if got := files(t, out); !slices.Equal(got, want) {
		t.Errorf("after Commit the output is %q, want %q", got, want)
	}
	if got := entries(t, parent); !slices.Equal(got, []string{"public"}) {
		t.Errorf("after Commit the parent holds %q, want only public", got)
	}
}

func TestCommitCreatesAMissingOutput(t *testing.T) {
	out := filepath.Join(t.TempDir(), "deep", "public")
	w, err := New(out)
	if err != nil {
		t.Fatal(err)
	}
	write(t, w, map[string]string{"index.html": "new"})
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := files(t, out); !slices.Equal(got, []string{"index.html=new"}) {
		t.Errorf("output = %q", got)
	}
}

func TestAbortLeavesTheOldTreeAndRemovesTheTemporaryFolder(t *testing.T) {
	parent, out := oldSite(t)
	w, err := New(out)
	if err != nil {
		t.Fatal(err)
	}
	write(t, w, map[string]string{"index.html": "new", "2025/index.html": "new 2025"})
	if got := entries(t, parent); len(got) != 2 || !strings.HasPrefix(got[0], ".public.building-") {
		t.Errorf("while building the parent holds %q, want .public.building-… and public", got)
	}
	w.Abort()
	if got := files(t, out); !slices.Equal(got, []string{"2024/index.html=old 2024", "index.html=old"}) {
		t.Errorf("after Abort the output is %q; want it untouched", got)
	}
	if got := entries(t, parent); !slices.Equal(got, []string{"public"}) {
		t.Errorf("after Abort the parent holds %q, want only public", got)
	}
}

func TestNewRefusesToReplace(t *testing.T) {
	dir := t.TempDir()
	other := filepath.Join(dir, "docs")
	writeFile(t, filepath.Join(other, "notes.txt"), "mine")
	file := filepath.Join(dir, "file")
	writeFile(t, file, "x")
	empty := filepath.Join(dir, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		out     string
		wantErr string
	}{
		{other, "output folder " + other + " holds files but no index.html, so it does not look like a built site; refusing to replace it (choose another --out or empty it)"},
		{file, "output " + file + " exists and is not a folder"},
		{empty, ""},
	}
	for _, tt := range tests {
		w, err := New(tt.out)
		if tt.wantErr == "" {
			if err != nil {
				t.Errorf("New(%s): %v", tt.out, err)
			} else {
				w.Abort()
			}
			continue
		}
		if err == nil || err.Error() != tt.wantErr {
			t.Errorf("New(%s) error = %v, want %q", tt.out, err, tt.wantErr)
		}
	}
	if got := files(t, other); !slices.Equal(got, []string{"notes.txt=mine"}) {
		t.Errorf("refused folder now holds %q", got)
	}
	if got := entries(t, dir); !slices.Equal(got, []string{"docs", "empty", "file"}) {
		t.Errorf("refusals left %q in the parent", got)
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
	if _, err := os.Stat(filepath.Join(filepath.Dir(w.tmp), "escape.html")); err == nil {
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
	writeFile(t, filepath.Join(src, "static", "logo.svg"), "<svg/>")
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
