package site

import (
	"html/template"
	"strconv"

	"nianbao/generator/content"
	"nianbao/generator/diag"
	"nianbao/generator/lang"
	"nianbao/generator/markdown"
	"nianbao/generator/metrics"
	"nianbao/generator/theme"
)

// Text is a Markdown text converted for the pages that show it: the home
// page's introduction, a report's foreword or a section. Convert makes
// each once and never changes it, so pages render from it in any order,
// at once; they show its HTML and its blocks' in place (htmlOf), so
// nothing may write to those bytes.
type Text struct {
	HTML     []byte
	Headings []markdown.Heading
	Blocks   []markdown.Block // a section's chart and table blocks, for its figure pages
	Charts   int              // chart blocks
	Cited    []*metrics.Metric
	// Prose is the HTML's prose, for the search index and its snippets;
	// Keys are the titles of its figures: searched, not quoted. Once the
	// index is made, a build (not serve) drops both (see index).
	Prose string
	Keys  string
	Lang  string // the language the text is written in
	// print is a section's HTML as its report's print edition shows it,
	// when the site keeps it (Site.KeepForEdits).
	printHTML template.HTML
	printKept bool
}

// noText is what a page shows that has no text.
var noText = &Text{}

// Each runs do(0), …, do(n-1), at once or in turn, and returns once every
// one has returned. A build passes its worker pool.
type Each func(n int, do func(i int))

// edition is a text as the edition of one language shows it.
type edition struct {
	src  *content.Page
	lang string
}

// showing is a text and a page that shows it in language lg: the home
// page (year nil), a report's front page (sec nil) or a section.
type showing struct {
	src  *content.Page
	lg   lang.Language
	year *content.Year
	sec  *content.Section
}

// Convert converts every Markdown text the site shows, once, and derives
// from them what pages gather from several texts: the sections citing
// each metric and the search index. Call it when the
// model is complete, before rendering; problems go to l.
func (s *Site) Convert(each Each, l *diag.List) {
	s.renderShared(each, l)
	s.Reconvert(func(*content.Page) bool { return true }, each, l)
}

// Reconvert converts again the texts for which again returns true (after
// the content or the data changed under them), keeps every other text's
// conversion, and derives the indexes again: the site then renders as
// after Convert.
func (s *Site) Reconvert(again func(*content.Page) bool, each Each, l *diag.List) {
	old := s.texts
	s.texts = map[edition]*Text{}
	var first, later []showing
	seen := map[*content.Page]bool{}
	for _, sh := range s.shown() {
		if t, ok := old[edition{sh.src, sh.lg.Code}]; ok && !again(sh.src) {
			s.texts[edition{sh.src, sh.lg.Code}] = t
			continue
		}
		if seen[sh.src] {
			later = append(later, sh)
			continue
		}
		seen[sh.src] = true
		first = append(first, sh)
	}
	s.convertAll(first, each, l)
	// A text shown untranslated in another language's edition is the
	// same there, but for the links to its figure pages, which are the
	// edition's.
	firstText := map[*content.Page]*Text{}
	for _, sh := range first {
		firstText[sh.src] = s.texts[edition{sh.src, sh.lg.Code}]
	}
	var own []showing
	for _, sh := range later {
		switch t := firstText[sh.src]; {
		case t == nil: // the build was interrupted
		case sh.sec == nil || len(t.Blocks) == 0:
			s.texts[edition{sh.src, sh.lg.Code}] = t
		default:
			own = append(own, sh)
		}
	}
	s.convertAll(own, each, l)
	s.index(each)
}

func (s *Site) convertAll(shs []showing, each Each, l *diag.List) {
	texts := make([]*Text, len(shs))
	each(len(shs), func(i int) { texts[i] = s.convertText(shs[i], l) })
	for i, sh := range shs {
		if texts[i] == nil {
			continue // the build was interrupted
		}
		s.texts[edition{sh.src, sh.lg.Code}] = texts[i]
	}
}

