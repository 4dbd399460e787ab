package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"github.com/chromedp/cdproto/css"
	"github.com/chromedp/cdproto/emulation"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"nianbao/generator/build"
	"nianbao/generator/pinned"
)

const (
	// basePath is the sub-path of the example site's baseURL.
	basePath = "/jianglan/"
	// sectionPage is a Chinese section page with charts.
	sectionPage = basePath + "2025/operation/"
	// englishPage is an English section page with charts.
	englishPage = basePath + "en/2025/talent/"

	pageTimeout  = 30 * time.Second
	chartTimeout = 15 * time.Second
	// tabs is how many pages TestExampleSiteInBrowser opens at once.
	tabs = 2
)

// programECharts gives builds the program's ECharts, as the commands do.
func programECharts() ([]byte, error) {
	data, _, err := pinned.ECharts()
	return data, err
}

// env is what every test shares: one built site, one server and one browser,
// made on first use and removed by TestMain.
var env struct {
	once    sync.Once
	skip    string // why the tests cannot run here
	err     error  // a failure to set up
	out     string // the built site
	srv     *httptest.Server
	browser context.Context
	zh      map[string]bool // font families that fontconfig says cover Chinese
	cleanup []func()
}

func TestMain(m *testing.M) {
	code := m.Run()
	for i := len(env.cleanup) - 1; i >= 0; i-- {
		env.cleanup[i]()
	}
	os.Exit(code)
}

// setup makes the shared environment on first use, or skips the test (fails it with
// REQUIRE_BROWSER=1) when Chromium or a CJK font is missing.
func setup(t *testing.T) {
	t.Helper()
	env.once.Do(start)
	if env.skip != "" {
		if os.Getenv("REQUIRE_BROWSER") == "1" {
			t.Fatalf("%s (REQUIRE_BROWSER=1)", env.skip)
		}
		t.Skip(env.skip)
	}
	if env.err != nil {
		t.Fatal(env.err)
	}
}

func start() {
	bin := findChromium()
	if bin == "" {
		env.skip = "no Chromium: set CHROMIUM_PATH, or install chromium"
		return
	}
	env.zh = chineseFonts()
	if len(env.zh) == 0 {
		env.skip = "no CJK font: `fc-list :lang=zh family` prints nothing (install fonts-noto-cjk); Chinese would render as boxes"
		return
	}

	tmp, err := os.MkdirTemp("", "nianbao-e2e-")
	if err != nil {
		env.err = err
		return
	}
	env.cleanup = append(env.cleanup, func() { os.RemoveAll(tmp) })

	env.out = filepath.Join(tmp, "site")
	if _, err := build.Run(build.Options{Site: "../..", Out: env.out, ECharts: programECharts}); err != nil {
		env.err = fmt.Errorf("building the example site: %w", err)
		return
	}

	env.srv = httptest.NewServer(serve(env.out))
	env.cleanup = append(env.cleanup, env.srv.Close)

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(bin), chromedp.UserDataDir(filepath.Join(tmp, "profile")),
		chromedp.Flag("headless", true), chromedp.NoSandbox,
		chromedp.Flag("disable-gpu", true), chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun, chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.WindowSize(1280, 900),
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"))
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	browser, cancelBrowser := chromedp.NewContext(allocCtx)
	env.cleanup = append(env.cleanup, cancelAlloc, cancelBrowser)
	// Start the browser on a context with no deadline: it lives as long as
	// the tests.
	if err := chromedp.Do(browser); err != nil {
		env.err = fmt.Errorf("starting %s: %w", bin, err)
		return
	}
	env.browser = browser
}

