// Package theme loads a theme and renders pages with it.
//
// A theme is a folder with:
//
//	layouts/baseof.html        the page skeleton; it calls {{block "main" .}}
//	layouts/<kind>.html        one per page kind, each defining "main":
//	                           home, year, section, print, metrics, metric,
//	                           members, search, 404
//	layouts/partials/*.html    shared pieces, called as
//	                           {{template "partials/header.html" .}}, or
//	                           {{partialCached "partials/x.html" . keys…}} to
//	                           render once per set of keys (then
//	                           {{markCurrent html .URL}} marks the page's
//	                           own link with aria-current)
//	i18n/<lang>.toml           the theme's strings, key = "text", one file
//	                           per language; {{.T "key"}} looks them up and
//	                           {{.Tf "key" arg}} fills its {placeholder}
//	assets/*                   CSS, scripts and images published under
//	                           /assets/ with fingerprinted names;
//	                           {{.Asset "nianbao.css"}} gives the URL,
//	                           relative to the page
//	static/*                   files copied to the output as they are
//
// The default theme is built into the program. A site's
// themes/<name>/ and then its layouts/, i18n/ and static/ folders override
// it file by file. Layouts receive a *Page (see page.go); a field or
// method that does not exist is an error at the layout's file and line,
// and so is a theme string missing in a language.
//
// The default layouts render the partials that many pages share once per
// set of keys, with partialCached: brand.html and footer.html per
// language, head-links.html per language, .Root and .Charts,
// year-links.html per .YearLinksKey, report-nav.html per report and
// language, scorecard.html per .ScorecardKey; and the model renders,
// with Partial, cited-by-item.html once per section and language (the
// section's link as its dot), metric-link.html once per metric and
// language and metric-status.html once per status and language. An override
// of one of them may use only what the comment at its top names; to show
// something else of the page there, override the layout that calls it
// too.
package theme

import (
	"crypto/sha256"
	"encoding/hex"
	"html/template"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"

	"nianbao/generator/diag"
	"nianbao/generator/tomldoc"
)

// Kinds are the page kinds with a layout of their own, in the order of
// site.Kind's constants (figure pages have no site.Kind: they are files
// of their section's page).
var Kinds = []string{"home", "year", "section", "print", "metrics", "metric", "members", "search", "404", "figure"}

// Layer is one folder a theme file may come from, searched top first.
type Layer struct {
	FS     fs.FS  // rooted at the theme folder (layouts/, i18n/, assets/, static/ inside)
	Prefix string // how file names are shown in messages, e.g. "themes/default/"
}

// Theme is a loaded theme.
type Theme struct {
	layers  []Layer
	tmpl    map[string]*templateSet
	ids     map[string]bool              // element ids the layouts write literally
	strings map[string]map[string]string // language → key → text
	Assets  map[string]Asset             // by name under assets/
	base    *template.Template           // baseof and partials, for partialCached
	cache   partialCache                 // partialCached results
	Static  []File                       // files to copy as they are
}

// Asset is a fingerprinted file under /assets/.
type Asset struct {
	Name string // "nianbao.css"
	Path string // output path: "assets/nianbao.1a2b3c4d5e.css"
	Data []byte
}

// File is a file to copy: its output path and where it comes from.
type File struct {
	Path string
	FS   fs.FS
	Src  string
}

// Load loads the theme from layers, top first. langs are the site's
// languages; every theme string must exist in each of them.
func Load(layers []Layer, langs []string, l *diag.List) *Theme {
	t := &Theme{layers: layers, Assets: map[string]Asset{}, strings: map[string]map[string]string{}}
	t.loadStrings(langs, l)
	t.loadTemplates(l)
	t.loadAssets(l)
	t.Static = t.files("static")
	return t
}

// find returns the top layer holding name, or false.
func (t *Theme) find(name string) (Layer, bool) {
	for _, ly := range t.layers {
		if fi, err := fs.Stat(ly.FS, name); err == nil && !fi.IsDir() {
			return ly, true
		}
	}
	return Layer{}, false
}

