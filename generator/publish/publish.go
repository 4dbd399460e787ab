// Package publish writes a built site into an output folder that it
// shares with the people and tools around it (a .git folder, CNAME, files
// a deploy step put there).
//
// A build writes every file into a hidden scratch folder inside the output
// folder (ScratchDir). Only when the whole build has succeeded does Commit
// move the files into place, one rename each, so that every file is at any
// moment either its old or its new version, never a part of one. The
// output folder keeps one hidden file, Manifest, listing the files the
// last build wrote; Commit removes the ones this build no longer writes,
// and nothing else. Before the first rename Commit records the old and the
// new files together, so that a build killed half way leaves a record from
// which the next build finishes the job; the next build also removes any
// scratch folder a killed build left.
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
	"sync/atomic"
	"syscall"
)

// The names the build keeps in the output folder, which no file of the
// site may take.
const (
	Manifest   = ".nianbao-manifest" // the files the last build wrote
	ScratchDir = ".nianbao-building" // the build being written; gone after every build
)

// Writer writes the files of one build.
type Writer struct {
	out     string // the output folder; a link to a folder is written through
	tmp     string // out/ScratchDir
	created bool   // out did not exist before this build
	unlock  func()
	mu      sync.Mutex
	dirs    map[string]*folder // scratch folders made, or being made, for files
	seen    map[string]bool
	done    bool
	early   earlyFlush
}

// earlyFlush has the disk take the files already written while the build
// writes more, so that the flush before Commit's first rename, which the
// whole build waits for, finds little left to write.
type earlyFlush struct {
	unflushed atomic.Int64 // bytes written since the last early flush began
	busy      atomic.Bool
	running   sync.WaitGroup
}

// earlyFlushBytes is how much a build writes between early flushes.
const earlyFlushBytes = 16 << 20

// wrote counts n bytes written into dir, and starts an early flush of dir
// when enough are waiting and none is running. Its errors are the final
// flush's to report.
func (e *earlyFlush) wrote(dir string, n int) {
	if e.unflushed.Add(int64(n)) < earlyFlushBytes || !e.busy.CompareAndSwap(false, true) {
		return
	}
	e.unflushed.Store(0)
	e.running.Go(func() {
		startFlush(dir)
		e.busy.Store(false)
	})
}

// folder is made once, however many files are written into it at once.
type folder struct {
	once sync.Once
	err  error
}

// New starts a build into out, creating it when it is missing. It removes
// the scratch folder a killed build left there, and holds a lock on out
// until Commit or Abort, so that two builds never write there at once.
func New(out string) (*Writer, error) {
	out = filepath.Clean(out)
	created, err := prepare(out)
	if err != nil {
		return nil, err
	}
	w := &Writer{out: out, tmp: filepath.Join(out, ScratchDir), created: created, dirs: map[string]*folder{}, seen: map[string]bool{}}
	if w.unlock, err = lock(out); err != nil {
		w.removeOut()
		return nil, err
	}
	if err := os.RemoveAll(w.tmp); err != nil {
		w.release()
		return nil, fmt.Errorf("removing what an interrupted build left in %s: %w", w.tmp, err)
	}
	if err := os.Mkdir(w.tmp, 0o755); err != nil {
		w.release()
		return nil, err
	}
	return w, nil
}

// prepare makes sure out is a folder, or a link to one, creating it when
// it is missing, and reports whether it did.
func prepare(out string) (bool, error) {
	fi, err := os.Lstat(out)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(out, 0o755); err != nil {
			return false, err
		}
		return true, nil
	case err != nil:
		return false, err
	case fi.Mode()&fs.ModeSymlink != 0:
		target, _ := os.Readlink(out)
		st, err := os.Stat(out)
		if err != nil {
			return false, fmt.Errorf("output %s is a symbolic link to %s, which does not exist; create that folder or choose another --out", out, target)
		}
		if !st.IsDir() {
			return false, fmt.Errorf("output %s is a symbolic link to %s, which is not a folder", out, target)
		}
	case !fi.IsDir():
		return false, fmt.Errorf("output %s exists and is not a folder", out)
	}
	return false, nil
}

