package build

import (
	"os"
	"path/filepath"
	"strings"
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

// TestAMountInsideTheOutputFolderWorks mounts a tmpfs at --out/assets, so
// that files cannot be renamed there from the scratch folder: they are
// copied beside their place and renamed there instead.
func TestAMountInsideTheOutputFolderWorks(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	assets := filepath.Join(out, "assets")
	os.MkdirAll(assets, 0o755)
	if err := syscall.Mount("tmpfs", assets, "tmpfs", 0, "size=64m"); err != nil {
		t.Skipf("cannot mount a tmpfs here (%v): run the tests as root on Linux to test a mount inside --out", err)
	}
	t.Cleanup(func() { syscall.Unmount(assets, syscall.MNT_DETACH) })
	dir := writeSite(t, readArchive(t, "sites/basic.txtar"), nil)
	for range 2 {
		if _, err := Run(Options{Site: dir, Out: out}); err != nil {
			t.Fatal(err)
		}
	}
	entries, _ := os.ReadDir(assets)
	if len(entries) == 0 {
		t.Fatal("no assets on the mount")
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".nianbao-tmp") {
			t.Errorf("scratch file %s left on the mount", e.Name())
		}
	}
}
