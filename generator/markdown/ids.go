package markdown

import (
	"strconv"
	"unicode"

	"github.com/yuin/goldmark/ast"
)

// headingIDs makes heading anchors that keep Chinese: "二、主要举措" →
// "二主要举措", "Key measures" → "key-measures"; repeats get -1, -2.
type headingIDs struct {
	used map[string]bool
	next map[string]int // the number to try next for a repeated id
}

func newHeadingIDs(reserved map[string]bool) *headingIDs {
	used := make(map[string]bool, len(reserved))
	for id := range reserved {
		used[id] = true
	}
	return &headingIDs{used: used, next: map[string]int{}}
}

func (s *headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	var out []rune
	dash := false
	for _, r := range string(value) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && len(out) > 0 {
				out = append(out, '-')
			}
			dash = false
			out = append(out, unicode.ToLower(r))
		case r == ' ' || r == '-' || r == '_' || r == '\t':
			dash = true
		}
	}
	id := string(out)
	if id == "" {
		id = "section"
	}
	// Numbering resumes where the last repeat of base stopped, so that a
	// page with many alike headings is numbered in linear time.
	base := id
	i := max(s.next[base], 1)
	for s.used[id] {
		id = base + "-" + strconv.Itoa(i)
		i++
	}
	s.next[base] = i
	s.used[id] = true
	return []byte(id)
}

func (s *headingIDs) Put(value []byte) { s.used[string(value)] = true }
