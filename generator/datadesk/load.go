// Package datadesk is the data staff's side of nianbao: `nianbao data
// template` writes a year's workbook (every catalogue metric with the
// previous year's value, the year's value, target and notes), and
// `nianbao data import` reads it back, or a CSV with the columns of
// /data/metrics.csv, and writes content/<year>/metrics.toml.
//
// Import checks the whole file first and reports every problem at its
// cell (FILE:SHEET!CELL: …) or line (FILE:LINE: …); only a file without
// errors is written, atomically, in catalogue order.
package datadesk

import (
	"fmt"
	"io/fs"
	"os"
	"strings"

	"nianbao/generator/config"
	"nianbao/generator/content"
	"nianbao/generator/diag"
	"nianbao/generator/input"
	"nianbao/generator/metrics"
)

// desk is what the data commands need of a site.
type desk struct {
	dir   string
	cfg   *config.Config
	data  *metrics.Data
	years map[int]*content.Year
}

// dataFile tells the files whose problems stop a data command: the
// settings, the catalogue and the years' values. Problems in sections
// are the editors' business and are left to check and build.
func dataFile(name string) bool {
	return name == config.File || strings.HasPrefix(name, content.Dir+"/") && strings.HasSuffix(name, "/metrics.toml") || name == content.Dir
}

// load reads the site in dir: its settings, catalogue and every year's
// values. Problems in those files are added to l, but for those of the
// file replace, which is about to be replaced.
func load(dir, replace string, l *diag.List) *desk {
	fsys := input.New(dir) // only regular files inside the site folder (SPEC §9)
	src, err := fs.ReadFile(fsys, config.File)
	if err != nil {
		l.Errorf(diag.Pos{File: config.File}, "cannot read the site settings: %v (is %s a site folder? use --site DIR)", unwrap(err), dir)
		return nil
	}
	var all diag.List
	cfg := config.Parse(src, "", &all)
	c := content.Load(fsys, content.Options{Default: cfg.Language, Extra: cfg.Extra(), Drafts: true}, &all)
	if c.Catalogue.Src == nil {
		all.Errorf(diag.Pos{File: content.Dir + "/metrics.toml"}, "there is no metric catalogue: data staff fill in the metrics it defines")
	}
	cat := metrics.ParseCatalogue(content.Dir+"/metrics.toml", c.Catalogue.Src, cfg.Extra(), &all)
	d := &desk{dir: dir, cfg: cfg, years: map[int]*content.Year{}}
	var years []int
	for _, y := range c.Years {
		years = append(years, y.Year)
		d.years[y.Year] = y
	}
	d.data = metrics.NewData(cat, years)
	for _, y := range c.Years {
		if y.Metrics.Src != nil {
			d.data.ParseYear(y.Year, y.Metrics.Name, y.Metrics.Src, cfg.Extra(), &all)
		}
	}
	for _, x := range all.All() {
		if dataFile(x.Pos.File) && x.Pos.File != replace {
			l.Add(x)
		}
	}
	return d
}

func unwrap(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}

// writeAtomic writes data to path through a temporary file in the same
// folder, so that the file is either its old or its new version.
func writeAtomic(path string, data []byte) error {
	if fi, err := os.Lstat(path); err == nil && !fi.Mode().IsRegular() {
		return fmt.Errorf("%s is not a regular file; nothing was written", path)
	}
	dir := path[:strings.LastIndexAny(path, `/\`)+1]
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, ".nianbao-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
