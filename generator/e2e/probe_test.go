package e2e

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// probeJS reads, on the page as the browser shows it, what a screen reader,
// a colour-blind reader and a crawler get, and returns every problem:
//
//   - each chart's accessible name: nianbao's description (it names the
//     figure's title), never ECharts' own (no NaN, no series numbered from 0);
//   - the chart's series colours: at least 3:1 against the background the
//     chart sits on, and series that differ by more than hue (lines by
//     symbol and dash, bars and slices by decal patterns);
//   - the language of every text node and of the attributes screen readers
//     speak: Chinese text in an English page has a zh ancestor, English
//     sentences in a Chinese page an en one;
//   - unique element ids;
//   - a meta description, the renderer meta tag, absolute hreflang links
//     with an x-default.
//
// It also returns the page's hreflang alternates and how many charts it read.
const probeJS = `(() => {
	const problems = [], alternates = [];
	const page = document.documentElement.lang || '';
	const han = /[\u3400-\u9fff]/, english = /[A-Za-z]{2,}(\s+[A-Za-z]{2,}){2,}/;
	const langOf = el => ((el.closest('[lang]') || document.documentElement).getAttribute('lang') || '').toLowerCase();
	const where = el => {
		const parts = [];
		for (let e = el; e && e !== document.body && parts.length < 4; e = e.parentElement) {
			parts.unshift(e.tagName.toLowerCase() + (e.id ? '#' + e.id : e.classList.length ? '.' + e.classList[0] : ''));
		}
		return parts.join(' > ');
	};
	const checkText = (text, el, what) => {
		const t = text.replace(/\s+/g, ' ').trim();
		if (!t) return;
		const l = langOf(el);
		if (page.startsWith('en') && han.test(t) && !l.startsWith('zh')) {
			problems.push('Chinese ' + what + ' without lang="zh" at ' + where(el) + ': ' + t.slice(0, 40));
		}
		if (page.startsWith('zh') && !han.test(t) && english.test(t) && !l.startsWith('en')) {
			problems.push('English ' + what + ' without lang="en" at ' + where(el) + ': ' + t.slice(0, 40));
		}
	};
	const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	for (let n; (n = walker.nextNode());) {
		const el = n.parentElement;
		if (el && !el.closest('script, style, code, pre, noscript')) checkText(n.data, el, 'text');
	}
	for (const el of document.body.querySelectorAll('[aria-label], [title], [alt], [placeholder]')) {
		for (const a of ['aria-label', 'title', 'alt', 'placeholder']) {
			if (el.hasAttribute(a)) checkText(el.getAttribute(a), el, a);
		}
	}

	const ids = new Map();
	for (const el of document.querySelectorAll('[id]')) ids.set(el.id, (ids.get(el.id) || 0) + 1);
	for (const [id, n] of ids) if (n > 1) problems.push('id "' + id + '" is used ' + n + ' times');

	const meta = name => { const m = document.querySelector('meta[name="' + name + '"]'); return m ? m.content.trim() : ''; };
	if (!meta('description')) problems.push('empty or missing meta description');
	if (meta('renderer') !== 'webkit') problems.push('no <meta name="renderer" content="webkit">');
	let xdefault = false;
	for (const l of document.querySelectorAll('link[rel="alternate"][hreflang]')) {
		const href = l.getAttribute('href');
		if (!/^https?:\/\//.test(href)) problems.push('hreflang ' + l.hreflang + ' is not absolute: ' + href);
		if (l.hreflang === 'x-default') xdefault = true; else alternates.push({lang: l.hreflang, href: href});
	}
	if (alternates.length && !xdefault) problems.push('hreflang alternates without x-default');

	const lum = rgb => {
		const c = rgb.map(v => { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
		return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
	};
	const parse = css => {
		const ctx = document.createElement('canvas').getContext('2d');
		ctx.fillStyle = '#000'; ctx.fillStyle = css;
		const s = ctx.fillStyle;
		if (s[0] === '#') return [1, 3, 5].map(i => parseInt(s.slice(i, i + 2), 16));
		return s.match(/[\d.]+/g).slice(0, 3).map(Number);
	};
	const background = el => {
		for (let e = el; e; e = e.parentElement) {
			const c = getComputedStyle(e).backgroundColor;
			if (c && c !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(c)) return parse(c);
		}
		return [255, 255, 255];
	};
	let charts = 0;
	for (const el of document.querySelectorAll('.chart')) {
		charts++;
		const fig = el.closest('figure');
		const id = fig ? fig.id : where(el);
		const name = el.getAttribute('aria-label') || '';
		const title = fig && fig.querySelector('.figure-title') ? fig.querySelector('.figure-title').textContent.trim() : '';
		if (el.getAttribute('role') !== 'img') problems.push('chart ' + id + ' has no role="img"');
		if (!name) problems.push('chart ' + id + ' has no accessible name');
		if (/NaN|undefined|null|系列\s*\d|第\s*\d+\s*个系列|series\s*\d/i.test(name)) problems.push('chart ' + id + ' is described by ECharts, not nianbao: ' + name.slice(0, 80));
		if (title && !name.includes(title)) problems.push('chart ' + id + "'s accessible name does not give its title: " + name.slice(0, 80));
		const inst = window.echarts && echarts.getInstanceByDom(el);
		if (!inst) continue;
		const o = inst.getOption();
		const aria = [].concat(o.aria || [])[0] || {};
		if (aria.label && aria.label.enabled !== false) problems.push('chart ' + id + ' lets ECharts write its own description');
		const series = o.series || [];
		const pies = series.filter(s => s.type === 'pie');
		const used = pies.length ? Math.max(...pies.map(s => s.data.length)) : series.length;
		const bg = lum(background(el));
		for (let i = 0; i < used && series[0].type !== 'gauge'; i++) {
			const c = o.color[i % o.color.length];
			const l = lum(parse(c));
			const ratio = (Math.max(l, bg) + 0.05) / (Math.min(l, bg) + 0.05);
			if (ratio < 3) problems.push('chart ' + id + ': series colour ' + c + ' has contrast ' + ratio.toFixed(2) + ':1');
		}
		if (used > 1) {
			// A line drawn as nothing (a bar chart's target, marked on its
			// bar instead) has no look to tell apart.
			const drawn = s => !(s.showSymbol === false && s.lineStyle && s.lineStyle.opacity === 0);
			const lines = series.filter(s => (s.type === 'line' || s.type === 'radar') && drawn(s));
			const looks = new Set(lines.map(s => String(s.symbol) + '/' + JSON.stringify((s.lineStyle || {}).type)));
			if (lines.length && looks.size < lines.length) problems.push('chart ' + id + ': lines differ only by colour');
			if (series.some(s => s.type === 'bar' || s.type === 'pie') && !(aria.enabled && aria.decal && aria.decal.show)) {
				problems.push('chart ' + id + ': bars or slices differ only by colour (no decals)');
			}
		}
	}
	return {problems, alternates, charts};
})()`

