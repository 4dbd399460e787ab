package serve

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

func startWatch(t *testing.T, dir string) *Watcher {
	t.Helper()
	w, err := Watch(dir, []string{"public"}, 20*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w
}

func nextBatch(t *testing.T, w *Watcher) []string {
	t.Helper()
	select {
	case b := <-w.Changes:
		return b
	case <-time.After(5 * time.Second):
		t.Fatal("no batch within 5s")
	}
	return nil
}

// settle collects the batches that come until the watcher is quiet: a
// busy machine may split one save's events over two batches.
func settle(t *testing.T, w *Watcher) []string {
	t.Helper()
	got := nextBatch(t, w)
	for {
		select {
		case b := <-w.Changes:
			got = append(got, b...)
		case <-time.After(200 * time.Millisecond):
			slices.Sort(got)
			return slices.Compact(got)
		}
	}
}

func TestWatcherSeesEachWayOfSaving(t *testing.T) {
	dir := writeFiles(t, map[string]string{"content/2025/01-a.md": "a\n", "public/index.html": "x\n"})
	file := filepath.Join(dir, "content", "2025", "01-a.md")
	w := startWatch(t, dir) // one watcher throughout: it must follow new folders
	for _, tt := range []struct {
		name string
		save func()
		want []string
	}{
		{"in place", func() { os.WriteFile(file, []byte("b\n"), 0o644) }, []string{"content/2025/01-a.md"}},
		{"vim: rename to a backup, write anew, remove the backup", func() {
			os.Rename(file, file+"~")
			os.WriteFile(filepath.Join(filepath.Dir(file), "4913"), nil, 0o644)
			os.Remove(filepath.Join(filepath.Dir(file), "4913"))
			os.WriteFile(file, []byte("c\n"), 0o644)
			os.Remove(file + "~")
		}, []string{"content/2025/01-a.md"}},
		{"IDE: write a temporary file and rename it over", func() { saveByRename(t, file, "d\n") }, []string{"content/2025/01-a.md"}},
		{"swap files and the output folder are ignored, then a save", func() {
			os.WriteFile(filepath.Join(filepath.Dir(file), ".01-a.md.swp"), nil, 0o644)
			os.WriteFile(filepath.Join(dir, "public", "index.html"), []byte("y\n"), 0o644)
			os.WriteFile(filepath.Join(dir, "content", ".#01-a.md"), nil, 0o644)
			os.WriteFile(file, []byte("e\n"), 0o644)
		}, []string{"content/2025/01-a.md"}},
		{"a new folder with a file made at once", func() {
			os.MkdirAll(filepath.Join(dir, "content", "2026"), 0o755)
			os.WriteFile(filepath.Join(dir, "content", "2026", "_index.md"), []byte("x\n"), 0o644)
		}, []string{"content/2026", "content/2026/_index.md"}},
		{"a file in the new folder", func() {
			os.WriteFile(filepath.Join(dir, "content", "2026", "01-b.md"), []byte("x\n"), 0o644)
		}, []string{"content/2026/01-b.md"}},
		{"a removed file", func() { os.Remove(file) }, []string{"content/2025/01-a.md"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tt.save()
			got := settle(t, w)
			// The folder itself may or may not come with its files.
			got = slices.DeleteFunc(got, func(s string) bool { return s == "content/2026" && !slices.Contains(tt.want, s) })
			want := slices.DeleteFunc(slices.Clone(tt.want), func(s string) bool { return s == "content/2026" && !slices.Contains(got, s) })
			if !slices.Equal(got, want) {
				t.Errorf("batches %q, want %q", got, want)
			}
		})
	}
}
