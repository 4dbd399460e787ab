// Package site is the model every page is rendered from: the settings,
// the metric data, the reports and their sections in every language, and
// the list of pages a build writes.
//
// New assembles it from what was loaded and parsed; Convert then converts
// every Markdown text once (texts.go) and derives what pages gather from
// several texts (the sections citing each metric, the search index).
// After that, Render renders any page from the model alone, in any order
// and at once; Reconvert brings the model up to date after an edit.
//
// URLs (the base path of baseURL comes first; other languages add /<lang>/):
//
//	/                     home
//	/<year>/              a report's front page
//	/<year>/<slug>/       a section
package site

import (
	"html/template"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"nianbao/generator/config"
	"nianbao/generator/content"
	"nianbao/generator/lang"
	"nianbao/generator/markdown"
	"nianbao/generator/metrics"
	"nianbao/generator/theme"
)

// Site is the whole site, ready to render.
type Site struct {
	Config  *config.Config
	Data    *metrics.Data
	Content *content.Content
	Members []*content.Member
	Theme   *theme.Theme
	Version string // "nianbao 0.1.0", for the generator meta tag
	// KeepForEdits, set before Convert, keeps in the model what serve
	// reuses after an edit: what the print editions make of each section
	// (a print edition rendered again nests only the edited one) and each
	// search page's JSON (a report's search script marshals only the
	// edited page). A build, which makes each once, does not keep them.
	KeepForEdits bool

	conv    *markdown.Converter
	assets  map[string]string // asset name → URL
	views   map[string]*theme.Site
	reports map[string][]*theme.Year // language → reports, ascending
	// What Convert makes: every text as each edition shows it, and what
	// is derived from them.
	texts map[edition]*Text
	cited map[string]map[*metrics.Metric][]*theme.Link // language → metric → sections citing it, newest first
	cites map[string][][]*theme.Link                   // language → each report's sections, as cited
	// What many pages show alike, rendered once (see renderShared).
	citeItems   map[*theme.Link]template.HTML                // each of cites as a metric page lists it
	metricLinks map[string]map[*metrics.Metric]template.HTML // language → metric → its name linked
	statuses    map[string]map[metrics.Status]*theme.Status  // language → status → it said, with its HTML
	// searchParts keeps each report's search script by name, so that
	// after a one-section edit one of them is made again.
	searchParts map[string]searchPart
	memo        memo // what is made once for a set of values
	// yearLinkSets keeps the year switcher's links by the key that names
	// them (see yearLinks): a thousand sections' pages share twenty.
	yearLinkSets sync.Map
}

// New assembles the site model.
func New(cfg *config.Config, data *metrics.Data, c *content.Content, members []*content.Member, th *theme.Theme, version string) *Site {
	s := &Site{Config: cfg, Data: data, Content: c, Members: members, Theme: th, Version: version,
		conv: markdown.New(), assets: map[string]string{}, views: map[string]*theme.Site{}, reports: map[string][]*theme.Year{}, cites: map[string][][]*theme.Link{}}
	s.memo.forget = th.ForgetCached
	for name, a := range th.Assets {
		s.assets[name] = s.URL(a.Path)
	}
	for _, lg := range cfg.Languages {
		s.reports[lg.Code] = s.yearViews(lg)
		s.cites[lg.Code] = s.citeLinks(lg)
		s.views[lg.Code] = s.siteView(lg)
	}
	return s
}

// SetPDF says that each report's print edition is also published as
// report.pdf, so that pages can link it.
func (s *Site) SetPDF() {
	for _, v := range s.views {
		v.HasPDF = true
	}
}

// SetAssetURL points an asset name at a URL outside the theme, such as
// ECharts from an https URL.
func (s *Site) SetAssetURL(name, u string) { s.assets[name] = u }

// URL returns the URL path of rel, a slash path inside the site.
func (s *Site) URL(rel string) string {
	return s.Config.BasePath + escapePath(rel)
}

// Permalink returns the absolute URL of rel when baseURL has a host.
func (s *Site) Permalink(rel string) string {
	return strings.TrimSuffix(s.Config.BaseURL, "/") + "/" + escapePath(rel)
}

// escapePath escapes each segment of a slash path for a URL: a section
// file named 01-实体化运行.md is written to a folder of that name, and
// linked as %E5%AE%9E….
func escapePath(rel string) string {
	parts := strings.Split(rel, "/")
	for i, p := range parts {
		parts[i] = url.PathEscape(p)
	}
	return strings.Join(parts, "/")
}

