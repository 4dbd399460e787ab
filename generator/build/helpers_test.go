package build

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"nianbao/generator/pinned"
	"nianbao/generator/publish"
)

// programECharts gives builds the program's ECharts, as the commands do.
func programECharts() ([]byte, error) {
	data, _, err := pinned.ECharts()
	return data, err
}

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// archive is a txtar-style archive: "-- name --" lines start files.
type archive struct {
	names []string
	files map[string][]byte
}

func parseArchive(data []byte) *archive {
	a := &archive{files: map[string][]byte{}}
	var cur string
	for _, line := range strings.SplitAfter(string(data), "\n") {
		trim := strings.TrimRight(line, "\r\n")
		if strings.HasPrefix(trim, "-- ") && strings.HasSuffix(trim, " --") && len(trim) > 6 {
			cur = strings.TrimSpace(trim[3 : len(trim)-3])
			a.names = append(a.names, cur)
			a.files[cur] = []byte{}
			continue
		}
		if cur != "" {
			a.files[cur] = append(a.files[cur], line...)
		}
	}
	return a
}

func readArchive(t testing.TB, name string) *archive {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return parseArchive(data)
}

func (a *archive) format() []byte {
	var b bytes.Buffer
	names := append([]string(nil), a.names...)
	sort.Strings(names)
	for _, n := range names {
		b.WriteString("-- " + n + " --\n")
		b.Write(a.files[n])
		if d := a.files[n]; len(d) > 0 && d[len(d)-1] != '\n' {
			b.WriteString("\n")
		}
	}
	return b.Bytes()
}

// writeSite writes the archive's files into a new folder, with changes
// applied: a nil value deletes a file.
func writeSite(t testing.TB, a *archive, changes map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string][]byte{}
	for n, d := range a.files {
		files[n] = d
	}
	for n, d := range changes {
		if d == "\x00delete" {
			delete(files, n)
			continue
		}
		files[n] = []byte(d)
	}
	for n, d := range files {
		p := filepath.Join(dir, filepath.FromSlash(n))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, d, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// readTree reads every file under dir, slash paths as keys.
func readTree(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if rel == publish.Manifest {
			return nil // the build's record of its files (TestRebuildKeepsForeignFiles)
		}
		data, err := os.ReadFile(p)
		out[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func sortedKeys(m map[string][]byte) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
