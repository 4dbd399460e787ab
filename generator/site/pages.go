package site

import (
	"html/template"
	"strconv"

	"nianbao/generator/charts"
	"nianbao/generator/content"
	"nianbao/generator/diag"
	"nianbao/generator/lang"
	"nianbao/generator/markdown"
	"nianbao/generator/metrics"
	"nianbao/generator/theme"
)

// Page is one page a build writes.
type Page struct {
	Kind    string // home, year, section
	Lang    lang.Language
	Year    *content.Year
	Section *content.Section
	Index   int    // the section's position in its report, from 0
	Rel     string // the page folder, a slash path inside the site: "en/2025/operation/"
}

// Output is what rendering a page produced.
type Output struct {
	Files  []markdown.File // the page's index.html and its CSVs, names relative to Rel
	Charts int
}

// Pages lists every page of the site, in a fixed order.
func (s *Site) Pages() []*Page {
	var out []*Page
	for _, lg := range s.Config.Languages {
		out = append(out, &Page{Kind: "home", Lang: lg, Rel: relPage(lg)})
		for _, y := range s.Content.Years {
			ys := strconv.Itoa(y.Year)
			out = append(out, &Page{Kind: "year", Lang: lg, Year: y, Rel: relPage(lg, ys)})
			for i, sec := range y.Sections {
				out = append(out, &Page{Kind: "section", Lang: lg, Year: y, Section: sec, Index: i, Rel: relPage(lg, ys, sec.Slug)})
			}
		}
	}
	return out
}

// Render renders one page. Problems go to l.
func (s *Site) Render(p *Page, l *diag.List) Output {
	v := &theme.Page{
		Kind:      p.Kind,
		Site:      s.views[p.Lang.Code],
		Lang:      p.Lang.Code,
		URL:       s.URL(p.Rel),
		Permalink: s.Permalink(p.Rel),
		Strings:   s.Theme.Strings(p.Lang.Code),
	}
	v.Description = v.Site.Description
	v.Translations = s.translations(p)
	var out Output
	switch p.Kind {
	case "home":
		out = s.home(p, v, l)
	case "year":
		out = s.year(p, v, l)
	case "section":
		out = s.section(p, v, l)
	}
	v.Charts = out.Charts
	html, err := s.Theme.Render(p.Kind, v)
	if err != nil {
		l.Add(err)
		return out
	}
	out.Files = append(out.Files, markdown.File{Name: "index.html", Data: html})
	return out
}

// translations links the page in every language.
func (s *Site) translations(p *Page) []theme.Link {
	out := make([]theme.Link, 0, len(s.Config.Languages))
	for _, lg := range s.Config.Languages {
		rel := relPage(lg)
		if p.Year != nil {
			rel = relPage(lg, strconv.Itoa(p.Year.Year))
		}
		if p.Section != nil {
			rel = relPage(lg, strconv.Itoa(p.Year.Year), p.Section.Slug)
		}
		out = append(out, theme.Link{URL: s.URL(rel), Lang: lg.Code, Label: s.Config.Labels[lg.Code], Current: lg.Code == p.Lang.Code})
	}
	return out
}

// convert renders a Markdown page in language lg (the page's own when it
// is translated, else the default language's).
func (s *Site) convert(src *content.Page, year int, textLang string, rel string, l *diag.List) markdown.Result {
	if src == nil || len(src.Body) == 0 {
		return markdown.Result{}
	}
	return s.conv.Convert(&markdown.Page{
		File: src.File, Src: src.Body, FirstLine: src.BodyLine,
		Year: year, Lang: textLang, Data: s.Data,
		T: s.translator(textLang),
	}, l)
}

func (s *Site) translator(lg string) func(string) string {
	m := s.Theme.Strings(lg)
	return func(k string) string { return m[k] }
}

func (s *Site) home(p *Page, v *theme.Page, l *diag.List) Output {
	def := s.defaultLang()
	v.Title = v.Site.Title
	src, textLang := s.Content.Home[p.Lang.Code], p.Lang.Code
	if src == nil {
		src, textLang = s.Content.Home[def.Code], def.Code
		if src != nil && len(src.Body) > 0 && !p.Lang.Default {
			v.Fallback = &theme.Fallback{Lang: def.Code, OriginalURL: s.URL(relPage(def))}
		}
	}
	if src != nil {
		if t := src.TitleIn(p.Lang.Code); t != "" && (textLang == p.Lang.Code || src.Title.Has(p.Lang.Code)) {
			v.Title = t
		}
		if sum := src.SummaryIn(p.Lang.Code); sum != "" {
			v.Description = sum
		}
	}
	res := s.convert(src, s.latestYear(), textLang, p.Rel, l)
	v.Content = template.HTML(res.HTML)
	out := Output{Files: res.Files, Charts: res.Charts}
	if len(s.Content.Years) > 0 {
		v.Headline = s.headline(p.Lang.Code, l)
	}
	v.Year = nil
	return out
}

func (s *Site) latestYear() int {
	if n := len(s.Content.Years); n > 0 {
		return s.Content.Years[n-1].Year
	}
	return 0
}

// headline renders the latest report's headline figures: the first metric
// of each group that has a value that year.
func (s *Site) headline(lg string, l *diag.List) template.HTML {
	year := s.latestYear()
	var ms []*metrics.Metric
	for _, g := range s.Data.Catalogue.Groups {
		for _, m := range g.Metrics {
			if _, ok := s.Data.Value(m, year); ok {
				ms = append(ms, m)
				break
			}
		}
	}
	if len(ms) == 0 {
		return ""
	}
	env := charts.Env{Data: s.Data, Year: year, Lang: lg, T: s.translator(lg)}
	b := &charts.Block{Kind: "kpi", Metrics: ms, Years: []int{year}}
	fig, err := b.Render("headline", env)
	if err != nil {
		l.Errorf(diag.Pos{File: "content/_index.md"}, "headline figures: %v", err)
		return ""
	}
	return template.HTML(fig.HTML)
}
