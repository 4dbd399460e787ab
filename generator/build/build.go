// Package build runs the whole pipeline: load the settings and content,
// parse the metric data, assemble the site model, render every page, and
// publish the result in one step.
package build

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"

	"nianbao"
	"nianbao/generator/config"
	"nianbao/generator/content"
	"nianbao/generator/diag"
	"nianbao/generator/input"
	"nianbao/generator/metrics"
	"nianbao/generator/pdf"
	"nianbao/generator/publish"
	"nianbao/generator/scaffold"
	"nianbao/generator/site"
	"nianbao/generator/theme"
)

// Version is the program's version.
const Version = "0.1.0"

// Options says what to build.
type Options struct {
	Site    string // the site folder
	Out     string // the output folder; "" means <site>/public
	Drafts  bool   // include drafts
	BaseURL string // overrides site.toml's baseURL
	PDF     bool   // also print each year's edition to /<year>/report.pdf
	// Progress, when set, is called as pages render, from any goroutine.
	Progress func(done, total int)
	// Theme is the built-in default theme; nil means the one embedded in
	// the program.
	Theme fs.FS
	// Context, when set, stops the build once it is done (Ctrl+C): the
	// build removes its scratch files and leaves the output folder as it
	// was. A build that has begun putting its files in place finishes.
	Context context.Context
	// ECharts gives the ECharts file of sites whose site.toml names none
	// (charts.echarts): the commands pass the program's own copy (package
	// pinned). It is called once a build, and only then.
	ECharts func() ([]byte, error)
}

// ErrInterrupted is the error of a build stopped through Options.Context.
var ErrInterrupted = errors.New("interrupted; the output folder was not changed")

// Stats describes a finished build.
type Stats struct {
	Pages     int
	Files     int
	Charts    int
	Languages int
	Duration  time.Duration
	Warnings  []*diag.Diagnostic
}

func (s Stats) String() string {
	return fmt.Sprintf("%d pages, %d charts, %d languages, %d files in %v", s.Pages, s.Charts, s.Languages, s.Files, s.Duration.Round(time.Millisecond))
}

// Run builds the site. On any problem it returns every error found, as a
// diag.ErrorList, and leaves the output folder as it was.
func Run(o Options) (Stats, error) {
	start := time.Now()
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(memoryLimit(0)))
	if o.Out == "" {
		o.Out = filepath.Join(o.Site, "public")
	}
	if o.Context == nil {
		o.Context = context.Background()
	}
	if err := publish.Refuse(o.Out, o.Site); err != nil {
		return Stats{}, err
	}
	var l diag.List
	s := Load(o, &l)
	if s == nil {
		return Stats{Warnings: l.Warnings()}, l.Err()
	}
	debug.SetMemoryLimit(memoryLimit(textBytes(s.Content)))
	if o.PDF {
		s.SetPDF()
	}
	// Convert and render even when loading found problems, so that one
	// run reports every error; write only when there are none.
	var w *publish.Writer
	if !l.HasErrors() {
		var err error
		if w, err = publish.New(o.Out); err != nil {
			return Stats{}, err
		}
	}
	work := pool{ctx: o.Context}
	s.Convert(work.each, &l)
	st := renderAll(work, s, input.New(o.Site), writer(w), &l, o.Progress)
	if o.Context.Err() != nil {
		if w != nil {
			w.Abort()
		}
		return Stats{Warnings: l.Warnings()}, ErrInterrupted
	}
	if l.HasErrors() {
		if w != nil {
			w.Abort()
		}
		return Stats{Warnings: l.Warnings()}, l.Err()
	}
	if o.PDF {
		if err := printPDFs(o.Context, s, w); err != nil {
			w.Abort()
			if o.Context.Err() != nil {
				err = ErrInterrupted
			}
			return Stats{Warnings: l.Warnings()}, err
		}
	}
	if err := w.Commit(); err != nil {
		return Stats{}, err
	}
	st.Files = w.Files()
	st.Languages = len(s.Config.Languages)
	st.Duration = time.Since(start)
	st.Warnings = l.Warnings()
	return st, nil
}

// Load runs every step before rendering: it reads and checks the settings,
// the content and the data, loads the theme, and assembles the model. It
// returns nil when pages cannot be rendered at all.
func Load(o Options, l *diag.List) *site.Site {
	fsys := input.New(o.Site)
	src, err := fs.ReadFile(fsys, config.File)
	if err != nil {
		l.Errorf(diag.Pos{File: config.File}, "cannot read the site settings: %v (is %s a site folder?)", unwrap(err), o.Site)
		return nil
	}
	cfg := config.Parse(src, o.BaseURL, l)
	if cfg.Broken {
		return nil // every other file is read by its settings: fix them first
	}
	extra := cfg.Extra()
	// What may not be read is left out of every listing; say what it is.
	for _, p := range fsys.Problems(unread, content.Dir, "static", "layouts", "i18n", "themes/"+cfg.Theme) {
		l.Errorf(diag.Pos{File: p.Path}, "%v", p.Err)
	}
	c := content.Load(fsys, content.Options{Default: cfg.Language, Extra: extra, Drafts: o.Drafts}, l)
	scaffold.WarnStubs(c, l)

	cat := &metrics.Catalogue{}
	if c.Catalogue.Src != nil {
		cat = metrics.ParseCatalogue(c.Catalogue.Name, c.Catalogue.Src, extra, l)
	}
	if cat.Broken {
		// Values, references and charts would all be errors that only
		// follow from it.
		return nil
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

	var themeErrs diag.List
	th := loadTheme(fsys, cfg, o.Theme, &themeErrs)
	l.Merge(&themeErrs)
	if themeErrs.HasErrors() {
		return nil // pages cannot be rendered without their layouts
	}
	s := site.New(cfg, data, c, members, th, "nianbao "+Version)
	addECharts(s, fsys, o, l)
	return s
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

// writer is w as an output, nil when w is: a build with errors renders
// its pages to find every error, and writes nothing.
func writer(w *publish.Writer) output {
	if w == nil {
		return nil
	}
	return w
}

func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// printPDFs prints each report's print edition, in every language, to
// report.pdf beside it, before the build is put in place.
func printPDFs(ctx context.Context, s *site.Site, w *publish.Writer) error {
	var jobs []pdf.Job
	for _, p := range s.Pages() {
		if p.Kind == "print" {
			jobs = append(jobs, pdf.Job{Page: p.Rel, PDF: strings.TrimSuffix(p.Rel, "print/") + "report.pdf", Year: p.Year.Year})
		}
	}
	if err := pdf.Print(ctx, w.Dir(), s.Config.BasePath, jobs); err != nil {
		return err
	}
	for _, j := range jobs {
		if err := w.Adopt(j.PDF); err != nil {
			return err
		}
	}
	return nil
}

// safeRender renders a page and turns a crash into an error that names
// the page, so that a bug shows as one line of a failed build rather than
// a stack trace, and the previous output stays as it was.
func safeRender(s *site.Site, p *site.Page, l *diag.List) (out site.Output) {
	defer func() {
		if r := recover(); r != nil {
			l.Errorf(diag.Pos{File: "/" + p.Rel}, "internal error while rendering this page (please report it): %v", r)
			out = site.Output{}
		}
	}()
	return s.Render(p, l)
}
