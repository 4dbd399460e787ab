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
	key := cacheKey(name, keys)
	if v, ok := t.cache.Load(key); ok {
		return v.(template.HTML), nil
	}
	var buf bytes.Buffer
	if err := t.base.ExecuteTemplate(&buf, name, p); err != nil {
		return "", err
	}
	v, _ := t.cache.LoadOrStore(key, template.HTML(buf.String()))
	return v.(template.HTML), nil
}

// cacheKey joins a partial's name and its keys, each apart, so that
// ("a b", "c") and ("a", "b c") never share an entry.
func cacheKey(name string, keys []any) string {
	b := []byte(name)
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
	return string(b)
}

func markCurrent(h template.HTML, url string) template.HTML {
	attr := `href="` + template.HTMLEscapeString(url) + `"`
	s := string(h)
	i := strings.Index(s, attr)
	if i < 0 {
		return h
	}
	i += len(attr)
	return template.HTML(s[:i] + ` aria-current="page"` + s[i:])
}

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
func (t *Theme) ForgetCached() { t.cache.Clear() }
