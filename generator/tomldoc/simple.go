package tomldoc

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"nianbao/generator/diag"
)

// parseSimple reads the documents that most fenced chart blocks and
// front matter are, without BurntSushi: lines of `key = value` with a
// bare key and a value that is a string with no escapes, a decimal
// integer, or a one-line array of those, with blank lines and comments.
// It returns nil for any other document (a table, a float, an escape, a
// duplicate key, a control character, CRLF, …), which Parse then reads
// in full; what it does return is the table Parse would (FuzzSimple
// holds it to that).
func parseSimple(file, text string, firstLine int) *Table {
	if !simpleText(text) {
		return nil
	}
	root := newTable(file, diag.Pos{File: file, Line: firstLine, Col: 1})
	root.keys = make([]string, 0, 4) // as Table.fill leaves them
	line := firstLine
	for len(text) > 0 {
		l, rest, _ := strings.Cut(text, "\n")
		if !simpleLine(root, l, line) {
			return nil
		}
		text = rest
		line++
	}
	return root
}

// simpleText reports whether text is valid UTF-8 without control
// characters but tabs and line feeds, which both parsers agree on
// without looking further.
func simpleText(text string) bool {
	for i := 0; i < len(text); i++ {
		if c := text[i]; c < ' ' && c != '\t' && c != '\n' || c == 0x7f {
			return false
		}
	}
	return utf8.ValidString(text)
}

// simpleLine reads one line into t: blank, a comment, or key = value.
func simpleLine(t *Table, l string, line int) bool {
	r := lineReader{s: l, line: line, file: t.file}
	r.blanks()
	if r.end() {
		return true
	}
	keyPos := r.pos()
	start := r.i
	for !r.end() && isBareByte(r.s[r.i]) {
		r.i++
	}
	key := r.s[start:r.i]
	if key == "" || t.Has(key) {
		return false
	}
	r.blanks()
	if r.end() || r.s[r.i] != '=' {
		return false
	}
	r.i++
	r.blanks()
	valPos := r.pos()
	var v any
	var elems []diag.Pos
	var ok bool
	if !r.end() && r.s[r.i] == '[' {
		v, elems, ok = r.array()
	} else {
		v, ok = r.scalar()
	}
	if !ok || !r.rest() {
		return false
	}
	t.add(key, &entry{keyPos: keyPos, valPos: valPos, elems: elems, value: v, def: byValue})
	return true
}

func isBareByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// lineReader reads a line of a simple document.
type lineReader struct {
	s    string
	i    int
	line int
	file string
}

func (r *lineReader) end() bool { return r.i >= len(r.s) }

func (r *lineReader) blanks() {
	for !r.end() && isSpace(r.s[r.i]) {
		r.i++
	}
}

// pos is the position of the next character: columns count runes.
func (r *lineReader) pos() diag.Pos {
	return diag.Pos{File: r.file, Line: r.line, Col: utf8.RuneCountInString(r.s[:r.i]) + 1}
}

// rest reports whether what follows a value is blanks and a comment.
func (r *lineReader) rest() bool {
	r.blanks()
	return r.end() || r.s[r.i] == '#'
}

// scalar reads a string without escapes or a decimal integer.
func (r *lineReader) scalar() (any, bool) {
	if r.end() {
		return nil, false
	}
	if r.s[r.i] == '"' {
		if strings.HasPrefix(r.s[r.i:], `"""`) {
			return nil, false
		}
		n := strings.IndexAny(r.s[r.i+1:], `"\`)
		if n < 0 || r.s[r.i+1+n] != '"' {
			return nil, false
		}
		s := r.s[r.i+1 : r.i+1+n]
		r.i += n + 2
		return s, true
	}
	start := r.i
	if r.s[r.i] == '-' {
		r.i++
	}
	digits := r.i
	for !r.end() && r.s[r.i] >= '0' && r.s[r.i] <= '9' {
		r.i++
	}
	n := r.i - digits
	if n == 0 || n > 18 || n > 1 && r.s[digits] == '0' {
		return nil, false
	}
	if !r.end() && !strings.ContainsRune(" \t,]#", rune(r.s[r.i])) {
		return nil, false // a float, a date, an underscore…
	}
	v, err := strconv.ParseInt(r.s[start:r.i], 10, 64)
	return v, err == nil
}

// array reads a one-line array of scalars.
func (r *lineReader) array() (any, []diag.Pos, bool) {
	r.i++
	vs := []any{}
	var elems []diag.Pos
	for {
		r.blanks()
		if r.end() {
			return nil, nil, false
		}
		if r.s[r.i] == ']' {
			r.i++
			return vs, elems, true
		}
		elems = append(elems, r.pos())
		v, ok := r.scalar()
		if !ok {
			return nil, nil, false
		}
		vs = append(vs, v)
		r.blanks()
		switch {
		case r.end():
			return nil, nil, false
		case r.s[r.i] == ',':
			r.i++
		case r.s[r.i] != ']':
			return nil, nil, false
		}
	}
}
