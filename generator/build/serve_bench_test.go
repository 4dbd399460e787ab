package build_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"nianbao/generator/build"
	"nianbao/generator/serve"
)

// BenchmarkSaveToReload measures, on the 1,000-section site served by
// nianbao serve, the time from writing a section's file to the reload
// event reaching a page's event stream: the watcher's debounce, the
// rebuild and the event. make bench; the target is 100ms. Saves are
// 150ms apart, as a person's are further.
func BenchmarkSaveToReload(b *testing.B) {
	dir := b.TempDir()
	build.WriteCorpus(b, dir, 20, 50, 120)
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- serve.Run(ctx, serve.Options{Build: build.Options{Site: dir}, Addr: "127.0.0.1:0", Log: io.Discard,
			Ready: func(u string) { ready <- u }})
	}()
	defer func() { cancel(); <-done }()
	var site string
	select {
	case site = <-ready:
	case err := <-done:
		b.Fatal(err)
	}
	host := site[:strings.Index(site[len("http://"):], "/")+len("http://")]
	resp, err := http.Get(host + serve.EventsPath)
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	reloads := make(chan time.Time, 4)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if sc.Text() == "event: reload" {
				reloads <- time.Now()
			}
		}
	}()
	file := filepath.Join(dir, "content", "2025", "25-s25.md")
	orig, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	var worst, total time.Duration
	n := 0
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		text := strings.Replace(string(orig), "## 小节1", fmt.Sprintf("## 小节1\n\n第%d次修改。", i), 1)
		start := time.Now()
		if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
		select {
		case at := <-reloads:
			d := at.Sub(start)
			worst, total, n = max(worst, d), total+d, n+1
		case <-time.After(10 * time.Second):
			b.Fatal("no reload event within 10s")
		}
		// Saves come seconds apart: let serve finish the search index
		// it makes after each reload.
		b.StopTimer()
		time.Sleep(150 * time.Millisecond)
		b.StartTimer()
	}
	b.ReportMetric(float64(total.Microseconds())/float64(max(n, 1))/1000, "save-to-reload-ms")
	b.ReportMetric(float64(worst.Microseconds())/1000, "worst-ms")
}