// serve serves the built site under basePath. As a real host would, it lets
// the browser keep the assets, whose names hold a hash of their content, so
// that each new tab does not fetch and compile ECharts again; and it answers
// a page that does not exist with the site's 404.html (en/404.html under
// en/), with status 404.
func serve(out string) http.Handler {
	files := http.FileServer(http.Dir(out))
	mux := http.NewServeMux()
	mux.Handle(basePath, http.StripPrefix(strings.TrimSuffix(basePath, "/"), http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := filepath.Join(out, filepath.FromSlash(path.Clean(r.URL.Path)))
		fi, err := os.Stat(name)
		if err == nil && fi.IsDir() {
			_, err = os.Stat(filepath.Join(name, "index.html"))
		}
		switch {
		case err == nil && strings.HasPrefix(r.URL.Path, "/assets/"):
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		case err != nil && (strings.HasSuffix(r.URL.Path, "/") || strings.HasSuffix(r.URL.Path, ".html")):
			notFound := "404.html"
			if strings.HasPrefix(r.URL.Path, "/en/") {
				notFound = "en/404.html"
			}
			if b, err := os.ReadFile(filepath.Join(out, notFound)); err == nil {
				w.Header().Set("Content-Type", "text/html; charset=utf-8")
				w.WriteHeader(http.StatusNotFound)
				w.Write(b)
				return
			}
		}
		files.ServeHTTP(w, r)
	})))
	return mux
}

// findChromium looks at $CHROMIUM_PATH, /usr/bin/chromium, then chromium on
// PATH.
func findChromium() string {
	for _, p := range []string{os.Getenv("CHROMIUM_PATH"), "/usr/bin/chromium"} {
		if p == "" {
			continue
		}
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
			return p
		}
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	return ""
}

// chineseFonts returns the families that `fc-list :lang=zh family` prints.
func chineseFonts() map[string]bool {
	out, err := exec.Command("fc-list", ":lang=zh", "family").Output()
	if err != nil {
		return nil
	}
	families := map[string]bool{}
	for line := range strings.Lines(string(out)) {
		for name := range strings.SplitSeq(line, ",") {
			if name = strings.TrimSpace(name); name != "" {
				families[name] = true
			}
		}
	}
	return families
}

// tab is one browser tab that records every problem a page shows. A tab
// can show one page after another: opening a page in a new tab costs a new
// renderer process and compiling ECharts again, which made the whole walk
// two and a half times slower.
type tab struct {
	base   context.Context // the tab, with no deadline
	ctx    context.Context // base with the page timeout, renewed by open
	cancel context.CancelFunc

	mu       sync.Mutex
	problems []string
	requests map[network.RequestID]string
}

// newTab opens a tab in the shared browser. The tab closes when the test
// ends.
func newTab(t *testing.T) *tab {
	t.Helper()
	tabCtx, cancel := chromedp.NewContext(env.browser)
	t.Cleanup(cancel)
	// Open the tab on the context with no deadline, so that the deadline
	// below ends actions and not the tab.
	if err := chromedp.Do(tabCtx); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	tb := &tab{base: tabCtx, requests: map[network.RequestID]string{}}
	if err := chromedp.Listen(tabCtx, tb.listen); err != nil {
		t.Fatalf("listening to the tab: %v", err)
	}
	tb.ctx, tb.cancel = context.WithTimeout(tabCtx, pageTimeout)
	t.Cleanup(func() { tb.cancel() })
	return tb
}

// listen runs in the tab's event loop: it must return fast and run no
// command.
func (tb *tab) listen(ev any) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError {
			tb.add("console error: %s", remoteText(ev.Args))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			msg += " " + d.Exception.Description
		}
		tb.add("uncaught exception at %s:%d:%d: %s", d.URL, d.LineNumber+1, d.ColumnNumber+1, msg)
	case *cdplog.EventEntryAdded:
		if e := ev.Entry; e.Level == cdplog.EntryLevelError {
			tb.add("log error (%s): %s %s", e.Source, e.Text, e.URL)
		}
	case *network.EventRequestWillBeSent:
		u := ev.Request.URL
		tb.requests[ev.RequestID] = u
		if !local(u) {
			tb.add("request to another host: %s", u)
		}
	case *network.EventResponseReceived:
		if r := ev.Response; r.Status >= 400 {
			tb.add("HTTP %d for %s", r.Status, r.URL)
		}
	case *network.EventLoadingFailed:
		msg := ev.ErrorText
		if ev.Canceled {
			msg += " (canceled)"
		}
		if ev.BlockedReason != "" {
			msg += " (blocked: " + string(ev.BlockedReason) + ")"
		}
		tb.add("failed to load %s: %s", tb.requests[ev.RequestID], msg)
	}
}

