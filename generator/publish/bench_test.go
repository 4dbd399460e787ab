package publish

import (
	"fmt"
	"path/filepath"
	"testing"
)

// BenchmarkWriteAndCommit writes a site shaped like the medium corpus's
// (20 years of 50 sections, each section a folder with two figure-page
// folders) into a fresh output folder and commits it: the system calls
// per file are what it measures.
func BenchmarkWriteAndCommit(b *testing.B) {
	page := make([]byte, 20<<10)
	var rels []string
	for y := range 20 {
		for s := range 50 {
			sec := fmt.Sprintf("%d/s%02d/", 2000+y, s)
			rels = append(rels, sec+"index.html", sec+"f1/index.html", sec+"f2/index.html")
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		w, err := New(filepath.Join(b.TempDir(), "public"))
		if err != nil {
			b.Fatal(err)
		}
		for _, rel := range rels {
			if err := w.Write(rel, page); err != nil {
				b.Fatal(err)
			}
		}
		if err := w.Commit(); err != nil {
			b.Fatal(err)
		}
	}
}