// relPage returns the slash path of a page folder in language lg, as
// it is on disk: "en/2025/operation/". URL escapes it for links.
func relPage(lg lang.Language, parts ...string) string {
	var b strings.Builder
	b.WriteString(lg.Prefix)
	for _, p := range parts {
		b.WriteString(p)
		b.WriteByte('/')
	}
	return b.String()
}

func (s *Site) defaultLang() lang.Language { return s.Config.Languages[0] }

func (s *Site) siteView(lg lang.Language) *theme.Site {
	c := s.Config
	reports := s.reports[lg.Code]
	v := theme.Site{
		Title:       c.Title.In(lg.Code),
		Description: c.Description.In(lg.Code),
		Alliance:    c.Alliance.Name.In(lg.Code),
		Lead:        c.Alliance.Lead.In(lg.Code),
		Founded:     c.Alliance.Founded,
		Home:        s.URL(lg.Prefix),
		BaseURL:     c.BaseURL,
		BasePath:    c.BasePath,
		HasMembers:  s.Members != nil,
		Lang:        lg.Code,
		Years:       reports,
		Generator:   s.Version,
	}
	if v.Alliance == "" {
		v.Alliance = v.Title
	}
	v.Leads = s.leadUnits(lg.Code)
	if v.Lead == "" && len(v.Leads) > 0 {
		names := make([]string, len(v.Leads))
		for i, u := range v.Leads {
			names[i] = u.Name
		}
		v.Lead = strings.Join(names, s.Theme.Strings(lg.Code)["list_separator"])
	}
	for i := len(reports) - 1; i >= 0; i-- {
		v.Reports = append(v.Reports, reports[i])
	}
	if len(reports) > 0 {
		v.Latest = reports[len(reports)-1]
	}
	return theme.NewSite(v, s.assets)
}

// yearViews builds every report's title and contents in lg.
func (s *Site) yearViews(lg lang.Language) []*theme.Year {
	var out []*theme.Year
	for _, y := range s.Content.Years {
		v := &theme.Year{Year: y.Year, URL: s.URL(relPage(lg, strconv.Itoa(y.Year)))}
		v.Title, v.Summary = s.yearTitle(y, lg)
		date := time.Date(y.Year, 12, 31, 0, 0, 0, 0, time.UTC)
		if p, _ := s.inEditionWith(y.Index, lg, func(p *content.Page) bool { return !p.Date.IsZero() }); p != nil {
			date = p.Date
		}
		v.Date, v.DateISO = date.Format(s.Theme.Strings(lg.Code)["date_layout"]), date.Format("2006-01-02")
		for _, sec := range y.Sections {
			p, translated := s.inEdition(sec.Pages, lg)
			link := &theme.Link{
				Title:   s.sectionTitle(sec, lg),
				Summary: p.SummaryIn(lg.Code),
				URL:     s.URL(relPage(lg, strconv.Itoa(y.Year), sec.Slug)),
			}
			if !translated {
				link.TextLang = p.Title.Foreign(lg.Code, s.defaultLang().Code)
				link.SummaryLang = p.Summary.Foreign(lg.Code, s.defaultLang().Code)
			}
			v.Sections = append(v.Sections, link)
		}
		out = append(out, v)
	}
	return out
}

// yearTitle returns a report's title and summary in lg: from its
// _index.<lang>.md, else the title_<lang> of _index.md, else the theme's
// "year_title".
func (s *Site) yearTitle(y *content.Year, lg lang.Language) (string, string) {
	if p, own := s.inEditionWith(y.Index, lg, func(p *content.Page) bool { return p.Title.Base != "" }); own {
		return p.Title.Base, p.Summary.Base
	}
	p, _ := s.inEdition(y.Index, s.defaultLang()) // its title_<lang> and summary_<lang>
	summary := ""
	if p != nil && (lg.Default || p.Summary.Has(lg.Code)) {
		summary = p.Summary.In(lg.Code)
	}
	if p != nil && p.Title.Base != "" && (lg.Default || p.Title.Has(lg.Code)) {
		return p.Title.In(lg.Code), summary
	}
	return theme.Fill(s.Theme.Strings(lg.Code)["year_title"], y.Year), summary
}

func (s *Site) sectionTitle(sec *content.Section, lg lang.Language) string {
	p, _ := s.inEdition(sec.Pages, lg)
	return p.TitleIn(lg.Code)
}
