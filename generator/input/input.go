// Package input reads the site folder the way a build may: only regular
// files and folders inside it. A symbolic link that resolves outside the
// site folder, a link to a folder that holds it, and anything that is not
// a regular file or a folder (a FIFO, a device, a socket) is refused
// before it is opened, so it can neither leak into the pages nor hang or
// exhaust the build. Links that stay inside the site folder are followed.
package input

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
)

// FS is a site folder. It implements fs.FS, fs.ReadFileFS, fs.ReadDirFS
// and fs.StatFS.
type FS struct {
	root string // the folder as given
	real string // the folder with every link resolved
}

// New returns the site folder dir.
func New(dir string) *FS {
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = dir
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		real = abs
	}
	return &FS{root: dir, real: real}
}

// resolve returns where name leads, and its file info, or the reason the
// build may not read it.
func (f *FS) resolve(name string) (string, fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return "", nil, fs.ErrInvalid
	}
	full := filepath.Join(f.real, filepath.FromSlash(name))
	real, err := filepath.EvalSymlinks(full)
	if err != nil {
		if target, lerr := os.Readlink(full); lerr == nil {
			if _, serr := os.Stat(full); errors.Is(serr, syscall.ELOOP) {
				return "", nil, fmt.Errorf("is a symbolic link to %s, which leads back to itself; remove the link or point it at a file", target)
			}
			return "", nil, fmt.Errorf("is a symbolic link to %s, which does not exist", target)
		}
		return "", nil, unwrap(err)
	}
	if real != f.real && !within(real, f.real) {
		return "", nil, fmt.Errorf("is a symbolic link to %s, outside the site folder; the build reads only files inside it (copy the file in instead)", real)
	}
	fi, err := os.Stat(real)
	if err != nil {
		return "", nil, unwrap(err)
	}
	if err := kind(fi); err != nil {
		return "", nil, err
	}
	return real, named{fi, path.Base(name)}, nil
}

// kind refuses what is neither a regular file nor a folder.
func kind(fi fs.FileInfo) error {
	m := fi.Mode()
	switch {
	case m.IsRegular() || m.IsDir():
		return nil
	case m&fs.ModeNamedPipe != 0:
		return errors.New("is a FIFO (named pipe), not a regular file; the build reads only regular files")
	case m&fs.ModeSocket != 0:
		return errors.New("is a socket, not a regular file; the build reads only regular files")
	case m&fs.ModeDevice != 0:
		return errors.New("is a device, not a regular file; the build reads only regular files")
	}
	return fmt.Errorf("is not a regular file (%v); the build reads only regular files", m.Type())
}

func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// within reports whether the clean absolute path p lies inside dir.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != "." && filepath.IsLocal(rel)
}

// Open opens name, a slash path inside the site folder.
func (f *FS) Open(name string) (fs.File, error) {
	real, fi, err := f.resolve(name)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	// Without blocking, in case name became a FIFO since it was checked.
	file, err := os.OpenFile(real, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: unwrap(err)}
	}
	now, err := file.Stat()
	if err == nil && !os.SameFile(fi.(named).FileInfo, now) {
		err = errors.New("changed while it was being read; build again")
	}
	if err == nil {
		err = kind(now)
	}
	if err != nil {
		file.Close()
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return &dirFile{File: file, fsys: f, name: name, real: real}, nil
}

// ReadFile reads name whole.
func (f *FS) ReadFile(name string) ([]byte, error) {
	file, err := f.Open(name)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	fi, err := file.Stat()
	if err != nil {
		return nil, err
	}
	if fi.IsDir() {
		return nil, &fs.PathError{Op: "read", Path: name, Err: errors.New("is a folder")}
	}
	data := make([]byte, 0, fi.Size()+1)
	for {
		n, err := file.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, &fs.PathError{Op: "read", Path: name, Err: unwrap(err)}
		}
		if len(data) == cap(data) {
			data = slices.Grow(data, len(data))
		}
	}
}

// Stat describes name, following links that stay inside the site.
func (f *FS) Stat(name string) (fs.FileInfo, error) {
	_, fi, err := f.resolve(name)
	if err != nil {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: err}
	}
	return fi, nil
}

// ReadDir lists the folder name, sorted by name. It leaves out what the
// build may not read (Problems names each), and gives a link that stays
// inside the site the kind of what it leads to.
func (f *FS) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, _, err := f.readDir(name)
	return entries, err
}