// shown lists every text the site shows with each edition showing it,
// the default language's first.
func (s *Site) shown() []showing {
	var out []showing
	add := func(pages map[string]*content.Page, lg lang.Language, y *content.Year, sec *content.Section) {
		if src, _ := s.inEdition(pages, lg); src != nil {
			out = append(out, showing{src: src, lg: lg, year: y, sec: sec})
		}
	}
	for _, lg := range s.Config.Languages {
		add(s.Content.Home, lg, nil, nil)
		for _, y := range s.Content.Years {
			add(y.Index, lg, y, nil)
			for _, sec := range y.Sections {
				add(sec.Pages, lg, y, sec)
			}
		}
	}
	return out
}

// convertText converts a text for the page that shows it. Chart and
// footnote ids get a prefix, so that they stay unique where the print
// edition joins a report's texts.
func (s *Site) convertText(sh showing, l *diag.List) *Text {
	mp := &markdown.Page{}
	year, prefix := s.latestYear(), ""
	if sh.year != nil {
		year, prefix = sh.year.Year, "foreword-"
	}
	if sh.sec != nil {
		figures := relPage(sh.lg, strconv.Itoa(year), sh.sec.Slug) + "figures/"
		mp.FigureBase, mp.FigureEmbed = s.URL(figures), s.Permalink(figures)
		prefix = sh.sec.Slug + "-"
	}
	res := s.convertWith(mp, sh.src, year, sh.src.Lang, prefix, l)
	prose, keys := searchText(res.HTML)
	t := &Text{HTML: res.HTML, Headings: res.Headings, Blocks: res.Blocks, Charts: res.Charts, Cited: res.Cited,
		Prose: prose, Keys: keys, Lang: sh.src.Lang}
	if s.KeepForEdits && sh.sec != nil {
		t.printHTML, t.printKept = printSection(t, sh.sec), true
	}
	return t
}

// printSection nests a section's HTML below its title in the print
// edition, its ids prefixed with the section's (see nest).
func printSection(t *Text, sec *content.Section) template.HTML {
	return template.HTML(nest(t.HTML, "section-"+sec.Slug+"--"))
}

// textIn returns the conversion of the page of pages that the edition of
// lg shows (see inEdition).
func (s *Site) textIn(pages map[string]*content.Page, lg lang.Language) *Text {
	src, _ := s.inEdition(pages, lg)
	return s.conversion(src, lg)
}

// conversion returns the conversion of src as the edition of lg shows it.
func (s *Site) conversion(src *content.Page, lg lang.Language) *Text {
	if t := s.texts[edition{src, lg.Code}]; t != nil {
		return t
	}
	return noText
}

// inEdition returns the page of pages (language → page) that the edition
// of lg shows: lg's own, else the default language's; and whether it is
// lg's own. It is the one rule for which language a page's text, title
// and summary come from.
func (s *Site) inEdition(pages map[string]*content.Page, lg lang.Language) (*content.Page, bool) {
	if p := pages[lg.Code]; p != nil {
		return p, true
	}
	return pages[s.defaultLang().Code], false
}

// inEditionWith is inEdition for one field of a page, such as a report's
// date: the page of lg if it has the field (has), else the default
// language's if that has it, else nil.
func (s *Site) inEditionWith(pages map[string]*content.Page, lg lang.Language, has func(*content.Page) bool) (*content.Page, bool) {
	p, own := s.inEdition(pages, lg)
	if own && !has(p) {
		p, _ = s.inEdition(pages, s.defaultLang())
		own = false
	}
	if p == nil || !has(p) {
		return nil, false
	}
	return p, own
}

// index derives from the converted texts what pages gather from several
// of them: the sections citing each metric and the search index.
func (s *Site) index(each Each) {
	s.cited = map[string]map[*metrics.Metric][]*theme.Link{}
	for _, lg := range s.Config.Languages {
		s.cited[lg.Code] = s.citing(lg)
	}
	s.searchIndex(each)
	if !s.KeepForEdits {
		// The texts' prose is in the search index now, which a build
		// makes once: the pages render without it.
		for _, t := range s.texts {
			t.Prose, t.Keys = "", ""
		}
	}
}
