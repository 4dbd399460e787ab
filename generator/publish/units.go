package publish

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
)

// unit is what Commit puts in place with one rename: a file, or a folder
// of the build that the output folder does not have yet, with every file
// under it. A first build into an empty folder is a few dozen renames
// instead of one per file.
type unit struct {
	rel  string // slash path inside the site
	dir  bool   // a whole new folder
	page bool   // an .html file, or a folder holding one
	// files are the build's files under a new folder, for the copy
	// across mounts.
	files []string
}

// units groups paths (the build's files) into units, in the order
// Commit renames them: everything but pages first, so that a page never
// names an asset that is not there yet, then pages; each in path order.
func (w *Writer) units(paths []string) []unit {
	absent := map[string]bool{".": false} // folder → missing from the output folder
	var isAbsent func(dir string) bool
	isAbsent = func(dir string) bool {
		if v, ok := absent[dir]; ok {
			return v
		}
		v := isAbsent(path.Dir(dir))
		if !v {
			_, err := os.Lstat(filepath.Join(w.out, filepath.FromSlash(dir)))
			v = errors.Is(err, fs.ErrNotExist)
		}
		absent[dir] = v
		return v
	}
	byRoot := map[string]*unit{}
	var out []unit
	for _, rel := range paths {
		root := newRoot(path.Dir(rel), isAbsent)
		if root == "" {
			out = append(out, unit{rel: rel, page: isPage(rel)})
			continue
		}
		u := byRoot[root]
		if u == nil {
			u = &unit{rel: root, dir: true}
			byRoot[root] = u
		}
		u.files = append(u.files, rel)
		u.page = u.page || isPage(rel)
	}
	for _, u := range byRoot {
		out = append(out, *u)
	}
	slices.SortFunc(out, func(a, b unit) int {
		if a.page != b.page {
			if a.page {
				return 1
			}
			return -1
		}
		return strings.Compare(a.rel, b.rel)
	})
	return out
}

// newRoot returns the top-most folder of dir, dir included, that the
// output folder lacks, or "" when it has all of them.
func newRoot(dir string, absent func(string) bool) string {
	if dir == "." || !absent(dir) {
		return ""
	}
	for {
		parent := path.Dir(dir)
		if parent == "." || !absent(parent) {
			return dir
		}
		dir = parent
	}
}

func isPage(rel string) bool { return strings.HasSuffix(rel, ".html") }

// placeUnit puts a unit in place.
func (w *Writer) placeUnit(u unit, owned, made map[string]bool) error {
	if !u.dir {
		return w.place(u.rel, owned, made)
	}
	if err := w.mkdir(path.Dir(u.rel), owned, made); err != nil {
		return err
	}
	src := filepath.Join(w.tmp, filepath.FromSlash(u.rel))
	dst := filepath.Join(w.out, filepath.FromSlash(u.rel))
	err := os.Rename(src, dst)
	if !errors.Is(err, syscall.EXDEV) {
		return err
	}
	for _, rel := range u.files { // the parent folder is another mount
		if err := w.place(rel, owned, made); err != nil {
			return err
		}
	}
	return nil
}
