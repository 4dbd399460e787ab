package site

import (
	"bytes"
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
	// What the figure pages of a section share, worked out once: their
	// folder below the section's (so the section's URL and permalink with
	// the figure's escaped name, as URL and Permalink would make them),
	// their depth, their description's tail and their Figure view's parts.
	url, link := s.URL(p.Rel)+"figures/", s.Permalink(p.Rel)+"figures/"
	root := strings.Repeat("../", strings.Count(p.Rel, "/")+2)
	tail := " · " + v.Title + " · " + v.Year.Title
	figLang := ""
	if res.Lang != p.Lang.Code {
		figLang = res.Lang
	}
	for _, b := range res.Blocks {
		name := escapePath(b.Name) + "/"
		fv := &theme.Page{
			Kind:        "figure",
			Site:        v.Site,
			Lang:        v.Lang,
			Title:       b.Title,
			HeadTitle:   b.Title + " · " + v.Site.Title,
			Description: b.Title + tail,
			URL:         url + name,
			Permalink:   link + name,
			Content:     htmlOf(b.HTML),
			Year:        v.Year,
			Section:     v.Section,
			Strings:     v.Strings,
			Root:        root,
			Charts:      bytes.Count(b.HTML, []byte(`<div class="chart" data-option=`)),
			Figure:      &theme.FigurePage{Back: v.URL + "#" + b.ID, SectionTitle: v.Title, Lang: figLang},
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
