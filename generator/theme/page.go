package theme

import (
	"fmt"
	"html/template"
	"strings"
)

// Page is what every layout receives. Fields that do not apply to a page
// kind are nil or empty.
type Page struct {
	Kind        string // home, year, section
	Site        *Site
	Lang        string // the page's language code, for <html lang>
	Title       string // the page's own title (the <h1>)
	Description string // one line for search engines and link previews
	URL         string // path from the host root, with the base path: /alliance/2025/
	Permalink   string // absolute URL when baseURL has a host, else URL
	Content     template.HTML
	OwnHeading  bool      // the content starts with a heading of its own
	Headings    []Heading // the content's level-2 and 3 headings
	Charts      int       // how many charts the page shows (0: no chart script is loaded)

	Year    *Year    // year and section pages
	Section *Section // section pages

	Headline  template.HTML // home: the latest report's headline figures
	Scorecard []ScoreGroup  // year: metrics with a target this year

	Translations []Link    // this page in every language, the current one marked
	Fallback     *Fallback // a section shown untranslated in the default language

	Strings map[string]string // the theme strings in Lang; layouts use T
}

// YearNumber is the page's report year, or 0 on pages outside a report.
func (p *Page) YearNumber() int {
	if p.Year == nil {
		return 0
	}
	return p.Year.Year
}

// T returns the theme string key in the page's language.
func (p *Page) T(key string) (string, error) {
	s, ok := p.Strings[key]
	if !ok {
		return "", fmt.Errorf("theme string %q is missing in i18n/%s.toml", key, p.Lang)
	}
	return s, nil
}

// Site is what every page knows about the site, in the page's language.
type Site struct {
	Title       string
	Description string
	Alliance    string // the alliance's name
	Lead        string // the leading body
	Founded     int
	Home        string // the home page URL in this language
	BaseURL     string
	Lang        string
	Years       []*Year // every report, ascending
	Reports     []*Year // every report, newest first
	Latest      *Year
	Generator   string // "nianbao 0.1.0"
	assets      map[string]string
}

// NewSite returns a Site whose Asset method resolves names through assets.
func NewSite(s Site, assets map[string]string) *Site {
	s.assets = assets
	return &s
}

// Asset returns the URL of a theme asset by name, such as "nianbao.css".
func (s *Site) Asset(name string) (string, error) {
	u, ok := s.assets[name]
	if !ok {
		return "", fmt.Errorf("no asset %q", name)
	}
	return u, nil
}

// HasAsset reports whether an asset exists.
func (s *Site) HasAsset(name string) bool {
	_, ok := s.assets[name]
	return ok
}

// Year is one report.
type Year struct {
	Year     int
	Title    string
	Summary  string
	URL      string
	Sections []*Link
}

// Section is a report section.
type Section struct {
	Slug    string
	Number  int // 1-based position in the report
	Summary string
	Prev    *Link
	Next    *Link
}

// Link is a titled link.
type Link struct {
	Title   string
	URL     string
	Summary string
	Lang    string // the language of the linked page, for the switcher
	Label   string // the language's name, for the switcher
	Current bool
}

// Heading is an entry of a page's own contents.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// Fallback says that a section has no translation into the page's
// language and is shown in the default language.
type Fallback struct {
	Lang        string // the language the text is in
	OriginalURL string
}

// ScoreGroup is one group's rows of a scorecard.
type ScoreGroup struct {
	Name string
	Rows []ScoreRow
}

// ScoreRow is one metric's line of a scorecard. The numbers are HTML
// text, escaped already.
type ScoreRow struct {
	Name     string
	URL      string
	Value    template.HTML
	Target   template.HTML
	Progress template.HTML
	Change   template.HTML
	Mood     string // good, bad, neutral
}

// Tf returns the theme string key with its placeholder, such as {year} or
// {n}, replaced by arg.
func (p *Page) Tf(key string, arg any) (string, error) {
	s, err := p.T(key)
	if err != nil {
		return "", err
	}
	return Fill(s, arg), nil
}

// Fill replaces the first {placeholder} in s by arg.
func Fill(s string, arg any) string {
	i := strings.IndexByte(s, '{')
	j := strings.IndexByte(s, '}')
	if i < 0 || j < i {
		return s
	}
	return s[:i] + fmt.Sprint(arg) + s[j+1:]
}
