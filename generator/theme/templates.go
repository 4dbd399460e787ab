package theme

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"nianbao/generator/diag"
)

// templateSet is the parsed layouts for one page kind.
type templateSet struct {
	t *template.Template
}

// funcs are the functions layouts may call besides html/template's own.
func (t *Theme) funcs() template.FuncMap {
	return template.FuncMap{
		// add returns a + b, for counters in layouts.
		"add": func(a, b int) int { return a + b },
		// join joins strings with a separator.
		"join": strings.Join,
		// partialCached renders a partial once per distinct set of keys
		// and reuses the HTML: {{partialCached "partials/x.html" . .Lang}}.
		// The keys must name everything the partial's output depends on.
		"partialCached": t.partialCached,
		// markCurrent marks the link to url in rendered HTML with
		// aria-current="page", for navigation rendered by partialCached.
		"markCurrent": markCurrent,
	}
}

func (t *Theme) partialCached(name string, p *Page, keys ...any) (template.HTML, error) {
	// Most calls find their partial: look it up by a key built on the
	// stack (a map lookup of string(b) does not copy b).
	var arr [128]byte
	key := appendCacheKey(arr[:0], name, keys)
	t.cache.RLock()
	h, ok := t.cache.m[string(key)]
	t.cache.RUnlock()
	if ok {
		return h, nil
	}
	var buf bytes.Buffer
	if err := t.base.ExecuteTemplate(&buf, name, p); err != nil {
		return "", err
	}
	h = template.HTML(buf.String())
	t.cache.Lock()
	defer t.cache.Unlock()
	if old, ok := t.cache.m[string(key)]; ok {
		return old, nil // another page rendered it meanwhile
	}
	if t.cache.m == nil {
		t.cache.m = map[string]template.HTML{}
	}
	t.cache.m[string(key)] = h
	return h, nil
}

// partialCache holds partialCached results by cacheKey.
type partialCache struct {
	sync.RWMutex
	m map[string]template.HTML
}

// cacheKey joins a partial's name and its keys, each apart, so that
// ("a b", "c") and ("a", "b c") never share an entry.
func cacheKey(name string, keys []any) string {
	return string(appendCacheKey(nil, name, keys))
}

func appendCacheKey(b []byte, name string, keys []any) []byte {
	b = append(b, name...)
	for _, k := range keys {
		b = append(b, 0)
		switch k := k.(type) {
		case string:
			b = append(b, k...)
		case int:
			b = strconv.AppendInt(b, int64(k), 10)
		default:
			b = fmt.Append(b, k)
		}
	}
	return b
}

func markCurrent(h template.HTML, url string) template.HTML {
	// Find the first href="url" without building that string: the
	// URL as the partial wrote it (escaped for HTML when it must be),
	// with href=" before it and the closing quote after.
	if strings.ContainsAny(url, htmlSpecial) {
		url = template.HTMLEscapeString(url)
	}
	s := string(h)
	for at := 0; ; {
		i := strings.Index(s[at:], url)
		if i < 0 {
			return h
		}
		i += at
		end := i + len(url)
		if strings.HasSuffix(s[:i], `href="`) && strings.HasPrefix(s[end:], `"`) {
			end++
			var b strings.Builder
			b.Grow(len(s) + len(ariaCurrent))
			b.WriteString(s[:end])
			b.WriteString(ariaCurrent)
			b.WriteString(s[end:])
			return template.HTML(b.String())
		}
		at = i + 1
	}
}

const (
	ariaCurrent = ` aria-current="page"`
	htmlSpecial = "<>&'\"\x00" // what HTMLEscapeString changes
)

