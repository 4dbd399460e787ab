// Package tomldoc parses TOML documents and keeps the position of every key,
// value and array element, so that a problem in a site file can be reported
// at the exact line and column where the user wrote it.
//
// It is the only package of the program that imports BurntSushi/toml. That
// library decodes values well but exports no key positions, loses the index
// of [[array]] elements, and reports errors with byte columns. So Parse lets
// it decode the values and check the syntax, then runs a small scanner of its
// own over the (now known to be valid) source to record where each key and
// value stands, and joins the two into a tree of [Table]s. The scanner also
// rejects the redefinitions the library lets through (a.b = 1 followed by
// a = 2, a [table] over a table made by dotted keys, keys added to an inline
// table).
//
// The documents most fenced chart blocks and front matter are, lines of
// `key = "text"`, `key = 2025` or `key = ["a", "b"]`, are read without
// the library (simple.go), to the same table: a build has thousands.
//
// Positions are positions in the real file: lines count from the firstLine
// given to Parse, columns count characters (runes) from 1, a UTF-8 byte order
// mark is not counted, and CRLF line endings are accepted.
package tomldoc

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"nianbao/generator/diag"
)

// Parse decodes src, the TOML text of file. firstLine is the file line on
// which src's first line stands (1 for a whole file; larger for TOML embedded
// in Markdown front matter or a fenced block), so every position reported is
// a position in the real file; a firstLine below 1 counts as 1.
//
// A syntax error, a duplicate key, or a table defined twice is returned as a
// diagnostic at the offending spot:
//
//	content/2025/metrics.toml:7:1: duplicate key "member_enterprises"
//	content/2025/metrics.toml:9:1: duplicate table [operation]
//	content/2025/metrics.toml:9:1: table [a.b] redefines key "a"
//	site.toml:3:5: invalid TOML: expected value but found "x"
func Parse(file string, src []byte, firstLine int) (*Table, *diag.Diagnostic) {
	firstLine = max(firstLine, 1)
	text := string(src)
	text = text[bomLen(text):]
	if t := parseSimple(file, text, firstLine); t != nil {
		return t, nil
	}
	return parseFull(file, text, firstLine)
}

// parseFull parses text (without its byte order mark) with BurntSushi,
// and scans it for the positions.
func parseFull(file, text string, firstLine int) (*Table, *diag.Diagnostic) {
	var decoded map[string]any
	if err := decode(text, &decoded); err != nil {
		return nil, decodeError(file, text, firstLine, err)
	}
	root := newTable(file, diag.Pos{File: file, Line: firstLine, Col: 1})
	s := newScanner(file, text, firstLine)
	s.document(root)
	if s.err != nil {
		return nil, s.err
	}
	root.fill(decoded)
	return root, nil
}

// bomLen is the length of the byte order mark BurntSushi skips at the start
// of a document: UTF-8, or the UTF-16 marks it also tolerates.
func bomLen(s string) int {
	switch {
	case strings.HasPrefix(s, "\xef\xbb\xbf"):
		return 3
	case strings.HasPrefix(s, "\xff\xfe"), strings.HasPrefix(s, "\xfe\xff"):
		return 2
	}
	return 0
}

// decode runs BurntSushi's decoder, turning a panic inside it (it panics
// with a plain string on what it considers its own bugs) into an error.
func decode(text string, v *map[string]any) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the TOML parser failed: %v", r)
		}
	}()
	_, err = toml.Decode(text, v)
	return err
}

// decodeError turns an error of BurntSushi into a diagnostic at the offending
// character. text is the document as the library saw it.
func decodeError(file, text string, firstLine int, err error) *diag.Diagnostic {
	var pe toml.ParseError
	if !errors.As(err, &pe) {
		return diag.Errorf(diag.Pos{File: file, Line: firstLine}, "invalid TOML: %s", clean(err.Error()))
	}
	if isRedefinition(pe.Message) {
		return redefinition(file, text, firstLine, errorOffset(text, pe), pe.Message)
	}
	off := errorOffset(text, pe)
	return diag.Errorf(posAt(file, text, firstLine, off), "invalid TOML: %s%s", clean(pe.Message), hint(text, off))
}

