package site

import (
	"bytes"
	"html/template"
	"slices"
	"strconv"
	"strings"
	"sync"

	"nianbao/generator/charts"
	"nianbao/generator/content"
	"nianbao/generator/diag"
	"nianbao/generator/lang"
	"nianbao/generator/markdown"
	"nianbao/generator/metrics"
	"nianbao/generator/theme"
)

// Kind is what a page is. Its name (theme.Kinds, in the same order) is
// the layout that renders it, and what layouts compare .Kind with:
// {{if eq .Kind "print"}}.
type Kind int

// The kinds of page, with their names.
const (
	HomePage     Kind = iota // home
	YearPage                 // year: a report's front page
	SectionPage              // section
	PrintPage                // print: a report on one page
	MetricsPage              // metrics: every metric
	MetricPage               // metric
	MembersPage              // members
	SearchPage               // search
	NotFoundPage             // 404
)

// String returns the kind's name.
func (k Kind) String() string { return theme.Kinds[k] }

// Page is one page a build writes.
type Page struct {
	Kind    Kind
	Lang    lang.Language
	Year    *content.Year
	Section *content.Section
	Index   int             // the section's position in its report, from 0
	Metric  *metrics.Metric // metric pages
	Rel     string          // the page folder, a slash path inside the site: "en/2025/operation/"
}

// File is a file to write: its slash path and content.
type File struct {
	Name string
	Data []byte
}

// Output is what rendering a page produced.
type Output struct {
	Files   []File // the page's index.html, names relative to Rel
	Charts  int
	size    int // the page's expected size, when it is large: its buffer grows once
	release func()
}

// Pages lists every page of the site, in a fixed order: the reports
// first, then the pages of the whole site. Any order renders the same.
func (s *Site) Pages() []*Page {
	var out, later []*Page
	for _, lg := range s.Config.Languages {
		out = append(out, &Page{Kind: HomePage, Lang: lg, Rel: relPage(lg)})
		for _, y := range s.Content.Years {
			ys := strconv.Itoa(y.Year)
			out = append(out, &Page{Kind: YearPage, Lang: lg, Year: y, Rel: relPage(lg, ys)})
			for i, sec := range y.Sections {
				out = append(out, &Page{Kind: SectionPage, Lang: lg, Year: y, Section: sec, Index: i, Rel: relPage(lg, ys, sec.Slug)})
			}
			later = append(later, &Page{Kind: PrintPage, Lang: lg, Year: y, Rel: relPage(lg, ys, "print")})
		}
		later = append(later, &Page{Kind: MetricsPage, Lang: lg, Rel: relPage(lg, "metrics")})
		for _, m := range s.Data.Catalogue.Metrics {
			later = append(later, &Page{Kind: MetricPage, Lang: lg, Metric: m, Rel: relPage(lg, "metrics", m.ID)})
		}
		if s.Members != nil {
			later = append(later, &Page{Kind: MembersPage, Lang: lg, Rel: relPage(lg, "members")})
		}
		later = append(later, &Page{Kind: SearchPage, Lang: lg, Rel: relPage(lg, "search")})
		later = append(later, &Page{Kind: NotFoundPage, Lang: lg, Rel: lg.Prefix})
	}
	return append(out, later...)
}

// Render renders one page. Problems go to l.
func (s *Site) Render(p *Page, l *diag.List) Output {
	v := &theme.Page{
		Kind:      p.Kind.String(),
		Site:      s.views[p.Lang.Code],
		Lang:      p.Lang.Code,
		URL:       s.URL(p.Rel),
		Permalink: s.Permalink(p.Rel),
		Strings:   s.Theme.Strings(p.Lang.Code),
	}
	v.Description = v.Site.Description
	v.Root = strings.Repeat("../", strings.Count(p.Rel, "/"))
	switch {
	case p.Kind == NotFoundPage:
		v.Root = s.Config.BasePath // served at any depth: links from the root
	case v.Root == "":
		v.Root = "./"
	}
	v.Translations = s.translations(p)
	v.YearLinks, v.YearLinksKey = s.yearLinks(p)
	if len(v.Translations) > 1 {
		v.XDefault = v.Translations[0].Permalink // the default language comes first
	}
	var out Output
	switch p.Kind {
	case HomePage:
		out = s.home(p, v, l)
	case YearPage:
		out = s.year(p, v, l)
	case SectionPage:
		out = s.section(p, v, l)
	case PrintPage:
		out = s.print(p, v, l)
	case MetricsPage:
		out = s.dashboard(p, v, l)
	case MetricPage:
		out = s.metric(p, v, l)
	case MembersPage:
		out = s.members(p, v, l)
	case SearchPage:
		s.search(p, v)
	case NotFoundPage:
		v.Title = v.Strings["not_found"]
	}
	v.Charts = out.Charts
	v.Description = s.description(p, v)
	v.HeadTitle = headTitle(p.Kind, v)
	buf := pageBuffers.Get().(*bytes.Buffer)
	buf.Reset()
	buf.Grow(out.size)
	if err := s.Theme.RenderTo(buf, p.Kind.String(), v); err != nil {
		pageBuffers.Put(buf)
		l.Add(err)
		return out
	}
	name := "index.html"
	if p.Kind == NotFoundPage {
		name = "404.html"
	}
	out.Files = append(out.Files, File{Name: name, Data: buf.Bytes()})
	figures := out.release
	out.release = func() {
		pageBuffers.Put(buf)
		if figures != nil {
			figures()
		}
	}
	return out
}

