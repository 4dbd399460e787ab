package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"nianbao/generator/config"
	"nianbao/generator/content"
	"nianbao/generator/diag"
	"nianbao/generator/input"
	"nianbao/generator/lang"
	"nianbao/generator/metrics"
)

// NewYear starts content/<year>/ in the site folder dir from the latest
// report before it: _index.md and each section of the default language
// as stubs (titles, weights and headings kept, each other block replaced
// by a TODO line), and a metrics.toml listing every catalogue metric,
// commented out, with last year's value. It refuses to touch an existing
// year folder, and returns the files it wrote, as slash paths in dir.
func NewYear(dir string, year int) ([]string, error) {
	if year < content.MinYear || year > content.MaxYear {
		return nil, fmt.Errorf("%d is not a year from %d to %d", year, content.MinYear, content.MaxYear)
	}
	yearDir := path.Join(content.Dir, strconv.Itoa(year))
	dataYear, err := onlyValues(filepath.Join(dir, filepath.FromSlash(yearDir)))
	if err != nil {
		return nil, fmt.Errorf("%s exists already; nianbao new never overwrites a year", yearDir)
	}
	var l diag.List
	cfg, c, data := load(dir, &l)
	if l.HasErrors() {
		return nil, l.Err()
	}
	// Sections come from the last report before the year; values from
	// the last year before it with values, which may be a data-only year.
	var prev, prevData *content.Year
	for _, y := range c.Years {
		if y.Year < year && !y.DataOnly() {
			prev = y
		}
		if y.Year < year && y.Metrics.Src != nil {
			prevData = y
		}
	}
	files := map[string]string{
		yearDir + "/_index.md":    indexStub(prev, year, cfg.Language),
		yearDir + "/metrics.toml": metricsStub(data, prevData, year),
	}
	if dataYear {
		// The values came first (nianbao data import): keep them.
		delete(files, yearDir+"/metrics.toml")
	}
	if prev != nil {
		sh := shift{from: prev.Year, to: year}
		for _, lg := range cfg.Extra() {
			if p := prev.Index[lg]; p != nil {
				files[yearDir+"/"+path.Base(p.File)] = frontMatter(p.Title, p.Weight, p.HasWgt, strconv.Itoa(prev.Year), year) + sh.stubBody(p.Body)
			}
		}
		for _, sec := range prev.Sections {
			// Every language's page, so a translated section starts
			// translated; the default language's first.
			for _, lg := range append([]string{cfg.Language}, cfg.Extra()...) {
				if p := sec.Pages[lg]; p != nil {
					files[yearDir+"/"+path.Base(p.File)] = frontMatter(p.Title, p.Weight, p.HasWgt, "", 0) + sh.stubBody(p.Body)
				}
			}
		}
	}
	return writeNew(dir, files)
}

// onlyValues tells whether the year folder yearDir is a data year, holding
// a metrics.toml and nothing else (nianbao new then adds the report), or
// absent; any other folder is an error.
func onlyValues(yearDir string) (bool, error) {
	entries, err := os.ReadDir(yearDir)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil || len(entries) != 1 || entries[0].Name() != "metrics.toml" {
		return false, fmt.Errorf("%s holds a report", yearDir)
	}
	return true, nil
}

// load reads what a new year is made from: the settings, the content and
// the values.
func load(dir string, l *diag.List) (*config.Config, *content.Content, *metrics.Data) {
	fsys := input.New(dir) // only regular files inside the site, as a build reads
	src, err := fs.ReadFile(fsys, config.File)
	if err != nil {
		l.Errorf(diag.Pos{File: config.File}, "cannot read the site settings: %v (is %s a site folder?)", errors.Unwrap(err), dir)
		return nil, nil, nil
	}
	cfg := config.Parse(src, "", l)
	extra := cfg.Extra()
	c := content.Load(fsys, content.Options{Default: cfg.Language, Extra: extra}, l)
	cat := &metrics.Catalogue{}
	if c.Catalogue.Src != nil {
		cat = metrics.ParseCatalogue(c.Catalogue.Name, c.Catalogue.Src, extra, l)
	}
	var years []int
	for _, y := range c.Years {
		years = append(years, y.Year)
	}
	data := metrics.NewData(cat, years)
	for _, y := range c.Years {
		if y.Metrics.Src != nil {
			data.ParseYear(y.Year, y.Metrics.Name, y.Metrics.Src, extra, l)
		}
	}
	return cfg, c, data
}

// indexStub is the new report's front page: last year's title with the
// year changed, and a TODO for the foreword.
func indexStub(prev *content.Year, year int, def string) string {
	if prev == nil || prev.Index[def] == nil {
		return "+++\ndraft = true  # delete this line to publish the report\n+++\n" + todoLine + "\n"
	}
	p := prev.Index[def]
	fm := frontMatter(p.Title, p.Weight, p.HasWgt, strconv.Itoa(prev.Year), year)
	// A new report is a draft until the secretariat publishes it: it is
	// not on the site (build --drafts shows it) while its text and values
	// are being written.
	fm = strings.Replace(fm, "+++\n", "+++\ndraft = true  # delete this line to publish the report\n", 1)
	if fm == "" {
		fm = "+++\ndraft = true  # delete this line to publish the report\n+++\n"
	}
	return fm + shift{from: prev.Year, to: year}.stubBody(p.Body)
}