func (tb *tab) add(format string, args ...any) {
	tb.problems = append(tb.problems, fmt.Sprintf(format, args...))
}

// check fails the test for every problem the tab recorded while it showed
// the page at u.
func (tb *tab) check(t *testing.T, u string) {
	t.Helper()
	// A round trip: Listen has seen every event sent before its reply.
	if _, err := chromedp.Run(tb.ctx, chromedp.Evaluate[chromedp.Void](`0`)); err != nil {
		t.Errorf("%s: %v", u, err)
	}
	tb.mu.Lock()
	defer tb.mu.Unlock()
	for _, p := range tb.problems {
		t.Errorf("%s: %s", u, p)
	}
	tb.problems = nil
}

// open loads the page at the site path p and returns its full URL.
func (tb *tab) open(t *testing.T, p string) string {
	t.Helper()
	u := env.srv.URL + p
	resp := tb.openURL(t, u)
	if resp.Status != http.StatusOK {
		t.Errorf("%s: HTTP %d", u, resp.Status)
	}
	return u
}

// openURL loads the page at u, with a new page timeout.
func (tb *tab) openURL(t *testing.T, u string) *network.Response {
	t.Helper()
	tb.cancel()
	tb.ctx, tb.cancel = context.WithTimeout(tb.base, pageTimeout)
	resp, err := chromedp.Run(tb.ctx, chromedp.NavigateResponse(u))
	if err != nil {
		t.Fatalf("%s: %v", u, err)
	}
	return resp
}

// local reports whether a request stays on this machine.
func local(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	switch u.Scheme {
	case "data", "blob", "about", "file":
		return true
	}
	h := u.Hostname()
	return h == "127.0.0.1" || h == "localhost"
}

func remoteText(args []*runtime.RemoteObject) string {
	var parts []string
	for _, a := range args {
		var str string
		switch {
		case a.Type == runtime.RemoteObjectTypeString && json.Unmarshal(a.Value, &str) == nil:
			parts = append(parts, str)
		case a.Description != "":
			parts = append(parts, a.Description)
		case len(a.Value) > 0:
			parts = append(parts, string(a.Value))
		default:
			parts = append(parts, string(a.Type))
		}
	}
	return strings.Join(parts, " ")
}

