// Package build runs the whole pipeline: load the settings and content,
// parse the metric data, assemble the site model, render every page, and
// publish the result in one step.
package build

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"nianbao/generator/diag"
	"nianbao/generator/input"
	"nianbao/generator/pdf"
	"nianbao/generator/publish"
	"nianbao/generator/site"
)

// Version is the program's version.
const Version = "0.1.0"

// Options says what to build.
type Options struct {
	Site string // the site folder
	// FS, when set, holds the site instead of the Site folder (a test's
	// fstest.MapFS, say); Site then only names it in messages.
	FS      fs.FS
	Out     string // the output folder; "" means <site>/public (required with FS alone)
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

// Run builds the site, one step after another:
//
//  1. load: the settings, the content files and the theme (Load);
//  2. parse: the metric catalogue and values, the members (Load);
//  3. model: every Markdown text converted once, and what the pages
//     gather from several texts (site.Convert);
//  4. render: every page, from the model alone, on all cores;
//  5. write: the pages and every other file into a scratch folder, put
//     in place at once when the whole build has succeeded.
//
// On any problem it returns every error found, as a diag.ErrorList, and
// leaves the output folder as it was.
func Run(o Options) (Stats, error) {
	start := time.Now()
	o = o.withDefaults()
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(memoryLimit(0)))
	if err := refuse(o); err != nil {
		return Stats{}, err
	}
	var l diag.List
	s := Load(o, &l)
	if s == nil {
		return Stats{Warnings: l.Warnings()}, l.Err()
	}
	defer startLimiter(memoryLimit(textBytes(s.Content)))()
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
	if w != nil && !l.HasErrors() {
		writeAssets(s, nil, w, &l)
		dropAssets(s)
	}
	st := renderAll(work, s, o.files(), writer(w), &l, o.Progress, nil)
	if err := finish(o, s, w, &l); err != nil {
		return Stats{Warnings: l.Warnings()}, err
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

func (o Options) withDefaults() Options {
	if o.Out == "" && (o.FS == nil || o.Site != "") {
		o.Out = filepath.Join(o.Site, "public")
	}
	if o.Context == nil {
		o.Context = context.Background()
	}
	return o
}

// files returns the site's files: Options.FS, else the site folder.
func (o Options) files() input.Site {
	if o.FS != nil {
		return input.Of(o.FS)
	}
	return input.New(o.Site)
}

// refuse refuses an output folder that is, holds or lies in what the
// build reads.
func refuse(o Options) error {
	if o.FS != nil && o.Site == "" {
		if o.Out == "" {
			// "public" in the working folder is nobody's choice.
			return errors.New("a site read from an fs.FS needs an output folder: set Options.Out")
		}
		return nil // the site is not on disk
	}
	return publish.Refuse(o.Out, o.Site)
}

// finish ends a build whose files are written: it removes them when the
// build was interrupted or found errors, and prints the PDFs.
func finish(o Options, s *site.Site, w *publish.Writer, l *diag.List) error {
	var err error
	switch {
	case o.Context.Err() != nil:
		err = ErrInterrupted
	case l.HasErrors():
		err = l.Err()
	case o.PDF:
		if err = printPDFs(o.Context, s, w); err != nil && o.Context.Err() != nil {
			err = ErrInterrupted
		}
	}
	if err != nil && w != nil {
		w.Abort()
	}
	return err
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
		if p.Kind == site.PrintPage {
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
