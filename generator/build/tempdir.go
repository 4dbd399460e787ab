package build

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// sessionPrefix starts the names of the temporary folders sessions build
// in: nianbao-serve-<pid>-<random>.
const sessionPrefix = "nianbao-serve-"

// newSessionDir makes a session's temporary folder, named for this
// process, after removing the ones left by sessions whose process is gone
// (a serve or check killed with kill -9).
func newSessionDir() (string, error) {
	tmp := os.TempDir()
	if old, err := filepath.Glob(filepath.Join(tmp, sessionPrefix+"*")); err == nil {
		for _, dir := range old {
			pidText, _, _ := strings.Cut(strings.TrimPrefix(filepath.Base(dir), sessionPrefix), "-")
			if pid, err := strconv.Atoi(pidText); err == nil && pid != os.Getpid() && !alive(pid) {
				os.RemoveAll(dir)
			}
		}
	}
	return os.MkdirTemp(tmp, fmt.Sprintf("%s%d-", sessionPrefix, os.Getpid()))
}