// frontMatter writes title, its translations and weight; with from set,
// the year in the titles becomes year.
func frontMatter(title lang.Text, weight int, hasWeight bool, from string, year int) string {
	re := func(s string) string {
		if from == "" {
			return s
		}
		return strings.ReplaceAll(s, from, strconv.Itoa(year))
	}
	var b strings.Builder
	if title.Base != "" {
		fmt.Fprintf(&b, "title = %s\n", tomlString(re(title.Base)))
	}
	for _, lg := range sortedKeys(title.Tr) {
		fmt.Fprintf(&b, "title_%s = %s\n", lg, tomlString(re(title.Tr[lg])))
	}
	if hasWeight {
		fmt.Fprintf(&b, "weight = %d\n", weight)
	}
	if b.Len() == 0 {
		return ""
	}
	return "+++\n" + b.String() + "+++\n"
}

var atxHeading = regexp.MustCompile(`^ {0,3}#{1,6}(\s|$)`)

// stubBody keeps a body's headings and its chart, kpi and table blocks
// (they show the new year's figures as they are filled in) and replaces
// every other block (a paragraph, list, table, quote or code) with a TODO
// line.
func (sh shift) stubBody(body []byte) string {
	var out []string
	fence := ""
	inBlock := false
	var keep []string // the lines of a data block being copied
	for _, line := range strings.Split(string(body), "\n") {
		trimmed := strings.TrimSpace(line)
		if fence != "" {
			if keep != nil {
				keep = append(keep, sh.years(line))
			}
			if strings.HasPrefix(trimmed, fence) {
				fence = ""
				if keep != nil {
					out = append(out, strings.Join(keep, "\n"))
					keep = nil
				}
			}
			continue
		}
		f, isFence := fenceOf(trimmed)
		switch {
		case trimmed == "":
			inBlock = false
		case atxHeading.MatchString(line):
			out = append(out, trimmed)
			inBlock = false
		case isFence && isDataBlock(trimmed[len(f):]):
			fence, keep, inBlock = f, []string{line}, false
		default:
			if isFence {
				fence = f
			}
			if !inBlock {
				out = append(out, todoLine)
				inBlock = true
			}
		}
	}
	if len(out) == 0 {
		return "\n" + todoLine + "\n"
	}
	return "\n" + strings.Join(out, "\n\n") + "\n"
}

// metricsStub lists every metric by group, commented out, with last
// year's value as a start and in a comment.
func metricsStub(data *metrics.Data, prev *content.Year, year int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Values collected for %d. Uncomment a line and write this year's figure;\n", year)
	if prev != nil {
		fmt.Fprintf(&b, "# the comment keeps %d's value.\n", prev.Year)
	}
	for _, g := range data.Catalogue.Groups {
		fmt.Fprintf(&b, "\n[%s]\n", g.ID)
		for _, m := range g.Metrics {
			if prev == nil {
				fmt.Fprintf(&b, "# %s =\n", m.Key)
				continue
			}
			v, ok := data.Value(m, prev.Year)
			if !ok {
				fmt.Fprintf(&b, "# %s =  # %d: no value\n", m.Key, prev.Year)
				continue
			}
			n := strconv.FormatFloat(v.V, 'f', -1, 64)
			if m.Kind == metrics.Flag {
				n = m.Plain(v.V) // true or false
			}
			fmt.Fprintf(&b, "# %s = %s  # %d: %s\n", m.Key, n, prev.Year, n)
		}
	}
	return b.String()
}

// shift moves a data block's year range that ended at the previous
// report's year to end at the new year.
type shift struct{ from, to int }

var yearsRe = regexp.MustCompile(`^(\s*(?:>\s*)*years\s*=\s*\[\s*\d{4}\s*,\s*)(\d{4})(\s*\].*)$`)

// years rewrites `years = [a, from]` in line as `years = [a, to]`.
func (sh shift) years(line string) string {
	m := yearsRe.FindStringSubmatch(line)
	if m == nil || m[2] != strconv.Itoa(sh.from) {
		return line
	}
	return m[1] + strconv.Itoa(sh.to) + m[3]
}

// writeNew writes files (slash paths in dir), never replacing one.
func writeNew(dir string, files map[string]string) ([]string, error) {
	names := sortedKeys(files)
	for _, name := range names {
		full := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return nil, err
		}
		f, err := os.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return nil, err
		}
		_, err = f.WriteString(files[name])
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return nil, err
		}
	}
	return names, nil
}

// isDataBlock reports whether a fence's info string opens a chart, kpi or
// table block.
func isDataBlock(info string) bool {
	switch strings.TrimSpace(info) {
	case "chart", "kpi", "table":
		return true
	}
	return false
}
