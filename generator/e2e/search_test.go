package e2e

import (
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"nianbao/generator/build"
)

// searchResult is one link in #search-results.
type searchResult struct {
	Href    string `json:"href"`    // as written in the page
	URL     string `json:"url"`     // resolved against the page
	Title   string `json:"title"`   // the link's text
	Marks   int    `json:"marks"`   // <mark> elements in the result
	Snippet string `json:"snippet"` // the text quoted under the link
}

// searchState is what the search page shows.
type searchState struct {
	Input    string         `json:"input"`
	Status   string         `json:"status"`
	Template string         `json:"template"` // the status for {n} results
	Results  []searchResult `json:"results"`
}

// searchDone is true once the search page has loaded what it searches.
const searchDone = `(document.getElementById('search-results').getAttribute('data-state') === 'done')`

const readSearch = `(() => {
	const status = document.getElementById('search-status');
	return {
		input: document.getElementById('search-q').value,
		status: status.textContent.trim(),
		template: status.getAttribute('data-results') || '',
		results: Array.from(document.querySelectorAll('#search-results li')).map(li => {
			const a = li.querySelector('a');
			return {href: a ? a.getAttribute('href') : '', url: a ? a.href : '', title: a ? a.textContent : '',
				marks: li.querySelectorAll('mark').length,
				snippet: (li.querySelector('.search-snippet') || {}).textContent || ''};
		}),
	};
})()`

// waitSearch waits until the search page has searched every report it
// needs and lists results, and returns what it shows.
func waitSearch(t *testing.T, tb *tab, u string) searchState {
	t.Helper()
	_, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](searchDone+` && document.querySelectorAll('#search-results li a').length > 0`,
		chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(5*time.Second)))
	s, err2 := chromedp.Run(tb.ctx, chromedp.Evaluate[searchState](readSearch))
	if err2 != nil {
		t.Fatalf("%s: reading the results: %v", u, err2)
	}
	if err != nil {
		t.Fatalf("%s: no results for %q within 5s (%v); status %q", u, s.Input, err, s.Status)
	}
	return s
}

// checkStatus checks that the status line counts the results.
func checkStatus(t *testing.T, u string, s searchState) {
	t.Helper()
	if !strings.Contains(s.Template, "{n}") {
		t.Errorf("%s: #search-status data-results=%q has no {n}", u, s.Template)
		return
	}
	if want := strings.ReplaceAll(s.Template, "{n}", strconv.Itoa(len(s.Results))); s.Status != want {
		t.Errorf("%s: status %q with %d results, want %q", u, s.Status, len(s.Results), want)
	}
}

// resultPaths lists the URL paths of the results.
func resultPaths(s searchState) []string {
	var paths []string
	for _, r := range s.Results {
		if ru, err := url.Parse(r.URL); err == nil {
			paths = append(paths, ru.Path)
		} else {
			paths = append(paths, r.URL)
		}
	}
	return paths
}

func TestSearch(t *testing.T) {
	setup(t)
	tb := newTab(t)
	for _, c := range []struct {
		page, query string
		want        *regexp.Regexp // the path of an expected result
	}{
		{basePath + "search/", "订单班", regexp.MustCompile(`^` + basePath + `20\d\d/talent/$`)},
		{basePath + "search/", "学徒", regexp.MustCompile(`^` + basePath + `20\d\d/talent/$`)},
		{basePath + "en/search/", "apprentice", regexp.MustCompile(`^` + basePath + `en/20\d\d/talent/$`)},
	} {
		t.Run(c.query, func(t *testing.T) {
			u := tb.open(t, c.page)
			defer tb.check(t, u)
			before, err := chromedp.Run(tb.ctx, chromedp.Evaluate[searchState](readSearch))
			if err != nil {
				t.Fatalf("%s: %v", u, err)
			}
			if len(before.Results) != 0 || before.Status != "" {
				t.Errorf("%s: before typing, %d results and status %q", u, len(before.Results), before.Status)
			}
			// Type as a person does: SendKeys sends a key event for each
			// character, and the page searches on the input events.
			if err := chromedp.Do(tb.ctx, chromedp.SendKeys(chromedp.CSS("#search-q"), c.query)); err != nil {
				t.Fatalf("%s: typing %q into #search-q: %v", u, c.query, err)
			}
			s := waitSearch(t, tb, u)
			if s.Input != c.query {
				t.Errorf("%s: #search-q holds %q after typing %q", u, s.Input, c.query)
			}
			checkStatus(t, u, s)
			paths := resultPaths(s)
			found := false
			for i, p := range paths {
				if c.want.MatchString(p) {
					found = true
				}
				// Results stay in the page's language.
				if en := strings.HasPrefix(p, basePath+"en/"); en != (wantLang(c.page) == "en") {
					t.Errorf("%s: result %q (%s) is in the other language", u, s.Results[i].Title, p)
				}
				if !strings.HasPrefix(s.Results[i].URL, env.srv.URL+basePath) {
					t.Errorf("%s: result %q links to %s, outside the site", u, s.Results[i].Title, s.Results[i].URL)
				}
			}
			if !found {
				t.Errorf("%s: searching %q found no page matching %s; found:\n%s", u, c.query, c.want, strings.Join(paths, "\n"))
			}
			if s.Results[0].Marks == 0 {
				t.Errorf("%s: the first result for %q highlights nothing", u, c.query)
			}
			t.Logf("%s: %q: %s; first %s", u, c.query, s.Status, paths[0])
		})
	}
}

