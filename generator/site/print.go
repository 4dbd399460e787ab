package site

import (
	"bytes"
	"html/template"

	"nianbao/generator/charts"
	"nianbao/generator/diag"
	"nianbao/generator/theme"
)

// print assembles a report's print edition from its converted texts:
// cover, foreword, contents, every section, the scorecard and a data
// appendix.
func (s *Site) print(p *Page, v *theme.Page, l *diag.List) Output {
	lg := p.Lang.Code
	v.Year = s.yearView(p)
	v.Title = v.Year.Title
	if v.Year.Summary != "" {
		v.Description = v.Year.Summary
	}
	pe := &theme.PrintEdition{}
	fw := s.textIn(p.Year.Index, p.Lang)
	pe.ForewordOwnHeading = bytes.HasPrefix(bytes.TrimSpace(fw.HTML), []byte("<h"))
	pe.ForewordHeadingID = firstHeadingID(bytes.TrimSpace(fw.HTML))
	pe.Foreword = template.HTML(fw.HTML)
	if !pe.ForewordOwnHeading {
		pe.Foreword = template.HTML(nest(fw.HTML, "")) // below the layout's own heading
	}
	out := Output{Charts: countCharts(fw.HTML)}
	for i, sec := range p.Year.Sections {
		k := s.textIn(sec.Pages, p.Lang)
		link := v.Year.Sections[i]
		ps := theme.PrintSection{ID: "section-" + sec.Slug, Number: i + 1, Title: link.Title, TitleLang: link.TextLang, Summary: link.Summary,
			Content: s.printed(k, sec)}
		if k.Lang != "" && k.Lang != lg {
			ps.Lang, ps.Fallback = k.Lang, true
		}
		pe.Sections = append(pe.Sections, ps)
		out.Charts += countCharts(k.HTML)
	}
	v.Scorecard, v.ScorecardKey = s.scorecard(p.Year.Year, lg), s.scorecardKey(p.Year.Year, lg)
	v.Tally = s.tally(p.Year.Year, lg)
	pe.Appendix = s.appendix(p.Year.Year, lg, l)
	v.Print = pe
	return out
}

// countCharts counts the chart elements in rendered HTML, so that the
// print edition loads ECharts when its sections have charts.
func countCharts(h []byte) int {
	return bytes.Count(h, []byte(`<div class="chart" data-option=`))
}

// appendix is a data table per metric group, every year up to year. It is
// made once for each set of values (see memo): serve renders a report's
// print edition again after each edit of one of its sections.
func (s *Site) appendix(year int, lg string, l *diag.List) template.HTML {
	key := appendixKey{year, lg}
	if h, ok := s.memo.appendix(s.Data, key); ok {
		return h
	}
	var errs diag.List
	h := s.renderAppendix(year, lg, &errs)
	l.Merge(&errs)
	if !errs.HasErrors() {
		s.memo.keepAppendix(s.Data, key, h)
	}
	return h
}

func (s *Site) renderAppendix(year int, lg string, l *diag.List) template.HTML {
	var years []int
	for _, y := range s.Data.Years {
		if y <= year {
			years = append(years, y)
		}
	}
	env := charts.Env{Data: s.Data, Year: year, Lang: lg, T: s.translator(lg), Default: s.defaultLang().Code}
	var out []byte
	for _, g := range s.Data.Catalogue.Groups {
		if len(g.Metrics) == 0 {
			continue
		}
		b := &charts.Block{Kind: "table", Title: g.Name.In(lg), Metrics: g.Metrics, Years: years}
		fig, err := b.Render("appendix-"+g.ID, env)
		if err != nil {
			l.Errorf(g.Pos, "data appendix: %v", err)
			continue
		}
		out = append(out, fig.HTML...)
		out = append(out, '\n')
	}
	return template.HTML(out)
}
