// Package scaffold writes new things into a site folder: a new year's
// report from the previous one (nianbao new <year>) and a minimal site
// (nianbao new site <dir>). It also finds the TODO lines a new year
// leaves in place of last year's text, which build and check report as
// warnings until editors replace them.
package scaffold

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"nianbao/generator/content"
	"nianbao/generator/diag"
)

// Marker starts the line that stands in for a paragraph still to be
// written.
const Marker = "TODO:"

// todoLine is the line a new year puts in place of each paragraph.
const todoLine = Marker + " 撰写本段 / write this paragraph"

// WarnStubs adds a warning for every line of c's Markdown that starts
// with Marker, outside code blocks.
func WarnStubs(c *content.Content, l *diag.List) {
	for _, p := range c.Home {
		warnPage(p, l)
	}
	for _, y := range c.Years {
		for _, p := range y.Index {
			warnPage(p, l)
		}
		for _, sec := range y.Sections {
			for _, p := range sec.Pages {
				warnPage(p, l)
			}
		}
	}
}

func warnPage(p *content.Page, l *diag.List) {
	if !bytes.Contains(p.Body, []byte(Marker)) {
		return
	}
	fence := ""
	for i, line := range strings.Split(string(p.Body), "\n") {
		trimmed := strings.TrimLeft(line, " \t")
		if f, ok := fenceOf(trimmed); ok {
			switch {
			case fence == "":
				fence = f
			case strings.HasPrefix(trimmed, fence):
				fence = ""
			}
			continue
		}
		if fence == "" && strings.HasPrefix(trimmed, Marker) {
			col := utf8.RuneCountInString(line[:len(line)-len(trimmed)]) + 1
			l.Warnf(diag.Pos{File: p.File, Line: p.BodyLine + i, Col: col}, "TODO left by \"nianbao new\": write this paragraph, or delete the line")
		}
	}
}

// fenceOf returns the fence a code block line opens or closes with.
func fenceOf(trimmed string) (string, bool) {
	for _, f := range []string{"```", "~~~"} {
		if strings.HasPrefix(trimmed, f) {
			return f, true
		}
	}
	return "", false
}
