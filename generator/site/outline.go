package site

import (
	"bytes"
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
	return string(appendNested(make([]byte, 0, len(h)+len(h)/16), h, prefix))
}

// appendNested appends h to dst as nest returns it. A print edition
// appends each of its sections to one buffer: nesting a section costs no
// allocation.
func appendNested(dst, h []byte, prefix string) []byte {
	if prefix == "" {
		out, _ := nestHeadings(dst, h, "", nil)
		return out
	}
	buf := nestBuffers.Get().(*nestBuffer)
	defer nestBuffers.Put(buf)
	buf.out, buf.ids = nestHeadings(buf.out[:0], h, prefix, buf.ids[:0])
	defer clear(buf.ids) // they point into h
	if len(buf.ids) == 0 {
		return append(dst, buf.out...)
	}
	return appendLinks(dst, buf.out, buf.ids, prefix)
}

// nestBuffer holds the headings' pass of nest and the ids it found,
// reused: a print edition nests a whole report.
type nestBuffer struct {
	out []byte
	ids [][]byte
}

var nestBuffers = sync.Pool{New: func() any { return &nestBuffer{out: make([]byte, 0, 64<<10)} }}

// nestHeadings appends h to out with the headings h2–h5 one level down
// and their ids prefixed, and, when prefix is set, appends the ids as
// they were to ids, in order (slices of h).
func nestHeadings(out, h []byte, prefix string, ids [][]byte) ([]byte, [][]byte) {
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
				ids = append(ids, id)
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

// appendLinks appends h to dst with every href="#id" whose id is one of
// ids pointing at prefix+id instead. An href is rewritten as if by one
// replacement per id in turn, so that a heading whose id is another's
// prefixed id comes out as it always has.
func appendLinks(dst, h []byte, ids [][]byte, prefix string) []byte {
	const attr = `href="#`
	var set map[string]bool // for a long section; a short one's few ids are compared in turn
	if len(ids) > 16 {
		set = make(map[string]bool, len(ids))
		for _, id := range ids {
			set[string(id)] = true
		}
	}
	for {
		i := bytes.Index(h, []byte(attr))
		if i < 0 {
			return append(dst, h...)
		}
		i += len(attr)
		dst = append(dst, h[:i]...)
		h = h[i:]
		end := bytes.IndexByte(h, '"')
		if end < 0 {
			continue
		}
		target := h[:end]
		if set != nil && !set[string(target)] {
			continue
		}
		k := 0 // the target is now prefix k times, then target
		for _, id := range ids {
			if isPrefixed(id, prefix, k, target) {
				k++
			}
		}
		if k == 0 {
			continue
		}
		for range k {
			dst = append(dst, prefix...)
		}
		dst = append(dst, target...)
		h = h[end:]
	}
}

// isPrefixed reports whether s is prefix written k times, then target.
func isPrefixed(s []byte, prefix string, k int, target []byte) bool {
	if len(s) != k*len(prefix)+len(target) {
		return false
	}
	for range k {
		if string(s[:len(prefix)]) != prefix {
			return false
		}
		s = s[len(prefix):]
	}
	return bytes.Equal(s, target)
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