// pageBuffers are reused for rendering pages: a page's HTML is written to
// its file and then not needed, and growing a fresh buffer for each of a
// thousand pages was a tenth of a build's garbage.
var pageBuffers = sync.Pool{New: func() any { return bytes.NewBuffer(make([]byte, 0, 64<<10)) }}

// Release hands the page's buffers back for reuse. Call it once the files
// are written; their Data must not be used after.
func (o Output) Release() {
	if o.release != nil {
		o.release()
	}
}

// translations links the page in every language.
func (s *Site) translations(p *Page) []theme.Link {
	out := make([]theme.Link, 0, len(s.Config.Languages))
	for _, lg := range s.Config.Languages {
		rel := relPage(lg)
		if p.Year != nil {
			rel = relPage(lg, strconv.Itoa(p.Year.Year))
		}
		switch p.Kind {
		case SectionPage:
			rel = relPage(lg, strconv.Itoa(p.Year.Year), p.Section.Slug)
		case PrintPage:
			rel = relPage(lg, strconv.Itoa(p.Year.Year), "print")
		case MetricsPage, MembersPage, SearchPage:
			rel = relPage(lg, p.Kind.String())
		case MetricPage:
			rel = relPage(lg, "metrics", p.Metric.ID)
		}
		out = append(out, theme.Link{URL: s.URL(rel), Lang: lg.Code, Label: s.Config.Labels[lg.Code], Current: lg.Code == p.Lang.Code,
			Permalink: s.Permalink(rel), Alternate: len(s.Config.Languages) > 1 && s.inLang(p, lg)})
	}
	return out
}

// headTitle is the page's <title> (see theme.Page.HeadTitle).
func headTitle(k Kind, v *theme.Page) string {
	switch k {
	case HomePage:
		return v.Site.Title
	case PrintPage:
		return v.Title
	}
	return v.Title + " · " + v.Site.Title
}

// description is the page's one line for search engines and link
// previews, never empty: the page's own summary, else what the page is.
func (s *Site) description(p *Page, v *theme.Page) string {
	if d := strings.TrimSpace(v.Description); d != "" && (d != v.Site.Description || p.Kind == HomePage) {
		return d
	}
	switch p.Kind {
	case MetricsPage:
		return v.Strings["metrics_intro"]
	case NotFoundPage:
		return v.Strings["not_found_text"]
	case SearchPage:
		return theme.Fill(v.Strings["search_description"], v.Site.Title)
	case MembersPage:
		if v.Members != nil {
			return theme.Fill(v.Strings["members_total"], v.Members.Total) + v.Strings["list_separator"] + v.Site.Alliance
		}
	case HomePage:
		return v.Site.Alliance + " · " + v.Site.Title
	}
	if v.Year != nil && v.Title != v.Year.Title {
		return v.Title + " · " + v.Year.Title
	}
	if v.Title != "" && v.Title != v.Site.Title {
		return v.Title + " · " + v.Site.Title
	}
	return v.Site.Title
}

// yearLinks lists every report for the year switcher, the same section
// in each year where there is one, and returns the key that names the
// list apart from which link is current (see theme.Page.YearLinksKey).
func (s *Site) yearLinks(p *Page) ([]*theme.Link, string) {
	key := p.Lang.Code
	switch p.Kind {
	case PrintPage:
		key += " print"
	case SectionPage:
		key += " section " + p.Section.Slug
	}
	var links []*theme.Link
	if l, ok := s.yearLinkSets.Load(key); ok {
		links = l.([]*theme.Link)
	} else {
		links = s.yearLinkSet(p)
		s.yearLinkSets.Store(key, links)
	}
	if p.Year == nil {
		return links, key // none is current: the shared list, unchanged
	}
	// The page's own list shares every link but the current one, which
	// is a copy: a list of pointers and one link, not twenty links.
	out := slices.Clone(links)
	for i, y := range s.Content.Years {
		if p.Year.Year == y.Year {
			cur := *out[i]
			cur.Current = true
			out[i] = &cur
		}
	}
	return out, key
}

