package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// liveOptions reads, for every chart on the page, what ECharts really
// holds: each series' type, name, axis and data, and each axis' name.
const liveOptions = `Array.from(document.querySelectorAll('.chart')).map(el => {
  const o = echarts.getInstanceByDom(el).getOption();
  const axes = k => (o[k] || []).map(a => ({type: a.type, name: a.name || "", data: a.data || null}));
  return {
    title: el.closest('figure').querySelector('.figure-title').textContent,
    target: (el.closest('figure').querySelector('.figure-target') || {}).textContent || "",
    source: (el.closest('figure').querySelector('.figure-source') || {}).textContent || "",
    xAxis: axes('xAxis'), yAxis: axes('yAxis'),
    series: o.series.map(s => ({type: s.type, name: s.name, y: s.yAxisIndex || 0, x: s.xAxisIndex || 0,
      data: (s.data || []).map(d => d === null || d === undefined ? "-" : (typeof d === 'object' ? (d.value === undefined ? "-" : d.value) : d))}))
  };
})`

type liveAxis struct {
	Type string
	Name string
	Data []any
}

type liveChart struct {
	Title, Target, Source string
	XAxis, YAxis          []liveAxis
	Series                []struct {
		Type, Name string
		Y, X       int
		Data       []any
	}
}

func (c liveChart) series(name string) (string, bool) {
	for _, s := range c.Series {
		if s.Name == name {
			return fmt.Sprintf("%s y%d x%d %v", s.Type, s.Y, s.X, s.Data), true
		}
	}
	return "", false
}

func axisNames(axes []liveAxis) string {
	var out []string
	for _, a := range axes {
		out = append(out, a.Type+":"+a.Name)
	}
	return strings.Join(out, " ")
}

// charts opens p and returns its charts' live options by title.
func liveCharts(t *testing.T, tb *tab, p string) map[string]liveChart {
	t.Helper()
	u := tb.open(t, p)
	waitCharts(t, tb, u)
	raw, err := chromedp.Run(tb.ctx, chromedp.Evaluate[json.RawMessage](liveOptions))
	if err != nil {
		t.Fatalf("%s: %v", u, err)
	}
	var list []liveChart
	if err := json.Unmarshal(raw, &list); err != nil {
		t.Fatalf("%s: %v\n%s", u, err, raw)
	}
	out := map[string]liveChart{}
	for _, c := range list {
		out[c.Title] = c
	}
	tb.check(t, u)
	return out
}

func TestTargetsAndAxesInLiveCharts(t *testing.T) {
	setup(t)
	tb := newTab(t)
	for _, tc := range []struct {
		page, chart string
		axes        string // the value axes
		series      map[string]string
		source      string
	}{
		{basePath + "2025/integration/", "企业兼职教师人数与授课占比", "value:人 value:%", map[string]string{
			"企业兼职教师":      "bar y0 x0 [186 264 342]",
			"企业教师授课占比":    "bar y1 x0 [- 21.4 26.8]",
			"目标 企业教师授课占比": "line y1 x0 [- - 25]",
		}, "来源：各成员院校"},
		{basePath + "en/2025/integration/", "Industry teachers and their share of teaching", "value:teachers value:%", map[string]string{
			"Target Teaching by industry staff": "line y1 x0 [- - 25]",
		}, "Source: Member colleges"},
		{basePath + "2025/operation/", "年度任务完成率与绩效评价得分", "value:% value:分", map[string]string{
			"目标 年度任务完成率": "line y0 x0 [85 90]",
			"目标 绩效评价得分":  "line y1 x0 [- 82]",
		}, "来源：联合体秘书处；市教育局"},
		// The metric page runs to the plan's last target year.
		{basePath + "metrics/operation.member_units/", "成员单位", "value:家", map[string]string{
			"目标 成员单位": "line y0 x0 [- 75 100 120]",
		}, "来源：联合体秘书处"},
	} {
		charts := liveCharts(t, tb, tc.page)
		c, ok := charts[tc.chart]
		if !ok {
			t.Errorf("%s: no chart %q among %d", tc.page, tc.chart, len(charts))
			continue
		}
		if got := axisNames(c.YAxis); got != tc.axes {
			t.Errorf("%s %s: value axes %q, want %q", tc.page, tc.chart, got, tc.axes)
		}
		for name, want := range tc.series {
			if got, ok := c.series(name); got != want {
				t.Errorf("%s %s: series %q = %q (found %v), want %q", tc.page, tc.chart, name, got, ok, want)
			}
		}
		if !strings.HasPrefix(c.Source, tc.source) {
			t.Errorf("%s %s: source line %q, want it to start %q", tc.page, tc.chart, c.Source, tc.source)
		}
	}
	// The metric page's years run to 2026, the last target year.
	c := liveCharts(t, tb, basePath+"metrics/operation.member_units/")["成员单位"]
	if got := fmt.Sprint(c.XAxis[0].Data); got != "[2023 2024 2025 2026]" {
		t.Errorf("metric page years %s, want [2023 2024 2025 2026]", got)
	}
	// A gauge marks its target on the dial and states it under the chart.
	for _, tc := range []struct{ page, chart, name, line string }{
		{basePath + "2025/operation/", "绩效评价得分", "目标 绩效评价得分", "目标：≥ 82.0 分"},
		{basePath + "en/2025/operation/", "Evaluation score", "Target Evaluation score", "Target: ≥ 82.0 pts"},
	} {
		g := liveCharts(t, tb, tc.page)[tc.chart]
		if got, _ := g.series(tc.name); got != "gauge y0 x0 [82]" {
			t.Errorf("%s gauge: target series %q", tc.page, got)
		}
		if g.Target != tc.line {
			t.Errorf("%s gauge: under the chart %q, want %q", tc.page, g.Target, tc.line)
		}
	}
}

