package e2e

import (
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// axePath is axe-core's browser bundle, installed by npm from package.json.
var axePath = filepath.Join("..", "..", "node_modules", "axe-core", "axe.min.js")

// axeSource reads axePath once.
var axeSource = sync.OnceValues(func() (string, error) {
	b, err := os.ReadFile(axePath)
	if err != nil {
		return "", fmt.Errorf("%w (run npm ci at the root of the repository)", err)
	}
	return string(b), nil
})

// axeRun runs the WCAG 2.0 and 2.1 A and AA rules and axe's best
// practices on the whole page and returns the violations, each with at
// most axeTargets selectors.
const axeRun = `axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})
	.then(r => r.violations.map(v => ({
		id: v.id, impact: v.impact || '', help: v.help, helpUrl: v.helpUrl, nodes: v.nodes.length,
		targets: v.nodes.map(n => n.target.map(s => Array.isArray(s) ? s.join(' >>> ') : s).join(' ')),
		summary: v.nodes.length ? v.nodes[0].failureSummary.replace(/\s+/g, ' ').trim() : '',
	})))`

// axeViolation is one rule that failed on one page.
type axeViolation struct {
	URL     string   `json:"-"`
	ID      string   `json:"id"`
	Impact  string   `json:"impact"`
	Help    string   `json:"help"`
	HelpURL string   `json:"helpUrl"`
	Nodes   int      `json:"nodes"`
	Targets []string `json:"targets"` // a CSS selector for each node
	Summary string   `json:"summary"` // how the first node fails
}

// serious reports whether the test fails on v.
func (v axeViolation) serious() bool { return v.Impact == "critical" || v.Impact == "serious" }

// axeTargets is how many selectors a failure names.
const axeTargets = 3

func (v axeViolation) String() string {
	targets := v.Targets[:min(len(v.Targets), axeTargets)]
	more := ""
	if n := v.Nodes - len(targets); n > 0 {
		more = fmt.Sprintf(" and %d more", n)
	}
	return fmt.Sprintf("%s: %s (%s): %s; at %s%s (%s)", v.URL, v.ID, v.Impact, v.Help, strings.Join(targets, ", "), more, v.Summary)
}

// injectAxe makes tb load axe-core into every page it opens from now on,
// before the page's own scripts. That costs less than sending the 650 kB
// script over the DevTools connection to every page.
func injectAxe(t *testing.T, tb *tab) {
	t.Helper()
	src, err := axeSource()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(tb.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: src}); err != nil {
		t.Fatalf("injecting %s: %v", axePath, err)
	}
}

// runAxe runs axe-core on the page that tb shows at u, injecting it first
// unless injectAxe did, and returns every violation it finds.
func runAxe(tb *tab, u string) ([]axeViolation, error) {
	loaded, err := chromedp.Run(tb.ctx, chromedp.Evaluate[bool](`typeof axe === 'object' && typeof axe.run === 'function'`))
	if err != nil {
		return nil, err
	}
	if !loaded {
		src, err := axeSource()
		if err != nil {
			return nil, err
		}
		if _, err := chromedp.Run(tb.ctx, chromedp.Evaluate[chromedp.Void](src)); err != nil {
			return nil, fmt.Errorf("injecting %s: %w", axePath, err)
		}
	}
	found, err := chromedp.Run(tb.ctx, chromedp.Evaluate[[]axeViolation](axeRun, chromedp.EvalAwaitPromise))
	if err != nil {
		return nil, err
	}
	for i := range found {
		found[i].URL = u
	}
	return found, nil
}

// reportAxe fails the test for every critical or serious violation found
// on the visited pages, and logs the others and a summary by rule.
func reportAxe(t *testing.T, found []axeViolation, visited int) {
	slices.SortFunc(found, func(a, b axeViolation) int {
		return cmp.Or(cmp.Compare(a.ID, b.ID), cmp.Compare(a.URL, b.URL))
	})
	var serious, other []axeViolation
	for _, v := range found {
		if v.serious() {
			serious = append(serious, v)
		} else {
			other = append(other, v)
		}
	}
	if len(other) > 0 {
		t.Logf("axe: %d minor or moderate violations (not failures):\n%s", len(other), axeSummary(other, visited))
	}
	if len(serious) == 0 {
		return
	}
	t.Logf("axe: %d critical or serious violations:\n%s", len(serious), axeSummary(serious, visited))
	for _, v := range serious {
		t.Error(v)
	}
}

// axeSummary describes violations rule by rule: the pages and the
// elements, each element with the number of pages it fails on.
func axeSummary(found []axeViolation, visited int) string {
	var b strings.Builder
	for id, group := range groupBy(found, func(v axeViolation) string { return v.ID }) {
		v := group[0]
		fmt.Fprintf(&b, "- %s (%s): %s <%s>, on %d pages\n", id, v.Impact, v.Help, v.HelpURL, len(group))
		counts := map[string]int{}
		var order []string
		for _, v := range group {
			for _, s := range v.Targets {
				if counts[s] == 0 {
					order = append(order, s)
				}
				counts[s]++
			}
		}
		for _, s := range order {
			fmt.Fprintf(&b, "    %s (on %d pages)\n", s, counts[s])
		}
		fmt.Fprintf(&b, "    first: %s\n", v.Summary)
		var pages []string
		for _, v := range group {
			pages = append(pages, strings.TrimPrefix(v.URL, env.srv.URL))
		}
		if len(pages) == visited {
			fmt.Fprintf(&b, "    pages: all %d\n", visited)
		} else {
			fmt.Fprintf(&b, "    pages: %s\n", strings.Join(pages, " "))
		}
	}
	return b.String()
}

// groupBy groups sorted values by key, in order.
func groupBy[T any](values []T, key func(T) string) func(yield func(string, []T) bool) {
	return func(yield func(string, []T) bool) {
		for i := 0; i < len(values); {
			k := key(values[i])
			j := i + 1
			for j < len(values) && key(values[j]) == k {
				j++
			}
			if !yield(k, values[i:j]) {
				return
			}
			i = j
		}
	}
}
