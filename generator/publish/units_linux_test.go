package publish

import (
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
)

// TestANewFolderBelowAMountIsCopiedFileByFile mounts a tmpfs inside the
// output folder: a new folder below it cannot be renamed there from the
// scratch folder, so its files are copied in one by one.
func TestANewFolderBelowAMountIsCopiedFileByFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	mnt := filepath.Join(out, "2025")
	os.MkdirAll(mnt, 0o755)
	if err := syscall.Mount("tmpfs", mnt, "tmpfs", 0, "size=16m"); err != nil {
		t.Skipf("cannot mount a tmpfs here (%v): run the tests as root on Linux", err)
	}
	t.Cleanup(func() { syscall.Unmount(mnt, syscall.MNT_DETACH) })
	publishFiles(t, out, map[string]string{"2025/s/index.html": "s", "2025/s/figures/chart-1/index.html": "f", "index.html": "home"})
	want := []string{"2025/s/figures/chart-1/index.html=f", "2025/s/index.html=s", "index.html=home"}
	if got := withoutManifest(files(t, out)); !slices.Equal(got, want) {
		t.Errorf("output holds\n%q\nwant\n%q", got, want)
	}
}
