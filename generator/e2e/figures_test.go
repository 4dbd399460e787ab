package e2e

import (
	"bytes"
	"encoding/base64"
	"encoding/xml"
	"fmt"
	"image"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

// figurePage is a section with a chart whose figure has a source line; its
// first chart's figure page, and what that figure shows.
const (
	figureSection = basePath + "2025/integration/"
	figureID      = "integration-chart-2"
	figureTitle   = "产业学院与共建实训基地"
	figureNote    = "新增省级基地 5 个"
	figureSource  = "来源："
)

// figureFacts is what a figure shows, read from the page.
type figureFacts struct {
	Title  string `json:"title"`
	Width  int    `json:"width"`
	Height int    `json:"height"`
	SVG    string `json:"svg"`
	Embed  string `json:"embed"`
	Page   string `json:"page"`
	Source string `json:"source"`
}

const figureFactsJS = `(() => {
	const fig = document.getElementById(%q);
	const el = fig.querySelector('.chart');
	const img = nianbao.figureSVG(fig);
	const code = fig.querySelector('textarea.figure-embed-code');
	const page = fig.querySelector('a.figure-page');
	const src = fig.querySelector('.figure-source');
	return {title: fig.querySelector('.figure-title').textContent, width: el.clientWidth, height: el.clientHeight,
		svg: img ? img.svg : '', embed: code ? code.value : '', page: page ? page.href : '', source: src ? src.textContent : ''};
})()`

// TestFigureImageButtons clicks a chart's PNG and SVG buttons and reads
// the files the browser saves: the chart at twice its size with its title
// above and its notes and source line below, drawn into the image.
func TestFigureImageButtons(t *testing.T) {
	setup(t)
	tb := newTab(t)
	dir := t.TempDir()
	if _, err := chromedp.Call(tb.ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir}); err != nil {
		t.Fatal(err)
	}
	u := tb.open(t, figureSection)
	waitCharts(t, tb, u)
	f, err := chromedp.Run(tb.ctx, chromedp.Evaluate[figureFacts](fmt.Sprintf(figureFactsJS, figureID)))
	if err != nil {
		t.Fatalf("%s: %v", u, err)
	}
	checkSVG(t, u, f)
	for _, format := range []string{"png", "svg"} {
		sel := fmt.Sprintf(`#%s button.figure-image[data-format=%q]`, figureID, format)
		if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(sel))); err != nil {
			t.Fatalf("%s: clicking %s: %v", u, sel, err)
		}
		data := waitFile(t, filepath.Join(dir, figureID+"."+format))
		if shots := os.Getenv("NIANBAO_SCREENSHOTS"); shots != "" {
			if err := os.WriteFile(filepath.Join(shots, figureID+"."+format), data, 0o644); err != nil {
				t.Error(err)
			}
		}
		if format == "png" {
			checkPNG(t, u, data, f)
		} else if !bytes.Contains(data, []byte(figureTitle)) || !bytes.Contains(data, []byte(figureSource)) {
			t.Errorf("%s: the saved SVG lacks the title or the source line", u)
		}
	}
	// The embed snippet's copy button copies it and says so.
	if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS("#"+figureID+" .figure-embed summary"))); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS("#"+figureID+" button.figure-copy"))); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](fmt.Sprintf(`document.querySelector('#%s .figure-copy-status').textContent === '已复制'`, figureID),
		chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Errorf("%s: the copy button did not report the snippet copied: %v", u, err)
	}
	want := siteHost + basePath + "2025/integration/figures/chart-2/"
	if !strings.Contains(f.Embed, `<iframe src="`+want+`" title="`+f.Title) || f.Page != env.srv.URL+basePath+"2025/integration/figures/chart-2/" {
		t.Errorf("%s: embed snippet %q, figure page %q; want an iframe of %s", u, f.Embed, f.Page, want)
	}
	tb.check(t, u)
}

// checkSVG reads the image's SVG: well-formed, with the title, note and
// source line as text and the chart inside.
func checkSVG(t *testing.T, u string, f figureFacts) {
	t.Helper()
	if f.SVG == "" {
		t.Fatalf("%s: nianbao.figureSVG returned nothing", u)
	}
	dec := xml.NewDecoder(strings.NewReader(f.SVG))
	var texts []string
	svgs := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s: the figure's SVG is not well-formed: %v\n%.600s", u, err, f.SVG)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if tok.Name.Local == "svg" {
				svgs++
			}
		case xml.CharData:
			texts = append(texts, string(tok))
		}
	}
	all := strings.Join(texts, "\n")
	for _, want := range []string{figureTitle, figureNote, figureSource} {
		if !strings.Contains(all, want) {
			t.Errorf("%s: the image does not say %q; its text:\n%s", u, want, all)
		}
	}
	if svgs < 2 {
		t.Errorf("%s: the image holds no chart (%d svg elements)", u, svgs)
	}
}

