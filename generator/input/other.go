package input

import (
	"errors"
	"io/fs"
	"slices"
)

// Site is the files of a site as a build reads them: a site folder (New),
// or a site held elsewhere (Of).
type Site interface {
	fs.FS
	// Problems returns the problem of every entry under names that the
	// build may not read, sorted by path, passing over those for which
	// skip returns true.
	Problems(skip func(name string, dir bool) bool, names ...string) []*fs.PathError
}

// Of returns the site held in fsys, such as an fstest.MapFS of a test:
// read as it is, but for what is neither a regular file nor a folder,
// which is refused as in a site folder.
func Of(fsys fs.FS) Site { return other{fsys} }

type other struct{ fs.FS }

func (o other) Open(name string) (fs.File, error) {
	f, err := o.FS.Open(name)
	if err != nil {
		return nil, err
	}
	fi, err := f.Stat()
	if err == nil {
		err = kind(fi)
	}
	if err != nil {
		f.Close()
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return f, nil
}

// ReadDir lists the folder name, leaving out what the build may not read
// (Problems names each).
func (o other) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(o.FS, name)
	return slices.DeleteFunc(entries, func(e fs.DirEntry) bool { return !e.Type().IsRegular() && !e.IsDir() }), err
}

func (o other) Problems(skip func(name string, dir bool) bool, names ...string) []*fs.PathError {
	var bad []*fs.PathError
	for _, name := range names {
		fs.WalkDir(o.FS, name, func(p string, d fs.DirEntry, err error) error {
			switch {
			case errors.Is(err, fs.ErrNotExist) && p == name:
				return nil
			case err != nil:
				bad = append(bad, &fs.PathError{Op: "open", Path: p, Err: err})
				return nil
			case skip != nil && skip(p, d.IsDir()):
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if fi, err := d.Info(); err == nil {
				if err := kind(fi); err != nil {
					bad = append(bad, &fs.PathError{Op: "open", Path: p, Err: err})
				}
			}
			return nil
		})
	}
	slices.SortFunc(bad, func(a, b *fs.PathError) int { return cmpString(a.Path, b.Path) })
	return bad
}
