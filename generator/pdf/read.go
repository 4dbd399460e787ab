package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"unicode/utf16"
)

// file is a PDF as Chromium's Skia backend writes it: a classic
// cross-reference table and plain (not compressed) dictionaries for the
// catalog, the page tree, the destinations and the outline. It reads just
// enough to know on which page each named destination (an element id that
// a link points to) and each bookmark lands.
type file struct {
	data    []byte
	offsets map[int]int // object number → byte offset
	root    int
}

var (
	startXref = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`)
	xrefEntry = regexp.MustCompile(`^(\d{10}) (\d{5}) ([nf])`)
	refRe     = regexp.MustCompile(`(\d+) 0 R`)
)

func parse(data []byte) (*file, error) {
	m := startXref.FindSubmatch(data)
	if m == nil {
		return nil, errors.New("no startxref")
	}
	off, _ := strconv.Atoi(string(m[1]))
	if off >= len(data) || !bytes.HasPrefix(data[off:], []byte("xref")) {
		return nil, errors.New("no classic cross-reference table (compressed PDFs are not read)")
	}
	f := &file{data: data, offsets: map[int]int{}}
	lines := bytes.Split(data[off:], []byte("\n"))
	for i := 1; i < len(lines); {
		head := bytes.Fields(lines[i])
		if len(head) != 2 {
			break // "trailer"
		}
		first, _ := strconv.Atoi(string(head[0]))
		n, _ := strconv.Atoi(string(head[1]))
		for j := 0; j < n && i+1+j < len(lines); j++ {
			if e := xrefEntry.FindSubmatch(lines[i+1+j]); e != nil && e[3][0] == 'n' {
				o, _ := strconv.Atoi(string(e[1]))
				f.offsets[first+j] = o
			}
		}
		i += 1 + n
	}
	trailer := data[off:]
	if r := regexp.MustCompile(`/Root (\d+) 0 R`).FindSubmatch(trailer); r != nil {
		f.root, _ = strconv.Atoi(string(r[1]))
	}
	if f.root == 0 {
		return nil, errors.New("no /Root in the trailer")
	}
	return f, nil
}

// object returns the body of object n, up to its endobj (or its stream).
func (f *file) object(n int) []byte {
	off, ok := f.offsets[n]
	if !ok || off >= len(f.data) {
		return nil
	}
	b := f.data[off:]
	end := bytes.Index(b, []byte("endobj"))
	if s := bytes.Index(b, []byte("stream")); s >= 0 && (end < 0 || s < end) {
		end = s
	}
	if end < 0 {
		return nil
	}
	if i := bytes.Index(b[:end], []byte("obj")); i >= 0 {
		return b[i+3 : end]
	}
	return nil
}

// ref returns the object number that key refers to in dict.
func ref(dict []byte, key string) int {
	m := regexp.MustCompile(regexp.QuoteMeta(key) + `\s+(\d+) 0 R`).FindSubmatch(dict)
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

// pages maps each page object to its number, from 1, in page tree order.
func (f *file) pages() map[int]int {
	out := map[int]int{}
	var walk func(n, depth int)
	walk = func(n, depth int) {
		obj := f.object(n)
		if obj == nil || depth > 32 {
			return
		}
		if k := regexp.MustCompile(`/Kids\s*\[([^\]]*)\]`).FindSubmatch(obj); k != nil && bytes.Contains(obj, []byte("/Pages")) {
			for _, r := range refRe.FindAllSubmatch(k[1], -1) {
				kid, _ := strconv.Atoi(string(r[1]))
				walk(kid, depth+1)
			}
			return
		}
		out[n] = len(out) + 1
	}
	walk(ref(f.object(f.root), "/Pages"), 0)
	return out
}

var destRe = regexp.MustCompile(`/((?:[^\s/\[\]()<>{}%#]|#[0-9A-Fa-f]{2})+)\s*\[\s*(\d+) 0 R`)

// DestPages returns the page number of every named destination of a PDF
// that Chromium printed: the ids of the elements its internal links lead
// to ("section-talent" → 7).
func DestPages(data []byte) (map[string]int, error) {
	f, err := parse(data)
	if err != nil {
		return nil, err
	}
	dests := f.object(ref(f.object(f.root), "/Dests"))
	if dests == nil {
		return map[string]int{}, nil
	}
	pages := f.pages()
	out := map[string]int{}
	for _, m := range destRe.FindAllSubmatch(dests, -1) {
		n, _ := strconv.Atoi(string(m[2]))
		if p, ok := pages[n]; ok {
			out[pdfName(m[1])] = p
		}
	}
	return out, nil
}

// pdfName decodes a PDF name's #xx escapes.
func pdfName(b []byte) string {
	var out []byte
	for i := 0; i < len(b); i++ {
		if b[i] == '#' && i+2 < len(b) {
			if v, err := strconv.ParseUint(string(b[i+1:i+3]), 16, 8); err == nil {
				out = append(out, byte(v))
				i += 2
				continue
			}
		}
		out = append(out, b[i])
	}
	return string(out)
}

// Bookmark is one entry of a PDF's outline.
type Bookmark struct {
	Title string
	Level int // 1 for the top level
	Page  int // 0 when its destination is not a page of the file
}

// Outline returns a PDF's bookmarks in order, nested entries after their
// parent.
func Outline(data []byte) ([]Bookmark, error) {
	f, err := parse(data)
	if err != nil {
		return nil, err
	}
	pages := f.pages()
	var out []Bookmark
	var walk func(n, level int)
	walk = func(n, level int) {
		for seen := 0; n != 0 && seen < 10000; seen++ {
			obj := f.object(n)
			if obj == nil {
				return
			}
			b := Bookmark{Title: pdfString(obj, "/Title"), Level: level}
			if d := regexp.MustCompile(`/Dest\s*\[\s*(\d+) 0 R`).FindSubmatch(obj); d != nil {
				p, _ := strconv.Atoi(string(d[1]))
				b.Page = pages[p]
			}
			out = append(out, b)
			walk(ref(obj, "/First"), level+1)
			n = ref(obj, "/Next")
		}
	}
	outlines := f.object(ref(f.object(f.root), "/Outlines"))
	if outlines == nil {
		return nil, nil
	}
	walk(ref(outlines, "/First"), 1)
	return out, nil
}

// pdfString reads the string value of key in dict: a literal (…) with
// escapes, or hex <FEFF…> in UTF-16.
func pdfString(dict []byte, key string) string {
	i := bytes.Index(dict, []byte(key))
	if i < 0 {
		return ""
	}
	rest := bytes.TrimLeft(dict[i+len(key):], " \r\n\t")
	var raw []byte
	switch {
	case len(rest) > 0 && rest[0] == '<':
		end := bytes.IndexByte(rest, '>')
		if end < 0 {
			return ""
		}
		for j := 1; j+1 < end; j += 2 {
			v, _ := strconv.ParseUint(string(rest[j:j+2]), 16, 8)
			raw = append(raw, byte(v))
		}
	case len(rest) > 0 && rest[0] == '(':
		depth := 0
		for j := 0; j < len(rest); j++ {
			c := rest[j]
			switch {
			case c == '\\' && j+1 < len(rest):
				j++
				raw = append(raw, unescape(rest[j]))
				continue
			case c == '(':
				depth++
				if depth == 1 {
					continue
				}
			case c == ')':
				depth--
				if depth == 0 {
					return decodeText(raw)
				}
			}
			raw = append(raw, c)
		}
	}
	return decodeText(raw)
}

func unescape(c byte) byte {
	switch c {
	case 'n':
		return '\n'
	case 'r':
		return '\r'
	case 't':
		return '\t'
	}
	return c
}

// decodeText decodes a PDF text string: UTF-16BE after a byte order mark,
// else bytes taken as Latin-1 (PDFDocEncoding's common part).
func decodeText(b []byte) string {
	if len(b) >= 2 && b[0] == 0xFE && b[1] == 0xFF {
		u := make([]uint16, 0, len(b)/2)
		for i := 2; i+1 < len(b); i += 2 {
			u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
		}
		return string(utf16.Decode(u))
	}
	r := make([]rune, len(b))
	for i, c := range b {
		r[i] = rune(c)
	}
	return string(r)
}

func (b Bookmark) String() string { return fmt.Sprintf("%d %q p.%d", b.Level, b.Title, b.Page) }
