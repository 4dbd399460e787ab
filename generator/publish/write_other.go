//go:build !unix

package publish

import "os"

// writeFile writes data to name, a new file. Commit flushes every file of
// the build to the disk at once before it renames the first (see flush).
func writeFile(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
