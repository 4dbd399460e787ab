package site

import (
	"bytes"
	"strings"
	"sync"
)

// nest prepares a page's converted Markdown for a place one level below
// a heading of the layout's, as a section inside the print edition: its
// headings go one level down (h2 becomes h3), so that the PDF's outline
// has each section's title above its headings, and when prefix is set,
// their ids and the links to them get it, so that the ids of two
// sections' headings never collide on the one page.
//
// It changes the opening and closing tags of headings h2–h5 as goldmark
// writes them (<h2 id="…">, </h2>), and then every href="#id" whose id
// is one of those headings'. It is one pass over the HTML for each, as a
// print edition runs it on every section of a report.
func nest(h []byte, prefix string) string {
	buf := nestBuffers.Get().(*[]byte)
	defer nestBuffers.Put(buf)
	out, ids := nestHeadings((*buf)[:0], h, prefix)
	*buf = out
	if len(ids) == 0 {
		return string(out)
	}
	return prefixLinks(out, ids, prefix)
}

// nestBuffers hold the headings' pass of nest, copied into a string
// after the links' pass: a print edition nests a whole report.
var nestBuffers = sync.Pool{New: func() any { b := make([]byte, 0, 64<<10); return &b }}

// nestHeadings appends h to out with the headings h2–h5 one level down
// and their ids prefixed, and returns the ids as they were when prefix is
// set, in order.
func nestHeadings(out, h []byte, prefix string) ([]byte, []string) {
	var ids []string
	for {
		i := bytes.IndexByte(h, '<')
		if i < 0 {
			return append(out, h...), ids
		}
		out = append(out, h[:i]...)
		h = h[i:]
		n, level, id, hasID := headingTag(h)
		if n == 0 {
			out = append(out, '<')
			h = h[1:]
			continue
		}
		out = append(out, h[:n-1]...) // "<h" or "</h"
		out = append(out, level+1)
		if hasID {
			if prefix != "" {
				ids = append(ids, string(id))
			}
			out = append(out, ` id="`...)
			out = append(out, prefix...)
			out = append(out, id...)
			out = append(out, '"')
			n += len(` id="`) + len(id) + 1
		}
		h = h[n:]
	}
}

// headingTag reads the start of a heading tag h2–h5 at the start of h:
// "<h2" or "</h2", then, when it follows, ` id="…"`. n is the length of
// the tag's name part ("<h2": 3), 0 when h starts with no such tag.
func headingTag(h []byte) (n int, level byte, id []byte, hasID bool) {
	n = 1
	if len(h) > 1 && h[1] == '/' {
		n = 2
	}
	if len(h) < n+2 || h[n] != 'h' || h[n+1] < '2' || h[n+1] > '5' {
		return 0, 0, nil, false
	}
	level, n = h[n+1], n+2
	rest := h[n:]
	if !bytes.HasPrefix(rest, []byte(` id="`)) {
		return n, level, nil, false
	}
	end := bytes.IndexByte(rest[len(` id="`):], '"')
	if end < 0 {
		return n, level, nil, false
	}
	return n, level, rest[len(` id="`) : len(` id="`)+end], true
}

// prefixLinks returns h with every href="#id" whose id is one of ids
// pointing at prefix+id instead. An href is rewritten as if by one
// replacement per id in turn, so that a heading whose id is another's
// prefixed id comes out as it always has.
func prefixLinks(h []byte, ids []string, prefix string) string {
	const attr = `href="#`
	set := make(map[string]bool, len(ids))
	for _, id := range ids {
		set[id] = true
	}
	var b strings.Builder
	b.Grow(len(h) + 8*len(prefix))
	for {
		i := bytes.Index(h, []byte(attr))
		if i < 0 {
			b.Write(h)
			return b.String()
		}
		i += len(attr)
		b.Write(h[:i])
		h = h[i:]
		end := bytes.IndexByte(h, '"')
		if end < 0 || !set[string(h[:end])] {
			continue
		}
		target := string(h[:end])
		for _, id := range ids {
			if target == id {
				target = prefix + id
			}
		}
		b.WriteString(target)
		h = h[end:]
	}
}

// firstHeadingID returns the id of a heading that opens converted
// Markdown (h1–h6 with the id first), or "".
func firstHeadingID(h []byte) string {
	if len(h) < 4 || h[0] != '<' || h[1] != 'h' || h[2] < '1' || h[2] > '6' || !bytes.HasPrefix(h[3:], []byte(` id="`)) {
		return ""
	}
	rest := h[3+len(` id="`):]
	if end := bytes.IndexByte(rest, '"'); end >= 0 {
		return string(rest[:end])
	}
	return ""
}