// files lists every file under dir across the layers, the top layer
// winning, with paths relative to dir, sorted.
func (t *Theme) files(dir string) []File {
	seen := map[string]bool{}
	var out []File
	for _, ly := range t.layers {
		fs.WalkDir(ly.FS, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), ".") {
				return nil
			}
			rel := strings.TrimPrefix(p, dir+"/")
			if !seen[rel] {
				seen[rel] = true
				out = append(out, File{Path: rel, FS: ly.FS, Src: p})
			}
			return nil
		})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

func (t *Theme) loadStrings(langs []string, l *diag.List) {
	all := map[string]diag.Pos{} // every key, where first seen
	var missing []string
	for _, lg := range langs {
		var found bool
		t.strings[lg], found = t.readStrings(lg, all, l)
		if !found {
			missing = append(missing, lg)
		}
	}
	// A language the theme has no strings for (say "fr") still builds, in
	// English, with a warning that says how to translate it.
	for _, lg := range missing {
		en, found := t.readStrings("en", map[string]diag.Pos{}, &diag.List{})
		if !found {
			en = t.strings[langs[0]]
		}
		t.strings[lg] = en
		l.Warnf(diag.Pos{File: "i18n/" + lg + ".toml"}, "the theme has no strings for language %q; its pages use English ones until you add i18n/%s.toml (copy the theme's i18n/en.toml)", lg, lg)
	}
	keys := make([]string, 0, len(all))
	for k := range all {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, lg := range langs {
		for _, k := range keys {
			if _, ok := t.strings[lg][k]; !ok && len(t.strings[lg]) > 0 {
				l.Errorf(all[k], "theme string %q is missing in i18n/%s.toml", k, lg)
			}
		}
	}
}

// readStrings reads i18n/<lg>.toml from every layer, upper layers
// overriding lower ones key by key; all records where each key was first
// seen. found is false when no layer has the file.
func (t *Theme) readStrings(lg string, all map[string]diag.Pos, l *diag.List) (map[string]string, bool) {
	name := "i18n/" + lg + ".toml"
	out := map[string]string{}
	found := false
	for i := len(t.layers) - 1; i >= 0; i-- {
		ly := t.layers[i]
		src, err := fs.ReadFile(ly.FS, name)
		if err != nil {
			continue
		}
		found = true
		doc, d := tomldoc.Parse(ly.Prefix+name, src, 1)
		if d != nil {
			l.Add(d)
			continue
		}
		for _, k := range doc.Keys() {
			if s, ok := doc.String(k, l); ok {
				out[k] = s
				if _, seen := all[k]; !seen {
					all[k] = doc.KeyPos(k)
				}
			}
		}
	}
	return out, found
}

// T returns the theme string key in language lg, and whether it exists.
func (t *Theme) T(lg, key string) (string, bool) {
	s, ok := t.strings[lg][key]
	return s, ok
}

// Strings returns the theme strings of language lg, key → text.
func (t *Theme) Strings(lg string) map[string]string {
	return t.strings[lg]
}

func (t *Theme) loadAssets(l *diag.List) {
	for _, f := range t.files("assets") {
		data, err := fs.ReadFile(f.FS, f.Src)
		if err != nil {
			l.Errorf(diag.Pos{File: f.Src}, "cannot read: %v", err)
			continue
		}
		t.AddAsset(f.Path, data)
	}
}

// AddAsset adds a file to publish under /assets/ with a fingerprinted
// name, such as the ECharts library.
func (t *Theme) AddAsset(name string, data []byte) Asset {
	return t.Add(NewAsset(name, data))
}

// NewAsset is the asset that AddAsset adds, made without the theme: from
// any goroutine, for Add to add.
func NewAsset(name string, data []byte) Asset {
	return Asset{Name: name, Path: "assets/" + Fingerprint(name, data), Data: data}
}

// Add adds a, an asset made by NewAsset, and returns it.
func (t *Theme) Add(a Asset) Asset {
	t.Assets[a.Name] = a
	return a
}

// Fingerprint inserts a short hash of data before name's extension:
// "js/app.min.js" → "js/app.min.3f9a0c1b2d.js".
func Fingerprint(name string, data []byte) string {
	sum := sha256.Sum256(data)
	h := hex.EncodeToString(sum[:5])
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + "." + h + ext
}

// AssetNames returns the asset names, sorted.
func (t *Theme) AssetNames() []string {
	names := make([]string, 0, len(t.Assets))
	for n := range t.Assets {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}