// readDir lists name, and the problem of each entry it leaves out.
func (f *FS) readDir(name string) ([]fs.DirEntry, []*fs.PathError, error) {
	real, fi, err := f.resolve(name)
	if err == nil && !fi.IsDir() {
		err = errors.New("is not a folder")
	}
	if err != nil {
		return nil, nil, &fs.PathError{Op: "readdir", Path: name, Err: err}
	}
	raw, err := os.ReadDir(real)
	if err != nil {
		return nil, nil, &fs.PathError{Op: "readdir", Path: name, Err: unwrap(err)}
	}
	var out []fs.DirEntry
	var bad []*fs.PathError
	for _, e := range raw {
		p := join(name, e.Name())
		switch {
		case e.Type().IsRegular() || e.IsDir():
			out = append(out, e)
		case e.Type()&fs.ModeSymlink != 0:
			target, tfi, err := f.resolve(p)
			if err == nil && tfi.IsDir() && f.loops(name, target) {
				err = fmt.Errorf("is a symbolic link to %s, a folder that holds it; the build would never end", target)
			}
			if err != nil {
				bad = append(bad, &fs.PathError{Op: "open", Path: p, Err: err})
				continue
			}
			out = append(out, linkEntry{name: e.Name(), info: tfi})
		default:
			info, err := e.Info()
			if err == nil {
				err = kind(info)
			}
			bad = append(bad, &fs.PathError{Op: "open", Path: p, Err: err})
		}
	}
	return out, bad, nil
}

// loops reports whether a link in the folder dir to the folder target
// leads back to dir or a folder on the way to it.
func (f *FS) loops(dir, target string) bool {
	p := f.real
	if target == p || within(p, target) {
		return true
	}
	if dir == "." {
		return false
	}
	for _, part := range strings.Split(dir, "/") {
		p = filepath.Join(p, part)
		if r, err := filepath.EvalSymlinks(p); err == nil {
			p = r
		}
		if target == p || within(p, target) {
			return true
		}
	}
	return false
}

func join(dir, name string) string {
	if dir == "." {
		return name
	}
	return dir + "/" + name
}

// Problems walks the folders and files names (missing ones are skipped)
// and returns the problem of every entry the build may not read, sorted
// by path. Entries for which skip, when not nil, returns true are never
// read by the build and are passed over (an editor's lock file, say).
func (f *FS) Problems(skip func(name string, dir bool) bool, names ...string) []*fs.PathError {
	if skip == nil {
		skip = func(string, bool) bool { return false }
	}
	var bad []*fs.PathError
	var walk func(name string)
	walk = func(name string) {
		entries, problems, err := f.readDir(name)
		for _, p := range problems {
			if !skip(p.Path, false) {
				bad = append(bad, p)
			}
		}
		if err != nil {
			return
		}
		for _, e := range entries {
			if p := join(name, e.Name()); e.IsDir() && !skip(p, true) {
				walk(p)
			}
		}
	}
	for _, name := range names {
		fi, err := f.Stat(name)
		switch {
		case errors.Is(err, fs.ErrNotExist):
		case err != nil:
			bad = append(bad, err.(*fs.PathError))
		case fi.IsDir():
			walk(name)
		}
	}
	slices.SortFunc(bad, func(a, b *fs.PathError) int { return cmpString(a.Path, b.Path) })
	return bad
}

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// linkEntry is a link inside the site, listed as what it leads to.
type linkEntry struct {
	name string
	info fs.FileInfo
}

func (e linkEntry) Name() string               { return e.name }
func (e linkEntry) IsDir() bool                { return e.info.IsDir() }
func (e linkEntry) Type() fs.FileMode          { return e.info.Mode().Type() }
func (e linkEntry) Info() (fs.FileInfo, error) { return e.info, nil }

// named is a file's info under the name it was opened by, which differs
// from the target's for a link.
type named struct {
	fs.FileInfo
	name string
}

func (n named) Name() string { return n.name }

// dirFile lists a folder through its FS, so that its entries obey the
// same rules.
type dirFile struct {
	*os.File
	fsys *FS
	name string
	real string
	list []fs.DirEntry
	read bool
}

func (d *dirFile) Stat() (fs.FileInfo, error) {
	fi, err := d.File.Stat()
	if err != nil {
		return nil, err
	}
	return named{fi, path.Base(d.name)}, nil
}

func (d *dirFile) ReadDir(n int) ([]fs.DirEntry, error) {
	if !d.read {
		var err error
		if d.list, err = d.fsys.ReadDir(d.name); err != nil {
			return nil, err
		}
		d.read = true
	}
	if n <= 0 {
		out := d.list
		d.list = nil
		return out, nil
	}
	if len(d.list) == 0 {
		return nil, io.EOF
	}
	k := min(n, len(d.list))
	out := d.list[:k]
	d.list = d.list[k:]
	return out, nil
}