// CleanPath returns rel, a slash path of a file inside the site, in the
// form the manifest keeps: no leading slash, no . or .. parts. It is an
// error for a path that leaves the site, names the site's root, or takes
// one of the names the build keeps for itself.
func CleanPath(rel string) (string, error) {
	clean := path.Clean(strings.TrimLeft(rel, "/"))
	if clean == "." || clean == ".." || strings.HasPrefix(clean, "../") || strings.ContainsRune(clean, 0) {
		return "", fmt.Errorf("bad output path %q", clean)
	}
	if first, _, _ := strings.Cut(clean, "/"); first == Manifest || first == ScratchDir {
		return "", fmt.Errorf("output path /%s takes a name nianbao keeps for itself; rename the file", clean)
	}
	return clean, nil
}

// Write writes data to rel, a slash path inside the site. Writing the
// same path twice is an error: two pages would claim one URL.
func (w *Writer) Write(rel string, data []byte) error {
	rel, err := CleanPath(rel)
	if err != nil {
		return err
	}
	w.mu.Lock()
	if w.seen[rel] {
		w.mu.Unlock()
		return fmt.Errorf("two files would be written to /%s", rel)
	}
	w.seen[rel] = true
	w.mu.Unlock()
	if err := w.makeDir(path.Dir(rel)); err != nil {
		return err
	}
	if err := writeFile(filepath.Join(w.tmp, filepath.FromSlash(rel)), data); err != nil {
		return err
	}
	w.early.wrote(w.tmp, len(data))
	return nil
}

// makeDir makes dir, a slash path, in the scratch folder, with the
// folders above it. Each folder is made once, with one system call,
// however many files are written into it at once: a build makes
// thousands of folders, and asking first whether each one exists (as
// os.MkdirAll does) would cost as much again.
func (w *Writer) makeDir(dir string) error {
	if dir == "." {
		return nil
	}
	w.mu.Lock()
	d := w.dirs[dir]
	if d == nil {
		d = &folder{}
		w.dirs[dir] = d
	}
	w.mu.Unlock()
	d.once.Do(func() {
		if d.err = w.makeDir(path.Dir(dir)); d.err == nil {
			d.err = mkdir(filepath.Join(w.tmp, filepath.FromSlash(dir)))
		}
	})
	return d.err
}

// mkdir makes the folder name, whose parent exists; a folder already
// there is no error, anything else is.
func mkdir(name string) error {
	err := os.Mkdir(name, 0o755)
	if errors.Is(err, fs.ErrExist) {
		if fi, lerr := os.Lstat(name); lerr == nil && fi.IsDir() {
			return nil
		}
		return &fs.PathError{Op: "mkdir", Path: name, Err: syscall.ENOTDIR}
	}
	return err
}

// Adopt adds rel, a file something else wrote into Dir(), to the build.
func (w *Writer) Adopt(rel string) error {
	rel, err := CleanPath(rel)
	if err != nil {
		return err
	}
	fi, err := os.Lstat(filepath.Join(w.tmp, filepath.FromSlash(rel)))
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("/%s is not a regular file", rel)
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.seen[rel] {
		return fmt.Errorf("two files would be written to /%s", rel)
	}
	w.seen[rel] = true
	return nil
}

// Copy copies src from fsys to rel.
func (w *Writer) Copy(rel string, fsys fs.FS, src string) error {
	data, err := fs.ReadFile(fsys, src)
	if err != nil {
		return err
	}
	return w.Write(rel, data)
}

// Dir is the folder the build is being written to, until Commit: a whole
// site, which can be served (to print PDFs of its pages, say).
func (w *Writer) Dir() string { return w.tmp }

// Out is the output folder.
func (w *Writer) Out() string { return w.out }

// Files returns how many files were written.
func (w *Writer) Files() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return len(w.seen)
}

// Abort throws the build away: it removes the scratch folder, and the
// output folder when this build created it, so the output folder is as it
// was. Abort after Commit does nothing.
func (w *Writer) Abort() {
	if w.done {
		return
	}
	w.done = true
	w.early.running.Wait()
	os.RemoveAll(w.tmp)
	w.release()
}

func (w *Writer) release() {
	if w.unlock != nil {
		w.unlock()
		w.unlock = nil
	}
	w.removeOut()
}

// removeOut removes the output folder when this build created it and it
// is still empty.
func (w *Writer) removeOut() {
	if w.created {
		os.Remove(w.out)
	}
}