// pages returns the site path of every page in the built site.
func pages(t *testing.T) []string {
	t.Helper()
	var list []string
	err := filepath.WalkDir(env.out, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || (d.Name() != "index.html" && d.Name() != "404.html") {
			return nil
		}
		rel, err := filepath.Rel(env.out, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if d.Name() == "index.html" {
			rel = strings.TrimSuffix(rel, "index.html")
		}
		list = append(list, basePath+rel)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) == 0 {
		t.Fatalf("no pages in %s", env.out)
	}
	return list
}

// chartsReady is true when every chart has an ECharts instance and SVG
// paths.
const chartsReady = `Array.from(document.querySelectorAll('.chart')).every(el =>
	window.echarts && echarts.getInstanceByDom(el) && el.querySelector('svg path'))`

// chartsNotReady lists the data-option of every chart that has not
// rendered.
const chartsNotReady = `Array.from(document.querySelectorAll('.chart')).filter(el =>
	!(window.echarts && echarts.getInstanceByDom(el) && el.querySelector('svg path'))).map(el =>
	(el.getAttribute('data-option') || '(no data-option)') +
	(!window.echarts ? ': window.echarts is missing' :
	 !echarts.getInstanceByDom(el) ? ': no ECharts instance' : ': no svg path'))`

// waitCharts fails the test, naming the chart, for every chart on the page
// that does not render within chartTimeout. It returns how many charts the
// page has.
func waitCharts(t *testing.T, tb *tab, u string) int {
	t.Helper()
	n, err := chromedp.Run(tb.ctx, chromedp.Evaluate[int](`document.querySelectorAll('.chart').length`))
	if err != nil {
		t.Errorf("%s: counting charts: %v", u, err)
		return 0
	}
	if n == 0 {
		return 0
	}
	_, err = chromedp.Run(tb.ctx, chromedp.Poll[bool](chartsReady,
		chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(chartTimeout)))
	if err == nil {
		return n
	}
	bad, err2 := chromedp.Run(tb.ctx, chromedp.Evaluate[[]string](chartsNotReady))
	if err2 != nil {
		t.Errorf("%s: charts did not render (%v), and listing them failed: %v", u, err, err2)
		return n
	}
	if len(bad) == 0 {
		t.Errorf("%s: waiting for charts: %v", u, err)
	}
	for _, b := range bad {
		t.Errorf("%s: chart %s did not render within %v", u, b, chartTimeout)
	}
	return n
}

func wantLang(p string) string {
	if strings.HasPrefix(p, basePath+"en/") {
		return "en"
	}
	return "zh"
}

// checkPage opens the page at the site path p in tb, fails the test for
// every problem it shows, runs axe on it once its charts have rendered, and
// returns how many charts it has and what axe found.
func checkPage(t *testing.T, tb *tab, p string) (charts int, found []axeViolation) {
	u := tb.open(t, p)
	// Report what the tab saw even when a check below stops the test, so
	// that it is not put on the next page.
	defer tb.check(t, u)
	lang, err := chromedp.Run(tb.ctx, chromedp.Evaluate[string](`document.documentElement.lang`))
	if err != nil {
		t.Errorf("%s: %v", u, err)
	} else if want := wantLang(p); lang != want {
		t.Errorf("%s: <html lang=%q>, want %q", u, lang, want)
	}
	charts = waitCharts(t, tb, u)
	probe(t, tb, u)
	found, err = runAxe(tb, u)
	if err != nil {
		t.Errorf("%s: axe: %v", u, err)
	}
	return charts, found
}

func TestExampleSiteInBrowser(t *testing.T) {
	setup(t)
	list := pages(t)
	// The search pages once more with a query, so that axe also looks at
	// a list of results.
	list = append(list,
		basePath+"search/?q="+url.QueryEscape("订单班"),
		basePath+"en/search/?q=apprentice")
	start := time.Now()
	var mu sync.Mutex
	charts := 0
	var found []axeViolation
	work := make(chan string)
	go func() {
		defer close(work)
		for _, p := range list {
			work <- p
		}
	}()
	// Each worker shows its pages one after another in its own tab. The
	// workers call t.Run at the same time (testing allows it), so the
	// number of open tabs does not depend on -parallel.
	var wg sync.WaitGroup
	for range tabs {
		tb := newTab(t)
		injectAxe(t, tb)
		wg.Go(func() {
			for p := range work {
				name := strings.Trim(strings.TrimPrefix(p, basePath), "/")
				if name == "" {
					name = "home"
				}
				t.Run(name, func(t *testing.T) {
					n, v := checkPage(t, tb, p)
					mu.Lock()
					charts += n
					found = append(found, v...)
					mu.Unlock()
				})
			}
		})
	}
	wg.Wait()
	t.Logf("opened %d pages with %d charts, and ran axe on each, in %v", len(list), charts, time.Since(start).Round(time.Millisecond))
	t.Run("axe", func(t *testing.T) { reportAxe(t, found, len(list)) })
}

func TestChineseGlyphs(t *testing.T) {
	setup(t)
	tb := newTab(t)
	u := tb.open(t, sectionPage)
	if _, err := chromedp.Run(tb.ctx, chromedp.Evaluate[chromedp.Void](`document.fonts.ready`, chromedp.EvalAwaitPromise)); err != nil {
		t.Fatalf("%s: %v", u, err)
	}
	ok, err := chromedp.Run(tb.ctx, chromedp.Evaluate[bool](`document.fonts.check('16px "Noto Sans CJK SC"')`))
	if err != nil {
		t.Fatalf("%s: %v", u, err)
	}
	if !ok {
		t.Errorf(`%s: document.fonts.check('16px "Noto Sans CJK SC"') is false`, u)
	}
	// document.fonts.check is true for any font the page does not load
	// itself, so also ask which fonts drew the glyphs: every Han character
	// must come from a font that fontconfig lists for Chinese, not from a
	// fallback that draws boxes.
	for _, sel := range []string{"h1", ".section-summary", ".site-title"} {
		text, err := chromedp.Run(tb.ctx, chromedp.TextContent(chromedp.CSS(sel)))
		if err != nil {
			t.Errorf("%s: %s: %v", u, sel, err)
			continue
		}
		han := 0
		for _, r := range text {
			if unicode.Is(unicode.Han, r) {
				han++
			}
		}
		if han == 0 {
			t.Errorf("%s: %s %q has no Chinese text", u, sel, text)
			continue
		}
		ids, err := chromedp.Run(tb.ctx, chromedp.QueryNodeIDs(chromedp.CSS(sel)))
		if err != nil || len(ids) == 0 {
			t.Errorf("%s: %s: %v", u, sel, err)
			continue
		}
		res, err := chromedp.Call(tb.ctx, css.GetPlatformFontsForNode, css.GetPlatformFontsForNodeParams{NodeID: ids[0]})
		if err != nil {
			t.Errorf("%s: %s: fonts: %v", u, sel, err)
			continue
		}
		var cjk float64
		var used []string
		for _, f := range res.Fonts {
			used = append(used, fmt.Sprintf("%s×%v", f.FamilyName, f.GlyphCount))
			if env.zh[f.FamilyName] {
				cjk += f.GlyphCount
			}
		}
		if cjk < float64(han) {
			t.Errorf("%s: %s %q has %d Chinese characters, but only %v glyphs come from a Chinese font (fonts used: %s)",
				u, sel, text, han, cjk, strings.Join(used, ", "))
		} else {
			t.Logf("%s: %s drawn with %s", u, sel, strings.Join(used, ", "))
		}
	}
	tb.check(t, u)
}

func TestShowDataButton(t *testing.T) {
	setup(t)
	tb := newTab(t)
	u := tb.open(t, sectionPage)
	id, err := chromedp.Run(tb.ctx, chromedp.Evaluate[string](`(() => {
		const b = document.querySelector('button.show-data');
		return b ? b.getAttribute('aria-controls') : '';
	})()`))
	if err != nil {
		t.Fatalf("%s: %v", u, err)
	}
	if id == "" {
		t.Fatalf("%s: no button.show-data with aria-controls", u)
	}
	state := fmt.Sprintf(`(() => {
		const b = document.querySelector('button.show-data');
		const d = document.getElementById(%q);
		return {visible: !!d && d.offsetParent !== null, expanded: b.getAttribute('aria-expanded'), hidden: b.hidden};
	})()`, id)
	type tableState struct {
		Visible  bool   `json:"visible"`
		Expanded string `json:"expanded"`
		Hidden   bool   `json:"hidden"`
	}
	before, err := chromedp.Run(tb.ctx, chromedp.Evaluate[tableState](state))
	if err != nil {
		t.Fatalf("%s: %v", u, err)
	}
	if before.Hidden {
		t.Errorf("%s: the first button.show-data is still hidden with scripts on", u)
	}
	if before.Visible || before.Expanded != "false" {
		t.Errorf("%s: before the click, #%s visible=%v aria-expanded=%q; want false, \"false\"", u, id, before.Visible, before.Expanded)
	}
	if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS("button.show-data"))); err != nil {
		t.Fatalf("%s: clicking button.show-data: %v", u, err)
	}
	_, err = chromedp.Run(tb.ctx, chromedp.Poll[bool](
		fmt.Sprintf(`(%s).visible && document.querySelector('button.show-data').getAttribute('aria-expanded') === 'true'`, state),
		chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(5*time.Second)))
	if err != nil {
		after, err2 := chromedp.Run(tb.ctx, chromedp.Evaluate[tableState](state))
		t.Errorf("%s: after the click, #%s visible=%v aria-expanded=%q (%v, %v); want true, \"true\"",
			u, id, after.Visible, after.Expanded, err, err2)
	}
	tb.check(t, u)
}

