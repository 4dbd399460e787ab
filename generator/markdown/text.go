package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// textWriter writes text as goldmark's html.DefaultWriter does, at once
// when the text has nothing to escape or resolve (no <, >, &, ", NUL or
// backslash): most of a Chinese page, which goldmark reads a byte at a
// time, twice.
type textWriter struct{ html.Writer }

func (w textWriter) Write(out util.BufWriter, src []byte) {
	if !bytes.ContainsAny(src, "<>&\"\x00\\") {
		_, _ = out.Write(src)
		return
	}
	w.Writer.Write(out, src)
}

func (w textWriter) RawWrite(out util.BufWriter, src []byte) {
	if !bytes.ContainsAny(src, "<>&\"\x00") {
		_, _ = out.Write(src)
		return
	}
	w.Writer.RawWrite(out, src)
}