// fileURL is the file: URL of the file rel in dir.
func fileURL(dir, rel, query string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(dir, filepath.FromSlash(rel))), RawQuery: query}).String()
}

// TestSiteFromFiles opens a site built for a sub-path straight from the
// disk, as someone does who downloads the folder: links, styles, charts and
// search must all be relative.
func TestSiteFromFiles(t *testing.T) {
	setup(t)
	dir := t.TempDir()
	if _, err := build.Run(build.Options{Site: "../..", Out: dir, BaseURL: basePath, ECharts: programECharts}); err != nil {
		t.Fatalf("building the example site with baseURL %s: %v", basePath, err)
	}
	tb := newTab(t)

	t.Run("search", func(t *testing.T) {
		u := fileURL(dir, "search/index.html", "q="+url.QueryEscape("订单班"))
		tb.openURL(t, u)
		defer tb.check(t, u)
		s := waitSearch(t, tb, u)
		checkStatus(t, u, s)
		talentFile := regexp.MustCompile(`(^|/)20\d\d/talent/index\.html$`)
		talent := false
		for _, r := range s.Results {
			h, err := url.Parse(r.Href)
			if err != nil || h.Scheme != "" || strings.HasPrefix(r.Href, "/") || !strings.HasSuffix(h.Path, "index.html") {
				t.Errorf("%s: result %q links to %q; want a relative path to an index.html", u, r.Title, r.Href)
				continue
			}
			ru, err := url.Parse(r.URL)
			if err != nil || ru.Scheme != "file" {
				t.Errorf("%s: result %q resolves to %q; want a file: URL", u, r.Title, r.URL)
				continue
			}
			if _, err := os.Stat(filepath.FromSlash(ru.Path)); err != nil {
				t.Errorf("%s: result %q links to %q, which is not on disk: %v", u, r.Title, r.Href, err)
			}
			if talentFile.MatchString(ru.Path) {
				talent = true
			}
		}
		if !talent {
			t.Errorf("%s: no result is a 人才培养质量 (talent) section; found %q", u, resultPaths(s))
		}
		t.Logf("%s: %s; first %s", u, s.Status, s.Results[0].Href)
	})

	t.Run("section", func(t *testing.T) {
		u := fileURL(dir, "2025/operation/index.html", "")
		tb.openURL(t, u)
		defer tb.check(t, u)
		bg, err := chromedp.Run(tb.ctx, chromedp.Evaluate[string](`(() => {
			const h = document.querySelector('.site-header');
			return h ? getComputedStyle(h).backgroundColor : '(no .site-header)';
		})()`))
		if err != nil {
			t.Fatalf("%s: %v", u, err)
		}
		if bg == "transparent" || bg == "rgba(0, 0, 0, 0)" || strings.HasPrefix(bg, "(") {
			t.Errorf("%s: .site-header background-color is %s: the stylesheet did not load", u, bg)
		}
		if n := waitCharts(t, tb, u); n == 0 {
			t.Errorf("%s: no charts", u)
		}
	})
}

// yearsSite writes a site of four reports, 2021 to 2024, whose sections
// say the same, each with a KPI card and a chart.
func yearsSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"site.toml": "title = \"年报\"\nbaseURL = \"/\"\nlanguage = \"zh\"\n",
		"content/metrics.toml": `[[group]]
id = "operation"
name = "实体化运行"

[[metric]]
id = "operation.member_units"
name = "成员单位"
unit = "家"
kind = "count"
description = "年末在册的成员单位数量"
`,
	}
	for i, y := range []string{"2021", "2022", "2023", "2024"} {
		files["content/"+y+"/_index.md"] = "+++\ntitle = \"" + y + "年度报告\"\n+++\n本年度工作总结。\n"
		files["content/"+y+"/metrics.toml"] = "[operation]\nmember_units = " + strconv.Itoa(80+i) + "\n"
		files["content/"+y+"/01-work.md"] = "+++\ntitle = \"工作进展\"\n+++\n校企合作深入推进，成员单位稳步增加。\n\n" +
			"```kpi\nmetrics = [\"operation.member_units\"]\n```\n\n```chart\ntype = \"bar\"\nmetrics = [\"operation.member_units\"]\n```\n"
	}
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "public")
	if _, err := build.Run(build.Options{Site: dir, Out: out, ECharts: programECharts}); err != nil {
		t.Fatal(err)
	}
	return out
}

