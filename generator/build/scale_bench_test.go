//go:build unix

package build

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// writeHugeSection writes a one-section site whose section holds about
// size bytes of Chinese prose, with a "## 小节" heading every tenth
// paragraph (all alike, so every heading id needs a number) and a
// reference to a value in every paragraph.
func writeHugeSection(tb testing.TB, dir string, size int) {
	tb.Helper()
	files := map[string]string{
		"site.toml":                 "title = \"规模测试\"\nbaseURL = \"/\"\n\n[charts]\necharts = \"e.js\"\n",
		"e.js":                      "window.echarts = {};\n",
		"content/metrics.toml":      "[[group]]\nid = \"g\"\nname = \"组\"\n\n[[metric]]\nid = \"g.m\"\nname = \"指标\"\nunit = \"个\"\n",
		"content/2025/metrics.toml": "[g]\nm = 3\n",
	}
	var b strings.Builder
	b.WriteString("+++\ntitle = \"大节\"\n+++\n")
	para := strings.Repeat("联合体坚持政府统筹、行业指导、企业参与、院校主体，推动产教融合走深走实。", 4)
	for i := 0; b.Len() < size; i++ {
		if i%10 == 0 {
			b.WriteString("## 小节\n\n")
		}
		fmt.Fprintf(&b, "%s本年为{{g.m}}（第%d段）。\n\n", para, i)
	}
	files["content/2025/01-big.md"] = b.String()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}

// cpuTime is the CPU time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkHugeSection builds a site whose one section is 8, 16 or 32 MB
// and reports the time and the peak heap: both should grow linearly.
//
//	go test -run '^$' -bench HugeSection -benchtime 1x ./generator/build
func BenchmarkHugeSection(b *testing.B) {
	for _, mb := range []int{8, 16, 32} {
		b.Run(fmt.Sprintf("%dMB", mb), func(b *testing.B) {
			site := b.TempDir()
			writeHugeSection(b, site, mb<<20)
			out := filepath.Join(b.TempDir(), "public")
			var peak uint64
			cpu := cpuTime()
			b.ResetTimer()
			for b.Loop() {
				peak = max(peak, peakHeap(func() {
					if _, err := Run(Options{Site: site, Out: out}); err != nil {
						b.Fatal(err)
					}
				}))
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
			// CPU seconds tell the growth better than the time on a
			// machine that runs other work.
			b.ReportMetric((cpuTime()-cpu).Seconds()/float64(b.N), "cpu-s/op")
		})
	}
}
