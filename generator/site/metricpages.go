package site

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"
	"sync/atomic"

	"nianbao/generator/charts"
	"nianbao/generator/diag"
	"nianbao/generator/lang"
	"nianbao/generator/metrics"
	"nianbao/generator/theme"
)

// status returns st said in language lg, with its HTML (see
// renderShared): the pages of a build share one of each.
func (s *Site) status(st metrics.Status, lg string) *theme.Status {
	if v := s.statuses[lg][st]; v != nil {
		return v
	}
	return &theme.Status{Key: string(st), Icon: st.Icon(), Word: s.Theme.Strings(lg)[st.Key()]}
}

func (s *Site) metricURL(lg string, m *metrics.Metric) string {
	for _, l := range s.Config.Languages {
		if l.Code == lg {
			return s.URL(relPage(l, "metrics", m.ID))
		}
	}
	return ""
}

func (s *Site) dashboard(p *Page, v *theme.Page, l *diag.List) Output {
	lg := p.Lang.Code
	t := s.Theme.Strings(lg)
	v.Title = t["metrics_title"]
	year := s.latestYear()
	d := &theme.Dashboard{Year: year}
	for _, g := range s.Data.Catalogue.Groups {
		mg := theme.MetricGroup{ID: g.ID, Name: g.Name.In(lg), NameLang: g.Name.Foreign(lg, s.defaultLang().Code)}
		for _, m := range g.Metrics {
			row := theme.MetricRow{Name: m.Name.In(lg), NameLang: m.Name.Foreign(lg, s.defaultLang().Code), URL: s.metricURL(lg, m), Link: s.metricLinks[lg][m], Latest: charts.HTMLText(t["not_collected"]), Change: "—", Target: "—", Mood: "neutral"}
			if y, val, ok := s.Data.Latest(m, year); ok {
				row.Latest, row.LatestYear = charts.HTMLText(m.Format(val.V, lg)), y
				row.Change, row.Mood = s.change(m, y, lg)
			}
			if a, ok := s.Data.Assess(m, year); ok {
				row.Target, row.TargetYear = charts.HTMLText(m.FormatTarget(a.Target, lg)), a.TargetYear
				row.Status = s.status(a.Status, lg)
			}
			if m.Kind != metrics.Flag { // a yes/no fact has no trend to draw
				row.Trend = s.sparkline(m, lg)
			}
			mg.Rows = append(mg.Rows, row)
		}
		d.Groups = append(d.Groups, mg)
	}
	v.Dashboard = d
	return Output{}
}

// change is m's change in year against the year before, and whether it is
// good news.
func (s *Site) change(m *metrics.Metric, year int, lg string) (template.HTML, string) {
	cur, ok1 := s.Data.Value(m, year)
	prev, ok2 := s.Data.Value(m, year-1)
	if !ok1 || !ok2 || m.Kind == metrics.Flag {
		return "—", "neutral"
	}
	d, err := m.Change(cur.V, prev.V)
	if err != nil {
		return "—", "neutral"
	}
	return charts.HTMLText(d.Format(lg)), [...]string{"bad", "neutral", "good"}[m.Good(d.Direction())+1]
}

// sparkline draws a metric's history as a small inline SVG: no script,
// and a gap where a year was not collected.
func (s *Site) sparkline(m *metrics.Metric, lg string) template.HTML {
	const w, h, pad = 120.0, 28.0, 3.0
	years := s.Data.Years
	var vals []float64
	var have []bool
	lo, hi := 0.0, 0.0
	first := true
	for _, y := range years {
		v, ok := s.Data.Value(m, y)
		vals, have = append(vals, v.V), append(have, ok)
		if ok {
			if first || v.V < lo {
				lo = v.V
			}
			if first || v.V > hi {
				hi = v.V
			}
			first = false
		}
	}
	if first {
		return ""
	}
	x := func(i int) float64 {
		if len(years) == 1 {
			return w / 2
		}
		return pad + float64(i)*(w-2*pad)/float64(len(years)-1)
	}
	y := func(v float64) float64 {
		if hi == lo {
			return h / 2
		}
		return h - pad - (v-lo)*(h-2*pad)/(hi-lo)
	}
	b := make([]byte, 0, 160+24*len(years))
	b = append(b, `<svg class="sparkline" viewBox="0 0 120 28" width="120" height="28" role="img" aria-label="`...)
	b = append(b, template.HTMLEscapeString(s.Theme.Strings(lg)["trend"])...)
	b = append(b, ' ')
	b = strconv.AppendInt(b, int64(years[0]), 10)
	b = append(b, "–"...)
	b = strconv.AppendInt(b, int64(years[len(years)-1]), 10)
	b = append(b, `">`...)
	// The points of a run of collected years: a line, or a dot when the
	// run is one year between two gaps (the last one gets its own).
	run := 0
	flush := func(final bool, end int) {
		switch {
		case run > 1:
			b = append(b, `<polyline points="`...)
			for i := end - run; i < end; i++ {
				if i > end-run {
					b = append(b, ' ')
				}
				b = appendPoint(b, ",", x(i), y(vals[i]))
			}
			b = append(b, `"/>`...)
		case run == 1 && !final:
			b = append(b, `<circle cx="`...)
			b = appendPoint(b, `" cy="`, x(end-1), y(vals[end-1]))
			b = append(b, `" r="1.6"/>`...)
		}
		run = 0
	}
	last := -1
	for i := range years {
		if !have[i] {
			flush(false, i)
			continue
		}
		run++
		last = i
	}
	flush(true, len(years))
	b = append(b, `<circle cx="`...)
	b = appendPoint(b, `" cy="`, x(last), y(vals[last]))
	b = append(b, `" r="2.5"/></svg>`...)
	return template.HTML(b)
}