// firstResultsLoaded records, when the first section shows among the
// results, which reports' parts of the search index the page had run, and at the end the order in
// which it asked for them.
const firstResultsLoaded = `(() => {
	new MutationObserver((_, obs) => {
		const list = document.getElementById('search-results');
		if (list && list.querySelector('a[href*="/work/"]')) {
			window.firstParts = Object.keys(window.NIANBAO_SEARCH_YEARS || {});
			obs.disconnect();
		}
	}).observe(document, { childList: true, subtree: true });
	window.allParts = () => Array.from(document.querySelectorAll('script[src]')).map(s => s.src)
		.filter(n => /search-zh-\d{4}\./.test(n)).map(n => n.match(/search-zh-(\d{4})\./)[1]);
})()`

// TestSearchNewestFirst opens a site from the disk and searches words
// that every report's section says alike: the reports load newest first,
// results show once the newest has loaded, rank newest first, and quote
// the prose, never the KPI cards.
func TestSearchNewestFirst(t *testing.T) {
	setup(t)
	out := yearsSite(t)
	tb := newTab(t)
	if _, err := chromedp.Call(tb.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: firstResultsLoaded}); err != nil {
		t.Fatal(err)
	}
	u := fileURL(out, "search/index.html", "q="+url.QueryEscape("成员单位"))
	tb.openURL(t, u)
	defer tb.check(t, u)
	s := waitSearch(t, tb, u)
	checkStatus(t, u, s)
	var sections []string
	for _, r := range s.Results {
		if m := regexp.MustCompile(`/(\d{4})/work/index\.html$`).FindStringSubmatch(r.URL); m != nil {
			sections = append(sections, m[1])
			if !strings.Contains(r.Snippet, "校企合作深入推进") {
				t.Errorf("%s: the snippet of %s is %q; want the section's prose", u, r.URL, r.Snippet)
			}
		}
		for _, bad := range []string{"较上年", "operation.member_units", "目标"} {
			if strings.Contains(r.Snippet, bad) {
				t.Errorf("%s: the snippet of %s quotes %q: %q", u, r.URL, bad, r.Snippet)
			}
		}
	}
	if want := []string{"2024", "2023", "2022", "2021"}; !slices.Equal(sections, want) {
		t.Errorf("%s: sections ranked %q; want the newest first, %q", u, sections, want)
	}
	loaded, err := chromedp.Run(tb.ctx, chromedp.Evaluate[struct {
		First []string `json:"first"`
		All   []string `json:"all"`
	}](`({first: window.firstParts || [], all: window.allParts()})`))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"2024"}; !slices.Equal(loaded.First, want) {
		t.Errorf("%s: the first results showed with %q loaded; want only %q", u, loaded.First, want)
	}
	if want := []string{"2024", "2023", "2022", "2021"}; !slices.Equal(loaded.All, want) {
		t.Errorf("%s: the reports loaded in the order %q; want %q", u, loaded.All, want)
	}
}

// TestSearchOneYear narrows results to one report, from the address and
// from the choice of year, and loads only that report's part of the index.
func TestSearchOneYear(t *testing.T) {
	setup(t)
	tb := newTab(t)
	u := tb.open(t, basePath+"search/?q="+url.QueryEscape("订单班")+"&year=2024")
	defer tb.check(t, u)
	s := waitSearch(t, tb, u)
	checkStatus(t, u, s)
	for _, p := range resultPaths(s) {
		if !strings.HasPrefix(p, basePath+"2024/") {
			t.Errorf("%s: result %s is not in the 2024 report", u, p)
		}
	}
	parts, err := chromedp.Run(tb.ctx, chromedp.Evaluate[[]string](`performance.getEntriesByType('resource').map(e => e.name).filter(n => /search-zh-\d{4}\./.test(n))`))
	if err != nil {
		t.Fatal(err)
	}
	if len(parts) != 1 || !strings.Contains(parts[0], "search-zh-2024.") {
		t.Errorf("%s: loaded %q; want only the 2024 report's index", u, parts)
	}
	// Every report again, from the choice of year.
	if _, err := chromedp.Run(tb.ctx, chromedp.Evaluate[chromedp.Void](`(() => {
		const sel = document.getElementById('search-year');
		sel.value = '';
		sel.dispatchEvent(new Event('change'));
	})()`)); err != nil {
		t.Fatal(err)
	}
	s = waitSearch(t, tb, u)
	checkStatus(t, u, s)
	years := map[string]bool{}
	for _, p := range resultPaths(s) {
		if m := regexp.MustCompile(`^` + basePath + `(\d{4})/`).FindStringSubmatch(p); m != nil {
			years[m[1]] = true
		}
	}
	if len(years) < 2 {
		t.Errorf("%s: with every report chosen, results come from %v only", u, years)
	}
	loc, err := chromedp.Run(tb.ctx, chromedp.Evaluate[string](`location.search`))
	if err != nil || strings.Contains(loc, "year=") {
		t.Errorf("%s: after choosing every report the address says %q (%v)", u, loc, err)
	}
}
