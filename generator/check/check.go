// Package check is nianbao check: everything build validates, without
// writing the site, plus warnings about what a build accepts but a reader
// would miss:
//
//   - a section, foreword or home text not translated into a configured
//     language (readers of that language get the default one's text);
//   - a link or #anchor in the rendered pages that leads nowhere in the
//     site;
//   - a catalogue metric with no value in the latest report's year;
//   - a TODO line that nianbao new left in place of a paragraph (build
//     reports these too).
package check

import (
	"os"

	"nianbao/generator/build"
	"nianbao/generator/content"
	"nianbao/generator/diag"
	"nianbao/generator/site"
)

// Run checks the site o.Site and returns every error and warning. The
// error is for failures outside the site, such as a full disk.
func Run(o build.Options) (*diag.List, error) {
	sess, err := build.NewSession(o, "")
	if err != nil {
		return nil, err
	}
	defer sess.Close()
	r := sess.Build()
	var l diag.List
	if list, ok := r.Err.(diag.ErrorList); ok {
		l.Add(list...)
	} else if r.Err != nil {
		return nil, r.Err
	}
	l.Add(r.Warnings...)
	s := sess.Site()
	if s == nil {
		return &l, nil
	}
	translations(s, &l)
	latestValues(s, &l)
	if root := sess.Root(); r.Err == nil && root != "" {
		links(s, os.DirFS(root), &l)
	}
	return &l, nil
}

// translations warns about Markdown pages of the default language that
// have no translation into each other language.
func translations(s *site.Site, l *diag.List) {
	c := s.Content
	def := s.Config.Language
	for _, lg := range s.Config.Extra() {
		missing := func(pages map[string]*content.Page) {
			p := pages[def]
			if p == nil || pages[lg] != nil || len(p.Body) == 0 {
				return
			}
			l.Warnf(diag.Pos{File: p.File}, "not translated into %q: the %s site shows this text in %q (add %s)", lg, lg, def, translationFile(p.File, lg))
		}
		missing(c.Home)
		for _, y := range c.Years {
			missing(y.Index)
			for _, sec := range y.Sections {
				missing(sec.Pages)
			}
		}
	}
}

// translationFile names the translation of file into lg:
// content/2025/01-a.md → content/2025/01-a.en.md.
func translationFile(file, lg string) string {
	return file[:len(file)-len(".md")] + "." + lg + ".md"
}

// latestValues warns about catalogue metrics with no value in the latest
// report's year.
func latestValues(s *site.Site, l *diag.List) {
	years := s.Content.Years
	if len(years) == 0 {
		return
	}
	y := years[len(years)-1]
	for _, m := range s.Data.Catalogue.Metrics {
		if _, ok := s.Data.Value(m, y.Year); !ok {
			l.Warnf(m.Pos, "metric %q has no value in %d, the latest report (add it under [%s] in %s)", m.ID, y.Year, m.Group.ID, y.Metrics.Name)
		}
	}
}