// box is an element's place on the screen.
type box struct{ Top, Bottom, Left, Right float64 }

func TestHomeShowsTheTallyAndCardsInTheFirstScreen(t *testing.T) {
	setup(t)
	tb := newTab(t)
	if _, err := chromedp.Call(tb.ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: 1280, Height: 900, DeviceScaleFactor: 1}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ page, tally string }{
		{basePath, "计分卡：23 项指标中，19 项已达成，0 项按计划推进，3 项滞后于计划，1 项退步。"},
		{basePath + "en/", "Scorecard: of 23 metrics, 19 achieved, 0 on track, 3 off track, 1 regressing."},
	} {
		u := tb.open(t, tc.page)
		if _, err := chromedp.Run(tb.ctx, chromedp.Evaluate[chromedp.Void](`document.fonts.ready`, chromedp.EvalAwaitPromise)); err != nil {
			t.Fatal(err)
		}
		tally, err := chromedp.Run(tb.ctx, chromedp.Evaluate[string](`document.querySelector('.headline .tally').textContent`))
		if err != nil || tally != tc.tally {
			t.Errorf("%s: tally %q (%v), want %q", u, tally, err, tc.tally)
		}
		boxes, err := chromedp.Run(tb.ctx, chromedp.Evaluate[[]box](`Array.from(document.querySelectorAll('.headline .tally, .headline .kpi')).map(e => {
  const r = e.getBoundingClientRect(); return {top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right};
})`))
		if err != nil {
			t.Fatal(err)
		}
		if len(boxes) < 2 {
			t.Errorf("%s: %d tally and cards", u, len(boxes))
		}
		for i, b := range boxes {
			if b.Bottom > 900 || b.Right > 1280 || b.Top < 0 {
				t.Errorf("%s: element %d of the headline at %+v, outside the first 1280×900 screen", u, i, b)
			}
		}
		tb.check(t, u)
	}
}

