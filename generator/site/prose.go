package site

import (
	"bytes"
	"html"
	"strings"
)

// plainText returns the prose of rendered HTML for the search index.
func plainText(h []byte) string {
	text, _ := searchText(h)
	return text
}

var (
	figureTitle = []byte(`<span class="figure-title">`)
	kpiBlock    = []byte(`<div class="kpis"`)
)

// searchText returns the prose of rendered HTML for the search index:
// tags, scripts, figures (charts and tables) and KPI cards dropped,
// entities decoded, white space folded to single spaces; and, apart, the
// figures' titles. It makes one pass and one string.
func searchText(h []byte) (prose, keys string) {
	var b, k strings.Builder
	b.Grow(len(h) / 3)
	space := false
	for i := 0; i < len(h); {
		c := h[i]
		switch {
		case c == '<':
			n := skipTag(h[i:], &k)
			if n < 0 {
				return strings.TrimSpace(b.String()), k.String()
			}
			i += n
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
			j := i + 1 // the run of text up to the next tag, entity or space
			for j < len(h) && !textEnds[h[j]] {
				j++
			}
			b.Write(h[i:j])
			i = j
		}
	}
	return b.String(), k.String()
}

// textEnds are the bytes that end a run of text in searchText.
var textEnds = [256]bool{'<': true, '&': true, ' ': true, '\n': true, '\t': true, '\r': true}

// skipTag returns the length of the tag at the start of h, or of the whole
// element for scripts, figures and KPI blocks, whose figure titles it adds
// to keys; -1 when an element does not end.
func skipTag(h []byte, keys *strings.Builder) int {
	switch {
	case bytes.HasPrefix(h, []byte("<script")):
		end := bytes.Index(h, []byte("</script>"))
		if end < 0 {
			return -1
		}
		return end + len("</script>")
	case bytes.HasPrefix(h, []byte("<figure")):
		end := bytes.Index(h, []byte("</figure>"))
		if end < 0 {
			return -1
		}
		if t := bytes.Index(h[:end], figureTitle); t >= 0 {
			title := h[t+len(figureTitle) : end]
			if e := bytes.Index(title, []byte("</span>")); e >= 0 {
				if keys.Len() > 0 {
					keys.WriteByte(' ')
				}
				keys.WriteString(html.UnescapeString(string(title[:e])))
			}
		}
		return end + len("</figure>")
	case bytes.HasPrefix(h, kpiBlock):
		return elementEnd(h, "div")
	}
	if end := bytes.IndexByte(h, '>'); end >= 0 {
		return end + 1
	}
	return len(h)
}

// elementEnd returns the length of the element of the given name at the
// start of h, counting nested elements of that name; -1 when it does not
// end.
func elementEnd(h []byte, name string) int {
	open, close := []byte("<"+name), []byte("</"+name+">")
	depth := 0
	for i := 0; i < len(h); {
		next := bytes.IndexByte(h[i:], '<')
		if next < 0 {
			break
		}
		i += next
		switch {
		case bytes.HasPrefix(h[i:], close):
			depth--
			i += len(close)
			if depth == 0 {
				return i
			}
		case bytes.HasPrefix(h[i:], open) && i+len(open) < len(h) && (h[i+len(open)] == '>' || h[i+len(open)] == ' '):
			depth++
			i += len(open)
		default:
			i++
		}
	}
	return -1
}
