package tomldoc

import (
	"strings"
	"unicode/utf8"

	"nianbao/generator/diag"
)

// scanner walks a TOML document that BurntSushi has already accepted and
// records where every key, value and array element stands. It trusts the
// syntax, but on any input it stops at the end of the text and never loops:
// every loop either consumes a character or ends.
//
// scan.go reads the text; define.go builds the tables and rejects the
// redefinitions the library lets through.
type scanner struct {
	file string
	src  string
	off  int // byte offset of the next character
	line int // file line of the next character
	col  int // column, in runes, of the next character
	err  *diag.Diagnostic
}

func newScanner(file, src string, firstLine int) *scanner {
	return &scanner{file: file, src: src, line: firstLine, col: 1}
}

// scannerAt is a scanner positioned at byte off of src, for reading a key
// there; its positions are meaningless.
func scannerAt(src string, off int) *scanner {
	return &scanner{src: src, off: off, line: 1, col: 1}
}

func (s *scanner) eof() bool { return s.off >= len(s.src) }

// peek is the next byte, 0 at the end.
func (s *scanner) peek() byte {
	if s.eof() {
		return 0
	}
	return s.src[s.off]
}

func (s *scanner) has(prefix string) bool { return strings.HasPrefix(s.src[s.off:], prefix) }

func (s *scanner) pos() diag.Pos { return diag.Pos{File: s.file, Line: s.line, Col: s.col} }

// next consumes one character.
func (s *scanner) next() {
	switch {
	case s.eof():
		return
	case s.src[s.off] == '\n':
		s.line++
		s.col = 1
		s.off++
	default:
		_, n := utf8.DecodeRuneInString(s.src[s.off:])
		s.off += n
		s.col++
	}
}