func (t *Theme) loadTemplates(l *diag.List) {
	t.tmpl = map[string]*templateSet{}
	t.ids = map[string]bool{}
	base := template.New("").Funcs(t.funcs())
	t.base = base
	if !t.parseFile(base, "layouts/baseof.html", l) {
		return
	}
	for _, f := range t.files("layouts/partials") {
		t.parseFile(base, "layouts/partials/"+f.Path, l)
	}
	// Keep an untouched copy for partialCached: a set that has been
	// cloned and executed cannot be cloned again.
	clean, err := base.Clone()
	if err != nil {
		l.Errorf(diag.Pos{File: "layouts/baseof.html"}, "%v", err)
		return
	}
	t.base = clean
	for _, kind := range Kinds {
		set, err := base.Clone()
		if err != nil {
			l.Errorf(diag.Pos{File: "layouts/" + kind + ".html"}, "%v", err)
			continue
		}
		if t.parseFile(set, "layouts/"+kind+".html", l) {
			t.tmpl[kind] = &templateSet{t: set}
		}
	}
}

// parseFile parses one layout from the top layer that has it into set,
// under its name relative to layouts/.
func (t *Theme) parseFile(set *template.Template, name string, l *diag.List) bool {
	ly, ok := t.find(name)
	if !ok {
		l.Errorf(diag.Pos{File: name}, "the theme has no %s", name)
		return false
	}
	src, err := fs.ReadFile(ly.FS, name)
	if err != nil {
		l.Errorf(diag.Pos{File: ly.Prefix + name}, "cannot read: %v", err)
		return false
	}
	tname := strings.TrimPrefix(name, "layouts/")
	for _, m := range layoutID.FindAllStringSubmatch(string(src), -1) {
		t.ids[m[1]] = true
	}
	if _, err := set.New(tname).Parse(string(src)); err != nil {
		l.Add(templateError(err, ly.Prefix+"layouts/", tname))
		return false
	}
	return true
}

// layoutID finds the ids a layout writes as they are, such as id="main".
var layoutID = regexp.MustCompile(`\bid="([A-Za-z0-9_-]+)"`)

// IDs returns the element ids the layouts write as they are: a page's
// headings must not take them.
func (t *Theme) IDs() map[string]bool { return t.ids }

var tmplErrRe = regexp.MustCompile(`^template: ([^:]+):(\d+)(?::(\d+))?: (?:executing "[^"]*" at <[^>]*>: )?(.*)$`)

// templateError turns an html/template error into a positioned diagnostic.
func templateError(err error, dir, fallback string) *diag.Diagnostic {
	msg := err.Error()
	if m := tmplErrRe.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		return diag.Errorf(diag.Pos{File: dir + m[1], Line: line, Col: col}, "%s", m[4])
	}
	return diag.Errorf(diag.Pos{File: dir + fallback}, "%s", strings.TrimPrefix(msg, "html/template: "))
}

// Execute renders a page of the given kind to w.
func (t *Theme) Execute(w io.Writer, kind string, p *Page) error {
	set := t.tmpl[kind]
	if set == nil {
		return fmt.Errorf("the theme has no layout for %q pages", kind)
	}
	return set.t.ExecuteTemplate(w, "baseof.html", p)
}

// RenderTo renders a page into buf; an error names the layout's file and
// line.
func (t *Theme) RenderTo(buf *bytes.Buffer, kind string, p *Page) *diag.Diagnostic {
	if err := t.Execute(buf, kind, p); err != nil {
		return t.execError(err, kind)
	}
	return nil
}

func (t *Theme) execError(err error, kind string) *diag.Diagnostic {
	m := tmplErrRe.FindStringSubmatch(err.Error())
	name := kind + ".html"
	if m != nil {
		name = m[1]
	}
	ly, _ := t.find("layouts/" + name)
	return templateError(err, ly.Prefix+"layouts/", name)
}

// ForgetCached drops every partialCached result, for a site whose values
// changed: serve would otherwise keep the scorecards of every set of
// values an editor ever saved.
func (t *Theme) ForgetCached() {
	t.cache.Lock()
	clear(t.cache.m)
	t.cache.Unlock()
}