func TestTablesWithoutJavaScript(t *testing.T) {
	setup(t)
	tb := newTab(t)
	if _, err := chromedp.Call(tb.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatalf("disabling scripts: %v", err)
	}
	u := tb.open(t, sectionPage)
	type state struct {
		Root    string   `json:"root"`
		Tables  int      `json:"tables"`
		Hidden  []string `json:"hidden"`
		Charts  int      `json:"charts"`
		Buttons int      `json:"buttons"`
	}
	s, err := chromedp.Run(tb.ctx, chromedp.Evaluate[state](`(() => {
		const tables = Array.from(document.querySelectorAll('.chart-data'));
		return {
			root: document.documentElement.className,
			tables: tables.length,
			hidden: tables.filter(d => d.offsetParent === null).map(d => d.id),
			charts: Array.from(document.querySelectorAll('.chart')).filter(c => c.offsetParent !== null).length,
			buttons: Array.from(document.querySelectorAll('button.show-data')).filter(b => b.offsetParent !== null).length,
		};
	})()`))
	if err != nil {
		t.Fatalf("%s: %v", u, err)
	}
	if !strings.Contains(" "+s.Root+" ", " no-js ") {
		t.Errorf("%s: with scripts off, <html class=%q>; want no-js (did a script run?)", u, s.Root)
	}
	if s.Tables == 0 {
		t.Errorf("%s: no .chart-data tables", u)
	}
	for _, id := range s.Hidden {
		t.Errorf("%s: with scripts off, the data table #%s is not visible", u, id)
	}
	if s.Charts != 0 {
		t.Errorf("%s: with scripts off, %d empty chart boxes are visible", u, s.Charts)
	}
	if s.Buttons != 0 {
		t.Errorf("%s: with scripts off, %d show-data buttons are visible, and they would do nothing", u, s.Buttons)
	}
	tb.check(t, u)
}

