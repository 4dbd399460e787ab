package e2e

import (
	"compress/gzip"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"nianbao/generator/build"
)

// featureProbe draws one chart of each type the built-in ECharts must
// draw, with every component the theme's charts use (a scrolling legend,
// tooltips, marked points, a second value axis, aria and decal patterns),
// and returns what each one put into its SVG. A chart type or component
// missing from tools/echarts/entry.js draws nothing, and its marker text
// is absent. (Titles, mark lines and mark areas are not in the copy: no
// chart nianbao writes has them, which TestBuiltInEChartsDrawsLikeTheWholeLibrary
// shows.)
const featureProbe = `(() => {
  const out = {};
  const draw = (name, option) => {
    const el = document.createElement('div');
    el.style.cssText = 'width:480px;height:320px';
    document.body.appendChild(el);
    try {
      const c = echarts.init(el, null, { renderer: 'svg' });
      c.setOption(Object.assign({ animation: false }, option));
      out[name] = {
        text: Array.from(el.querySelectorAll('svg text, svg tspan')).map(t => t.textContent).join('|'),
        patterns: el.querySelectorAll('svg pattern').length,
        paths: el.querySelectorAll('svg path').length,
        aria: el.getAttribute('aria-label') || '',
        svg: c.renderToSVGString().slice(0, 4),
        url: c.getDataURL({ type: 'svg' }).slice(0, 19),
        c: c, el: el,
      };
    } catch (e) {
      out[name] = { error: String(e) };
    }
  };
  const cat = { type: 'category', data: ['CAT-A', 'CAT-B'] };
  draw('line', {
    legend: { type: 'scroll', top: 30 }, tooltip: { trigger: 'axis' },
    aria: { enabled: true, label: { description: 'ARIA-MARK' } },
    grid: { top: 70, containLabel: true }, xAxis: cat,
    yAxis: [{ type: 'value', name: 'Y1-MARK' }, { type: 'value', name: 'Y2-MARK' }],
    series: [
      { name: 'LEGEND-MARK', type: 'line', data: [1, 2],
        markPoint: { data: [{ type: 'max', label: { formatter: 'MARKPOINT-MARK' } }] } },
      { name: 'RIGHT', type: 'line', yAxisIndex: 1, data: [10, 20] },
    ],
  });
  draw('bar', {
    aria: { enabled: true, decal: { show: true } }, xAxis: cat, yAxis: { type: 'value' },
    series: [{ type: 'bar', stack: 't', data: [3, 4], label: { show: true, formatter: 'BAR-MARK' } },
             { type: 'bar', stack: 't', data: [1, 2],
               markPoint: { symbol: 'diamond', data: [{ coord: ['CAT-B', 6], value: 6, label: { show: true, formatter: 'TARGET-MARK' } }] } }],
  });
  draw('pie', { series: [{ type: 'pie', radius: ['30%', '55%'], data: [{ name: 'PIE-MARK', value: 1 }, { name: 'B', value: 2 }] }] });
  draw('gauge', { series: [{ type: 'gauge', progress: { show: true }, detail: { formatter: 'GAUGE-MARK' }, data: [{ value: 40 }] }] });
  draw('radar', {
    radar: { indicator: [{ name: 'RADAR-MARK', max: 10 }, { name: 'B', max: 10 }, { name: 'C', max: 10 }] },
    series: [{ type: 'radar', data: [{ value: [1, 2, 3] }] }],
  });
  const line = out.line;
  if (line && line.c) {
    line.c.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: 1 });
    line.tooltip = line.el.textContent.includes('CAT-B');
  }
  for (const k in out) { delete out[k].c; delete out[k].el; }
  out.version = echarts.version;
  return JSON.stringify(out);
})()`

type drawn struct {
	Text     string
	Patterns int
	Paths    int
	Aria     string
	SVG      string
	URL      string
	Tooltip  bool
	Error    string
}

