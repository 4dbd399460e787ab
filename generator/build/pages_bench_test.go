package build

import (
	"testing"

	"nianbao/generator/diag"
	"nianbao/generator/site"
)

// BenchmarkMetricPage renders one metric's page: its history chart and
// table, and the sections citing it (78 on this corpus).
func BenchmarkMetricPage(b *testing.B) {
	benchmarkPage(b, false, func(p *site.Page) bool { return p.Kind == site.MetricPage })
}

// BenchmarkYearPage renders the newest report's front page: its contents
// and foreword, and its scorecard, which a build renders once for the
// front page and the print edition ("scorecard": the theme's cached
// partials are forgotten before each, the year switcher's and the head's
// too), and serve reuses ("cached").
func BenchmarkYearPage(b *testing.B) {
	s, pages := convertedSite(b, false)
	var page *site.Page
	for _, p := range pages {
		if p.Kind == site.YearPage && p.Year.Year == 2025 {
			page = p
		}
	}
	for _, cached := range []bool{false, true} {
		b.Run(map[bool]string{false: "scorecard", true: "cached"}[cached], func(b *testing.B) {
			var l diag.List
			b.ReportAllocs()
			for b.Loop() {
				if !cached {
					s.Theme.ForgetCached()
				}
				s.Render(page, &l).Release()
			}
			if l.HasErrors() {
				b.Fatal(l.Err())
			}
		})
	}
}
