package build

import (
	"context"
	"testing"

	"nianbao/generator/diag"
	"nianbao/generator/site"
)

// convertedSite loads the 1,000-section site (20 years × 50 sections,
// 120 metrics) and converts its texts, as a build does before rendering,
// so that single pages can be rendered.
func convertedSite(b *testing.B, serve bool) (*site.Site, []*site.Page) {
	b.Helper()
	dir := b.TempDir()
	writeCorpus(b, dir, 20, 50, 120)
	var l diag.List
	s := Load(Options{Site: dir}, &l)
	if l.HasErrors() {
		b.Fatal(l.Err())
	}
	s.KeepForEdits = serve
	s.Convert(pool{ctx: context.Background()}.each, &l)
	if l.HasErrors() {
		b.Fatal(l.Err())
	}
	return s, s.Pages()
}

// benchmarkPage renders the first page that pick chooses, again and again,
// from a model made as a build makes it or, with serve, as serve does.
func benchmarkPage(b *testing.B, serve bool, pick func(*site.Page) bool) {
	s, pages := convertedSite(b, serve)
	var page *site.Page
	for _, p := range pages {
		if pick(p) {
			page = p
			break
		}
	}
	if page == nil {
		b.Fatal("no such page")
	}
	var l diag.List
	var bytes int
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		out := s.Render(page, &l)
		bytes = 0
		for _, f := range out.Files {
			bytes += len(f.Data)
		}
		out.Release()
	}
	if l.HasErrors() {
		b.Fatal(l.Err())
	}
	b.ReportMetric(float64(bytes), "bytes")
}

// BenchmarkPrintEdition renders the newest report's print edition again
// and again: "build" as a build's model has it (every section nested
// anew), "serve" as serve renders it again after each section edit, from
// a model that keeps each section's print HTML (make bench). Both reuse
// the scorecard and the data appendix after the first time, as serve
// does.
func BenchmarkPrintEdition(b *testing.B) {
	for _, serve := range []bool{false, true} {
		b.Run(map[bool]string{false: "build", true: "serve"}[serve], func(b *testing.B) {
			benchmarkPage(b, serve, func(p *site.Page) bool { return p.Kind == site.PrintPage && p.Year.Year == 2025 })
		})
	}
}

// BenchmarkSectionPage renders one section with its two figure pages,
// from its converted text.
func BenchmarkSectionPage(b *testing.B) {
	benchmarkPage(b, false, func(p *site.Page) bool { return p.Kind == site.SectionPage && p.Year.Year == 2025 })
}
