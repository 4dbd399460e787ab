package content

import (
	"unicode/utf8"

	"nianbao/generator/diag"
)

// checkUTF8 reports the first byte of src that is not UTF-8, at its line
// and column (in characters), so that a file saved as GBK, say, is an
// error rather than garbled text on the page.
func checkUTF8(file string, src []byte, l *diag.List) bool {
	if utf8.Valid(src) {
		return true
	}
	line, start := 1, 0
	for i := 0; i < len(src); {
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && n <= 1 {
			col := utf8.RuneCount(src[start:i]) + 1
			l.Errorf(diag.Pos{File: file, Line: line, Col: col}, "the text is not valid UTF-8 (byte %#02x); save the file as UTF-8 (it may have been saved as GBK)", src[i])
			return false
		}
		if r == '\n' {
			line, start = line+1, i+1
		}
		i += n
	}
	return false
}