// appendPoint appends a point of a sparkline, its coordinates to one
// decimal and sep between them.
func appendPoint(b []byte, sep string, x, y float64) []byte {
	b = strconv.AppendFloat(b, x, 'f', 1, 64)
	b = append(b, sep...)
	return strconv.AppendFloat(b, y, 'f', 1, 64)
}

func (s *Site) metric(p *Page, v *theme.Page, l *diag.List) Output {
	lg := p.Lang.Code
	t := s.Theme.Strings(lg)
	m := p.Metric
	v.Title = m.Name.In(lg)
	mp := &theme.MetricPage{
		ID:          m.ID,
		Code:        m.Code,
		Group:       m.Group.Name.In(lg),
		Unit:        m.UnitIn(lg),
		Kind:        t["kind_"+string(m.Kind)],
		Better:      t["better_"+string(m.Better)],
		Description: m.Description.In(lg),
		Source:      m.Source.In(lg),
	}
	def := s.defaultLang().Code
	mp.NameLang, mp.GroupLang = m.Name.Foreign(lg, def), m.Group.Name.Foreign(lg, def)
	mp.DescriptionLang, mp.SourceLang = m.Description.Foreign(lg, def), m.Source.Foreign(lg, def)
	if m.Kind == metrics.Percent {
		mp.Unit = "%"
	}
	if mp.Description != "" {
		v.Description = mp.Description
	}
	year := s.latestYear()
	if a, ok := s.Data.Assess(m, year); ok {
		mp.Status, mp.StatusYear = s.status(a.Status, lg), year
	}
	// Every report year, and the plan's later years with a target.
	for _, y := range s.metricYears(m) {
		row := theme.HistoryRow{Year: y, Value: charts.HTMLText(t["not_collected"]), Target: "—", Change: "—"}
		if y > year {
			row.Value = "—"
		}
		if val, ok := s.Data.Value(m, y); ok {
			row.Value = charts.HTMLText(m.Format(val.V, lg))
			row.Note = val.Note.In(lg)
			row.Change, _ = s.change(m, y, lg)
		}
		if tg, ok := m.Targets[y]; ok {
			row.Target = charts.HTMLText(m.FormatTarget(tg, lg))
		}
		mp.History = append(mp.History, row)
	}
	out := Output{}
	if m.Kind == metrics.Flag {
		mp.Better = t["better_flag"]
	}
	if len(s.Data.Years) > 0 && m.Kind != metrics.Flag { // a yes/no fact has its history table, no chart
		env := charts.Env{Data: s.Data, Year: year, Lang: lg, T: s.translator(lg), Default: s.defaultLang().Code}
		// The chart runs to the plan's last target year, so the plan
		// ahead shows.
		b := &charts.Block{Kind: "chart", Type: "line", Metrics: []*metrics.Metric{m}, Years: chartYears(s.metricYears(m))}
		if fig, err := b.Render("history", env); err == nil {
			mp.Chart = template.HTML(fig.HTML)
			out.Charts = 1
		} else {
			l.Errorf(m.Pos, "history chart of %s: %v", m.ID, err)
		}
	}
	mp.CitedBy = s.cited[lg][m]
	mp.CitedByList = s.citedByList(mp.CitedBy)
	v.Metric = mp
	return out
}

// chartYears is years with the gaps after the last report year filled,
// so that the plan's years ahead are spaced as years are.
func chartYears(years []int) []int {
	var out []int
	for i, y := range years {
		if i > 0 {
			for g := years[i-1] + 1; g < y; g++ {
				out = append(out, g)
			}
		}
		out = append(out, y)
	}
	return out
}

