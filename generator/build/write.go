package build

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sync"
	"sync/atomic"

	"nianbao/generator/content"
	"nianbao/generator/diag"
	"nianbao/generator/site"
)

// output is where a build's files go: a publish.Writer for a build, or
// the folder of serve's last build, whose files a rebuild replaces.
type output interface {
	Write(rel string, data []byte) error
	Copy(rel string, fsys fs.FS, src string) error
}

// renderAll renders every page and writes the site's files but for the
// assets (writeAssets) to out, as long as no error has been found; out
// may be nil (nothing is written).
func renderAll(work pool, s *site.Site, fsys fs.FS, out output, l *diag.List, progress func(done, total int), rec recorder) Stats {
	pages := s.Pages()
	st := Stats{Pages: len(pages)}
	// The files that are not pages read the model alone: they are made
	// while the pages render, rather than on one core after them (the
	// data workbook alone takes a tenth of a medium build).
	var files []site.File
	var made sync.WaitGroup
	if out != nil {
		made.Go(func() { files = s.Files(pages, l) })
	}
	st.Charts = render(work, s, pages, out, l, &counter{report: progress, total: len(pages)}, rec)
	made.Wait()
	if out != nil && !l.HasErrors() && work.ctx.Err() == nil {
		writeFiles(s, files, out, l)
		copyFiles(s, fsys, out, l)
	}
	return st
}

// recorder, when not nil, is told the files each page wrote, names
// relative to the page's folder: serve removes those a page no longer
// writes after an edit.
type recorder func(p *site.Page, names []string)

// render renders pages on the workers, writes their files to out when it
// is not nil and no error has been found, and returns how many charts
// they hold.
func render(work pool, s *site.Site, pages []*site.Page, out output, l *diag.List, pr *counter, rec recorder) int {
	var charts atomic.Int64
	work.each(len(pages), func(i int) {
		p := pages[i]
		res := safeRender(s, p, l)
		defer res.Release()
		pr.tick()
		if out == nil || l.HasErrors() {
			return
		}
		names := make([]string, 0, len(res.Files))
		for _, f := range res.Files {
			if err := out.Write(p.Rel+f.Name, f.Data); err != nil {
				l.Errorf(diag.Pos{File: "/" + p.Rel + f.Name}, "%v", err)
			}
			names = append(names, f.Name)
		}
		if rec != nil {
			rec(p, names)
		}
		charts.Add(int64(res.Charts))
	})
	return int(charts.Load())
}

// writeFiles writes files, the site's that are not pages (Site.Files: the data
// downloads, sitemap, feeds, robots.txt), but for those that a static
// file of the site or its theme replaces: the site's own robots.txt, say,
// wins.
func writeFiles(s *site.Site, files []site.File, out output, l *diag.List) {
	static := map[string]bool{}
	for _, f := range s.Theme.Static {
		static[f.Path] = true
	}
	for _, f := range files {
		if static[f.Name] {
			continue
		}
		if err := out.Write(f.Name, f.Data); err != nil {
			l.Errorf(diag.Pos{File: "/" + f.Name}, "%v", err)
		}
	}
}

// writeAssets writes the theme's assets (stylesheet, scripts, ECharts,
// the search index), but for those whose path is in done: the ones the
// output already holds. The model step makes the last of them, so a
// build writes them before the pages render.
func writeAssets(s *site.Site, done map[string]bool, out output, l *diag.List) {
	th := s.Theme
	for _, name := range th.AssetNames() {
		a := th.Assets[name]
		if done[a.Path] {
			continue
		}
		if err := out.Write(a.Path, a.Data); err != nil {
			l.Errorf(diag.Pos{File: a.Name}, "%v", err)
		}
	}
}

// dropAssets forgets the bytes of the theme's assets once they are
// written, keeping their names and paths: the pages only link to them,
// and a build has no use for a megabyte of ECharts and the search index
// while its pages render.
func dropAssets(s *site.Site) {
	for name, a := range s.Theme.Assets {
		a.Data = nil
		s.Theme.Assets[name] = a
	}
}

// copyFiles publishes the theme's and the site's static files, and the
// files that sit in year folders (in every language's edition).
func copyFiles(s *site.Site, fsys fs.FS, out output, l *diag.List) {
	for _, f := range s.Theme.Static {
		if err := out.Copy(f.Path, f.FS, f.Src); err != nil {
			l.Errorf(diag.Pos{File: f.Src}, "%v", err)
		}
	}
	for _, y := range s.Content.Years {
		for _, f := range y.Static {
			rel := f[len(content.Dir)+1:]
			for _, lg := range s.Config.Languages {
				if err := out.Copy(lg.Prefix+rel, fsys, f); err != nil {
					l.Errorf(diag.Pos{File: f}, "%v", err)
				}
			}
		}
	}
}

// folder is a built site's folder whose files are replaced in place, each
// by a rename, so that a reader never sees half of one: serve's
// rebuilds.
type folder string

func (d folder) Write(rel string, data []byte) error {
	full := filepath.Join(string(d), filepath.FromSlash(path.Clean(rel)))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return err
	}
	tmp := full + ".new"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, full)
}

func (d folder) Copy(rel string, fsys fs.FS, src string) error {
	data, err := fs.ReadFile(fsys, src)
	if err != nil {
		return err
	}
	return d.Write(rel, data)
}

// Remove removes rel and the folders it leaves empty; a file already
// gone is no error.
func (d folder) Remove(rel string) error {
	rel = path.Clean(rel)
	err := os.Remove(filepath.Join(string(d), filepath.FromSlash(rel)))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	for dir := path.Dir(rel); dir != "."; dir = path.Dir(dir) {
		if os.Remove(filepath.Join(string(d), filepath.FromSlash(dir))) != nil {
			break // not empty
		}
	}
	return nil
}
