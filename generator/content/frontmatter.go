package content

import (
	"bytes"
	"path"
	"strings"
	"time"

	"nianbao/generator/diag"
	"nianbao/generator/lang"
	"nianbao/generator/tomldoc"
)

// Page is one Markdown file: front matter and body.
type Page struct {
	File     string // slash path relative to the site folder
	Lang     string // language code of this file
	Title    lang.Text
	Summary  lang.Text
	Weight   int
	HasWgt   bool
	Draft    bool
	Date     time.Time // _index.md: the report's date, for the print edition's cover (zero: unset)
	Body     []byte
	BodyLine int  // the file line on which Body starts
	Broken   bool // the front matter could not be read (and that was reported)
}

// TitleIn returns the title in language l, using the page's own title for
// its language.
func (p *Page) TitleIn(l string) string {
	if p == nil {
		return ""
	}
	if l == p.Lang {
		return p.Title.Base
	}
	return p.Title.In(l)
}

// SummaryIn is TitleIn for the summary.
func (p *Page) SummaryIn(l string) string {
	if p == nil {
		return ""
	}
	if l == p.Lang {
		return p.Summary.Base
	}
	return p.Summary.In(l)
}

// parsePage splits a Markdown file into front matter and body. A page in
// the default language may carry title_<lang> and summary_<lang>.
func parsePage(file, langCode string, src []byte, o Options, l *diag.List) *Page {
	p := &Page{File: file, Lang: langCode, Body: src, BodyLine: 1}
	var extra []string
	if langCode == o.Default {
		extra = o.Extra
	}
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	p.Body = src
	if !checkUTF8(file, src, l) {
		p.Broken = true // its front matter may not be read either
		return p
	}
	first, rest, _ := bytes.Cut(src, []byte("\n"))
	switch strings.TrimRight(string(first), " \t\r") {
	case "---":
		l.Errorf(diag.Pos{File: file, Line: 1, Col: 1}, "front matter must be TOML between +++ lines; YAML front matter (---) is not supported")
		p.Broken = true
		return p
	case "+++":
	default:
		return p
	}
	// Find the closing +++ line.
	line := 2
	fm := rest
	for off := 0; off <= len(rest); line++ {
		end := bytes.IndexByte(rest[off:], '\n')
		var cur []byte
		next := len(rest) + 1
		if end < 0 {
			cur = rest[off:]
		} else {
			cur = rest[off : off+end]
			next = off + end + 1
		}
		if strings.TrimRight(string(cur), " \t\r") == "+++" {
			fm = rest[:off]
			if next <= len(rest) {
				p.Body = rest[next:]
			} else {
				p.Body = nil
			}
			p.BodyLine = line + 1
			p.parseFrontMatter(fm, langCode == o.Default, extra, l)
			return p
		}
		off = next
	}
	l.Errorf(diag.Pos{File: file, Line: 1, Col: 1}, "front matter opened with +++ is never closed")
	p.Body = nil
	p.Broken = true
	return p
}

func (p *Page) parseFrontMatter(fm []byte, isDefault bool, extra []string, l *diag.List) {
	t, err := tomldoc.Parse(p.File, fm, 2)
	if err != nil {
		l.Add(err)
		p.Broken = true
		return
	}
	known := []string{"title", "summary", "weight", "draft"}
	index := strings.HasPrefix(path.Base(p.File), "_index.")
	if index {
		known = append(known, "date")
	}
	if isDefault {
		known = append(known, "title_*", "summary_*")
	}
	t.Unknown(l, "front matter", known...)
	p.Title.Base, _ = t.String("title", l)
	p.Summary.Base, _ = t.String("summary", l)
	for _, lg := range extra {
		if s, ok := t.String("title_"+lg, l); ok {
			p.Title.Set(lg, s)
		}
		if s, ok := t.String("summary_"+lg, l); ok {
			p.Summary.Set(lg, s)
		}
	}
	if w, ok := t.Int("weight", l); ok {
		p.Weight, p.HasWgt = int(w), true
	}
	p.Draft, _ = t.Bool("draft", l)
	if index {
		p.Date = parseDate(t, l)
	}
}

// parseDate reads the optional date: a TOML date (2026-01-15) or a string
// in that form.
func parseDate(t *tomldoc.Table, l *diag.List) time.Time {
	switch v := t.Raw("date").(type) {
	case nil:
	case time.Time:
		if v.Location().String() == "date-local" { // a date, not a date-time
			return time.Date(v.Year(), v.Month(), v.Day(), 0, 0, 0, 0, time.UTC)
		}
	case string:
		if d, err := time.Parse("2006-01-02", strings.TrimSpace(v)); err == nil {
			return d
		}
	}
	if t.Has("date") {
		l.Errorf(t.ValuePos("date"), "date must be the report's date, such as date = 2026-01-15")
	}
	return time.Time{}
}