// checkPNG decodes the saved PNG: twice the chart's size and more, with
// ink above the chart (the title) and below it (notes and source).
func checkPNG(t *testing.T, u string, data []byte, f figureFacts) {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: the PNG does not decode: %v", u, err)
	}
	b := img.Bounds()
	if b.Dx() < 2*f.Width || b.Dy() < 2*f.Height+100 {
		t.Errorf("%s: PNG is %dx%d; the chart is %dx%d, so want at least %dx%d", u, b.Dx(), b.Dy(), f.Width, f.Height, 2*f.Width, 2*f.Height+100)
	}
	if n := inkRows(img, 0, 110); n < 10 {
		t.Errorf("%s: the PNG's top 110 rows hold %d rows of ink: no title", u, n)
	}
	if n := inkRows(img, b.Dy()-140, b.Dy()); n < 10 {
		t.Errorf("%s: the PNG's bottom rows hold %d rows of ink: no source line", u, n)
	}
}

// inkRows counts the rows in [from, to) that have dark pixels.
func inkRows(img image.Image, from, to int) int {
	n := 0
	b := img.Bounds()
	for y := max(from, b.Min.Y); y < min(to, b.Max.Y); y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if r+g+bl < 3*0x9000 {
				n++
				break
			}
		}
	}
	return n
}

func waitFile(t *testing.T, name string) []byte {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if data, err := os.ReadFile(name); err == nil && len(data) > 0 {
			return data
		}
	}
	t.Fatalf("no %s after 10s", name)
	return nil
}

// TestFigureImageFromFile makes the PNG of a page opened from file://,
// where nothing can be fetched: the image must still come out.
func TestFigureImageFromFile(t *testing.T) {
	setup(t)
	tb := newTab(t)
	u := "file://" + filepath.ToSlash(filepath.Join(env.out, "2025", "integration", "index.html"))
	tb.openURL(t, u)
	waitCharts(t, tb, u)
	b64, err := chromedp.Run(tb.ctx, chromedp.Evaluate[string](fmt.Sprintf(`nianbao.figureImage(document.getElementById(%q), 'png')
		.then(b => new Promise(r => { const f = new FileReader(); f.onload = () => r(f.result.split(',')[1]); f.readAsDataURL(b); }))`, figureID),
		chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: %v", u, err)
	}
	data, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		t.Fatal(err)
	}
	f, err := chromedp.Run(tb.ctx, chromedp.Evaluate[figureFacts](fmt.Sprintf(figureFactsJS, figureID)))
	if err != nil {
		t.Fatal(err)
	}
	checkPNG(t, u, data, f)
	tb.check(t, u)
}

// TestFigurePageInAnIframe opens a figure page inside an iframe of another
// page, as a portal would: the chart draws, the table and source show, and
// the page holds nothing else but a link back to the figure in its section.
func TestFigurePageInAnIframe(t *testing.T) {
	setup(t)
	tb := newTab(t)
	u := tb.open(t, basePath+"en/")
	src := env.srv.URL + basePath + "2025/integration/figures/chart-2/"
	type state struct {
		Charts   int    `json:"charts"`
		Drawn    bool   `json:"drawn"`
		Figures  int    `json:"figures"`
		Table    bool   `json:"table"`
		Source   string `json:"source"`
		Back     string `json:"back"`
		Header   int    `json:"header"`
		Title    string `json:"title"`
		Overflow bool   `json:"overflow"`
	}
	if _, err := chromedp.Run(tb.ctx, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(() => {
		const f = document.createElement('iframe');
		f.src = %q; f.width = 560; f.height = 560; f.id = 'e2e-frame';
		document.body.prepend(f);
	})()`, src))); err != nil {
		t.Fatal(err)
	}
	const read = `(() => {
		const d = document.getElementById('e2e-frame').contentDocument;
		if (!d || d.readyState !== 'complete' || !d.defaultView.echarts) return null;
		const el = d.querySelector('.chart');
		const table = d.querySelector('.chart-data');
		const back = d.querySelector('.figure-back a');
		return {charts: d.querySelectorAll('.chart').length, drawn: !!(el && d.defaultView.echarts.getInstanceByDom(el) && el.querySelector('svg path')),
			figures: d.querySelectorAll('figure').length, table: !!table && table.offsetParent !== null,
			source: (d.querySelector('.figure-source') || {}).textContent || '', back: back ? back.href + ' ' + back.target : '',
			header: d.querySelectorAll('.site-header, .site-footer').length, title: d.title,
			overflow: d.documentElement.scrollWidth > d.documentElement.clientWidth};
	})()`
	var s *state
	for deadline := time.Now().Add(chartTimeout); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		got, err := chromedp.Run(tb.ctx, chromedp.Evaluate[*state](read))
		if err != nil {
			t.Fatal(err)
		}
		if got != nil && got.Drawn {
			s = got
			break
		}
	}
	if s == nil {
		t.Fatalf("%s in an iframe: the chart did not draw", src)
	}
	if s.Charts != 1 || s.Figures != 1 || !s.Table || !strings.HasPrefix(s.Source, figureSource) || s.Header != 0 || s.Overflow {
		t.Errorf("%s in an iframe: %+v; want one drawn chart, its table and source, no header or footer, nothing wider than the frame", src, *s)
	}
	if want := env.srv.URL + basePath + "2025/integration/#" + figureID + " _top"; s.Back != want {
		t.Errorf("%s: the link back is %q, want %q", src, s.Back, want)
	}
	if !strings.Contains(s.Title, figureTitle) {
		t.Errorf("%s: <title> %q does not name the figure", src, s.Title)
	}
	tb.check(t, u)
}
