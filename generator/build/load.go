package build

import (
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"

	"nianbao"
	"nianbao/generator/config"
	"nianbao/generator/content"
	"nianbao/generator/diag"
	"nianbao/generator/input"
	"nianbao/generator/metrics"
	"nianbao/generator/scaffold"
	"nianbao/generator/site"
	"nianbao/generator/theme"
)

// Load runs the steps before the model: it loads the settings and the
// content, parses the data, and loads the theme. It returns nil when
// pages cannot be rendered at all.
func Load(o Options, l *diag.List) *site.Site {
	fsys := o.files()
	cfg, c := load(fsys, o, l)
	if c == nil {
		return nil
	}
	data, members := parse(cfg, c, l)
	if data == nil {
		return nil
	}
	var themeErrs diag.List
	th := loadTheme(fsys, cfg, o.Theme, &themeErrs)
	l.Merge(&themeErrs)
	if themeErrs.HasErrors() {
		return nil // pages cannot be rendered without their layouts
	}
	s := site.New(cfg, data, c, members, th, "nianbao "+Version)
	addECharts(s, fsys, o, l)
	if o.PDF {
		s.SetPDF()
	}
	return s
}

// load reads and checks the settings and the content files; the content
// is nil when the settings are too broken to read it by.
func load(fsys input.Site, o Options, l *diag.List) (*config.Config, *content.Content) {
	src, err := fs.ReadFile(fsys, config.File)
	if err != nil {
		where := o.Site
		if o.FS != nil {
			where = "the site"
		}
		l.Errorf(diag.Pos{File: config.File}, "cannot read the site settings: %v (is %s a site folder?)", unwrap(err), where)
		return nil, nil
	}
	cfg := config.Parse(src, o.BaseURL, l)
	if cfg.Broken {
		return nil, nil // every other file is read by its settings: fix them first
	}
	// What may not be read is left out of every listing; say what it is.
	for _, p := range fsys.Problems(unread, content.Dir, "static", "layouts", "i18n", "themes/"+cfg.Theme) {
		l.Errorf(diag.Pos{File: p.Path}, "%v", p.Err)
	}
	c := content.Load(fsys, content.Options{Default: cfg.Language, Extra: cfg.Extra(), Drafts: o.Drafts}, l)
	scaffold.WarnStubs(c, l)
	return cfg, c
}

// parse parses the metric catalogue, every year's values and the
// members. The data is nil when the catalogue is broken.
func parse(cfg *config.Config, c *content.Content, l *diag.List) (*metrics.Data, []*content.Member) {
	extra := cfg.Extra()
	cat := &metrics.Catalogue{}
	if c.Catalogue.Src != nil {
		cat = metrics.ParseCatalogue(c.Catalogue.Name, c.Catalogue.Src, extra, l)
	}
	if cat.Broken {
		// Values, references and charts would all be errors that only
		// follow from it.
		return nil, nil
	}
	years := make([]int, len(c.Years))
	for i, y := range c.Years {
		years[i] = y.Year
	}
	data := metrics.NewData(cat, years)
	var wg sync.WaitGroup
	for _, y := range c.Years {
		if y.Metrics.Src != nil {
			wg.Go(func() { data.ParseYear(y.Year, y.Metrics.Name, y.Metrics.Src, extra, l) })
		}
	}
	wg.Wait()
	data.WarnImplausible(l)
	// Data-only years count in the data, and publish no report.
	c.Years = slices.DeleteFunc(c.Years, (*content.Year).DataOnly)
	var members []*content.Member
	if c.Members.Src != nil {
		members = content.ParseMembers(c.Members, extra, l)
	}
	content.CheckLeads(cfg.Alliance.Leads, cfg.Alliance.LeadsPos, members, c.Members.Src != nil, l)
	return data, members
}

// unread reports whether the build never reads name: files whose names
// start with a dot, and what content/ ignores (names starting with _ or .).
// An editor's lock file there (Emacs makes .#name links) is no error.
func unread(name string, dir bool) bool {
	base := path.Base(name)
	if strings.HasPrefix(name, content.Dir+"/") && content.Ignored(base) {
		return true
	}
	return !dir && strings.HasPrefix(base, ".")
}

func loadTheme(fsys fs.FS, cfg *config.Config, builtin fs.FS, l *diag.List) *theme.Theme {
	if builtin == nil {
		builtin = nianbao.DefaultTheme()
	}
	layers := []theme.Layer{{FS: fsys, Prefix: ""}}
	dir := "themes/" + cfg.Theme
	if fi, err := fs.Stat(fsys, dir); err == nil && fi.IsDir() {
		sub, _ := fs.Sub(fsys, dir)
		layers = append(layers, theme.Layer{FS: sub, Prefix: dir + "/"})
	} else if cfg.Theme != "default" {
		l.Errorf(diag.Pos{File: config.File}, "theme %q not found: there is no folder %s", cfg.Theme, dir)
	}
	layers = append(layers, theme.Layer{FS: builtin, Prefix: "(built-in theme)/"})
	codes := make([]string, len(cfg.Languages))
	for i, lg := range cfg.Languages {
		codes[i] = lg.Code
	}
	return theme.Load(layers, codes, l)
}
