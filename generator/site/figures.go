package site

import (
	"bytes"
	"html/template"
	"strings"

	"nianbao/generator/diag"
	"nianbao/generator/theme"
)

// figurePages renders a page of its own for every chart and table of a
// section, at <section>/figures/<name>/: the figure alone, its title,
// source and table and a link back, for an <iframe> on another site.
// They are files of the section's output, so whatever re-renders the
// section re-renders them. They are rendered one after the other into one
// of the page buffers, which release hands back.
func (s *Site) figurePages(p *Page, v *theme.Page, res *Text, l *diag.List) (out []File, release func()) {
	if len(res.Blocks) == 0 {
		return nil, nil
	}
	buf := pageBuffers.Get().(*bytes.Buffer)
	buf.Reset()
	for _, b := range res.Blocks {
		rel := p.Rel + "figures/" + b.Name + "/"
		fv := &theme.Page{
			Kind:        "figure",
			Site:        v.Site,
			Lang:        v.Lang,
			Title:       b.Title,
			Description: b.Title + " · " + v.Title + " · " + v.Year.Title,
			URL:         s.URL(rel),
			Permalink:   s.Permalink(rel),
			Content:     template.HTML(b.HTML),
			Year:        v.Year,
			Section:     v.Section,
			Strings:     v.Strings,
			Root:        strings.Repeat("../", strings.Count(rel, "/")),
			Charts:      bytes.Count(b.HTML, []byte(`<div class="chart" data-option=`)),
			Figure:      &theme.FigurePage{Back: v.URL + "#" + b.ID, SectionTitle: v.Title},
		}
		if res.Lang != p.Lang.Code {
			fv.Figure.Lang = res.Lang
		}
		start := buf.Len()
		if err := s.Theme.RenderTo(buf, "figure", fv); err != nil {
			buf.Truncate(start)
			l.Add(err)
			continue
		}
		// A later page may grow the buffer into new memory: this one's
		// bytes stay where they are.
		out = append(out, File{Name: "figures/" + b.Name + "/index.html", Data: buf.Bytes()[start:buf.Len():buf.Len()]})
	}
	return out, func() { pageBuffers.Put(buf) }
}
