package datadesk

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// writeFixture writes the build package's basic fixture site (a txtar
// archive) into a new folder, with changes applied ("" deletes a file).
func writeFixture(t *testing.T, changes map[string]string) string {
	t.Helper()
	data, err := os.ReadFile("../build/testdata/sites/basic.txtar")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	var cur string
	for _, line := range strings.SplitAfter(string(data), "\n") {
		trim := strings.TrimRight(line, "\r\n")
		if strings.HasPrefix(trim, "-- ") && strings.HasSuffix(trim, " --") && len(trim) > 6 {
			cur = strings.TrimSpace(trim[3 : len(trim)-3])
			files[cur] = ""
			continue
		}
		if cur != "" {
			files[cur] += line
		}
	}
	for n, d := range changes {
		if d == "" {
			delete(files, n)
		} else {
			files[n] = d
		}
	}
	dir := t.TempDir()
	for n, d := range files {
		p := filepath.Join(dir, filepath.FromSlash(n))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(d), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// edit opens a workbook with excelize, lets f change it, and saves it.
func edit(t *testing.T, path string, f func(x *excelize.File, sheet string)) {
	t.Helper()
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	f(x, x.GetSheetName(0))
	if err := x.Save(); err != nil {
		t.Fatal(err)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func messages(err error) []string {
	if err == nil {
		return nil
	}
	return strings.Split(err.Error(), "\n")
}
