package build

import (
	"io/fs"
	"path"
	"path/filepath"
	"strings"

	"nianbao/generator/config"
	"nianbao/generator/content"
	"nianbao/generator/diag"
	"nianbao/generator/metrics"
	"nianbao/generator/site"
)

// Relevant reports whether a change to file, a slash path in the site
// folder, can change the built site: site.toml, content/, the theme
// folders (themes/, layouts/, i18n/, assets/, static/) and the ECharts
// file that charts.echarts names.
func (s *Session) Relevant(file string) bool {
	top, _, _ := strings.Cut(file, "/")
	switch top {
	case config.File, content.Dir, "themes", "layouts", "i18n", "assets", "static":
		return true
	}
	if s.site == nil {
		return false
	}
	e := s.site.Config.Charts.ECharts
	return e != "" && path.Clean(filepath.ToSlash(e)) == file
}

// incremental works out the change to one file that can be rendered
// without loading the site again, and applies it to the model. It
// returns false when the site must be loaded again: after a failed build,
// for several files, a new or removed file, a changed front matter, or any
// file other than a Markdown page or a year's values.
func (s *Session) incremental(changed []string) (*site.Change, bool) {
	if !s.good || len(changed) != 1 {
		return nil, false
	}
	file := changed[0]
	src, ok := s.sources[file]
	if !ok {
		return nil, false
	}
	if src.pages == nil {
		return s.values(file, src.year)
	}
	return s.text(file, src)
}

func (s *Session) contentOptions() content.Options {
	cfg := s.site.Config
	return content.Options{Default: cfg.Language, Extra: cfg.Extra(), Drafts: s.opts.Drafts}
}

// text reads a Markdown page again and puts it in the model when only
// its body changed.
func (s *Session) text(file string, src source) (*site.Change, bool) {
	old := src.pages[src.lang]
	var l diag.List
	p := content.ParsePage(s.opts.files(), file, old.Lang, s.contentOptions(), &l)
	if p == nil || l.HasErrors() || !p.SameFrontMatter(old) {
		return nil, false
	}
	src.pages[src.lang] = p
	before, after := s.mentioned(old), s.site.Mentions(p)
	delete(s.mentions, old)
	s.mentions[p] = after
	diff := map[*metrics.Metric]bool{}
	for m := range before {
		if !after[m] {
			diff[m] = true
		}
	}
	for m := range after {
		if !before[m] {
			diff[m] = true
		}
	}
	return &site.Change{Text: p, Year: src.year, Metrics: diff}, true
}

// mentioned returns the metrics p mentions, found once per page.
func (s *Session) mentioned(p *content.Page) map[*metrics.Metric]bool {
	m, ok := s.mentions[p]
	if !ok {
		m = s.site.Mentions(p)
		s.mentions[p] = m
	}
	return m
}

// values reads a year's values again into new Data that keeps the other
// years' values, and notes which metrics changed.
func (s *Session) values(file string, y *content.Year) (*site.Change, bool) {
	src, err := fs.ReadFile(s.opts.files(), file)
	if err != nil {
		return nil, false
	}
	old := s.site.Data
	data := metrics.NewData(old.Catalogue, old.Years)
	for _, m := range old.Catalogue.Metrics {
		for _, yr := range old.Years {
			if v, ok := old.Value(m, yr); ok && yr != y.Year {
				data.Set(m, yr, v)
			}
		}
	}
	var l diag.List
	data.ParseYear(y.Year, file, src, s.site.Config.Extra(), &l)
	if l.HasErrors() {
		return nil, false
	}
	changed := map[*metrics.Metric]bool{}
	for _, m := range old.Catalogue.Metrics {
		a, aok := old.Value(m, y.Year)
		b, bok := data.Value(m, y.Year)
		if aok != bok || a.V != b.V || !sameNote(a, b) {
			changed[m] = true
		}
	}
	y.Metrics.Src = src
	s.site.Data = data
	c := &site.Change{Values: y.Year, Metrics: changed}
	c.Mentions = func(p *content.Page) bool {
		for m := range s.mentioned(p) {
			if changed[m] {
				return true
			}
		}
		return false
	}
	return c, true
}

func sameNote(a, b metrics.Value) bool {
	if a.Note.Base != b.Note.Base || len(a.Note.Tr) != len(b.Note.Tr) {
		return false
	}
	for k, v := range a.Note.Tr {
		if w, ok := b.Note.Tr[k]; !ok || w != v {
			return false
		}
	}
	return true
}
