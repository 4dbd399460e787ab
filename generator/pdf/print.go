package pdf

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// Print serves the built site in dir under basePath on a loopback port and
// prints each job's page with Chromium. The pages load nothing from other
// hosts, so printing needs no network.
//
// The contents' page numbers come from a first print: Chromium writes a
// named destination for every element a link points to, so the PDF itself
// says on which page each section of the contents starts. The numbers go
// into the page and it is printed again, until the numbers hold (the
// second print, unless the numbers make the contents a page longer).
func Print(ctx context.Context, dir, basePath string, jobs []Job) error {
	bin, err := Chromium()
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: http.StripPrefix(strings.TrimSuffix(basePath, "/"), http.FileServer(http.Dir(dir)))}
	go srv.Serve(ln)
	defer srv.Close()
	profile, err := os.MkdirTemp("", "nianbao-chromium-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(profile)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(bin), chromedp.UserDataDir(profile),
		chromedp.Flag("headless", true), chromedp.NoSandbox,
		chromedp.Flag("disable-gpu", true), chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun, chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"))
	alloc, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	defer cancelAlloc()
	browser, cancelBrowser := chromedp.NewContext(alloc)
	defer cancelBrowser()
	if err := chromedp.Do(browser); err != nil {
		return fmt.Errorf("starting %s: %w", bin, err)
	}
	for _, j := range jobs {
		url := fmt.Sprintf("http://%s%s%s", ln.Addr(), basePath, j.Page)
		data, err := printPage(browser, url)
		if err != nil {
			return fmt.Errorf("printing /%s: %w", j.Page, err)
		}
		data = fixDateBytes(data, j.Year)
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(j.PDF)), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// ready is true once every chart has drawn and the fonts have loaded.
// A site's own ECharts copy (charts.echarts) may lack getInstanceByDom;
// then only the fonts are waited for.
const ready = `document.readyState === 'complete' && document.fonts.status === 'loaded' &&
	(!(window.echarts && echarts.getInstanceByDom) || Array.from(document.querySelectorAll('.chart')).every(el =>
		echarts.getInstanceByDom(el) && el.querySelector('svg path, canvas')))`

// a4TextWidth is the width of an A4 page's text in CSS pixels: 210 mm
// less the print stylesheet's 16 mm margins.
const a4TextWidth = (210 - 2*16) * 96 * 10 / 254 // 672

// settled is true once every chart's drawing is as wide as its element.
const settled = `Array.from(document.querySelectorAll('.chart')).every(el => {
	const svg = el.querySelector('svg');
	return !svg || Math.abs(svg.getBoundingClientRect().width - el.clientWidth) < 2 &&
		Math.abs(svg.getBoundingClientRect().height - el.clientHeight) < 2;
})`

// number puts the page numbers into the contents: pages maps the id each
// entry links to onto the page it starts on.
const number = `(pages => {
	for (const a of document.querySelectorAll('.print-toc a[href^="#"]')) {
		const n = pages[decodeURIComponent(a.getAttribute('href').slice(1))];
		const s = a.querySelector('.print-toc-page');
		if (s) s.textContent = n ? String(n) : '';
	}
	const toc = document.querySelector('.print-toc');
	if (toc) toc.classList.add('numbered');
})(%s)`

func printPage(browser context.Context, url string) ([]byte, error) {
	tab, cancel := chromedp.NewContext(browser)
	defer cancel()
	ctx, cancelT := context.WithTimeout(tab, 2*time.Minute)
	defer cancelT()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		return nil, err
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](ready, chromedp.WithPollingInterval(50*time.Millisecond),
		chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		return nil, fmt.Errorf("the page's charts did not draw: %w", err)
	}
	// Lay the page out as it prints, as wide as an A4 page's text, so that
	// the charts draw at the size they print (their ResizeObservers see
	// the print stylesheet's size).
	if _, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
		Width: a4TextWidth, Height: 1100, DeviceScaleFactor: 1}); err != nil {
		return nil, err
	}
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		return nil, err
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](`window.dispatchEvent(new Event('beforeprint'))`)); err != nil {
		return nil, err
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](settled, chromedp.WithPollingInterval(50*time.Millisecond),
		chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		return nil, fmt.Errorf("the page's charts did not redraw for print: %w", err)
	}
	var data []byte
	var last map[string]int
	for range 4 {
		res, err := chromedp.Call(ctx, page.PrintToPDF, page.PrintToPDFParams{
			PrintBackground: ptr(true), PreferCSSPageSize: ptr(true),
			GenerateTaggedPDF: ptr(true), GenerateDocumentOutline: ptr(true),
		})
		if err != nil {
			return nil, err
		}
		data = res.Data
		pages, err := DestPages(data)
		if err != nil {
			return nil, fmt.Errorf("reading the printed PDF: %w", err)
		}
		if last != nil && equal(pages, last) {
			return data, nil
		}
		last = pages
		js, _ := json.Marshal(pages)
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(number, js))); err != nil {
			return nil, err
		}
	}
	return data, nil // the numbers did not settle; the last print stands
}

func equal(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func ptr[T any](v T) *T { return &v }
