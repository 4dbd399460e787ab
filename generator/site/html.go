package site

import (
	"html/template"
	"unsafe"
)

// htmlOf returns converted HTML as template.HTML without copying it. A
// Text's HTML and its blocks' are written once, by Convert, and nothing
// writes to them after (see Text), so a page may show them in place:
// copying them for every page was half of a section page's garbage (its
// text and its figures', 40 KB of 80 KB on the medium corpus).
func htmlOf(b []byte) template.HTML {
	return template.HTML(unsafe.String(unsafe.SliceData(b), len(b)))
}
