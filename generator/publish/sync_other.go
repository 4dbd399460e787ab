//go:build !linux

package publish

import (
	"io/fs"
	"os"
	"path/filepath"
)

// flush writes the build's files to the disk, file by file.
func flush(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		f, err := os.OpenFile(p, os.O_RDWR, 0)
		if err != nil {
			return err
		}
		err = f.Sync()
		f.Close()
		return err
	})
}

// startFlush does nothing: flush here is a call per file, which the build
// makes once, before Commit's first rename.
func startFlush(string) {}
