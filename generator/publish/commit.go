package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
)

// Commit puts the new build in place: it records the old and the new
// files in the manifest, renames every new file over its old version
// (assets first, pages last, so that a page never names an asset that is
// not there yet), removes the files of the previous build that this one
// does not write, and records the new files alone. Anything else in the
// output folder stays as it was.
//
// An error before the first rename leaves the output folder as it was.
// An error after it says so: every file is whole, and the next build
// finishes the job.
func (w *Writer) Commit() error {
	if w.done {
		return errors.New("the build was already committed or aborted")
	}
	old, err := readManifest(w.out)
	if err != nil {
		w.Abort()
		return fmt.Errorf("reading the list of files the last build wrote: %w", err)
	}
	owned := map[string]bool{}
	for _, p := range old {
		owned[p] = true
	}
	paths := w.paths()
	units := w.units(paths)
	if err := w.preflight(units, owned); err != nil {
		w.Abort()
		return err
	}
	w.early.running.Wait()
	if err := flush(w.tmp); err != nil {
		w.Abort()
		return fmt.Errorf("writing the build to the disk: %w", err)
	}
	if err := w.writeManifest(append(slices.Clone(old), paths...)); err != nil {
		w.Abort()
		return fmt.Errorf("recording the build's files in %s: %w", filepath.Join(w.out, Manifest), err)
	}
	defer w.Abort() // removes the scratch folder, however Commit ends
	made := map[string]bool{".": true}
	for _, u := range units {
		if err := w.placeUnit(u, owned, made); err != nil {
			return fmt.Errorf("putting /%s in place: %w; the output folder holds part of the new site (every file whole): fix this and build again", u.rel, err)
		}
	}
	// From here on the new site is in place, which is what the result
	// says. What follows only tidies up: should it fail, the manifest
	// still lists every file of the two builds, and the next build
	// finishes the job.
	flush(w.out)
	kept := slices.Clone(paths)
	for _, rel := range old {
		if !w.seen[rel] && w.removeStale(rel) != nil {
			kept = append(kept, rel) // a later build tries again
		}
	}
	w.writeManifest(kept)
	return nil
}

// paths returns the files written, other files before pages.
func (w *Writer) paths() []string {
	paths := make([]string, 0, len(w.seen))
	for p := range w.seen {
		paths = append(paths, p)
	}
	slices.SortFunc(paths, func(a, b string) int {
		if ha, hb := strings.HasSuffix(a, ".html"), strings.HasSuffix(b, ".html"); ha != hb {
			if ha {
				return 1
			}
			return -1
		}
		return strings.Compare(a, b)
	})
	return paths
}

// preflight finds, before anything is changed, what would stop a file
// from going in place: a folder where the build writes a file, or a file
// or link that is not the build's where it needs a folder. The build never
// writes through a link inside the output folder. A new folder (see
// units) needs only its parent to be usable.
func (w *Writer) preflight(units []unit, owned map[string]bool) error {
	var errs []error
	dirOK := map[string]bool{".": true}
	for _, u := range units {
		if !w.dirUsable(path.Dir(u.rel), owned, dirOK, &errs) || u.dir {
			continue
		}
		if fi, err := os.Lstat(filepath.Join(w.out, filepath.FromSlash(u.rel))); err == nil && fi.IsDir() {
			errs = append(errs, fmt.Errorf("%s is a folder, but the build writes the file /%s there; move the folder away or choose another --out", filepath.Join(w.out, filepath.FromSlash(u.rel)), u.rel))
		}
	}
	return errors.Join(errs...)
}

// dirUsable reports whether the build can put files in dir: every part of
// it is missing, a real folder, or a file of the last build's.
func (w *Writer) dirUsable(dir string, owned, ok map[string]bool, errs *[]error) bool {
	if v, seen := ok[dir]; seen {
		return v
	}
	if !w.dirUsable(path.Dir(dir), owned, ok, errs) {
		ok[dir] = false
		return false
	}
	full := filepath.Join(w.out, filepath.FromSlash(dir))
	fi, err := os.Lstat(full)
	switch {
	case err != nil || fi.IsDir() || owned[dir]:
		ok[dir] = true
	default:
		kind := "a file"
		if fi.Mode()&fs.ModeSymlink != 0 {
			kind = "a symbolic link"
		}
		*errs = append(*errs, fmt.Errorf("%s is %s, but the build writes files into the folder /%s/; move it away or choose another --out", full, kind, dir))
		ok[dir] = false
	}
	return ok[dir]
}

// place renames the new version of rel over the old one.
func (w *Writer) place(rel string, owned, made map[string]bool) error {
	if err := w.mkdir(path.Dir(rel), owned, made); err != nil {
		return err
	}
	src := filepath.Join(w.tmp, filepath.FromSlash(rel))
	dst := filepath.Join(w.out, filepath.FromSlash(rel))
	err := os.Rename(src, dst)
	if errors.Is(err, syscall.EXDEV) {
		return copyInPlace(src, dst) // a folder inside --out is another mount
	}
	return err
}

// mkdir makes dir inside the output folder, replacing a file of the last
// build's that stands where the folder goes.
func (w *Writer) mkdir(dir string, owned, made map[string]bool) error {
	if made[dir] {
		return nil
	}
	if err := w.mkdir(path.Dir(dir), owned, made); err != nil {
		return err
	}
	full := filepath.Join(w.out, filepath.FromSlash(dir))
	fi, err := os.Lstat(full)
	if err == nil && !fi.IsDir() && owned[dir] {
		err = os.Remove(full)
		if err == nil {
			err = fs.ErrNotExist
		}
	}
	if errors.Is(err, fs.ErrNotExist) {
		err = os.Mkdir(full, 0o755)
	}
	if err == nil {
		made[dir] = true
	}
	return err
}

// copyInPlace copies src to a scratch name beside dst and renames it
// there, for an output folder that holds a mount point.
func copyInPlace(src, dst string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	tmp := besideName(dst)
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, dst)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}

// besideName is the scratch name copyInPlace uses for dst.
func besideName(dst string) string {
	return filepath.Join(filepath.Dir(dst), "."+filepath.Base(dst)+".nianbao-tmp")
}

// removeStale removes rel, a file of the last build's that this one does
// not write, and the folders it leaves empty. A folder now standing at
// rel, and anything reached through a link, is left alone.
func (w *Writer) removeStale(rel string) error {
	for d := path.Dir(rel); d != "."; d = path.Dir(d) {
		fi, err := os.Lstat(filepath.Join(w.out, filepath.FromSlash(d)))
		if err != nil || !fi.IsDir() {
			return nil // gone, or no longer a folder of ours
		}
	}
	full := filepath.Join(w.out, filepath.FromSlash(rel))
	os.Remove(besideName(full))
	fi, err := os.Lstat(full)
	if errors.Is(err, fs.ErrNotExist) || err == nil && fi.IsDir() {
		return nil
	}
	if err == nil {
		err = os.Remove(full)
	}
	if err != nil {
		return err
	}
	for d := path.Dir(rel); d != "."; d = path.Dir(d) {
		if os.Remove(filepath.Join(w.out, filepath.FromSlash(d))) != nil {
			break // not empty: it holds other files
		}
	}
	return nil
}
