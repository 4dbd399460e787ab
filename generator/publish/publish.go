// Package publish writes a built site. Everything goes into a fresh folder
// beside the output folder; only when the whole build has succeeded does
// Commit swap it into place, so a failed build leaves the previous output
// exactly as it was.
package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
)

// Writer writes the files of one build.
type Writer struct {
	out  string // the final output folder
	tmp  string // where this build writes
	mu   sync.Mutex
	dirs map[string]*folder // folders made, or being made, for files
	seen map[string]bool
}

// folder is made once, however many files are written into it at once.
type folder struct {
	once sync.Once
	err  error
}

// New starts a build into out. out must be empty, absent, or a site that
// nianbao built before (it has an index.html), so that a mistyped --out
// never replaces a folder of other files.
func New(out string) (*Writer, error) {
	out = filepath.Clean(out)
	if err := checkReplaceable(out); err != nil {
		return nil, err
	}
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(out)+".building-")
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	return &Writer{out: out, tmp: tmp, dirs: map[string]*folder{}, seen: map[string]bool{}}, nil
}

func checkReplaceable(out string) error {
	fi, err := os.Stat(out)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return fmt.Errorf("output %s exists and is not a folder", out)
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(out, "index.html")); err == nil {
		return nil
	}
	return fmt.Errorf("output folder %s holds files but no index.html, so it does not look like a built site; refusing to replace it (choose another --out or empty it)", out)
}

// Write writes data to rel, a slash path inside the site. Writing the
// same path twice is an error: two pages would claim one URL.
func (w *Writer) Write(rel string, data []byte) error {
	rel = path.Clean(strings.TrimLeft(rel, "/"))
	if rel == "." || strings.HasPrefix(rel, "../") || rel == ".." {
		return fmt.Errorf("bad output path %q", rel)
	}
	w.mu.Lock()
	if w.seen[rel] {
		w.mu.Unlock()
		return fmt.Errorf("two files would be written to /%s", rel)
	}
	w.seen[rel] = true
	dir := w.dirs[path.Dir(rel)]
	if dir == nil {
		dir = &folder{}
		w.dirs[path.Dir(rel)] = dir
	}
	w.mu.Unlock()
	full := filepath.Join(w.tmp, filepath.FromSlash(rel))
	dir.once.Do(func() { dir.err = os.MkdirAll(filepath.Dir(full), 0o755) })
	if dir.err != nil {
		return dir.err
	}
	return os.WriteFile(full, data, 0o644)
}

// Copy copies src from fsys to rel.
func (w *Writer) Copy(rel string, fsys fs.FS, src string) error {
	data, err := fs.ReadFile(fsys, src)
	if err != nil {
		return err
	}
	return w.Write(rel, data)
}

// Dir is the folder the build is being written to, until Commit.
func (w *Writer) Dir() string { return w.tmp }

// Files returns how many files were written.
func (w *Writer) Files() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return len(w.seen)
}

// Commit puts the new build in place of the output folder.
func (w *Writer) Commit() error {
	old := ""
	if _, err := os.Stat(w.out); err == nil {
		old = w.tmp + ".old"
		if err := os.Rename(w.out, old); err != nil {
			w.Abort()
			return fmt.Errorf("moving the previous output aside: %w", err)
		}
	}
	if err := os.Rename(w.tmp, w.out); err != nil {
		if old != "" {
			os.Rename(old, w.out)
		}
		w.Abort()
		return fmt.Errorf("putting the new output in place: %w", err)
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}

// Abort throws the build away; the output folder is untouched.
func (w *Writer) Abort() {
	os.RemoveAll(w.tmp)
}
