package check

import (
	"bytes"
	"html"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"strings"
	"unicode/utf8"

	"nianbao/generator/diag"
	"nianbao/generator/site"
)

var (
	linkRe = regexp.MustCompile(`\s(?:href|src)="([^"]*)"`)
	idRe   = regexp.MustCompile(`\sid="([^"]*)"`)
)

// linkChecker finds links in the built site out that lead to no file of
// it, or to no element with the #anchor they name.
type linkChecker struct {
	s     *site.Site
	out   fs.FS
	base  string                     // the base path: "/alliance/"
	pages map[string]*site.Page      // output file → its page
	ids   map[string]map[string]bool // output file → its element ids
	l     *diag.List
}

func links(s *site.Site, out fs.FS, l *diag.List) {
	c := &linkChecker{s: s, out: out, base: s.Config.BasePath, pages: map[string]*site.Page{}, ids: map[string]map[string]bool{}, l: l}
	for _, p := range s.Pages() {
		c.pages[p.Rel+"index.html"] = p
	}
	fs.WalkDir(out, ".", func(name string, d fs.DirEntry, err error) error {
		// Print editions repeat the report pages, whose links are
		// checked, and reported, where they are written.
		if p := c.pages[name]; err == nil && !d.IsDir() && path.Ext(name) == ".html" && (p == nil || p.Kind != site.PrintPage) {
			c.page(name)
		}
		return nil
	})
}

// page checks every href and src of one output file.
func (c *linkChecker) page(name string) {
	data, err := fs.ReadFile(c.out, name)
	if err != nil {
		return
	}
	self := c.base + name
	for _, m := range linkRe.FindAllSubmatch(data, -1) {
		raw := html.UnescapeString(string(m[1]))
		u, err := url.Parse(raw)
		switch {
		case err != nil:
			c.warn(name, raw, "malformed link %q: %v", raw, err)
			continue
		case u.Scheme != "" || u.Host != "" || raw == "" || raw == "#":
			continue // another site, mailto:, data:
		}
		target := name
		if u.Path != "" {
			abs := (&url.URL{Path: self}).ResolveReference(&url.URL{Path: u.Path, RawPath: u.RawPath}).EscapedPath()
			rel, ok := strings.CutPrefix(abs, c.base)
			if !ok {
				c.warn(name, raw, "link %q leads outside the site's base path %s", raw, c.base)
				continue
			}
			if target, ok = c.file(rel); !ok {
				c.warn(name, raw, "broken link %q: the site has no %s", raw, abs)
				continue
			}
		}
		if u.Fragment != "" && path.Ext(target) == ".html" && !c.idsOf(target)[u.Fragment] {
			c.warn(name, raw, "broken link %q: %s has no element with id %q", raw, c.base+strings.TrimSuffix(target, "index.html"), u.Fragment)
		}
	}
}

// file returns the output file a site path names: a folder means its
// index.html.
func (c *linkChecker) file(rel string) (string, bool) {
	if rel == "" || strings.HasSuffix(rel, "/") {
		rel += "index.html"
	}
	if fi, err := fs.Stat(c.out, rel); err == nil {
		if !fi.IsDir() {
			return rel, true
		}
		rel += "/index.html"
		_, err := fs.Stat(c.out, rel)
		return rel, err == nil
	}
	return "", false
}

func (c *linkChecker) idsOf(file string) map[string]bool {
	if ids, ok := c.ids[file]; ok {
		return ids
	}
	ids := map[string]bool{}
	if data, err := fs.ReadFile(c.out, file); err == nil {
		for _, m := range idRe.FindAllSubmatch(data, -1) {
			ids[html.UnescapeString(string(m[1]))] = true
		}
	}
	c.ids[file] = ids
	return ids
}

// warn reports a link where it is written: in the Markdown the page shows
// when the link is there, else at the page's URL.
func (c *linkChecker) warn(name, raw, format string, args ...any) {
	pos := diag.Pos{File: c.base + strings.TrimSuffix(name, "index.html")}
	if p := c.pages[name]; p != nil {
		if src := c.s.Text(p); src != nil {
			if i := bytes.Index(src.Body, []byte(raw)); i >= 0 {
				before := src.Body[:i]
				line := bytes.Count(before, []byte("\n"))
				col := utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:]) + 1
				pos = diag.Pos{File: src.File, Line: src.BodyLine + line, Col: col}
			}
		}
	}
	c.l.Warnf(pos, format, args...)
}
