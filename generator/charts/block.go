// Package charts turns the fenced blocks of a report section into figures:
//
//	```chart                               ```kpi
//	type = "line"                          metrics = ["a.b", "c.d"]
//	title = "…"            (optional)      ```
//	metrics = ["a.b", "c.d"]
//	years = [2021, 2025]   (optional)      ```table
//	```                                    metrics = ["a.b"]
//	                                       years = [2023, 2025]  (optional)
//	                                       title = "…"           (optional)
//	                                       ```
//
// Chart types: line, bar, stacked-bar, horizontal-bar, pie, donut, radar,
// gauge. Pie, donut and gauge show the page's year; the others show the
// year range, by default every report year up to the page's year.
//
// A chart's ECharts option is one typed value (options.go: go-echarts'
// opts types, and small types of ours where go-echarts has no field),
// written once as JSON by hand (jsonw.go, optjson.go), byte for byte as
// encoding/json writes it with HTML escaping on, which a test holds it
// to; every chart carries its numbers as an HTML table and a CSV file.
// Figures are written straight into one buffer (html.go, table.go). This
// package is the only importer of go-echarts.
package charts

import (
	"slices"
	"strconv"
	"strings"

	"nianbao/generator/diag"
	"nianbao/generator/lang"
	"nianbao/generator/metrics"
	"nianbao/generator/tomldoc"
)

// Types lists the chart types in the order the documentation gives them.
var Types = []string{"line", "bar", "stacked-bar", "horizontal-bar", "pie", "donut", "radar", "gauge"}

// Kinds are the info strings of the fenced blocks this package handles.
var Kinds = []string{"chart", "kpi", "table"}

// IsKind reports whether a fenced block's info string is one of ours.
func IsKind(info string) bool { return slices.Contains(Kinds, info) }

// Env is what a block needs to know about the page it stands in.
type Env struct {
	Data *metrics.Data
	Year int    // the page's year
	Lang string // the language the page's text is in
	// Default is the site's default language: names without a translation
	// into Lang show in it, marked with a lang attribute.
	Default string
	// FigurePage is the URL of the block's own figure page and
	// FigureEmbed the absolute one for an <iframe>, for blocks of a
	// report section; empty elsewhere (no figure page, no embed snippet).
	FigurePage, FigureEmbed string
	T                       func(key string) string // theme strings in Lang
}

// foreign is the language a name shows in on this page, when it is not
// the page's: the default language's, for a name not translated.
func (env Env) foreign(t lang.Text) string {
	if env.Default == "" {
		return ""
	}
	return t.Foreign(env.Lang, env.Default)
}

// Block is a parsed and checked fenced block.
type Block struct {
	Kind    string // chart, kpi or table
	Type    string // the chart type, for charts
	Title   string
	Metrics []*metrics.Metric
	Years   []int // the years shown, ascending
	Pos     diag.Pos

	incomplete bool // a metric's definition failed; the block is not drawn
}

// Parse reads the TOML body of a fenced block of the given kind. firstLine
// is the file line of the body's first line; pos is the fence's position.
// Problems are added to l and Parse returns nil.
func Parse(kind, file string, src []byte, firstLine int, pos diag.Pos, env Env, l *diag.List) *Block {
	t, err := tomldoc.Parse(file, src, firstLine)
	if err != nil {
		l.Add(err)
		return nil
	}
	var bad diag.List
	b := &Block{Kind: kind, Pos: pos}
	switch kind {
	case "chart":
		t.Unknown(&bad, "a chart block", "type", "title", "metrics", "years")
		b.Type, _ = t.String("type", &bad)
		switch {
		case !t.Has("type"):
			bad.Errorf(pos, "chart block has no type; add type = \"line\" (or %s)", strings.Join(Types[1:], ", "))
		case b.Type != "" && !slices.Contains(Types, b.Type):
			bad.Errorf(t.ValuePos("type"), "unknown chart type %q; expected %s", b.Type, strings.Join(Types, ", "))
		}
	case "kpi":
		t.Unknown(&bad, "a kpi block", "metrics")
	case "table":
		t.Unknown(&bad, "a table block", "title", "metrics", "years")
	}
	b.Title, _ = t.String("title", &bad)
	b.parseMetrics(t, env, &bad)
	b.parseYears(t, env, &bad)
	b.checkPlot(t, &bad)
	if !bad.HasErrors() {
		b.checkValues(t, env, &bad)
	}
	l.Merge(&bad)
	if bad.HasErrors() || b.incomplete {
		return nil
	}
	return b
}