func TestYearPageTallyAndPhoneScorecard(t *testing.T) {
	setup(t)
	tb := newTab(t)
	// The tally opens the page, before its contents.
	for _, tc := range []struct{ page, tally string }{
		{basePath + "2025/", "计分卡：23 项指标中，19 项已达成，0 项按计划推进，3 项滞后于计划，1 项退步。"},
		{basePath + "en/2025/", "Scorecard: of 23 metrics, 19 achieved, 0 on track, 3 off track, 1 regressing."},
		{basePath + "2024/", "计分卡："},
	} {
		u := tb.open(t, tc.page)
		got, err := chromedp.Run(tb.ctx, chromedp.Evaluate[[]string](`(() => {
  const t = document.querySelector('main .tally'), toc = document.querySelector('.toc');
  return [t ? t.textContent : "", String(!!(t && toc && (t.compareDocumentPosition(toc) & Node.DOCUMENT_POSITION_FOLLOWING)))];
})()`))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(got[0], tc.tally) || got[1] != "true" {
			t.Errorf("%s: tally %q before the contents: %s; want %q", u, got[0], got[1], tc.tally)
		}
		tb.check(t, u)
	}
	// On a 390 px phone the scorecard needs no sideways scrolling, and
	// each metric's value, target and status are on the screen.
	if _, err := chromedp.Call(tb.ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: 390, Height: 844, DeviceScaleFactor: 2, Mobile: true}); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{basePath + "2025/", basePath + "en/2025/"} {
		u := tb.open(t, p)
		res, err := chromedp.Run(tb.ctx, chromedp.Evaluate[[]string](`(() => {
  const out = [];
  const wrap = document.querySelector('.scorecard .table-wrap');
  if (wrap.scrollWidth > wrap.clientWidth) out.push('scorecard scrolls sideways: ' + wrap.scrollWidth + ' > ' + wrap.clientWidth);
  if (document.documentElement.scrollWidth > innerWidth) out.push('page scrolls sideways: ' + document.documentElement.scrollWidth);
  for (const tr of document.querySelectorAll('.scorecard tbody tr:not(.scorecard-group)')) {
    for (const sel of ['th', '.score-value', '.score-target', '.score-status']) {
      const r = tr.querySelector(sel).getBoundingClientRect();
      if (r.width === 0 || r.left < 0 || r.right > innerWidth + 0.5) out.push(tr.querySelector('th').textContent + ' ' + sel + ' at ' + r.left + '–' + r.right);
    }
  }
  return out;
})()`))
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range res {
			t.Errorf("%s at 390 px: %s", u, r)
		}
		if dir := os.Getenv("NIANBAO_SCREENSHOTS"); dir != "" {
			// The first screen of the scorecard, as a phone shows it.
			_, err := chromedp.Run(tb.ctx, chromedp.Evaluate[chromedp.Void](`document.querySelector('.scorecard').scrollIntoView()`))
			png, err2 := chromedp.Run(tb.ctx, chromedp.CaptureScreenshot())
			if err == nil && err2 == nil {
				name := "phone-" + strings.ReplaceAll(strings.Trim(strings.TrimPrefix(p, basePath), "/"), "/", "-") + ".png"
				_ = os.WriteFile(filepath.Join(dir, name), png, 0o644)
			}
		}
		tb.check(t, u)
	}
}

// axisNamesOnScreen lists, for every chart, each value axis' name and
// whether the browser drew it wholly inside the chart.
const axisNamesOnScreen = `Array.from(document.querySelectorAll('.chart')).flatMap(el => {
  const o = echarts.getInstanceByDom(el).getOption();
  const r = el.getBoundingClientRect();
  const names = [...(o.xAxis || []), ...(o.yAxis || [])].filter(a => a.type === 'value' && a.name).map(a => a.name);
  const texts = Array.from(el.querySelectorAll('svg text'));
  return names.map(n => {
    const t = texts.find(t => t.textContent === n);
    if (!t) return el.closest('figure').id + ' ' + n + ' not drawn';
    const b = t.getBoundingClientRect();
    const inside = b.left >= r.left - 1 && b.right <= r.right + 1 && b.top >= r.top - 1 && b.bottom <= r.bottom + 1;
    return el.closest('figure').id + ' ' + n + (inside ? '' : ' clipped');
  });
})`

// Long unit names ("students / apprentices") and the units of a
// horizontal-bar chart stay inside the chart, in both languages.
func TestAxisNamesStayInsideTheChart(t *testing.T) {
	setup(t)
	tb := newTab(t)
	for _, tc := range []struct {
		page string
		want []string
	}{
		{basePath + "2025/science/", []string{"science-chart-3 项"}},
		{basePath + "en/2025/science/", []string{"science-chart-3 patents / problems / projects"}},
		{basePath + "en/2025/integration/", []string{"integration-chart-2 colleges / bases"}},
		{basePath + "en/2025/talent/", []string{"talent-chart-2 students / apprentices"}},
	} {
		u := tb.open(t, tc.page)
		waitCharts(t, tb, u)
		got, err := chromedp.Run(tb.ctx, chromedp.Evaluate[[]string](axisNamesOnScreen))
		if err != nil {
			t.Fatalf("%s: %v", u, err)
		}
		for _, w := range tc.want {
			found := false
			for _, g := range got {
				found = found || g == w
			}
			if !found {
				t.Errorf("%s: axis names %q, want %q among them, inside its chart", tc.page, got, w)
			}
		}
		for _, g := range got {
			if strings.HasSuffix(g, " clipped") || strings.HasSuffix(g, " not drawn") {
				t.Errorf("%s: axis name %s", tc.page, g)
			}
		}
		tb.check(t, u)
	}
}
