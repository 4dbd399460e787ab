// Package content loads what editors and data staff write under content/:
//
//	content/_index.md            the home page introduction (optional)
//	content/_index.<lang>.md     its translation
//	content/metrics.toml         the metric catalogue (see package metrics)
//	content/members.toml         alliance members (optional)
//	content/<year>/_index.md     a report's front page: title, summary, foreword
//	content/<year>/metrics.toml  the year's values
//	content/<year>/NN-slug.md    sections, ordered by NN or by weight
//	content/<year>/NN-slug.<lang>.md  a section's translation
//
// Markdown files may start with TOML front matter between +++ lines:
// title (required for sections), summary, weight, draft, and in
// default-language files title_<lang> and summary_<lang>. A year whose
// _index.md is a draft is left out whole unless drafts are built. Names starting
// with _ or . (other than _index) are ignored; other files in a year folder
// are copied to /<year>/ as they are. Any folder under content/ that is not
// a four-digit year is an error.
package content

import (
	"cmp"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"nianbao/generator/diag"
)

// Dir is the content folder inside the site folder.
const Dir = "content"

// Content is everything loaded from content/.
type Content struct {
	Home      map[string]*Page // by language code
	Catalogue File             // content/metrics.toml (Src nil when absent)
	Members   File             // content/members.toml (Src nil when absent)
	Years     []*Year          // ascending
}

// File is a data file's name and text.
type File struct {
	Name string
	Src  []byte
}

// Year is one report year's folder.
type Year struct {
	Year     int
	Dir      string
	Index    map[string]*Page // _index.md by language code
	Sections []*Section       // in report order
	Metrics  File
	Static   []string // other files, slash paths relative to the site folder
}

// DataOnly reports whether the year folder holds values and no report:
// a metrics.toml, but no _index.md and no sections (a baseline year
// collected before the first report, say). Its values count for changes,
// charts and metric pages; no report is published for it.
func (y *Year) DataOnly() bool {
	return y.Metrics.Src != nil && len(y.Index) == 0 && len(y.Sections) == 0
}

// Section is one report section with its translations.
type Section struct {
	Slug     string
	Order    int
	Weighted bool             // Order comes from front matter weight, which wins ties
	Pages    map[string]*Page // by language code; the default language is always present
}

// Options says how to load.
type Options struct {
	Default string   // default language code
	Extra   []string // other language codes
	Drafts  bool     // include drafts
}

var (
	yearRe   = regexp.MustCompile(`^[0-9]{4}$`)
	prefixRe = regexp.MustCompile(`^([0-9]+)[-_]`)
)

// Load reads content/ from fsys, the site folder.
func Load(fsys fs.FS, o Options, l *diag.List) *Content {
	c := &Content{Home: map[string]*Page{}}
	entries, err := fs.ReadDir(fsys, Dir)
	if err != nil {
		l.Errorf(diag.Pos{File: Dir}, "cannot read the content folder: %v", unwrapPath(err))
		return c
	}
	var years []string
	for _, e := range entries {
		name := e.Name()
		file := Dir + "/" + name
		switch {
		case ignored(name):
		case e.IsDir() && yearRe.MatchString(name) && !inYearRange(name):
			l.Errorf(diag.Pos{File: file}, "folder %q under content/ is not a year from %d to %d; rename it or start its name with _ to ignore it", name, MinYear, MaxYear)
		case e.IsDir() && yearRe.MatchString(name):
			years = append(years, name)
		case e.IsDir():
			l.Errorf(diag.Pos{File: file}, "folder %q under content/ is not a four-digit year; rename it (such as content/2025) or start its name with _ to ignore it", name)
		case name == "metrics.toml":
			c.Catalogue = readFile(fsys, file, l)
		case name == "members.toml":
			c.Members = readFile(fsys, file, l)
		default:
			base, lg, ok := splitLang(name, o, file, l)
			if !ok {
				continue
			}
			if base == "_index.md" {
				if src := readFile(fsys, file, l); src.Src != nil {
					c.Home[lg] = parsePage(file, lg, src.Src, o, l)
				}
				continue
			}
			l.Warnf(diag.Pos{File: file}, "ignored: content/ holds _index.md, metrics.toml, members.toml and year folders")
		}
	}
	// Years load at once; c.Years keeps the folders' order.
	c.Years = make([]*Year, len(years))
	var wg sync.WaitGroup
	for i, name := range years {
		n, _ := strconv.Atoi(name)
		wg.Go(func() { c.Years[i] = loadYear(fsys, n, Dir+"/"+name, o, l) })
	}
	wg.Wait()
	// A report whose front page is a draft is left out whole, values
	// and all, until it is published (or built with --drafts).
	c.Years = slices.DeleteFunc(c.Years, func(y *Year) bool {
		p := y.Index[o.Default]
		return p != nil && p.Draft && !o.Drafts
	})
	return c
}

