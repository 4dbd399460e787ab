//go:build unix

package publish

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// lock takes an exclusive lock on the folder dir, or fails at once when
// another build holds it. Where the file system has no locks, it does
// nothing. The lock goes with the process, so a killed
// build never leaves it behind.
func lock(dir string) (func(), error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("another nianbao build is writing to %s; wait for it to finish", dir)
		}
		// A file system that cannot lock (some network mounts): build
		// without the lock rather than not at all.
		return func() {}, nil
	}
	return func() { f.Close() }, nil
}