func (b *Block) parseMetrics(t *tomldoc.Table, env Env, l *diag.List) {
	ids, ok := t.Strings("metrics", l)
	if !t.Has("metrics") || (ok && len(ids) == 0) {
		l.Errorf(b.Pos, "%s block has no metrics; add metrics = [\"group.key\"]", b.Kind)
		return
	}
	b.Metrics = make([]*metrics.Metric, 0, len(ids))
	var seen map[string]bool // for long lists; short ones are searched
	if len(ids) > 32 {
		seen = make(map[string]bool, len(ids))
	}
	listedBefore := func(i int) bool {
		if seen == nil {
			return slices.Contains(ids[:i], ids[i])
		}
		return seen[ids[i]]
	}
	for i, id := range ids {
		m, found := env.Data.Catalogue.Metric(id)
		switch {
		case !found && env.Data.Catalogue.Failed(id):
			b.incomplete = true // reported in the catalogue
		case !found:
			l.Errorf(t.ElemPos("metrics", i), "unknown metric %q%s", id, env.Data.Suggest(id))
		case listedBefore(i):
			l.Errorf(t.ElemPos("metrics", i), "metric %q is listed twice", id)
		default:
			b.Metrics = append(b.Metrics, m)
		}
		if seen != nil {
			seen[id] = true
		}
	}
	if b.Type == "radar" && len(ids) > 0 && len(ids) < 3 {
		l.Warnf(t.ValuePos("metrics"), "a radar chart needs at least 3 metrics to draw an area, not %d; a bar chart shows %d better", len(ids), len(ids))
	}
	if b.Type == "gauge" && len(ids) > 1 {
		l.Errorf(t.ElemPos("metrics", 1), "a gauge shows one metric, not %d", len(ids))
	}
}

func (b *Block) parseYears(t *tomldoc.Table, env Env, l *diag.List) {
	from, to := 0, env.Year
	if t.Has("years") {
		ys, ok := t.Ints("years", l)
		if !ok {
			return
		}
		if len(ys) != 2 {
			l.Errorf(t.ValuePos("years"), "years must be a range of two years, such as [2021, %d]", env.Year)
			return
		}
		if ys[0] > ys[1] {
			l.Errorf(t.ValuePos("years"), "years [%d, %d] run backwards", ys[0], ys[1])
			return
		}
		from, to = int(ys[0]), int(ys[1])
	}
	for _, y := range env.Data.Years {
		if y >= from && y <= to {
			b.Years = append(b.Years, y)
		}
	}
	if b.pageYearOnly() {
		b.Years = []int{env.Year}
	}
	if len(b.Years) == 0 {
		l.Errorf(t.ValuePos("years"), "no report year falls in years [%d, %d]", from, to)
	}
}

// checkPlot reports what a chart cannot draw: a yes/no metric, and more
// units than its value axes can carry.
func (b *Block) checkPlot(t *tomldoc.Table, l *diag.List) {
	if b.Kind != "chart" {
		return
	}
	var reported diag.List // parseMetrics reported these already
	ids, _ := t.Strings("metrics", &reported)
	for i, id := range ids {
		if m, ok := b.metric(id); ok && m.Kind == metrics.Flag {
			l.Errorf(t.ElemPos("metrics", i), "metric %q is a yes/no metric (kind = \"flag\"), which a chart cannot draw; show it in a kpi or table block", id)
		}
	}
	if !b.cartesianType() {
		return
	}
	if units := b.units(); len(units) > 2 {
		quoted := make([]string, len(units))
		for i, u := range units {
			quoted[i] = strconv.Quote(u.key)
		}
		l.Errorf(b.Pos, "a %s chart has two value axes, one per unit, but its metrics have %d units (%s); split it into charts of at most two units", b.Type, len(units), strings.Join(quoted, ", "))
	}
}

// metric returns the block's metric of the given id.
func (b *Block) metric(id string) (*metrics.Metric, bool) {
	for _, m := range b.Metrics {
		if m.ID == id {
			return m, true
		}
	}
	return nil, false
}

func (b *Block) cartesianType() bool {
	return b.Type == "line" || b.Type == "bar" || b.Type == "stacked-bar" || b.Type == "horizontal-bar"
}

func (b *Block) pageYearOnly() bool {
	return b.Kind == "kpi" || b.Type == "pie" || b.Type == "donut" || b.Type == "gauge"
}

// checkValues reports KPI cards without a value, and warns of charts and
// tables with no value at all: metrics may go uncollected, so an empty
// chart is allowed, but seldom meant.
func (b *Block) checkValues(t *tomldoc.Table, env Env, l *diag.List) {
	any := false
	for i, m := range b.Metrics {
		for _, y := range b.Years {
			if _, ok := env.Data.Value(m, y); ok {
				any = true
			} else if env.Data.Broken(y) {
				any = true // the values file's own errors say it all
			} else if b.Kind == "kpi" {
				l.Errorf(t.ElemPos("metrics", i), "no value for %q in %d", m.ID, y)
			}
		}
	}
	if !any && b.Kind != "kpi" {
		l.Warnf(b.Pos, "%s block has no values to show in %s", b.Kind, yearSpan(b.Years))
	}
}

// yearSpan names the years shown: "2025", "2021–2025".
func yearSpan(ys []int) string {
	var buf [16]byte
	return string(appendYearSpan(buf[:0], ys))
}

func appendYearSpan(dst []byte, ys []int) []byte {
	dst = strconv.AppendInt(dst, int64(ys[0]), 10)
	if len(ys) > 1 {
		dst = append(dst, "–"...)
		dst = strconv.AppendInt(dst, int64(ys[len(ys)-1]), 10)
	}
	return dst
}
