package publish

import (
	"bufio"
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
)

const manifestHead = `# nianbao: the files the last build wrote into this folder, one quoted
# path a line. The next build removes those it no longer writes, and
# nothing else in this folder. Do not edit.
`

// FormatManifest returns the manifest of the files paths, sorted.
func FormatManifest(paths []string) []byte {
	sorted := slices.Clone(paths)
	slices.Sort(sorted)
	sorted = slices.Compact(sorted)
	var b bytes.Buffer
	b.WriteString(manifestHead)
	for _, p := range sorted {
		b.WriteString(strconv.Quote(p))
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// ParseManifest returns the paths a manifest lists, sorted and without
// repeats. A line that is not a quoted path inside the site (a path with
// .., say, written by someone else) is left out: the build removes only
// files inside the output folder.
func ParseManifest(data []byte) []string {
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		p, err := strconv.Unquote(line)
		if err != nil {
			continue
		}
		if clean, err := CleanPath(p); err == nil && clean == p {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// readManifest returns the files the last build in out wrote.
func readManifest(out string) ([]string, error) {
	data, err := os.ReadFile(filepath.Join(out, Manifest))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return ParseManifest(data), nil
}

// writeManifest replaces out's manifest in one rename.
func (w *Writer) writeManifest(paths []string) error {
	tmp := filepath.Join(w.tmp, Manifest)
	if err := writeFile(tmp, FormatManifest(paths)); err != nil {
		return err
	}
	if err := os.Rename(tmp, filepath.Join(w.out, Manifest)); err != nil {
		return err
	}
	return syncDir(w.out)
}

// syncDir flushes a folder's entries to the disk, so that renames into it
// survive a power cut.
func syncDir(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = f.Sync()
	f.Close()
	if errors.Is(err, syscall.EINVAL) {
		return nil // some file systems cannot sync a folder
	}
	return err
}