func TestScreenshots(t *testing.T) {
	dir := os.Getenv("NIANBAO_SCREENSHOTS")
	if dir == "" {
		t.Skip("set NIANBAO_SCREENSHOTS to a folder to save screenshots")
	}
	setup(t)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{sectionPage, englishPage} {
		t.Run(strings.Trim(strings.TrimPrefix(p, basePath), "/"), func(t *testing.T) {
			tb := newTab(t)
			// The theme turns chart animation off for reduced motion, so
			// the charts are complete in the picture.
			if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
				Features: []*emulation.MediaFeature{{Name: "prefers-reduced-motion", Value: "reduce"}},
			}); err != nil {
				t.Fatal(err)
			}
			u := tb.open(t, p)
			waitCharts(t, tb, u)
			if _, err := chromedp.Run(tb.ctx, chromedp.Evaluate[chromedp.Void](`document.fonts.ready`, chromedp.EvalAwaitPromise)); err != nil {
				t.Fatalf("%s: %v", u, err)
			}
			png, err := chromedp.Run(tb.ctx, chromedp.FullScreenshot(100))
			if err != nil {
				t.Fatalf("%s: screenshot: %v", u, err)
			}
			name := strings.ReplaceAll(strings.Trim(strings.TrimPrefix(p, basePath), "/"), "/", "-") + ".png"
			file := filepath.Join(dir, name)
			if err := os.WriteFile(file, png, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: saved %s", u, file)
			tb.check(t, u)
		})
	}
}

