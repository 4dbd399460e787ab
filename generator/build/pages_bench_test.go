package build

import (
	"testing"

	"nianbao/generator/site"
)

// BenchmarkMetricPage renders one metric's page: its history chart and
// table, and the sections citing it (78 on this corpus).
func BenchmarkMetricPage(b *testing.B) {
	benchmarkPage(b, false, func(p *site.Page) bool { return p.Kind == site.MetricPage })
}
