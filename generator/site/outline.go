package site

import (
	"bytes"
	"regexp"
)

// headingTag matches the opening and closing tags of headings h2–h5 as
// goldmark writes them, with the id of an opening tag.
var headingTag = regexp.MustCompile(`<(/?)h([2-5])( id="([^"]*)")?`)

// firstHeadingID finds the id of a heading that opens converted Markdown.
var firstHeadingID = regexp.MustCompile(`^<h[1-6] id="([^"]*)"`)

// nest prepares a page's converted Markdown for a place one level below
// a heading of the layout's, as a section inside the print edition: its
// headings go one level down (h2 becomes h3), so that the PDF's outline
// has each section's title above its headings, and when prefix is set,
// their ids and the links to them get it, so that the ids of two
// sections' headings never collide on the one page.
func nest(h []byte, prefix string) []byte {
	var ids [][]byte
	out := headingTag.ReplaceAllFunc(h, func(m []byte) []byte {
		sm := headingTag.FindSubmatch(m)
		level := sm[2][0] + 1
		b := append([]byte("<"), sm[1]...)
		b = append(b, 'h', level)
		if sm[3] != nil {
			if prefix != "" {
				ids = append(ids, sm[4])
			}
			b = append(b, ` id="`...)
			b = append(b, prefix...)
			b = append(b, sm[4]...)
			b = append(b, '"')
		}
		return b
	})
	for _, id := range ids {
		out = bytes.ReplaceAll(out, []byte(`href="#`+string(id)+`"`), []byte(`href="#`+prefix+string(id)+`"`))
	}
	return out
}
