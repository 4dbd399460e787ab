package site

import (
	"bytes"
	"strconv"
	"strings"

	"nianbao/generator/charts"
	"nianbao/generator/diag"
	"nianbao/generator/metrics"
	"nianbao/generator/theme"
)

func (s *Site) yearView(p *Page) *theme.Year {
	for _, y := range s.reports[p.Lang.Code] {
		if y.Year == p.Year.Year {
			return y
		}
	}
	return nil
}

func (s *Site) year(p *Page, v *theme.Page, l *diag.List) Output {
	def := s.defaultLang()
	v.Year = s.yearView(p)
	v.Title = v.Year.Title
	if v.Year.Summary != "" {
		v.Description = v.Year.Summary
	}
	src, own := s.inEdition(p.Year.Index, p.Lang)
	if !own && src != nil && len(src.Body) > 0 && !p.Lang.Default {
		v.Fallback = &theme.Fallback{Lang: def.Code, OriginalURL: s.URL(relPage(def, strconv.Itoa(p.Year.Year)))}
	}
	res := s.conversion(src, p.Lang)
	v.Content = htmlOf(res.HTML)
	v.OwnHeading = bytes.HasPrefix(bytes.TrimSpace(res.HTML), []byte("<h"))
	if v.OwnHeading {
		v.OwnHeadingID = firstHeadingID(bytes.TrimSpace(res.HTML))
	}
	v.Scorecard, v.ScorecardKey = s.scorecard(p.Year.Year, p.Lang.Code), s.scorecardKey(p.Year.Year, p.Lang.Code)
	v.Tally = s.tally(p.Year.Year, p.Lang.Code)
	for _, h := range res.Headings {
		v.Headings = append(v.Headings, theme.Heading(h))
	}
	return Output{Charts: res.Charts}
}

func (s *Site) section(p *Page, v *theme.Page, l *diag.List) Output {
	def := s.defaultLang()
	v.Year = s.yearView(p)
	links := v.Year.Sections
	if _, own := s.inEdition(p.Section.Pages, p.Lang); !own {
		v.Fallback = &theme.Fallback{Lang: def.Code, OriginalURL: s.URL(relPage(def, strconv.Itoa(p.Year.Year), p.Section.Slug))}
	}
	v.Title = links[p.Index].Title
	v.Section = &theme.Section{Slug: p.Section.Slug, Number: p.Index + 1, Summary: links[p.Index].Summary,
		TitleLang: links[p.Index].TextLang, SummaryLang: links[p.Index].SummaryLang}
	if v.Section.Summary != "" {
		v.Description = v.Section.Summary
	}
	if p.Index > 0 {
		v.Section.Prev = links[p.Index-1]
	}
	if p.Index+1 < len(links) {
		v.Section.Next = links[p.Index+1]
	}
	res := s.textIn(p.Section.Pages, p.Lang)
	v.Content = htmlOf(res.HTML)
	for _, h := range res.Headings {
		v.Headings = append(v.Headings, theme.Heading(h))
	}
	figures, release := s.figurePages(p, v, res, l)
	return Output{Charts: res.Charts, Files: figures, release: release}
}

// tally is the year's scorecard in one sentence, in language lg:
// 计分卡：N 项指标中，A 项已达成，B 项按计划推进，C 项滞后于计划，D 项退步。
func (s *Site) tally(year int, lg string) string {
	t := s.Data.Tally(year)
	if t.N == 0 {
		return "" // nothing is scored: no scorecard, no sentence
	}
	return strings.NewReplacer(
		"{n}", strconv.Itoa(t.N),
		"{achieved}", strconv.Itoa(t.Achieved),
		"{on_track}", strconv.Itoa(t.OnTrack),
		"{off_track}", strconv.Itoa(t.OffTrack),
		"{regressing}", strconv.Itoa(t.Regressing),
	).Replace(s.Theme.Strings(lg)["tally"])
}

// scorecard lists, by group, every metric scored in year (see
// metrics.Data.Assess), with the group's count of each status.
func (s *Site) scorecard(year int, lg string) []theme.ScoreGroup {
	t := s.Theme.Strings(lg)
	var out []theme.ScoreGroup
	for _, g := range s.Data.Catalogue.Groups {
		sg := theme.ScoreGroup{Name: g.Name.In(lg)}
		counts := map[metrics.Status]int{}
		for _, m := range g.Metrics {
			a, ok := s.Data.Assess(m, year)
			if !ok {
				continue
			}
			counts[a.Status]++
			row := theme.ScoreRow{Name: m.Name.In(lg), NameLang: m.Name.Foreign(lg, s.defaultLang().Code), URL: s.metricURL(lg, m), Link: s.metricLinks[lg][m], Target: charts.HTMLText(m.FormatTarget(a.Target, lg)),
				Value: charts.HTMLText(t["not_collected"]), Progress: "—", Change: "—", Mood: "neutral", Status: s.status(a.Status, lg)}
			if a.TargetYear != year {
				row.Target += charts.HTMLText(" (" + strconv.Itoa(a.TargetYear) + ")")
			}
			if v, ok := s.Data.Value(m, year); ok {
				row.Value = charts.HTMLText(m.Format(v.V, lg))
				if p, err := m.Progress(v.V, a.Target); err == nil {
					row.Progress = charts.HTMLText(metrics.Percent1(p))
				}
				row.Change, row.Mood = s.change(m, year, lg)
			}
			sg.Rows = append(sg.Rows, row)
		}
		for _, st := range metrics.StatusOrder {
			sg.Counts = append(sg.Counts, theme.StatusCount{Status: s.status(st, lg), Count: counts[st]})
		}
		if len(sg.Rows) > 0 {
			out = append(out, sg)
		}
	}
	return out
}
