package datadesk

import (
	"cmp"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"nianbao/generator/content"
	"nianbao/generator/diag"
	"nianbao/generator/metrics"
)

// ImportOptions says what to import.
type ImportOptions struct {
	Site string // the site folder
	File string // the workbook (.xlsx) or CSV, as the user named it
	Year int
}

// Result is what an import did.
type Result struct {
	Path     string   // the year file written, relative to the site folder
	Values   int      // values written
	Notes    int      // notes written, every language counted
	Dropped  []string // metrics the year file had and the import has not
	Warnings []*diag.Diagnostic
	NewYear  bool // the year folder was made: a data-only year until it has a report
}

// insideSite refuses a year folder that a symbolic link takes outside the
// site folder: nianbao writes only inside it.
func insideSite(site, dir string) error {
	s, err1 := filepath.EvalSymlinks(site)
	d, err2 := filepath.EvalSymlinks(dir)
	if err1 != nil || err2 != nil {
		return fmt.Errorf("cannot resolve %s: %v", dir, cmp.Or(err1, err2))
	}
	if !inside(d, s) {
		return fmt.Errorf("%s leads outside the site folder (a symbolic link?); nothing was written", dir)
	}
	return nil
}

// Import reads o.File and writes content/<year>/metrics.toml. On any
// error it returns every problem found, as a diag.ErrorList, and writes
// nothing.
func Import(o ImportOptions) (Result, error) {
	var l diag.List
	res := Result{Path: fmt.Sprintf("%s/%d/metrics.toml", content.Dir, o.Year)}
	if o.Year < 1900 || o.Year > 2999 {
		return res, fmt.Errorf("--year %d is not a year from 1900 to 2999", o.Year)
	}
	d := load(o.Site, res.Path, &l)
	if err := l.Err(); err != nil {
		return res, err
	}
	src, err := os.ReadFile(o.File)
	if err != nil {
		return res, fmt.Errorf("cannot read %s: %v", o.File, unwrap(err))
	}
	entries, err := d.read(o, src, &l)
	if err != nil {
		return res, err
	}
	values := d.check(entries, o.Year, &l)
	if len(values) == 0 && l.Err() == nil {
		// An unfilled template or a wrong --year: writing would empty the
		// year file, or make an empty data year.
		l.Errorf(diag.Pos{File: o.File}, "no %d value in it; fill in the %d values, or import it with the --year its values are for", o.Year, o.Year)
	}
	res.Warnings = l.Warnings()
	if err := l.Err(); err != nil {
		return res, err
	}
	text := d.yearFile(values, o.Year, filepath.Base(o.File))
	// Read back what is about to be written, as the build will read it.
	var back diag.List
	check := metrics.NewData(d.data.Catalogue, []int{o.Year})
	check.ParseYear(o.Year, res.Path, text, d.cfg.Extra(), &back)
	if err := back.Err(); err != nil {
		return res, fmt.Errorf("internal error: the year file would not read back (please report it): %v", err)
	}
	res.count(d, values, o.Year)
	return res, res.write(o, text)
}

// count records what the import writes and what it drops.
func (res *Result) count(d *desk, values map[*metrics.Metric]metrics.Value, year int) {
	for _, m := range d.data.Catalogue.Metrics {
		if _, had := d.data.Value(m, year); had {
			if _, has := values[m]; !has {
				res.Dropped = append(res.Dropped, m.ID)
			}
		}
	}
	for _, v := range values {
		res.Values++
		if v.Note.Base != "" {
			res.Notes++
		}
		res.Notes += len(v.Note.Tr)
	}
}

// write puts the year file in place, inside the site folder only.
func (res *Result) write(o ImportOptions, text []byte) error {
	dir := filepath.Join(o.Site, content.Dir, strconv.Itoa(o.Year))
	if _, err := os.Lstat(dir); errors.Is(err, os.ErrNotExist) {
		res.NewYear = true
	}
	if err := insideSite(o.Site, filepath.Join(o.Site, content.Dir)); err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := insideSite(o.Site, dir); err != nil {
		return err
	}
	return writeAtomic(filepath.Join(dir, "metrics.toml"), text)
}

// read reads the entries of the file by its kind.
func (d *desk) read(o ImportOptions, src []byte, l *diag.List) ([]entry, error) {
	switch strings.ToLower(filepath.Ext(o.File)) {
	case ".xlsx", ".xlsm":
		return readWorkbook(o.File, src, o.Year, d.cfg.Language, l), nil
	case ".csv", ".txt":
		return readCSV(o.File, src, o.Year, d.cfg.Language, l), nil
	case ".xls":
		return nil, fmt.Errorf("%s is an old Excel 97–2003 workbook; save it as .xlsx (Excel workbook) and import that", o.File)
	}
	return nil, fmt.Errorf("%s: expected an Excel workbook (.xlsx) or a CSV file (.csv)", o.File)
}

