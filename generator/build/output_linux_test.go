package build

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"nianbao/generator/publish"
)

// TestAMountPointOutputWorks builds twice into a tmpfs mounted at --out,
// as a Docker volume would be, and into a symbolic link to it.
func TestAMountPointOutputWorks(t *testing.T) {
	mnt := filepath.Join(t.TempDir(), "public")
	os.Mkdir(mnt, 0o755)
	if err := syscall.Mount("tmpfs", mnt, "tmpfs", 0, "size=64m"); err != nil {
		t.Skipf("cannot mount a tmpfs here (%v): run the tests as root on Linux to test a mount point as --out", err)
	}
	t.Cleanup(func() { syscall.Unmount(mnt, syscall.MNT_DETACH) })
	putFiles(t, mnt, map[string]string{"CNAME": "x"})
	a := readArchive(t, "sites/basic.txtar")
	dir := writeSite(t, a, nil)
	for range 2 {
		if _, err := Run(Options{Site: dir, Out: mnt}); err != nil {
			t.Fatal(err)
		}
	}
	link := filepath.Join(t.TempDir(), "out")
	os.Symlink(mnt, link)
	if _, err := Run(Options{Site: dir, Out: link}); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("--out link is no longer a link: %v", err)
	}
	tree := readTree(t, mnt)
	if string(tree["CNAME"]) != "x" || tree["index.html"] == nil || tree["2025/talent/index.html"] == nil {
		t.Errorf("the mounted folder holds %d files, CNAME %q", len(tree), tree["CNAME"])
	}
	if _, err := os.Stat(filepath.Join(mnt, publish.ScratchDir)); err == nil {
		t.Error("scratch folder left on the mount")
	}
}