// TestBuiltInEChartsDrawsEveryFeature loads the ECharts that the example
// site carries (nianbao's build of the pinned package) and draws every
// chart type and component with it.
func TestBuiltInEChartsDrawsEveryFeature(t *testing.T) {
	setup(t)
	dir := t.TempDir()
	js := builtInECharts(t)
	if err := os.WriteFile(filepath.Join(dir, "echarts.js"), js, 0o644); err != nil {
		t.Fatal(err)
	}
	page := `<!doctype html><html lang="en"><meta charset="utf-8"><title>probe</title><link rel="icon" href="data:,"><script src="echarts.js"></script><body></body></html>`
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	tb := newTab(t)
	u := srv.URL + "/"
	tb.openURL(t, u)
	defer tb.check(t, u)
	raw, err := chromedp.Run(tb.ctx, chromedp.Evaluate[string](featureProbe))
	if err != nil {
		t.Fatalf("drawing: %v", err)
	}
	var got map[string]json.RawMessage
	if err := json.Unmarshal([]byte(raw), &got); err != nil {
		t.Fatalf("%v: %s", err, raw)
	}
	charts := map[string]drawn{}
	for _, name := range []string{"line", "bar", "pie", "gauge", "radar"} {
		var d drawn
		if err := json.Unmarshal(got[name], &d); err != nil {
			t.Fatalf("%s: %v: %s", name, err, got[name])
		}
		if d.Error != "" {
			t.Errorf("%s chart: %s", name, d.Error)
		}
		if d.Paths == 0 {
			t.Errorf("%s chart: no SVG paths", name)
		}
		if d.SVG != "<svg" || d.URL != "data:image/svg+xml;" {
			t.Errorf("%s chart: exported as %q, data URL %q; want SVG", name, d.SVG, d.URL)
		}
		charts[name] = d
	}
	for chart, marks := range map[string][]string{
		"line":  {"LEGEND-MARK", "CAT-A", "Y1-MARK", "Y2-MARK", "MARKPOINT-MARK"},
		"bar":   {"BAR-MARK", "TARGET-MARK"},
		"pie":   {"PIE-MARK"},
		"gauge": {"GAUGE-MARK"},
		"radar": {"RADAR-MARK"},
	} {
		for _, m := range marks {
			if !strings.Contains(charts[chart].Text, m) {
				t.Errorf("%s chart: %s not drawn; its SVG text is %q", chart, m, charts[chart].Text)
			}
		}
	}
	if a := charts["line"].Aria; !strings.Contains(a, "ARIA-MARK") {
		t.Errorf("aria description: the chart's aria-label is %q", a)
	}
	if !charts["line"].Tooltip {
		t.Error("tooltip: showTip drew no tooltip")
	}
	if charts["bar"].Patterns == 0 {
		t.Error("aria decal: the bar chart has no SVG patterns")
	}
	var version string
	json.Unmarshal(got["version"], &version)
	if !regexp.MustCompile(`^5\.\d+\.\d+$`).MatchString(version) {
		t.Errorf("echarts.version = %q", version)
	}
}

// builtInECharts returns the ECharts file of the built example site.
func builtInECharts(t *testing.T) []byte {
	t.Helper()
	matches, _ := filepath.Glob(filepath.Join(env.out, "assets", "echarts.*.js"))
	if len(matches) != 1 {
		t.Fatalf("ECharts assets in the example site: %q", matches)
	}
	js, err := os.ReadFile(matches[0])
	if err != nil {
		t.Fatal(err)
	}
	return js
}

// maxECharts bounds the built-in ECharts: at most 500 KB. Pinned ECharts
// 5.6 with the five chart types and the components above, built by
// tools/echarts/build.mjs, is 491,527 bytes (the whole library is
// 1,034,102); the bound catches an import of the whole library or of
// unused components, and a build step that stops working.
const maxECharts = 500_000

// maxChartPage bounds what a reader's browser fetches for a section page
// with ten charts of every type, compressed as web servers send text: the
// page, its styles, scripts and ECharts, gzipped at the level nginx uses
// unless told otherwise (see gzipped). About 223 kB today (190 kB at gzip's default level).
const maxChartPage = 250_000