// The years a report folder may have.
const (
	MinYear = 1900
	MaxYear = 2999
)

func inYearRange(name string) bool {
	n, err := strconv.Atoi(name)
	return err == nil && n >= MinYear && n <= MaxYear
}

// Ignored reports whether a name under content/ is left out: it starts
// with _ or . and is not an _index file.
func Ignored(name string) bool { return ignored(name) }

func ignored(name string) bool {
	return (strings.HasPrefix(name, "_") || strings.HasPrefix(name, ".")) && !strings.HasPrefix(name, "_index.")
}

// splitLang splits "01-a.en.md" into "01-a.md" and "en". Names without a
// language part belong to the default language.
func splitLang(name string, o Options, file string, l *diag.List) (string, string, bool) {
	ext := path.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	if i := strings.LastIndexByte(stem, '.'); i > 0 && ext == ".md" {
		code := stem[i+1:]
		if code == o.Default || slices.Contains(o.Extra, code) {
			return stem[:i] + ext, code, true
		}
		if langLike(code) {
			l.Errorf(diag.Pos{File: file}, "language %q is not configured in site.toml (add [languages.%s] or rename the file)", code, code)
			return "", "", false
		}
	}
	return name, o.Default, true
}

func langLike(s string) bool {
	if len(s) < 2 || len(s) > 3 {
		return false
	}
	for _, r := range s {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

func readFile(fsys fs.FS, file string, l *diag.List) File {
	src, err := fs.ReadFile(fsys, file)
	if err != nil {
		l.Errorf(diag.Pos{File: file}, "cannot read: %v", unwrapPath(err))
		return File{Name: file}
	}
	return File{Name: file, Src: src}
}

func unwrapPath(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}

func loadYear(fsys fs.FS, year int, dir string, o Options, l *diag.List) *Year {
	y := &Year{Year: year, Dir: dir, Index: map[string]*Page{}, Metrics: File{Name: dir + "/metrics.toml"}}
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		l.Errorf(diag.Pos{File: dir}, "cannot read: %v", unwrapPath(err))
		return y
	}
	bySlug := map[string]*Section{}
	skipped := map[string]bool{}
	var translations []*Page
	for _, e := range entries {
		name := e.Name()
		file := dir + "/" + name
		switch {
		case ignored(name):
		case e.IsDir():
			y.Static = append(y.Static, staticFiles(fsys, file, l)...)
		case name == "metrics.toml":
			y.Metrics = readFile(fsys, file, l)
		case path.Ext(name) != ".md":
			y.Static = append(y.Static, file)
		default:
			base, lg, ok := splitLang(name, o, file, l)
			if !ok {
				continue
			}
			src := readFile(fsys, file, l)
			if src.Src == nil {
				continue
			}
			p := parsePage(file, lg, src.Src, o, l)
			switch {
			case base == "_index.md":
				y.Index[lg] = p
			case lg != o.Default:
				translations = append(translations, p)
			default:
				addSection(y, bySlug, skipped, base, p, o, l)
			}
		}
	}
	for _, p := range translations {
		base, _, _ := splitLang(path.Base(p.File), o, p.File, &diag.List{})
		slug, _, _ := slugOf(base)
		s := bySlug[slug]
		switch {
		case s == nil && skipped[slug]:
		case s == nil:
			l.Errorf(diag.Pos{File: p.File}, "translation of a missing section: there is no %s/%s", dir, base)
		case p.Draft && !o.Drafts:
		default:
			if p.Title.Base == "" && !p.Broken {
				l.Errorf(diag.Pos{File: p.File, Line: 1, Col: 1}, "section has no title; add title = \"…\" to its front matter")
			}
			s.Pages[p.Lang] = p
		}
	}
	slices.SortStableFunc(y.Sections, func(a, b *Section) int {
		return cmp.Or(cmp.Compare(a.Order, b.Order), -cmpBool(a.Weighted, b.Weighted), cmp.Compare(a.Pages[o.Default].File, b.Pages[o.Default].File))
	})
	return y
}

// addSection adds a default-language section page. Drafts left out are
// noted in skipped, so that their translations are left out quietly too.
func addSection(y *Year, bySlug map[string]*Section, skipped map[string]bool, base string, p *Page, o Options, l *diag.List) {
	slug, order, hasOrder := slugOf(base)
	if p.Draft && !o.Drafts {
		skipped[slug] = true
		return
	}
	if slug == "" || slug == "." || slug == ".." || slug == "print" {
		l.Errorf(diag.Pos{File: p.File}, "section slug %q is reserved or empty; rename the file", slug)
		return
	}
	if i := strings.IndexFunc(slug, badInURL); i >= 0 {
		l.Errorf(diag.Pos{File: p.File}, "section slug %q holds %q, which cannot stand in a page's address; rename the file", slug, []rune(slug[i:])[0])
		return
	}
	if prev := bySlug[slug]; prev != nil {
		l.Errorf(diag.Pos{File: p.File}, "duplicate section %q: %s has the same slug", slug, prev.Pages[o.Default].File)
		return
	}
	if prev := sameButCase(y.Sections, slug); prev != nil {
		l.Errorf(diag.Pos{File: p.File}, "duplicate section %q: %s has the same slug but for letter case, and hosts on Windows or macOS keep the two pages in one folder; rename one of the files", slug, prev.Pages[o.Default].File)
		return
	}
	if p.Title.Base == "" && !p.Broken {
		l.Errorf(diag.Pos{File: p.File, Line: 1, Col: 1}, "section has no title; add title = \"…\" to its front matter")
	}
	if p.HasWgt {
		order, hasOrder = p.Weight, true
	}
	if !hasOrder {
		order = 1 << 30
	}
	s := &Section{Slug: slug, Order: order, Weighted: p.HasWgt, Pages: map[string]*Page{o.Default: p}}
	bySlug[slug] = s
	y.Sections = append(y.Sections, s)
}

// sameButCase returns the section whose slug equals slug when letter
// case is ignored: a host whose file system ignores case would store both
// pages at one path, and a later build removing one would remove both.
func sameButCase(sections []*Section, slug string) *Section {
	for _, s := range sections {
		if strings.EqualFold(s.Slug, slug) {
			return s
		}
	}
	return nil
}

func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// badInURL reports the characters a slug may not hold: those that end or
// change a URL's path (#, ?, %, \), spaces and control characters.
func badInURL(r rune) bool {
	return strings.ContainsRune("#?%\\", r) || unicode.IsSpace(r) || unicode.IsControl(r)
}

// slugOf returns the slug and numeric order of a section file name:
// "01-operation.md" → "operation", 1, true.
func slugOf(base string) (string, int, bool) {
	stem := strings.TrimSuffix(base, path.Ext(base))
	m := prefixRe.FindStringSubmatch(stem)
	if m == nil {
		return stem, 0, false
	}
	n, _ := strconv.Atoi(m[1])
	return stem[len(m[0]):], n, true
}

func staticFiles(fsys fs.FS, dir string, l *diag.List) []string {
	var out []string
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if ignored(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.IsDir() {
			out = append(out, p)
		}
		return nil
	})
	if err != nil {
		l.Errorf(diag.Pos{File: dir}, "cannot read: %v", unwrapPath(err))
	}
	return out
}
