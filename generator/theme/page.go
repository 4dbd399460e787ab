package theme

import (
	"fmt"
	"html/template"
	"strings"
)

// Page is what every layout receives. Fields that do not apply to a page
// kind are nil or empty.
type Page struct {
	Kind  string // home, year, section
	Site  *Site
	Lang  string // the page's language code, for <html lang>
	Title string // the page's own title (the <h1>)
	// HeadTitle is the document's <title>: the page's title and the
	// site's, the site's alone on the home page and the report's alone
	// on its print edition.
	HeadTitle    string
	Description  string // one line for search engines and link previews
	URL          string // path from the host root, with the base path: /alliance/2025/
	Permalink    string // absolute URL when baseURL has a host, else URL
	Content      template.HTML
	OwnHeading   bool      // the content starts with a heading of its own
	OwnHeadingID string    // that heading's id
	Headings     []Heading // the content's level-2 and 3 headings
	Charts       int       // how many charts the page shows (0: no chart script is loaded)

	Year    *Year    // year and section pages
	Section *Section // section pages

	Headline  template.HTML // home: the latest report's headline figures
	Scorecard []ScoreGroup  // year and print: metrics scored this year
	// ScorecardKey names Scorecard: the report's year and language and the
	// set of values, so that the year page and the print edition render it
	// once with partialCached, and again only when the values change.
	ScorecardKey string
	Tally        string // year, print and home: the report's scorecard in one sentence

	Dashboard *Dashboard    // metrics
	Metric    *MetricPage   // metric
	Members   *MembersPage  // members
	Print     *PrintEdition // print
	Search    *Search       // search
	Figure    *FigurePage   // figure

	Root string // the relative path from this page to the site root: "../../"

	Translations []Link // this page in every language, the current one marked
	XDefault     string // the hreflang x-default: the page in the default language
	// YearLinks is the year switcher: every report, each linking to this
	// page's section (or print edition) in that year when it has one,
	// else to the report's front page.
	YearLinks []*Link
	// YearLinksKey names YearLinks apart from which one is Current: pages
	// with the same key have the same links (the reports' front pages,
	// their print editions, or one section in each), and the current one,
	// when there is one, links to the page itself. So a layout may render
	// them once, without Current, and mark the page's own with
	// markCurrent:
	//	{{markCurrent (partialCached "partials/year-links.html" . .YearLinksKey) .URL}}
	YearLinksKey string
	Fallback     *Fallback // a section shown untranslated in the default language

	Strings map[string]string // the theme strings in Lang; layouts use T
}

// Asset returns the URL of a theme asset by name, such as "nianbao.css",
// relative to the page, so that pages opened from file:// load it too.
func (p *Page) Asset(name string) (string, error) {
	u, err := p.Site.Asset(name)
	if err != nil {
		return "", err
	}
	if p.Root == "" || strings.HasPrefix(p.Root, "/") || !strings.HasPrefix(u, p.Site.BasePath) {
		return u, nil // the home page, the 404 page, or an asset on another host
	}
	return p.Root + u[len(p.Site.BasePath):], nil
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
	Alliance    string     // the alliance's name
	Lead        string     // the leading body: [alliance] lead, else the lead units' names
	Leads       []LeadUnit // the lead units ([alliance] leads), in the order written
	Founded     int
	Home        string // the home page URL in this language
	BaseURL     string
	BasePath    string // the path of BaseURL: "/alliance/"
	Lang        string
	Years       []*Year // every report, ascending
	Reports     []*Year // every report, newest first
	Latest      *Year
	HasMembers  bool   // the site has a members page
	HasPDF      bool   // each report has a report.pdf beside it (build --pdf)
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
	Date     string // the report's date, written out in the language
	DateISO  string // 2026-01-15
}

// Section is a report section.
type Section struct {
	Slug        string
	Number      int // 1-based position in the report
	Summary     string
	TitleLang   string // the language of the title and summary, when not the page's
	SummaryLang string
	Prev        *Link
	Next        *Link
}

// Link is a titled link.
type Link struct {
	Title   string
	URL     string
	Summary string
	Lang    string // the language of the linked page, for the switcher
	Label   string // the language's name, for the switcher
	Current bool
	// TextLang is the language of Title and Summary when it is not the
	// page's (an untranslated section's title), for a lang attribute.
	TextLang    string
	SummaryLang string // the same for Summary
	// Permalink is the absolute URL of a translation (when baseURL has a
	// host), and Alternate says it is offered to crawlers as hreflang: its
	// text really is in its language.
	Permalink string
	Alternate bool
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
	Name   string
	Rows   []ScoreRow
	Counts []StatusCount // how many rows have each status, in a fixed order
}