// TestCheckerSeesProblems makes a page misbehave on purpose, so that a
// change in chromedp or Chromium that silences the events cannot make the
// other tests pass without looking.
func TestCheckerSeesProblems(t *testing.T) {
	setup(t)
	tb := newTab(t)
	u := tb.open(t, sectionPage)
	waitCharts(t, tb, u)
	if _, err := chromedp.Run(tb.ctx, chromedp.Evaluate[chromedp.Void](`
		console.error('e2e: a deliberate console error');
		setTimeout(() => { throw new Error('e2e: a deliberate exception'); }, 0);
		fetch('/jianglan/e2e-no-such-file.js').catch(() => {});
		fetch('http://example.com/e2e').catch(() => {});
		const fake = document.createElement('div');
		fake.className = 'chart';
		fake.setAttribute('data-option', 'e2e-fake-option');
		document.body.append(fake);
	`)); err != nil {
		t.Fatalf("%s: %v", u, err)
	}
	want := []string{
		"console error: e2e: a deliberate console error",
		"uncaught exception",
		"HTTP 404 for " + env.srv.URL + "/jianglan/e2e-no-such-file.js",
		"request to another host: http://example.com/e2e",
		"failed to load http://example.com/e2e",
	}
	var got []string
	for deadline := time.Now().Add(10 * time.Second); ; {
		tb.mu.Lock()
		got = append(got[:0], tb.problems...)
		tb.mu.Unlock()
		missing := 0
		for _, w := range want {
			if !slices.ContainsFunc(got, func(g string) bool { return strings.Contains(g, w) }) {
				missing++
			}
		}
		if missing == 0 || time.Now().After(deadline) {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	for _, w := range want {
		if !slices.ContainsFunc(got, func(g string) bool { return strings.Contains(g, w) }) {
			t.Errorf("the checker missed %q; it saw:\n%s", w, strings.Join(got, "\n"))
		}
	}
	bad, err := chromedp.Run(tb.ctx, chromedp.Evaluate[[]string](chartsNotReady))
	if err != nil {
		t.Fatalf("%s: %v", u, err)
	}
	if want := []string{"e2e-fake-option: no ECharts instance"}; !slices.Equal(bad, want) {
		t.Errorf("charts not ready = %q, want %q", bad, want)
	}
}

// TestNotFoundPage opens pages that do not exist, deep in the site, as a
// host shows 404.html for them: its links and assets must not depend on
// where it is shown.
func TestNotFoundPage(t *testing.T) {
	setup(t)
	tb := newTab(t)
	for _, c := range []struct{ path, lang string }{
		{basePath + "2025/no-such-section/", "zh"},
		{basePath + "en/2025/no/such/page.html", "en"},
	} {
		t.Run(c.lang, func(t *testing.T) {
			u := env.srv.URL + c.path
			resp := tb.openURL(t, u)
			if resp.Status != http.StatusNotFound {
				t.Errorf("%s: HTTP %d, want 404", u, resp.Status)
			}
			type state struct {
				Lang   string `json:"lang"`
				H1     string `json:"h1"`
				Header string `json:"header"`
				Home   string `json:"home"`
			}
			s, err := chromedp.Run(tb.ctx, chromedp.Evaluate[state](`(() => {
				const h = document.querySelector('.site-header'), h1 = document.querySelector('h1'), home = document.querySelector('a.site-brand');
				return {lang: document.documentElement.lang, h1: h1 ? h1.textContent.trim() : '',
					header: h ? getComputedStyle(h).backgroundColor : '', home: home ? home.href : ''};
			})()`))
			if err != nil {
				t.Fatalf("%s: %v", u, err)
			}
			if s.Lang != c.lang || s.H1 == "" {
				t.Errorf("%s: <html lang=%q>, <h1> %q; want the %s 404 page", u, s.Lang, s.H1, c.lang)
			}
			if s.Header == "" || s.Header == "rgba(0, 0, 0, 0)" || s.Header == "transparent" {
				t.Errorf("%s: .site-header background-color %q: the stylesheet did not load", u, s.Header)
			}
			if want := env.srv.URL + basePath; !strings.HasPrefix(s.Home, want) {
				t.Errorf("%s: the site name links to %q, want %s…", u, s.Home, want)
			}
			// The page itself is the one expected 404, which Chromium also
			// logs.
			tb.mu.Lock()
			tb.problems = slices.DeleteFunc(tb.problems, func(p string) bool {
				return p == "HTTP 404 for "+u ||
					strings.HasPrefix(p, "log error (network): ") && strings.Contains(p, " 404 ") && strings.HasSuffix(p, " "+u)
			})
			tb.mu.Unlock()
			tb.check(t, u)
		})
	}
}
