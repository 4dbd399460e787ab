package site

import (
	"bytes"
	"html/template"
	"slices"
	"sync"
	"unsafe"

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
	pe.Foreword = htmlOf(fw.HTML)
	if !pe.ForewordOwnHeading {
		pe.Foreword = template.HTML(nest(fw.HTML, "")) // below the layout's own heading
	}
	var out Output
	pe.Sections, out = s.printSections(p, v.Year)
	out.Charts += fw.Charts // the page loads ECharts when there are any
	v.Scorecard, v.ScorecardKey = s.scorecard(p.Year.Year, lg), s.scorecardKey(p.Year.Year, lg)
	v.Tally = s.tally(p.Year.Year, lg)
	pe.Appendix = s.appendix(p.Year.Year, lg, l)
	v.Print = pe
	out.size += len(fw.HTML) + len(pe.Appendix) + 64<<10 + 1<<10*len(s.Data.Catalogue.Metrics) // and the scorecard
	return out
}

// printSections are a report's sections as its print edition shows them,
// each nested below its title (see nest), with the charts they hold, and
// the size of their HTML.
//
// A build nests each section once, for the one print edition that shows
// it, and appends them all to one buffer that is reused for the next
// edition: their contents are strings that share the buffer's bytes, and
// the whole report is not copied into strings and then into the page.
// The buffer is written only here, and reused only when the page's files
// are written (Output.Release); nothing keeps the page's view beyond its
// rendering (the layout's output is a copy). serve, which renders an
// edition again after each edit, keeps each section's nested HTML instead
// (Text.printHTML).
func (s *Site) printSections(p *Page, y *theme.Year) ([]theme.PrintSection, Output) {
	body := printBuffers.Get().(*[]byte)
	texts, size := make([]*Text, len(p.Year.Sections)), 0
	for i, sec := range p.Year.Sections {
		texts[i] = s.textIn(sec.Pages, p.Lang)
		size += len(texts[i].HTML)
	}
	b, ends := slices.Grow((*body)[:0], size+size/8), make([]int, len(texts)) // room for the ids' prefixes
	out := Output{release: func() { putPrintBuffer(body) }}
	secs := make([]theme.PrintSection, len(texts))
	for i, sec := range p.Year.Sections {
		k, link := texts[i], y.Sections[i]
		secs[i] = theme.PrintSection{ID: "section-" + sec.Slug, Number: i + 1, Title: link.Title, TitleLang: link.TextLang, Summary: link.Summary}
		if k.printKept {
			secs[i].Content = k.printHTML
			out.size += len(k.printHTML)
		} else {
			b = appendNested(b, k.HTML, "section-"+sec.Slug+"--")
		}
		ends[i] = len(b)
		if k.Lang != "" && k.Lang != p.Lang.Code {
			secs[i].Lang, secs[i].Fallback = k.Lang, true
		}
		out.Charts += k.Charts
	}
	*body = b
	start := 0
	for i, end := range ends {
		if end > start { // after the last append: b moves no more
			secs[i].Content = template.HTML(unsafe.String(&b[start], end-start))
		}
		start = end
	}
	out.size += len(b)
	return secs, out
}

// printBuffers hold the sections of a print edition while it renders
// (see printSections).
var printBuffers = sync.Pool{New: func() any { return new([]byte) }}

// putPrintBuffer hands a print edition's buffer back for reuse, but not
// a huge one, which would stay in memory between builds of serve.
func putPrintBuffer(b *[]byte) {
	if cap(*b) <= 16<<20 {
		printBuffers.Put(b)
	}
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
	buf := printBuffers.Get().(*[]byte)
	defer putPrintBuffer(buf)
	out := (*buf)[:0]
	for _, g := range s.Data.Catalogue.Groups {
		if len(g.Metrics) == 0 {
			continue
		}
		b := &charts.Block{Kind: "table", Title: g.Name.In(lg), Metrics: g.Metrics, Years: years}
		var err error
		if out, err = b.AppendHTML(out, "appendix-"+g.ID, env); err != nil {
			l.Errorf(g.Pos, "data appendix: %v", err)
			continue
		}
		out = append(out, '\n')
	}
	*buf = out
	return template.HTML(out) // a copy: the memo may keep it
}
