package build

import (
	"bytes"
	"context"
	"testing"

	"nianbao/generator/diag"
	"nianbao/generator/site"
)

// TestPrintEditionsRenderAlikeFromReusedBuffers renders every print
// edition of a site again and again, its buffers reused between pages as
// a build reuses them, and as serve renders them from the sections'
// kept print HTML: every rendering must be the first one's bytes.
func TestPrintEditionsRenderAlikeFromReusedBuffers(t *testing.T) {
	dir := t.TempDir()
	writeCorpus(t, dir, 4, 6, 12)
	render := func(serve bool) map[string][][]byte {
		var l diag.List
		s := Load(Options{Site: dir}, &l)
		s.KeepForEdits = serve
		s.Convert(pool{ctx: context.Background()}.each, &l)
		got := map[string][][]byte{}
		for range 3 {
			for _, p := range s.Pages() {
				if p.Kind != site.PrintPage {
					continue
				}
				out := s.Render(p, &l)
				got[p.Rel] = append(got[p.Rel], bytes.Clone(out.Files[0].Data))
				out.Release()
			}
		}
		if l.HasErrors() {
			t.Fatal(l.Err())
		}
		return got
	}
	build, serve := render(false), render(true)
	if len(build) != 4 {
		t.Fatalf("%d print editions, want 4", len(build))
	}
	for rel, pages := range build {
		for i, page := range pages {
			if !bytes.Equal(page, pages[0]) {
				t.Errorf("%s: rendering %d differs from the first", rel, i+1)
			}
			if !bytes.Equal(page, serve[rel][i]) {
				t.Errorf("%s: rendering %d differs from serve's", rel, i+1)
			}
		}
		if !bytes.Contains(pages[0], []byte(`<h3 id="section-`)) {
			t.Errorf("%s: no nested section heading", rel)
		}
	}
}
