package build

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"nianbao/generator/config"
	"nianbao/generator/content"
	"nianbao/generator/diag"
	"nianbao/generator/metrics"
	"nianbao/generator/publish"
	"nianbao/generator/site"
)

// Session builds a site into a temporary folder and keeps the model
// between builds, so that saving one file re-renders only the pages that
// show it (nianbao serve, nianbao check). Build and Rebuild must be called
// from one goroutine at a time; Root and BasePath from any.
type Session struct {
	opts Options
	host string // "127.0.0.1:1313": pages link to http://host/<base path>/
	dir  string // the temporary folder holding the builds
	n    int    // builds made, for folder names

	root     atomic.Value // string: the current output folder, "" before a good build
	basePath atomic.Value // string: the base path pages are built for
	prev     string       // the previous output folder, removed at the next full build

	site     *site.Site
	pages    []*site.Page
	sources  map[string]source // content file → where it sits in the model
	mentions map[*content.Page]map[*metrics.Metric]bool
	good     bool                          // the model and the output match the files: edits may be incremental
	later    func(*diag.List) []*site.Page // what Settle is to do
	// written is the files each page wrote last, so that an edit removes
	// those it no longer writes (the figure page of a deleted chart).
	written pageFiles
}

// pageKey names a page across models: Site.Pages makes new values.
type pageKey struct {
	kind site.Kind
	rel  string
}

// pageFiles is the files of each page, names relative to its folder.
type pageFiles struct {
	mu    sync.Mutex
	files map[pageKey][]string
}

// record notes the files p wrote, and returns those it wrote before and
// not now.
func (f *pageFiles) record(p *site.Page, names []string) (gone []string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	k := pageKey{p.Kind, p.Rel}
	for _, old := range f.files[k] {
		if !slices.Contains(names, old) {
			gone = append(gone, old)
		}
	}
	f.files[k] = names
	return gone
}

// source is where a Markdown file or a year's values sit in the model.
type source struct {
	pages map[string]*content.Page // the map holding the page, nil for values
	lang  string                   // its key there
	year  *content.Year            // nil for the home page
}

// Result describes one build of a session.
type Result struct {
	Changed  []string // the files that changed, slash paths in the site folder
	Full     bool     // the site was loaded again
	Pages    []string // the pages rendered, as folders: "en/2025/operation/"
	Duration time.Duration
	Err      error // a diag.ErrorList when the site has errors
	Warnings []*diag.Diagnostic
}

// String is the line serve prints after each build.
func (r Result) String() string {
	var b strings.Builder
	switch n := len(r.Changed); {
	case n == 1:
		b.WriteString(r.Changed[0] + " changed: ")
	case n > 1:
		fmt.Fprintf(&b, "%s and %d more changed: ", r.Changed[0], n-1)
	}
	if r.Full {
		b.WriteString("full build, ")
	}
	if list, ok := r.Err.(diag.ErrorList); ok {
		fmt.Fprintf(&b, "%d error(s) in %v", len(list), round(r.Duration))
		return b.String()
	} else if r.Err != nil {
		fmt.Fprintf(&b, "failed in %v: %v", round(r.Duration), r.Err)
		return b.String()
	}
	fmt.Fprintf(&b, "%d pages in %v", len(r.Pages), round(r.Duration))
	return b.String()
}

func round(d time.Duration) time.Duration {
	if d < 10*time.Millisecond {
		return d.Round(10 * time.Microsecond)
	}
	return d.Round(time.Millisecond)
}

// NewSession starts a session for o.Site; o.Out is ignored. When host is
// not empty, pages are built for http://host plus the path of baseURL, so
// that their links work when served there.
func NewSession(o Options, host string) (*Session, error) {
	dir, err := newSessionDir()
	if err != nil {
		return nil, err
	}
	s := &Session{opts: o, host: host, dir: dir}
	s.root.Store("")
	s.basePath.Store("/")
	return s, nil
}

// Close removes the session's temporary folder.
func (s *Session) Close() error { return os.RemoveAll(s.dir) }

// Root returns the folder holding the last good build, or "" when there
// has been none.
func (s *Session) Root() string { return s.root.Load().(string) }

// BasePath returns the path the site is built for: "/" or "/alliance/".
func (s *Session) BasePath() string { return s.basePath.Load().(string) }

// Site returns the model of the last build, nil when it could not be
// loaded.
func (s *Session) Site() *site.Site { return s.site }

// Build loads and renders the whole site.
func (s *Session) Build() Result {
	start := time.Now()
	r := s.full()
	r.Duration = time.Since(start)
	return r
}

// Rebuild brings the output up to date after the files changed, slash
// paths relative to the site folder: a section's text or a year's values
// re-render the pages that show them; anything else loads the site again.
func (s *Session) Rebuild(changed []string) Result {
	s.Settle()
	start := time.Now()
	var r Result
	if c, ok := s.incremental(changed); ok {
		r = s.render(c)
	} else {
		r = s.full()
	}
	r.Changed = changed
	r.Duration = time.Since(start)
	return r
}

func (s *Session) options() Options {
	o := s.opts
	if s.host == "" || o.BaseURL != "" {
		return o
	}
	// Build for the local server, keeping the path of baseURL.
	base := "/"
	if src, err := fs.ReadFile(o.files(), config.File); err == nil {
		base = config.Parse(src, "", &diag.List{}).BasePath
	}
	o.BaseURL = "http://" + s.host + base
	return o
}