func TestChartPageTransfer(t *testing.T) {
	setup(t)
	if n := len(builtInECharts(t)); n > maxECharts {
		t.Errorf("the built-in ECharts is %d bytes; want at most %d", n, maxECharts)
	}
	out, p := chartHeavySite(t)
	srv := httptest.NewServer(gzipped(serve(out)))
	defer srv.Close()
	tb := newTab(t)
	var mu sync.Mutex
	sizes := map[network.RequestID]float64{}
	urls := map[network.RequestID]string{}
	if err := chromedp.Listen(tb.base, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			urls[ev.RequestID] = ev.Request.URL
		case *network.EventLoadingFinished:
			sizes[ev.RequestID] = ev.EncodedDataLength
		}
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(tb.ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
		t.Fatal(err)
	}
	u := srv.URL + p
	tb.openURL(t, u)
	defer tb.check(t, u)
	if n := waitCharts(t, tb, u); n < 10 {
		t.Fatalf("%s: %d charts; want at least 10", u, n)
	}
	if _, err := chromedp.Run(tb.ctx, chromedp.Evaluate[chromedp.Void](`document.fonts.ready`, chromedp.EvalAwaitPromise)); err != nil {
		t.Fatal(err)
	}
	tb.check(t, u) // a round trip: every loadingFinished has arrived
	mu.Lock()
	defer mu.Unlock()
	total := 0.0
	var lines []string
	for id, n := range sizes {
		total += n
		lines = append(lines, path.Base(strings.TrimSuffix(urls[id], "/"))+": "+formatBytes(n))
	}
	slices.Sort(lines)
	t.Logf("%s transferred %s: %s", p, formatBytes(total), strings.Join(lines, ", "))
	if total > maxChartPage {
		t.Errorf("%s transferred %.0f bytes; want at most %d", p, total, maxChartPage)
	}
}

func formatBytes(n float64) string { return strconv.FormatFloat(n/1000, 'f', 1, 64) + " kB" }

// chartHeavySite builds the example site with eight more charts, one of
// each type, in its 2025 operation section, and returns the output folder
// and that page's site path.
func chartHeavySite(t *testing.T) (string, string) {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS("../../content")); err != nil {
		t.Fatal(err)
	}
	cfg, err := os.ReadFile("../../site.toml")
	if err != nil {
		t.Fatal(err)
	}
	section := filepath.Join(dir, "content", "2025", "02-operation.md")
	text, err := os.ReadFile(section)
	if err != nil {
		t.Fatal(err)
	}
	var more strings.Builder
	for _, typ := range []string{"line", "bar", "stacked-bar", "horizontal-bar", "pie", "donut", "radar", "gauge"} {
		metrics := `"integration.industry_colleges", "integration.shared_bases", "science.innovation_platforms"`
		if typ == "gauge" {
			metrics = `"operation.evaluation_score"`
		}
		more.WriteString("\n```chart\ntype = \"" + typ + "\"\nmetrics = [" + metrics + "]\n```\n")
	}
	if err := os.WriteFile(filepath.Join(dir, "site.toml"), cfg, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(section, append(text, more.String()...), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "public")
	if _, err := build.Run(build.Options{Site: dir, Out: out, ECharts: programECharts}); err != nil {
		t.Fatal(err)
	}
	return out, basePath + "2025/operation/"
}

// gzipped compresses every response for clients that accept it, as a web
// server with gzip on does, at gzip's fastest level: nginx's default
// (gzip_comp_level 1), which gives more bytes than the levels others use.
func gzipped(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			h.ServeHTTP(w, r)
			return
		}
		gz, _ := gzip.NewWriterLevel(w, gzip.BestSpeed) // a valid level: no error
		defer gz.Close()
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Add("Vary", "Accept-Encoding")
		h.ServeHTTP(gzipWriter{ResponseWriter: w, w: gz}, r)
	})
}

type gzipWriter struct {
	http.ResponseWriter
	w *gzip.Writer
}

func (g gzipWriter) WriteHeader(code int) {
	g.Header().Del("Content-Length") // the file's, not the compressed size
	g.ResponseWriter.WriteHeader(code)
}

func (g gzipWriter) Write(p []byte) (int, error) { return g.w.Write(p) }
