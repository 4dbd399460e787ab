package build

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// mapFS is the archive's files as a site held in memory, with changes
// applied as writeSite applies them.
func (a *archive) mapFS(changes map[string]string) fstest.MapFS {
	m := fstest.MapFS{}
	for n, d := range a.files {
		m[n] = &fstest.MapFile{Data: d, Mode: 0o644, ModTime: time.Unix(0, 0)}
	}
	for n, d := range changes {
		if d == "\x00delete" {
			delete(m, n)
			continue
		}
		m[n] = &fstest.MapFile{Data: []byte(d), Mode: 0o644}
	}
	return m
}

func TestASiteInMemoryBuildsAsFromItsFolder(t *testing.T) {
	a := readArchive(t, "sites/basic.txtar")
	fromDisk := filepath.Join(t.TempDir(), "public")
	if _, err := Run(Options{Site: writeSite(t, a, nil), Out: fromDisk}); err != nil {
		t.Fatal(err)
	}
	fromMemory := filepath.Join(t.TempDir(), "public")
	st, err := Run(Options{FS: a.mapFS(nil), Out: fromMemory})
	if err != nil {
		t.Fatal(err)
	}
	want, got := readTree(t, fromDisk), readTree(t, fromMemory)
	if !slices.Equal(sortedKeys(got), sortedKeys(want)) {
		t.Fatalf("files %q\nwant  %q", sortedKeys(got), sortedKeys(want))
	}
	for name := range want {
		if !bytes.Equal(got[name], want[name]) {
			t.Errorf("%s differs", name)
		}
	}
	if st.Pages == 0 || st.Files != len(want) {
		t.Errorf("stats %+v for %d files", st, len(want))
	}
}

func TestASiteInMemoryReportsEveryErrorAtItsPosition(t *testing.T) {
	a := readArchive(t, "sites/basic.txtar")
	fsys := a.mapFS(map[string]string{
		"content/2024/01-talent.md": "+++\ntitle = \"人才培养\"\n+++\n订单班{{talent.nope}}。\n\n```chart\ntype = \"pie\"\nmetrics = []\n```\n",
		"content/2025/metrics.toml": "[talent]\nx = 1\n",
	})
	out := filepath.Join(t.TempDir(), "public")
	_, err := Run(Options{FS: fsys, Out: out})
	if err == nil {
		t.Fatal("no error")
	}
	got := strings.Split(err.Error(), "\n")
	want := []string{
		`content/2024/01-talent.md:4:4: unknown metric "talent.nope"`,
		`content/2024/01-talent.md:6:1: chart block has no metrics; add metrics = ["group.key"]`,
		`content/2025/metrics.toml:2:1: unknown metric "talent.x" in group "talent"`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if entries, _ := filepath.Glob(filepath.Join(out, "*")); len(entries) > 0 {
		t.Errorf("a failed build wrote %q", entries)
	}
}

func TestASiteInMemoryRefusesWhatIsNotARegularFile(t *testing.T) {
	fsys := readArchive(t, "sites/basic.txtar").mapFS(nil)
	fsys["content/2025/05-pipe.md"] = &fstest.MapFile{Mode: fs.ModeNamedPipe | 0o644}
	fsys["static/link"] = &fstest.MapFile{Data: []byte("/etc/passwd"), Mode: fs.ModeSymlink | 0o777}
	_, err := Run(Options{FS: fsys, Out: filepath.Join(t.TempDir(), "public")})
	if err == nil {
		t.Fatal("no error")
	}
	want := "content/2025/05-pipe.md: is a FIFO (named pipe), not a regular file; the build reads only regular files\n" +
		"static/link: is not a regular file (L---------); the build reads only regular files"
	if err.Error() != want {
		t.Errorf("errors:\n%v\nwant:\n%s", err, want)
	}
}

func TestASessionOverASiteInMemoryRendersAnEditAsAFullBuild(t *testing.T) {
	a := readArchive(t, "sites/basic.txtar")
	fsys := a.mapFS(nil)
	s, err := NewSession(Options{FS: fsys}, "")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if r := s.Build(); r.Err != nil {
		t.Fatal(r.Err)
	}
	const file = "content/2025/02-talent.md"
	fsys[file].Data = bytes.Replace(fsys[file].Data, []byte("脚注示例"), []byte("改过的脚注示例"), 1)
	r := s.Rebuild([]string{file})
	if r.Err != nil || r.Full {
		t.Fatalf("rebuild: full %v, %v", r.Full, r.Err)
	}
	if r := s.Settle(); r.Err != nil {
		t.Fatal(r.Err)
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Run(Options{FS: fsys, Out: out}); err != nil {
		t.Fatal(err)
	}
	got, want := readTree(t, s.Root()), readTree(t, out)
	for name := range want {
		if !bytes.Equal(got[name], want[name]) {
			t.Errorf("%s differs from a full build", name)
		}
	}
	if !bytes.Contains(got["2025/talent/index.html"], []byte("改过的脚注示例")) {
		t.Error("the edit is not on the page")
	}
}

func TestASiteInMemoryNeedsAnOutputFolder(t *testing.T) {
	wd, _ := os.Getwd()
	_, err := Run(Options{FS: readArchive(t, "sites/basic.txtar").mapFS(nil)})
	if want := "a site read from an fs.FS needs an output folder: set Options.Out"; err == nil || err.Error() != want {
		t.Errorf("error %v, want %q", err, want)
	}
	if _, err := os.Stat(filepath.Join(wd, "public")); err == nil {
		t.Error("the build wrote public/ into the working folder")
	}
}