// citeLinks are the links metric pages give to the sections of each
// report in lg that cite them.
func (s *Site) citeLinks(lg lang.Language) [][]*theme.Link {
	var out [][]*theme.Link
	for i, y := range s.Content.Years {
		var links []*theme.Link
		for _, link := range s.reports[lg.Code][i].Sections {
			links = append(links, &theme.Link{Title: fmt.Sprintf("%d · %s", y.Year, link.Title), URL: link.URL, TextLang: link.TextLang})
		}
		out = append(out, links)
	}
	return out
}

// citing maps each metric to the report sections that cite it in
// language lg, newest report first.
func (s *Site) citing(lg lang.Language) map[*metrics.Metric][]*theme.Link {
	byMetric := map[*metrics.Metric][]*theme.Link{}
	for i := len(s.Content.Years) - 1; i >= 0; i-- {
		y := s.Content.Years[i]
		for j, sec := range y.Sections {
			cited := s.textIn(sec.Pages, lg).Cited
			if len(cited) == 0 {
				continue
			}
			cite := s.cites[lg.Code][i][j]
			for _, m := range cited {
				byMetric[m] = append(byMetric[m], cite)
			}
		}
	}
	return byMetric
}

// renderShared renders, once for the site, the pieces of HTML that many
// pages show alike, each with a partial of its own: the item a metric
// page lists for each section citing it (cited-by-item.html; a section
// is listed on the page of each metric it cites, nine on the medium
// corpus, and a metric page lists up to a hundred and seventy sections
// on the large one), each metric's name linked to its page
// (metric-link.html, on every scorecard and the dashboard) and each
// status (metric-status.html).
func (s *Site) renderShared(each Each, l *diag.List) {
	var links []*theme.Link
	for _, lg := range s.Config.Languages {
		for _, secs := range s.cites[lg.Code] {
			links = append(links, secs...)
		}
	}
	s.citeItems = make(map[*theme.Link]template.HTML, len(links))
	for i, h := range s.renderAll("partials/cited-by-item.html", len(links), func(i int) any { return links[i] }, each, l) {
		s.citeItems[links[i]] = h
	}
	s.metricLinks, s.statuses = map[string]map[*metrics.Metric]template.HTML{}, map[string]map[metrics.Status]*theme.Status{}
	def := s.defaultLang().Code
	for _, lg := range s.Config.Languages {
		ms := s.Data.Catalogue.Metrics
		hs := s.renderAll("partials/metric-link.html", len(ms), func(i int) any {
			return &theme.Link{URL: s.metricURL(lg.Code, ms[i]), Title: ms[i].Name.In(lg.Code), TextLang: ms[i].Name.Foreign(lg.Code, def)}
		}, each, l)
		s.metricLinks[lg.Code] = make(map[*metrics.Metric]template.HTML, len(ms))
		for i, h := range hs {
			s.metricLinks[lg.Code][ms[i]] = h
		}
		sts := map[metrics.Status]*theme.Status{}
		for _, st := range metrics.StatusOrder {
			sts[st] = &theme.Status{Key: string(st), Icon: st.Icon(), Word: s.Theme.Strings(lg.Code)[st.Key()]}
		}
		for i, h := range s.renderAll("partials/metric-status.html", len(metrics.StatusOrder), func(i int) any { return sts[metrics.StatusOrder[i]] }, each, l) {
			sts[metrics.StatusOrder[i]].HTML = h
		}
		s.statuses[lg.Code] = sts
	}
}

// renderAll renders the partial name n times on the workers, with dot(i)
// as the dot of the i-th; a broken partial is one error, not one per
// piece.
func (s *Site) renderAll(name string, n int, dot func(i int) any, each Each, l *diag.List) []template.HTML {
	out := make([]template.HTML, n)
	var failed atomic.Bool
	each(n, func(i int) {
		if failed.Load() {
			return
		}
		h, err := s.Theme.Partial(name, dot(i))
		if err != nil {
			if failed.CompareAndSwap(false, true) {
				l.Add(err)
			}
			return
		}
		out[i] = h
	})
	return out
}

// citedByList joins the items of the sections citing a metric, each on a
// line of its own (theme.MetricPage.CitedByList).
func (s *Site) citedByList(links []*theme.Link) template.HTML {
	n := 0
	for _, link := range links {
		n += 1 + len(s.citeItems[link])
	}
	var b strings.Builder
	b.Grow(n)
	for _, link := range links {
		b.WriteByte('\n')
		b.WriteString(string(s.citeItems[link]))
	}
	return template.HTML(b.String())
}
