package serve

import (
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Watcher reports the files that change under a folder, in batches: a
// batch is sent when no event has come for the debounce delay, so that
// an editor's rename, create, write and remove of one save are one batch.
//
// It watches folders, not files, so that editors that save by writing a
// new file and renaming it over the old one are seen; folders created
// later are watched too. Hidden files and folders, editor backups and
// swap files are ignored, and so are the folders skip names.
type Watcher struct {
	// Changes receives each batch: slash paths relative to the root,
	// sorted, for files that were written, created, renamed or removed.
	Changes chan []string
	// Errors receives the watcher's own errors.
	Errors chan error

	fw       *fsnotify.Watcher
	root     string
	skip     map[string]bool // absolute folders not to watch
	debounce time.Duration
	done     chan struct{}
}

// Watch starts watching root and every folder under it except skip
// (absolute or relative to root).
func Watch(root string, skip []string, debounce time.Duration) (*Watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	w := &Watcher{Changes: make(chan []string, 1), Errors: make(chan error, 1), fw: fw, root: abs,
		skip: map[string]bool{}, debounce: debounce, done: make(chan struct{})}
	for _, s := range skip {
		if !filepath.IsAbs(s) {
			s = filepath.Join(abs, s)
		}
		w.skip[filepath.Clean(s)] = true
	}
	if _, err := w.add(abs); err != nil {
		fw.Close()
		return nil, err
	}
	go w.loop()
	return w, nil
}

// Close stops watching.
func (w *Watcher) Close() error {
	err := w.fw.Close()
	<-w.done
	return err
}

// add watches dir and the folders under it, and returns the files found
// there.
func (w *Watcher) add(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir {
				return err
			}
			return nil // gone already
		}
		if p != w.root && (w.skip[p] || ignored(d.Name(), d.IsDir())) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return w.fw.Add(p)
		}
		files = append(files, p)
		return nil
	})
	return files, err
}

// ignored tells hidden files and folders, dependencies and editors'
// temporary files.
func ignored(name string, dir bool) bool {
	if strings.HasPrefix(name, ".") || name == "node_modules" {
		return true
	}
	if dir {
		return false
	}
	return strings.HasSuffix(name, "~") || // backups (vim, emacs)
		strings.HasSuffix(name, ".swp") || strings.HasSuffix(name, ".swx") || // vim swap files
		name == "4913" || // vim's test whether the folder is writable
		strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#") || // emacs auto-save
		strings.HasSuffix(name, "___jb_tmp___") || strings.HasSuffix(name, "___jb_old___") || // JetBrains
		strings.HasSuffix(name, ".tmp")
}

func (w *Watcher) loop() {
	defer close(w.done)
	pending := map[string]bool{}
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case ev, ok := <-w.fw.Events:
			if !ok {
				return
			}
			if w.note(ev, pending) {
				timer.Reset(w.debounce)
			}
		case err, ok := <-w.fw.Errors:
			if !ok {
				return
			}
			select {
			case w.Errors <- err:
			default:
			}
		case <-timer.C:
			batch := make([]string, 0, len(pending))
			for p := range pending {
				batch = append(batch, p)
			}
			slices.Sort(batch)
			clear(pending)
			select {
			case w.Changes <- batch:
			case <-w.done:
				return
			}
		}
	}
}

// note adds what an event changed to pending and reports whether it
// counts.
func (w *Watcher) note(ev fsnotify.Event, pending map[string]bool) bool {
	if ev.Op == fsnotify.Chmod {
		return false
	}
	name := filepath.Clean(ev.Name)
	if w.skip[name] || w.inSkipped(name) {
		return false
	}
	base := filepath.Base(name)
	if ev.Has(fsnotify.Create) {
		// A new folder: watch it, and count the files that were made in
		// it before the watch began.
		if files, err := w.add(name); err == nil && len(files) > 0 {
			for _, f := range files {
				w.pend(f, pending)
			}
			return true
		}
	}
	if ignored(base, false) || w.hiddenParent(name) {
		return false
	}
	w.pend(name, pending)
	return true
}

func (w *Watcher) pend(name string, pending map[string]bool) {
	if rel, err := filepath.Rel(w.root, name); err == nil {
		pending[filepath.ToSlash(rel)] = true
	}
}

func (w *Watcher) inSkipped(name string) bool {
	for s := range w.skip {
		if strings.HasPrefix(name, s+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// hiddenParent reports whether name lies in an ignored folder.
func (w *Watcher) hiddenParent(name string) bool {
	rel, err := filepath.Rel(w.root, filepath.Dir(name))
	if err != nil || rel == "." {
		return false
	}
	for _, part := range strings.Split(rel, string(filepath.Separator)) {
		if ignored(part, true) {
			return true
		}
	}
	return false
}
