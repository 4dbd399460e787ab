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
func convertedSite(b *testing.B) (*site.Site, []*site.Page) {
	b.Helper()
	dir := b.TempDir()
	writeCorpus(b, dir, 20, 50, 120)
	var l diag.List
	s := Load(Options{Site: dir}, &l)
	if l.HasErrors() {
		b.Fatal(l.Err())
	}
	s.Convert(pool{ctx: context.Background()}.each, &l)
	if l.HasErrors() {
		b.Fatal(l.Err())
	}
	return s, s.Pages()
}

// benchmarkPage renders the first page that pick chooses, again and again.
func benchmarkPage(b *testing.B, pick func(*site.Page) bool) {
	s, pages := convertedSite(b)
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

// BenchmarkPrintEdition renders the newest report's print edition: the
// page serve renders again after every section edit (make bench).
func BenchmarkPrintEdition(b *testing.B) {
	benchmarkPage(b, func(p *site.Page) bool { return p.Kind == site.PrintPage && p.Year.Year == 2025 })
}

// BenchmarkSectionPage renders one section with its two figure pages,
// from its converted text.
func BenchmarkSectionPage(b *testing.B) {
	benchmarkPage(b, func(p *site.Page) bool { return p.Kind == site.SectionPage && p.Year.Year == 2025 })
}