// check turns entries into values, reporting every problem at its cell:
// unknown or repeated metrics, bad values, values outside min and max;
// implausible values are warnings.
func (d *desk) check(entries []entry, year int, l *diag.List) map[*metrics.Metric]metrics.Value {
	cat := d.data.Catalogue
	ids := make([]string, len(cat.Metrics))
	for i, m := range cat.Metrics {
		ids[i] = m.ID
	}
	seen := map[*metrics.Metric]diag.Pos{}
	out := map[*metrics.Metric]metrics.Value{}
	for _, e := range entries {
		m, ok := cat.Metric(e.id)
		if !ok {
			l.Errorf(e.idPos, "unknown metric %q%s", e.id, suggestID(e.id, cat.Metrics, ids))
			continue
		}
		if p, dup := seen[m]; dup {
			l.Errorf(e.idPos, "%s is given twice (first at %s)", m.ID, p)
			continue
		}
		seen[m] = e.idPos
		v, empty, msg := e.value(m)
		if msg != "" {
			l.Errorf(e.valuePos, "value of %s %s", m.ID, msg)
			continue
		}
		if empty {
			if len(e.notes) > 0 {
				l.Errorf(e.valuePos, "%s has a note but no value; fill in the value, or clear the note (an empty value means not collected)", m.ID)
			}
			continue
		}
		if msg := m.OutOfBounds(v); msg != "" {
			l.Errorf(e.valuePos, "value %s", msg)
			continue
		}
		for _, w := range d.data.Implausible(m, year, v) {
			l.Warnf(e.valuePos, "%s", w)
		}
		val := metrics.Value{V: v, Pos: e.valuePos}
		d.keepNotes(&val, m, year, e.noteCols)
		for _, n := range e.notes {
			switch {
			case n.lang == "":
				val.Note.Base = n.text
			case slices.Contains(d.cfg.Extra(), n.lang):
				val.Note.Set(n.lang, n.text)
			default:
				l.Warnf(e.idPos, "the note in %q of %s is left out: site.toml has no language %q", n.lang, m.ID, n.lang)
			}
		}
		out[m] = val
	}
	return out
}

// suggestID is the did-you-mean for an unknown id: the metric whose key
// it is ("member_units" for operation.member_units), or the closest id.
func suggestID(id string, ms []*metrics.Metric, ids []string) string {
	for _, m := range ms {
		if m.Key == id || strings.EqualFold(m.ID, id) {
			return fmt.Sprintf("; did you mean %q?", m.ID)
		}
	}
	return diag.DidYouMean(id, ids)
}

// keepNotes copies into v the notes of m's current value in year in each
// language the imported file has no note column for: a CSV of metric,
// year and value must not erase the notes written in the year file.
func (d *desk) keepNotes(v *metrics.Value, m *metrics.Metric, year int, cols map[string]bool) {
	old, ok := d.data.Value(m, year)
	if !ok {
		return
	}
	if !cols[""] {
		v.Note.Base = old.Note.Base
	}
	for lg, t := range old.Note.Tr {
		if !cols[lg] {
			v.Note.Set(lg, t)
		}
	}
}

// yearFile is the TOML of a year's values: groups and metrics in
// catalogue order, notes in every language.
func (d *desk) yearFile(values map[*metrics.Metric]metrics.Value, year int, from string) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "# %d: written by nianbao data import from %s\n", year, tomlComment(from))
	extra := d.cfg.Extra()
	for _, g := range d.data.Catalogue.Groups {
		started := false
		for _, m := range g.Metrics {
			v, ok := values[m]
			if !ok {
				continue
			}
			if !started {
				fmt.Fprintf(&b, "\n[%s]\n", g.ID)
				started = true
			}
			num := m.Plain(v.V)
			if m.Kind != metrics.Flag {
				num = strconv.FormatFloat(v.V, 'f', -1, 64)
			}
			if v.Note.Base == "" && len(v.Note.Tr) == 0 {
				fmt.Fprintf(&b, "%s = %s\n", m.Key, num)
				continue
			}
			fmt.Fprintf(&b, "%s = { value = %s", m.Key, num)
			if v.Note.Base != "" {
				fmt.Fprintf(&b, ", note = %s", tomlString(v.Note.Base))
			}
			for _, lg := range extra {
				if t, ok := v.Note.Tr[lg]; ok {
					fmt.Fprintf(&b, ", note_%s = %s", lg, tomlString(t))
				}
			}
			b.WriteString(" }\n")
		}
	}
	return []byte(b.String())
}

// tomlString is s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

func tomlComment(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, s)
}