// errorOffset is the byte offset in text of the character a library error is
// about. Position.Start is a byte offset into the document after the library
// skipped a (second) byte order mark; Position.Col counts bytes, so it is not
// used. A few errors need fixing up.
func errorOffset(text string, pe toml.ParseError) int {
	off := pe.Position.Start + bomLen(text)
	switch {
	case strings.HasPrefix(pe.Message, "TOML files cannot contain control characters"):
		off++ // the library points at the character before
	case strings.HasPrefix(pe.Message, "invalid UTF-8 byte"):
		// The library points at the start of the token.
		for off >= 0 && off < len(text) {
			if r, n := utf8.DecodeRuneInString(text[off:]); r == utf8.RuneError && n == 1 {
				break
			}
			off++
		}
	default:
		// A span may start with the blank before the culprit ("a = 1 b").
		for n := pe.Position.Len; n > 1 && off >= 0 && off < len(text) && isSpace(text[off]); n-- {
			off++
		}
	}
	return min(max(off, 0), len(text))
}

// isRedefinition tells the library's messages about a key or table defined
// twice: "Key 'a' has already been defined.", "Key 'a' was already created as
// a hash.", "Key 'a' was already created and cannot be used as an array."
func isRedefinition(msg string) bool {
	return strings.HasPrefix(msg, "Key '") &&
		(strings.Contains(msg, "already been defined") || strings.Contains(msg, "already created"))
}

// redefinition words a redefinition found by the library. off points at the
// first part of the key or header name being defined a second time; msg names
// the conflicting key from the root, as TOML text.
func redefinition(file, text string, firstLine, off int, msg string) *diag.Diagnostic {
	if off > 0 && (text[off-1] == '"' || text[off-1] == '\'') {
		off-- // the library points inside a quoted key
	}
	parts, _ := scannerAt(text, off).key()
	var conflict []string
	if i := strings.LastIndex(msg, "' "); i >= len("Key '") {
		conflict, _ = scannerAt(msg[len("Key '"):i], 0).key()
	}

	b := off
	for b > 0 && isSpace(text[b-1]) {
		b--
	}
	if b > 0 && text[b-1] == '[' { // a [header] or [[header]]
		b--
		array := b > 0 && text[b-1] == '['
		if array {
			b--
		}
		return diag.Errorf(posAt(file, text, firstLine, b), "%s", tableRedefined(parts, array, conflict))
	}
	// The library names the key from the root; the text names it from the
	// current table. Keep the longest start of the written key that ends the
	// library's path: "a" for `a.b = 2` after `a = 1`.
	n := len(parts)
	for n > 0 && !endsWith(conflict, parts[:n]) {
		n--
	}
	if n == 0 {
		n = len(parts)
	}
	return diag.Errorf(posAt(file, text, firstLine, off), "duplicate key %q", strings.Join(parts[:n], "."))
}

// tableRedefined is the message for a header that defines again a table, or
// that runs through a key defined otherwise (conflict, from the root).
func tableRedefined(parts []string, array bool, conflict []string) string {
	name := "[" + keyText(parts) + "]"
	if array {
		name = "[" + name + "]"
	}
	if len(conflict) == 0 || slices.Equal(conflict, parts) {
		return "duplicate table " + name
	}
	return fmt.Sprintf("table %s redefines key %q", name, strings.Join(conflict, "."))
}

func endsWith(s, suffix []string) bool {
	return len(suffix) <= len(s) && slices.Equal(s[len(s)-len(suffix):], suffix)
}

// posAt is the file position of byte offset off of text, or of the
// character that holds it (the library may point at a rune's last byte).
func posAt(file, text string, firstLine, off int) diag.Pos {
	for s := off - 1; s >= max(off-3, 0); s-- {
		if r, n := utf8.DecodeRuneInString(text[s:]); r != utf8.RuneError || n > 1 {
			if s+n > off {
				off = s
			}
			break
		}
	}
	before := text[:off]
	lineStart := strings.LastIndexByte(before, '\n') + 1
	return diag.Pos{
		File: file,
		Line: firstLine + strings.Count(before, "\n"),
		Col:  utf8.RuneCountInString(before[lineStart:]) + 1,
	}
}

// clean rewords a library message for our diagnostics: no "toml: " prefix,
// no trailing period or "instead", a lowercase first word unless it is an
// acronym ("TOML files cannot contain control characters").
func clean(msg string) string {
	msg = strings.TrimPrefix(msg, "toml: ")
	msg = strings.TrimSuffix(strings.TrimSpace(msg), ".")
	msg = strings.TrimSuffix(msg, " instead")
	first, n := utf8.DecodeRuneInString(msg)
	second, _ := utf8.DecodeRuneInString(msg[n:])
	if unicode.IsUpper(first) && !unicode.IsUpper(second) {
		msg = string(unicode.ToLower(first)) + msg[n:]
	}
	return msg
}
