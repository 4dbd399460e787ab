package tomldoc

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// hint is the usual fix for a syntax error at byte offset off of text,
// when the text there shows a common slip: a percent sign after a
// number, thousands separators, typographic or full-width quotes.
func hint(text string, off int) string {
	if off < 0 || off >= len(text) {
		return ""
	}
	r, _ := utf8.DecodeRuneInString(text[off:])
	switch r {
	case '%':
		if num := numberBefore(text, off); num != "" {
			return "; write " + num + " without %"
		}
	case ',':
		if num := numberBefore(text, off); num != "" && off+1 < len(text) && isDigit(text[off+1]) {
			end := off
			for end < len(text) && (isDigit(text[end]) || text[end] == ',' || text[end] == '.') {
				end++
			}
			if tok := text[off-len(num) : end]; groupedRe.MatchString(tok) {
				return "; write " + strings.ReplaceAll(tok, ",", "") + " without commas"
			}
		}
	case '“', '”', '‘', '’', '＂', '「', '」', '『', '』':
		line := text[off:]
		if i := strings.IndexByte(line, '\n'); i >= 0 {
			line = line[:i]
		}
		_, n := utf8.DecodeRuneInString(line)
		if inner, _, ok := strings.Cut(line[n:], string(closing(r))); ok && !strings.ContainsAny(inner, `"\`) {
			return `; use ASCII quotes: "` + inner + `"`
		}
		return `; use ASCII quotes: "…"`
	}
	return ""
}

// numberBefore is the number written just before off, or "".
func numberBefore(text string, off int) string {
	b := off
	for b > 0 && (isDigit(text[b-1]) || text[b-1] == '.' || text[b-1] == '-' || text[b-1] == '+') {
		b--
	}
	num := text[b:off]
	if num == "" || !strings.ContainsAny(num, "0123456789") {
		return ""
	}
	return num
}

var groupedRe = regexp.MustCompile(`^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$`)

// closing is the quote that closes the one r opens.
func closing(r rune) rune {
	switch r {
	case '“':
		return '”'
	case '‘':
		return '’'
	case '「':
		return '」'
	case '『':
		return '』'
	}
	return r
}
