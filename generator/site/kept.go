package site

import (
	"bytes"
	"html"
	"strings"

	"nianbao/generator/markdown"
	"nianbao/generator/metrics"
)

// kept is what rendering a report page leaves for the pages of phase 2:
// the print edition reuses the HTML, metric pages list the sections that
// cite them, and search indexes the text.
type kept struct {
	HTML     []byte
	Text     string // the HTML's text, for the search index
	Cited    []*metrics.Metric
	TextLang string
}

// keep records a phase-1 page's converted Markdown. It runs in the
// rendering workers, so the text for search is extracted there too.
func (s *Site) keep(p *Page, res markdown.Result, textLang string) {
	s.kept.Store(p.Rel, &kept{HTML: res.HTML, Text: plainText(res.HTML), Cited: res.Cited, TextLang: textLang})
}

// kept returns what keep recorded for the page at rel, or an empty record.
func (s *Site) keptAt(rel string) *kept {
	if k, ok := s.kept.Load(rel); ok {
		return k.(*kept)
	}
	return &kept{}
}

// plainText returns the text of rendered HTML for the search index:
// tags, scripts and chart options dropped, entities decoded, white space
// folded to single spaces. It makes one pass and one string.
func plainText(h []byte) string {
	var b strings.Builder
	b.Grow(len(h) / 3)
	space := false
	for i := 0; i < len(h); {
		c := h[i]
		switch {
		case c == '<':
			if bytes.HasPrefix(h[i:], []byte("<script")) {
				end := bytes.Index(h[i:], []byte("</script>"))
				if end < 0 {
					return strings.TrimSpace(b.String())
				}
				i += end + len("</script>")
			} else if end := bytes.IndexByte(h[i:], '>'); end >= 0 {
				i += end + 1
			} else {
				i = len(h)
			}
			space = true
		case c == ' ' || c == '\n' || c == '\t' || c == '\r':
			space = true
			i++
		default:
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			if c == '&' {
				if end := bytes.IndexByte(h[i:min(len(h), i+12)], ';'); end > 0 {
					b.WriteString(html.UnescapeString(string(h[i : i+end+1])))
					i += end + 1
					continue
				}
			}
			b.WriteByte(c)
			i++
		}
	}
	return b.String()
}