// yearLinkSet is yearLinks for p, none of them current.
func (s *Site) yearLinkSet(p *Page) []*theme.Link {
	var out []*theme.Link
	for i, y := range s.Content.Years {
		ys := strconv.Itoa(y.Year)
		yv := s.reports[p.Lang.Code][i]
		l := &theme.Link{Title: yv.Title, URL: yv.URL}
		switch p.Kind {
		case PrintPage:
			l.URL = s.URL(relPage(p.Lang, ys, "print"))
		case SectionPage:
			for j, sec := range y.Sections {
				if sec.Slug == p.Section.Slug {
					l.URL = yv.Sections[j].URL
				}
			}
		}
		out = append(out, l)
	}
	return out
}

// inLang reports whether the page's text is in lg in its lg edition:
// false where that edition shows untranslated text in the default
// language, which crawlers must not be told is in lg.
func (s *Site) inLang(p *Page, lg lang.Language) bool {
	if lg.Default {
		return true
	}
	untranslated := func(pages map[string]*content.Page) bool {
		src, own := s.inEdition(pages, lg)
		return !own && src != nil && len(src.Body) > 0
	}
	switch p.Kind {
	case HomePage:
		return !untranslated(s.Content.Home)
	case YearPage:
		return !untranslated(p.Year.Index)
	case SectionPage:
		_, own := s.inEdition(p.Section.Pages, lg)
		return own
	case PrintPage:
		for _, sec := range p.Year.Sections {
			if _, own := s.inEdition(sec.Pages, lg); !own {
				return false
			}
		}
		return !untranslated(p.Year.Index)
	}
	return true
}

// convertWith converts a Markdown body into the fields of mp that the
// caller set (the figure pages' folder). idPrefix keeps the ids of its
// charts and footnotes unique when pages are joined in a print edition.
func (s *Site) convertWith(mp *markdown.Page, src *content.Page, year int, textLang, idPrefix string, l *diag.List) markdown.Result {
	if src == nil || len(src.Body) == 0 {
		return markdown.Result{}
	}
	mp.File, mp.Src, mp.FirstLine = src.File, src.Body, src.BodyLine
	mp.Year, mp.Lang, mp.Data = year, textLang, s.Data
	mp.T, mp.IDPrefix = s.translator(textLang), idPrefix
	mp.Default, mp.Reserved = s.defaultLang().Code, s.Theme.IDs()
	return s.conv.Convert(mp, l)
}

func (s *Site) translator(lg string) func(string) string {
	m := s.Theme.Strings(lg)
	return func(k string) string { return m[k] }
}

func (s *Site) home(p *Page, v *theme.Page, l *diag.List) Output {
	def := s.defaultLang()
	v.Title = v.Site.Title
	src, own := s.inEdition(s.Content.Home, p.Lang)
	if !own && src != nil && len(src.Body) > 0 && !p.Lang.Default {
		v.Fallback = &theme.Fallback{Lang: def.Code, OriginalURL: s.URL(relPage(def))}
	}
	if src != nil {
		if t := src.TitleIn(p.Lang.Code); t != "" && (own || src.Title.Has(p.Lang.Code)) {
			v.Title = t
		}
		if sum := src.SummaryIn(p.Lang.Code); sum != "" {
			v.Description = sum
		}
	}
	res := s.conversion(src, p.Lang)
	v.Content = htmlOf(res.HTML)
	out := Output{Charts: res.Charts}
	if len(s.Content.Years) > 0 {
		v.Headline = s.headline(p.Lang.Code, l)
		v.Tally = s.tally(s.latestYear(), p.Lang.Code)
	}
	return out
}

func (s *Site) latestYear() int {
	if n := len(s.Content.Years); n > 0 {
		return s.Content.Years[n-1].Year
	}
	return 0
}

// headlineCards is the most headline figures the home page shows: two
// rows of four, within the first screen of a laptop.
const headlineCards = 8

// headline renders the latest report's headline figures: the first metric
// of each group that has a value that year, at most headlineCards.
func (s *Site) headline(lg string, l *diag.List) template.HTML {
	year := s.latestYear()
	var ms []*metrics.Metric
	for _, g := range s.Data.Catalogue.Groups {
		for _, m := range g.Metrics {
			if _, ok := s.Data.Value(m, year); ok && len(ms) < headlineCards {
				ms = append(ms, m)
				break
			}
		}
	}
	if len(ms) == 0 {
		return ""
	}
	env := charts.Env{Data: s.Data, Year: year, Lang: lg, T: s.translator(lg), Default: s.defaultLang().Code}
	b := &charts.Block{Kind: "kpi", Metrics: ms, Years: []int{year}}
	fig, err := b.Render("headline", env)
	if err != nil {
		l.Errorf(diag.Pos{File: "content/_index.md"}, "headline figures: %v", err)
		return ""
	}
	return template.HTML(fig.HTML)
}