// probeResult is what probeJS returns.
type probeResult struct {
	Problems   []string `json:"problems"`
	Alternates []struct {
		Lang string `json:"lang"`
		Href string `json:"href"`
	} `json:"alternates"`
	Charts int `json:"charts"`
}

// siteHost is the host of the example site's baseURL: hreflang links name
// it, and the probe reads the page they lead to from the built site.
const siteHost = "https://reports.example.org"

// probe runs probeJS on the page tb shows at u and fails the test for
// every problem, and for every hreflang alternate that leads to a page
// not in its language (an untranslated page shown in the original).
func probe(t *testing.T, tb *tab, u string) {
	t.Helper()
	r, err := chromedp.Run(tb.ctx, chromedp.Evaluate[probeResult](probeJS))
	if err != nil {
		t.Errorf("%s: probe: %v", u, err)
		return
	}
	for _, p := range r.Problems {
		t.Errorf("%s: %s", u, p)
	}
	for _, a := range r.Alternates {
		if !strings.HasPrefix(a.Href, siteHost+basePath) {
			t.Errorf("%s: hreflang %s leads off the site: %s", u, a.Lang, a.Href)
			continue
		}
		rel, _ := url.PathUnescape(strings.TrimPrefix(a.Href, siteHost+basePath))
		html, err := os.ReadFile(filepath.Join(env.out, filepath.FromSlash(rel), "index.html"))
		if err != nil {
			t.Errorf("%s: hreflang %s leads to a missing page: %v", u, a.Lang, err)
			continue
		}
		h := string(html)
		if !strings.Contains(h, `<html lang="`+a.Lang+`"`) || strings.Contains(h, `class="fallback-notice"`) {
			t.Errorf("%s: hreflang %s leads to %s, whose text is not in %s", u, a.Lang, a.Href, a.Lang)
		}
	}
}

// TestProbeSeesProblems breaks a page on purpose, so that a probe that
// stopped looking cannot pass the other tests.
func TestProbeSeesProblems(t *testing.T) {
	setup(t)
	tb := newTab(t)
	u := tb.open(t, englishPage)
	waitCharts(t, tb, u)
	if _, err := chromedp.Run(tb.ctx, chromedp.Evaluate[chromedp.Void](`
		const p = document.createElement('p');
		p.id = 'main';
		p.textContent = '未标注的中文';
		document.querySelector('main').append(p);
		const c = document.querySelector('.chart');
		c.setAttribute('aria-label', '第0个系列：2023的数据是NaN');
		const inst = echarts.getInstanceByDom(c);
		inst.setOption({color: ['#dddddd', '#eeeeee', '#f0f0f0', '#f5f5f5'], aria: {label: {enabled: true}}});
		document.querySelector('meta[name="description"]').content = ' ';
		document.querySelector('link[hreflang="x-default"]').remove();
	`)); err != nil {
		t.Fatalf("%s: %v", u, err)
	}
	r, err := chromedp.Run(tb.ctx, chromedp.Evaluate[probeResult](probeJS))
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(r.Problems, "\n")
	for _, want := range []string{
		`Chinese text without lang="zh" at main#main > p#main: 未标注的中文`,
		`id "main" is used 2 times`,
		`is described by ECharts, not nianbao: `,
		`accessible name does not give its title`,
		`lets ECharts write its own description`,
		`series colour #dddddd has contrast 1.36:1`,
		`empty or missing meta description`,
		`hreflang alternates without x-default`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the probe missed %q; it found:\n%s", want, got)
		}
	}
	if r.Charts == 0 {
		t.Errorf("the probe read no chart on %s", u)
	}
}
