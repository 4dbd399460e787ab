package build

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// BenchmarkRebuildAfterSectionEdit measures serve's rebuild after one
// section's text is saved, on the 1,000-section site (the medium corpus'
// sizes): make bench. The target is a median of at most 10ms.
func BenchmarkRebuildAfterSectionEdit(b *testing.B) {
	dir := b.TempDir()
	writeCorpus(b, dir, 20, 50, 120)
	s, err := NewSession(Options{Site: dir}, "")
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if r := s.Build(); r.Err != nil {
		b.Fatal(r.Err)
	}
	const file = "content/2025/25-s25.md"
	full := filepath.Join(dir, filepath.FromSlash(file))
	orig, err := os.ReadFile(full)
	if err != nil {
		b.Fatal(err)
	}
	var pages int
	var worst, total, settle time.Duration
	var times []time.Duration
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		text := strings.Replace(string(orig), "## 小节1", "## 小节1\n\n第"+string(rune('0'+i%10))+"次修改。", 1)
		if err := os.WriteFile(full, []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
		r := s.Rebuild([]string{file})
		if r.Err != nil || r.Full {
			b.Fatalf("full %v, %v", r.Full, r.Err)
		}
		pages = len(r.Pages)
		worst, total = max(worst, r.Duration), total+r.Duration
		times = append(times, r.Duration)
		b.StopTimer()
		settle += s.Settle().Duration // the search index, after the reload
		b.StartTimer()
	}
	b.ReportMetric(float64(pages), "pages")
	b.ReportMetric(float64(total.Microseconds())/float64(b.N)/1000, "rebuild-ms")
	b.ReportMetric(float64(worst.Microseconds())/1000, "worst-ms")
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "median-ms")
	b.ReportMetric(float64(settle.Microseconds())/float64(b.N)/1000, "settle-ms")
}