// StatusCount is how many metrics have a status.
type StatusCount struct {
	Status *Status
	Count  int
}

// ScoreRow is one metric's line of a scorecard. The numbers are HTML
// text, escaped already.
type ScoreRow struct {
	Name     string
	NameLang string // the name's language, when not the page's
	URL      string
	// Link is the name linked to the metric's page, as
	// partials/metric-link.html renders it.
	Link     template.HTML
	Value    template.HTML
	Target   template.HTML
	Progress template.HTML
	Change   template.HTML
	Mood     string // good, bad, neutral
	Status   *Status
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

// Views of the pages beyond the reports. Each page kind fills the fields
// its layout uses; the others stay nil.
type (
	// Dashboard is /metrics/: every metric by group.
	Dashboard struct {
		Year   int // the latest report year
		Groups []MetricGroup
	}

	// MetricGroup is one group of metrics on the dashboard.
	MetricGroup struct {
		ID       string
		Name     string
		NameLang string // the name's language, when not the page's
		Rows     []MetricRow
	}

	// MetricRow is one metric's line on the dashboard.
	MetricRow struct {
		Name       string
		NameLang   string // the name's language, when not the page's
		URL        string
		Link       template.HTML // the name linked, as partials/metric-link.html renders it
		Latest     template.HTML // the latest value, with unit
		LatestYear int
		Change     template.HTML
		Mood       string // good, bad, neutral
		Target     template.HTML
		TargetYear int
		Status     *Status
		Trend      template.HTML // an inline SVG sparkline
	}

	// Status is a metric's standing against the plan, said with an icon
	// and a word, not by colour alone.
	Status struct {
		Key  string // achieved, on-track, off-track, no-data
		Icon string // ✓ ↗ ✗ –
		Word string
		HTML template.HTML // the icon and the word, as partials/metric-status.html renders them
	}

	// MetricPage is /metrics/<id>/.
	MetricPage struct {
		// The languages of the name, group, description and source, each
		// set when it is not the page's (an untranslated field).
		NameLang, GroupLang, DescriptionLang, SourceLang string

		ID          string
		Code        string // the indicator's number in the national standard or the plan
		Group       string
		Unit        string
		Kind        string // the kind, in words
		Better      string // the direction, in words
		Description string
		Source      string
		Status      *Status
		StatusYear  int
		Chart       template.HTML // the full history as a chart figure
		History     []HistoryRow
		CitedBy     []*Link
		// CitedByList is CitedBy as the default theme lists it: each
		// link as partials/cited-by-item.html renders it, on a line of
		// its own.
		CitedByList template.HTML
	}

	// HistoryRow is one year of a metric's history.
	HistoryRow struct {
		Year   int
		Value  template.HTML
		Target template.HTML
		Change template.HTML
		Note   string
	}

	// MembersPage is /members/.
	MembersPage struct {
		Total       int
		Groups      []MemberGroup
		Composition template.HTML // a chart figure
		Growth      template.HTML // a chart figure
	}

	// MemberGroup is the members of one type.
	MemberGroup struct {
		Type    string // government, college, …
		Name    string // the type in words
		Members []Member
	}

	// LeadUnit is one of the alliance's lead units (牵头单位).
	LeadUnit struct {
		ID   string // the member id
		Name string
		Type string // the member type in words, singular: 园区 / Park
		URL  string
	}

	// Member is one member.
	Member struct {
		Name   string
		Joined int
		URL    string
		Note   string
	}

	// PrintEdition is /<year>/print/: the whole report on one page.
	PrintEdition struct {
		Foreword           template.HTML
		ForewordOwnHeading bool // the foreword starts with a heading of its own
		ForewordHeadingID  string
		Sections           []PrintSection
		Appendix           template.HTML // every metric's values as tables
	}

	// PrintSection is one section in the print edition.
	PrintSection struct {
		ID        string
		Number    int
		Title     string
		Summary   string
		Content   template.HTML
		Lang      string // set when the text is in another language than the page
		TitleLang string // the title's language, when not the page's
		Fallback  bool
	}

	// FigurePage is /<year>/<slug>/figures/<name>/: one figure alone.
	FigurePage struct {
		Back         string // the figure in its section
		SectionTitle string
		Lang         string // the figure's text language, when not the page's
	}

	// Search is /search/.
	Search struct {
		Index string       // the URL of the search index script
		Years []SearchYear // the reports, newest first, to narrow results to one
	}

	// SearchYear is one report in the search page's choice of years.
	SearchYear struct {
		Year  int
		Title string
	}
)
