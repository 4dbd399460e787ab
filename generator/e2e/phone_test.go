package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// clippedJS lists the chart labels that do not fit inside their chart
// (ECharts cuts them at the chart's edge), and the header's height.
const clippedJS = `(() => {
	const out = [];
	for (const el of document.querySelectorAll('.chart')) {
		const box = el.getBoundingClientRect();
		for (const t of el.querySelectorAll('svg text')) {
			const r = t.getBoundingClientRect();
			// A scroll legend clips its items on purpose and pages through
			// them with arrows.
			if (!t.textContent.trim() || r.width === 0 || t.closest('[clip-path]')) continue;
			if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) {
				out.push((el.closest('figure') || el).id + ': "' + t.textContent + '"');
			}
		}
	}
	const h = document.querySelector('.site-header');
	return {clipped: out, header: h ? h.getBoundingClientRect().height : 0, wide: document.documentElement.scrollWidth > innerWidth + 1};
})()`

// TestPhoneLayout opens every report section at 390 px wide, a common
// phone: no chart label may be cut at the chart's edge, the header stays
// compact, and nothing makes the page scroll sideways.
func TestPhoneLayout(t *testing.T) {
	setup(t)
	tb := newTab(t)
	if _, err := chromedp.Call(tb.ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
		Width: 390, Height: 844, DeviceScaleFactor: 1, Mobile: true}); err != nil {
		t.Fatal(err)
	}
	var list []string
	for _, p := range pages(t) {
		rest := strings.TrimPrefix(strings.TrimPrefix(p, basePath), "en/")
		if strings.Count(rest, "/") == 2 && !strings.Contains(rest, "print") && !strings.HasPrefix(rest, "metrics") {
			list = append(list, p) // a section: 2025/talent/
		}
	}
	list = append(list, basePath, basePath+"en/", basePath+"members/", basePath+"en/metrics/")
	type state struct {
		Clipped []string `json:"clipped"`
		Header  float64  `json:"header"`
		Wide    bool     `json:"wide"`
	}
	for _, p := range list {
		u := tb.open(t, p)
		waitCharts(t, tb, u)
		s, err := chromedp.Run(tb.ctx, chromedp.Evaluate[state](clippedJS))
		if err != nil {
			t.Fatalf("%s: %v", u, err)
		}
		for _, c := range s.Clipped {
			t.Errorf("%s at 390 px: label cut at the chart's edge: %s", u, c)
		}
		if s.Header > 110 {
			t.Errorf("%s at 390 px: the header is %.0f px high, want at most 110", u, s.Header)
		}
		if s.Wide {
			t.Errorf("%s at 390 px: the page scrolls sideways", u)
		}
		tb.check(t, u)
	}
}
