package publish

import (
	"os"

	"golang.org/x/sys/unix"
)

// flush writes everything the build wrote on dir's file system to the
// disk, in one call however many files there are, so that a power cut
// after a rename never leaves an empty file in place.
func flush(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	return unix.Syncfs(int(f.Fd()))
}

// startFlush has the disk start taking what dir's file system holds
// unwritten: flush, which on Linux is one call.
func startFlush(dir string) { flush(dir) }
