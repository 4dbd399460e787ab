package site

import (
	"regexp"

	"nianbao/generator/content"
	"nianbao/generator/lang"
	"nianbao/generator/metrics"
)

// Change is an edit that serve can render without loading the site again:
// the body of one Markdown page whose front matter stayed the same, or
// the values of one year.
type Change struct {
	Text   *content.Page // the edited page, already in the model
	Year   *content.Year // Text's year; nil for the home page
	Values int           // the year whose values changed; 0 for none
	// Metrics are the metrics whose values changed, or, with Text, the
	// metrics the page mentions now but not before or the other way round.
	Metrics map[*metrics.Metric]bool
	// Mentions reports whether a Markdown page mentions one of Metrics.
	Mentions func(*content.Page) bool
}

// Converts reports whether the text src must be converted again after c:
// the edited text, or a text that mentions a metric whose values changed.
func (c *Change) Converts(src *content.Page) bool {
	if c.Text != nil {
		return src == c.Text
	}
	return c.Mentions(src)
}

// Text returns the Markdown page whose body p shows: the home page's
// introduction, a report's foreword or a section, in p's language or, when
// it is not translated, in the default language. Pages of other kinds
// return nil.
func (s *Site) Text(p *Page) *content.Page {
	if pages := s.pagesOf(p); pages != nil {
		src, _ := s.inEdition(pages, p.Lang)
		return src
	}
	return nil
}

// pagesOf returns the Markdown pages, by language, of a page that shows
// one: the home page, a report's front page or a section.
func (s *Site) pagesOf(p *Page) map[string]*content.Page {
	switch p.Kind {
	case HomePage:
		return s.Content.Home
	case YearPage:
		return p.Year.Index
	case SectionPage:
		return p.Section.Pages
	}
	return nil
}

// Affected reports whether p must be rendered again after c. Pages of a
// kind it does not know are always rendered again.
func (s *Site) Affected(p *Page, c *Change) bool {
	if c.Text != nil {
		return s.showsText(p, c)
	}
	return s.showsValues(p, c)
}

func (s *Site) showsText(p *Page, c *Change) bool {
	switch p.Kind {
	case HomePage, YearPage, SectionPage:
		return s.Text(p) == c.Text
	case PrintPage: // the whole report in one language
		return p.Year == c.Year && c.Year != nil && s.shownIn(p.Lang, c)
	case MetricPage: // lists the sections that cite the metric
		return c.Metrics[p.Metric]
	case SearchPage: // its index is made again
		return s.shownIn(p.Lang, c)
	case MetricsPage, MembersPage, NotFoundPage:
		return false
	}
	return true // kinds added later
}

// shownIn reports whether pages in language lg show c.Text: its own
// language's, or the default language's where lg has no translation.
func (s *Site) shownIn(lg lang.Language, c *Change) bool {
	shows := func(pages map[string]*content.Page) bool {
		src, _ := s.inEdition(pages, lg)
		return src == c.Text
	}
	if c.Year == nil {
		return shows(s.Content.Home)
	}
	if shows(c.Year.Index) {
		return true
	}
	for _, sec := range c.Year.Sections {
		if shows(sec.Pages) {
			return true
		}
	}
	return false
}

func (s *Site) showsValues(p *Page, c *Change) bool {
	switch p.Kind {
	case HomePage: // the latest report's headline figures
		return true
	case YearPage: // the scorecard and its tally: the year's values, the
		// change on the year before, progress since the first value
		y := p.Year.Year
		return (c.Values != 0 && c.Values <= y) || c.Mentions(s.Text(p))
	case SectionPage:
		return c.Mentions(s.Text(p))
	case PrintPage: // charts show every year up to the report's
		return p.Year.Year >= c.Values
	case MetricPage:
		return c.Metrics[p.Metric]
	case MembersPage, NotFoundPage:
		return false
	}
	return true // the dashboard, search, and kinds added later
}

var metricIDRe = regexp.MustCompile(`[a-z][a-z0-9_]*\.[a-z0-9_]+`)

// Mentions returns the catalogue metrics whose ids appear in src's body:
// in references, in blocks' metric lists, and, rarely, in prose. It is
// a superset of what the page cites, found without rendering it.
func (s *Site) Mentions(src *content.Page) map[*metrics.Metric]bool {
	out := map[*metrics.Metric]bool{}
	if src == nil {
		return out
	}
	for _, id := range metricIDRe.FindAll(src.Body, -1) {
		if m, ok := s.Data.Catalogue.Metric(string(id)); ok {
			out[m] = true
		}
	}
	return out
}
