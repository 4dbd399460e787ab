package build

import (
	"bytes"
	"path/filepath"
	"testing"
)

// TestExampleSiteBuildsIdentically builds the repository's example site
// twice and compares the trees byte for byte.
func TestExampleSiteBuildsIdentically(t *testing.T) {
	var trees [2]map[string][]byte
	for i := range trees {
		out := filepath.Join(t.TempDir(), "public")
		st, err := Run(Options{Site: "../..", Out: out, ECharts: programECharts})
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range st.Warnings {
			t.Errorf("warning: %v", w)
		}
		if st.Pages < 40 || st.Charts < 20 {
			t.Errorf("example site: %v; want at least 40 pages and 20 charts", st)
		}
		trees[i] = readTree(t, out)
	}
	if len(trees[0]) != len(trees[1]) {
		t.Fatalf("builds wrote %d and %d files", len(trees[0]), len(trees[1]))
	}
	for p, data := range trees[0] {
		if !bytes.Equal(data, trees[1][p]) {
			t.Errorf("%s differs between two builds", p)
		}
	}
}
