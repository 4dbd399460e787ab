package site

import (
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
	Cited    []*metrics.Metric
	TextLang string
}

// keep records a phase-1 page's converted Markdown.
func (s *Site) keep(p *Page, res markdown.Result, textLang string) {
	s.kept.Store(p.Rel, &kept{HTML: res.HTML, Cited: res.Cited, TextLang: textLang})
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
// folded.
func plainText(h []byte) string {
	var b strings.Builder
	s := string(h)
	for len(s) > 0 {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		s = s[i:]
		if strings.HasPrefix(s, "<script") {
			end := strings.Index(s, "</script>")
			if end < 0 {
				break
			}
			s = s[end+len("</script>"):]
			continue
		}
		end := strings.IndexByte(s, '>')
		if end < 0 {
			break
		}
		b.WriteByte(' ')
		s = s[end+1:]
	}
	return strings.Join(strings.Fields(html.UnescapeString(b.String())), " ")
}
