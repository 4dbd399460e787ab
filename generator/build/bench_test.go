package build

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime/metrics"
	"strings"
	"sync"
	"testing"
	"time"
)

// writeCorpus writes a synthetic report site: years × sections section
// pages of about 1,500 Chinese characters, each with 3 inline references,
// a line chart, a bar chart and a KPI block, over a catalogue of nMetrics
// metrics in 6 groups. The same sizes give the same files.
func writeCorpus(tb testing.TB, dir string, years, sections, nMetrics int) {
	tb.Helper()
	r := rand.New(rand.NewPCG(1, 2))
	write := func(name, text string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	first := 2025 - years + 1
	write("site.toml", `title = "基准联合体年度报告"
baseURL = "https://bench.example.org/reports/"
language = "zh"

[alliance]
name = "基准市域产教联合体"
name_en = "Benchmark Alliance"
founded = `+fmt.Sprint(first)+"\n")
	groups := []string{"operation", "industry", "talent", "science", "training", "venture"}
	kinds := []string{"count", "percent", "money", "ratio", "score"}
	var cat strings.Builder
	for _, g := range groups {
		fmt.Fprintf(&cat, "[[group]]\nid = %q\nname = \"组%s\"\nname_en = \"Group %s\"\n\n", g, g, g)
	}
	type metric struct {
		id, group, key, kind string
		start                int
		base                 float64
	}
	var ms []metric
	for i := range nMetrics {
		g := groups[i%len(groups)]
		m := metric{id: fmt.Sprintf("%s.m%03d", g, i), group: g, key: fmt.Sprintf("m%03d", i), kind: kinds[i%len(kinds)], start: first, base: float64(50 + r.IntN(5000))}
		if i%10 == 3 {
			m.start = first + 1 + r.IntN(max(1, years/3))
		}
		if m.kind == "percent" {
			m.base = float64(40 + r.IntN(50))
		}
		ms = append(ms, m)
		fmt.Fprintf(&cat, "[[metric]]\nid = %q\nname = \"指标%03d\"\nname_en = \"Metric %03d\"\nunit = \"个\"\nunit_en = \"items\"\nkind = %q\ndecimals = %d\ntargets = { %d = %.0f }\n\n",
			m.id, i, i, m.kind, map[string]int{"count": 0, "money": 0, "percent": 1, "ratio": 2, "score": 1}[m.kind], 2025, m.base*1.6)
	}
	write("content/metrics.toml", cat.String())
	write("content/_index.md", "+++\ntitle = \"基准联合体\"\n+++\n本站为基准测试生成。\n")
	sentences := []string{
		"联合体坚持政府统筹、行业指导、企业参与、院校主体，推动产教融合走深走实。",
		"围绕主导产业链布局专业集群，校企共同制定人才培养方案并开展联合评价。",
		"秘书处按月调度重点任务，建立问题清单、责任清单和成效清单，形成闭环管理。",
		"成员院校与龙头企业共建产业学院，实行双导师制度，学生在真实岗位中完成项目训练。",
		"共享实训基地面向中小微企业开放，提供设备共享、技术咨询和员工培训等服务。",
		"数字化教学资源持续扩容，在线课程与虚拟仿真项目覆盖主要专业核心课程。",
	}
	for y := first; y <= 2025; y++ {
		var vals strings.Builder
		for _, g := range groups {
			fmt.Fprintf(&vals, "[%s]\n", g)
			for _, m := range ms {
				if m.group != g || y < m.start {
					continue
				}
				v := m.base * (1 + 0.05*float64(y-first)) * (0.95 + 0.1*r.Float64())
				if m.kind == "percent" {
					v = min(99.5, m.base+float64(y-first)*0.4)
				}
				fmt.Fprintf(&vals, "%s = %.2f\n", m.key, v)
			}
			vals.WriteString("\n")
		}
		write(fmt.Sprintf("content/%d/metrics.toml", y), vals.String())
		write(fmt.Sprintf("content/%d/_index.md", y), fmt.Sprintf("+++\ntitle = \"%d年度报告\"\n+++\n%s\n", y, sentences[0]))
		for s := range sections {
			// Metrics collected from the first year, so that every
			// reference and chart has its values.
			pick := func() metric {
				for {
					if m := ms[r.IntN(len(ms))]; m.start == first {
						return m
					}
				}
			}
			a, b, c := pick(), pick(), pick()
			for b.id == a.id {
				b = pick()
			}
			for c.id == a.id || c.id == b.id {
				c = pick()
			}
			var body strings.Builder
			fmt.Fprintf(&body, "+++\ntitle = \"第%d部分 工作进展\"\nsummary = \"%s\"\n+++\n", s+1, sentences[s%len(sentences)])
			for para := range 6 {
				fmt.Fprintf(&body, "## 小节%d\n\n", para+1)
				for range 7 {
					body.WriteString(sentences[r.IntN(len(sentences))])
				}
				switch para {
				case 1:
					fmt.Fprintf(&body, "本年%s为{{%s}}。", "指标", a.id)
				case 2:
					fmt.Fprintf(&body, "其中{{%s:name}}达到{{%s}}。", b.id, c.id)
				case 3:
					fmt.Fprintf(&body, "\n\n```chart\ntype = \"line\"\nmetrics = [%q, %q]\n```\n", a.id, b.id)
				case 4:
					fmt.Fprintf(&body, "\n\n```chart\ntype = \"bar\"\nmetrics = [%q]\n```\n", c.id)
				case 5:
					fmt.Fprintf(&body, "\n\n```kpi\nmetrics = [%q, %q, %q]\n```\n", a.id, b.id, c.id)
				}
				body.WriteString("\n\n")
			}
			write(fmt.Sprintf("content/%d/%02d-s%02d.md", y, s+1, s+1), body.String())
		}
	}
	write("vendor/echarts.min.js", "window.echarts={};\n")
	f, _ := os.OpenFile(filepath.Join(dir, "site.toml"), os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString("\n[charts]\necharts = \"vendor/echarts.min.js\"\n")
	f.Close()
}

// peakHeap samples the heap while f runs and returns its peak in bytes.
func peakHeap(f func()) uint64 {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	var peak uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(sample)
			peak = max(peak, sample[0].Value.Uint64())
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	f()
	close(done)
	wg.Wait()
	return peak
}

// BenchmarkBuild builds the 1,000-section site (20 years × 50 sections,
// 120 metrics) from scratch each time: make bench.
func BenchmarkBuild(b *testing.B) {
	site := b.TempDir()
	writeCorpus(b, site, 20, 50, 120)
	out := filepath.Join(b.TempDir(), "public")
	var peak uint64
	var st Stats
	b.ResetTimer()
	for b.Loop() {
		peak = max(peak, peakHeap(func() {
			var err error
			if st, err = Run(Options{Site: site, Out: out}); err != nil {
				b.Fatal(err)
			}
		}))
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
	b.ReportMetric(float64(st.Pages), "pages")
}

func TestCorpusBuilds(t *testing.T) {
	site := t.TempDir()
	writeCorpus(t, site, 3, 4, 18)
	st, err := Run(Options{Site: site, Out: filepath.Join(t.TempDir(), "public")})
	if err != nil {
		t.Fatal(err)
	}
	// home, 3 years, 12 sections, 3 print editions, the dashboard, 18
	// metric pages, search and 404.
	if want := 1 + 3 + 3*4 + 3 + 1 + 18 + 1 + 1; st.Pages != want {
		t.Errorf("pages = %d, want %d", st.Pages, want)
	}
}