// full loads the site and renders it into a new folder, as Run does.
func (s *Session) full() Result {
	r := Result{Full: true}
	s.good = false
	s.later = nil
	o := s.options()
	var l diag.List
	st := Load(o, &l)
	s.site = st
	if st == nil {
		r.Err, r.Warnings = l.Err(), l.Warnings()
		return r
	}
	s.basePath.Store(st.Config.BasePath)
	var w *publish.Writer
	out := filepath.Join(s.dir, fmt.Sprint(s.n))
	s.n++
	if !l.HasErrors() {
		var err error
		if w, err = publish.New(out); err != nil {
			r.Err = err
			return r
		}
	}
	work := pool{ctx: s.context()}
	st.KeepForEdits = true // each edit re-renders a print edition and a search script
	st.Convert(work.each, &l)
	s.written = pageFiles{files: map[pageKey][]string{}}
	renderAll(work, st, o.files(), writer(w), &l, nil, func(p *site.Page, names []string) { s.written.record(p, names) })
	if w != nil && !l.HasErrors() && work.ctx.Err() == nil {
		writeAssets(st, nil, w, &l)
	}
	r.Warnings = l.Warnings()
	if l.HasErrors() || work.ctx.Err() != nil {
		if w != nil {
			w.Abort()
		}
		r.Err = l.Err()
		if work.ctx.Err() != nil {
			r.Err = ErrInterrupted
		}
		return r
	}
	if err := w.Commit(); err != nil {
		r.Err = err
		return r
	}
	if s.prev != "" {
		os.RemoveAll(s.prev)
	}
	s.prev = s.Root()
	s.root.Store(out)
	s.index()
	s.good = true
	for _, p := range s.pages {
		r.Pages = append(r.Pages, p.Rel)
	}
	return r
}

// index notes where every content file sits in the model.
func (s *Session) index() {
	s.pages = s.site.Pages()
	s.mentions = map[*content.Page]map[*metrics.Metric]bool{}
	s.sources = map[string]source{}
	c := s.site.Content
	for lg, p := range c.Home {
		s.sources[p.File] = source{pages: c.Home, lang: lg}
	}
	for _, y := range c.Years {
		s.sources[y.Metrics.Name] = source{year: y}
		for lg, p := range y.Index {
			s.sources[p.File] = source{pages: y.Index, lang: lg, year: y}
		}
		for _, sec := range y.Sections {
			for lg, p := range sec.Pages {
				s.sources[p.File] = source{pages: sec.Pages, lang: lg, year: y}
			}
		}
	}
}

// render brings the model up to date after c, converting again the
// texts it changed, and renders the pages c affects. The search pages,
// whose index changes with every edit, are left for Settle, after the
// pages reload.
func (s *Session) render(c *site.Change) Result {
	var l diag.List
	work := pool{ctx: s.context()}
	before := map[string]bool{}
	for _, a := range s.site.Theme.Assets {
		before[a.Path] = true
	}
	s.site.Reconvert(c.Converts, work.each, &l)
	if l.HasErrors() {
		return s.result(nil, &l) // the next build loads the site again
	}
	var now, last []*site.Page
	for _, p := range s.pages {
		switch {
		case !s.site.Affected(p, c):
		case p.Kind == site.SearchPage:
			last = append(last, p)
		default:
			now = append(now, p)
		}
	}
	out := folder(s.Root())
	render(work, s.site, now, out, &l, nil, s.removeGone(out, &l))
	if c.Values != 0 && !l.HasErrors() {
		writeFiles(s.site, s.site.Files(s.pages, &l), out, &l)
	}
	if work.ctx.Err() != nil {
		s.good = false // part of the model and the pages are new
		return Result{Err: ErrInterrupted}
	}
	s.later = func(l *diag.List) []*site.Page {
		writeAssets(s.site, before, out, l)
		render(work, s.site, last, out, l, nil, s.removeGone(out, l))
		removeAssets(s.site, before, out, l)
		return last
	}
	return s.result(now, &l)
}

// context is what stops the session's builds: Options.Context, if set.
func (s *Session) context() context.Context {
	if s.opts.Context != nil {
		return s.opts.Context
	}
	return context.Background()
}

// removeGone returns the recorder that removes the files a page no
// longer writes from out.
func (s *Session) removeGone(out folder, l *diag.List) recorder {
	return func(p *site.Page, names []string) {
		for _, name := range s.written.record(p, names) {
			if err := out.Remove(p.Rel + name); err != nil {
				l.Errorf(diag.Pos{File: "/" + p.Rel + name}, "%v", err)
			}
		}
	}
}

// removeAssets removes from out the assets it held before an edit that
// the theme no longer has: the search index scripts of the old texts,
// whose names carry a hash of what they hold.
func removeAssets(s *site.Site, before map[string]bool, out folder, l *diag.List) {
	now := map[string]bool{}
	for _, a := range s.Theme.Assets {
		now[a.Path] = true
	}
	for p := range before {
		if !now[p] {
			if err := out.Remove(p); err != nil {
				l.Errorf(diag.Pos{File: "/" + p}, "%v", err)
			}
		}
	}
}

// Settle finishes what the last Rebuild left to do after pages reload:
// the search indexes and the search pages.
func (s *Session) Settle() Result {
	start := time.Now()
	if s.later == nil {
		return Result{}
	}
	var l diag.List
	pages := s.later(&l)
	s.later = nil
	r := s.result(pages, &l)
	r.Duration = time.Since(start)
	return r
}

func (s *Session) result(pages []*site.Page, l *diag.List) Result {
	r := Result{Warnings: l.Warnings()}
	if l.HasErrors() {
		s.good = false
		r.Err = l.Err()
		return r
	}
	for _, p := range pages {
		r.Pages = append(r.Pages, p.Rel)
	}
	return r
}