func (s *scanner) skip(n int) {
	for range n {
		s.next()
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' }

// skipSpace skips blanks within a line.
func (s *scanner) skipSpace() {
	for !s.eof() && isSpace(s.peek()) {
		s.next()
	}
}

// skipComment skips a comment up to, not including, the end of its line.
func (s *scanner) skipComment() {
	for !s.eof() && s.peek() != '\n' {
		s.next()
	}
}

// skipBlank skips blanks, line ends and comments, as found between the
// elements of an array or an inline table.
func (s *scanner) skipBlank() {
	for !s.eof() {
		switch s.peek() {
		case ' ', '\t', '\r', '\n':
			s.next()
		case '#':
			s.skipComment()
		default:
			return
		}
	}
}

// document scans the whole text into root.
func (s *scanner) document(root *Table) {
	cur := root
	for !s.eof() && s.err == nil {
		start := s.off
		s.skipSpace()
		switch s.peek() {
		case '\r', '\n':
			s.next()
		case '#':
			s.skipComment()
		case '[':
			if t := s.header(root); t != nil {
				cur = t
			}
		default:
			s.keyValue(cur)
		}
		if s.off == start {
			s.next()
		}
	}
}

// header scans a [header] or [[header]] line and returns the table that the
// key/value lines after it fill.
func (s *scanner) header(root *Table) *Table {
	at := s.pos()
	s.next()
	array := s.peek() == '['
	if array {
		s.next()
	}
	parts, _ := s.key()
	s.skipSpace()
	for i := 0; i < 2 && s.peek() == ']'; i++ {
		s.next()
	}
	if len(parts) == 0 {
		return nil
	}
	return s.defineHeader(root, parts, at, array)
}

// keyValue scans `key = value` into t.
func (s *scanner) keyValue(t *Table) {
	parts, poss := s.key()
	if len(parts) == 0 {
		return
	}
	s.skipSpace()
	if s.peek() != '=' {
		return
	}
	s.next()
	s.skipSpace()
	s.defineValue(t, parts, poss)
}

// key scans a bare, quoted or dotted key and returns its parts and their
// positions.
func (s *scanner) key() (parts []string, poss []diag.Pos) {
	for {
		s.skipSpace()
		p := s.pos()
		part, ok := s.keyPart()
		if !ok {
			return parts, poss
		}
		parts = append(parts, part)
		poss = append(poss, p)
		s.skipSpace()
		if s.peek() != '.' {
			return parts, poss
		}
		s.next()
	}
}

func (s *scanner) keyPart() (string, bool) {
	switch q := s.peek(); q {
	case '"':
		return unescape(s.quoted(q)), true
	case '\'':
		return s.quoted(q), true
	}
	start := s.off
	for !s.eof() && !strings.ContainsRune(" \t\r\n.=[]{}\"',#", rune(s.peek())) {
		s.next()
	}
	return s.src[start:s.off], s.off > start
}

// quoted scans a one-line string quoted by q and returns its text between
// the quotes, escapes left as written.
func (s *scanner) quoted(q byte) string {
	s.next()
	start := s.off
	for !s.eof() && s.peek() != q && s.peek() != '\n' {
		if q == '"' && s.peek() == '\\' {
			s.next()
		}
		s.next()
	}
	text := s.src[start:min(s.off, len(s.src))]
	if s.peek() == q {
		s.next()
	}
	return text
}

// value scans a value and returns its shape (see entry.value) and, for an
// array, the positions of its elements.
func (s *scanner) value() (any, []diag.Pos) {
	switch c := s.peek(); c {
	case '"', '\'':
		s.str(c)
	case '[':
		return s.array()
	case '{':
		return s.inline(), nil
	default:
		s.scalar()
	}
	return nil, nil
}

// str scans a string of any of the four kinds.
func (s *scanner) str(q byte) {
	triple := strings.Repeat(string(q), 3)
	if !s.has(triple) {
		s.quoted(q)
		return
	}
	s.skip(3)
	for !s.eof() {
		switch {
		case q == '"' && s.peek() == '\\':
			s.skip(2)
		case s.has(triple):
			s.skip(3)
			// Up to two more quotes belong to the content: """a""""
			for i := 0; i < 2 && s.peek() == q; i++ {
				s.next()
			}
			return
		default:
			s.next()
		}
	}
}

// scalar scans a number, boolean, date or time.
func (s *scanner) scalar() {
	start := s.off
	for !s.eof() {
		c := s.peek()
		if c == ' ' && s.off-start == len("2006-01-02") && isDate(s.src[start:s.off]) &&
			s.off+1 < len(s.src) && isDigit(s.src[s.off+1]) {
			s.next() // the space a date-time may have instead of 'T'
			continue
		}
		if strings.ContainsRune(" \t\r\n,[]{}#=\"'", rune(c)) {
			return
		}
		s.next()
	}
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isDate(s string) bool {
	for i := range len(s) {
		if (i == 4 || i == 7) != (s[i] == '-') || s[i] != '-' && !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// array scans an array, which may span lines, hold comments and end with a
// comma.
func (s *scanner) array() ([]any, []diag.Pos) {
	s.next()
	shapes := []any{}
	var elems []diag.Pos
	for !s.eof() {
		s.skipBlank()
		if s.peek() == ']' {
			s.next()
			break
		}
		start := s.off
		elems = append(elems, s.pos())
		shape, _ := s.value()
		shapes = append(shapes, shape)
		s.skipBlank()
		if s.peek() == ',' {
			s.next()
		}
		if s.off == start {
			s.next()
		}
	}
	return shapes, elems
}

// inline scans an inline table; TOML 1.1 lets it span lines.
func (s *scanner) inline() *Table {
	t := newTable(s.file, s.pos())
	s.next()
	for !s.eof() && s.err == nil {
		s.skipBlank()
		if s.peek() == '}' {
			s.next()
			break
		}
		start := s.off
		s.keyValue(t)
		s.skipBlank()
		if s.peek() == ',' {
			s.next()
		}
		if s.off == start {
			s.next()
		}
	}
	return t
}
