package datadesk

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"nianbao/generator/diag"
	"nianbao/generator/metrics"
	"nianbao/generator/sheet"
	"nianbao/generator/workbook"
)

// entry is one row of an imported file: a metric id, its value cell and
// its notes, each with its position.
type entry struct {
	id       string
	idPos    diag.Pos
	valuePos diag.Pos
	value    func(m *metrics.Metric) (float64, bool, string) // see parseText
	notes    []note
	noteCols map[string]bool // the languages the file has a note column for ("" the default)
}

type note struct {
	lang string // "" for the default language
	text string
}

// columns are the positions of the columns import reads.
type columns struct {
	id, year, value int
	notes           map[int]string // column → language
	valueYears      []int          // years of the value columns seen
}

// findColumns reads a header row. It returns ok=false when the row has
// no metric id column.
func findColumns(cells []string, year int, defLang string) (columns, bool) {
	c := columns{id: -1, year: -1, value: -1, notes: map[int]string{}}
	plain := -1
	for i, text := range cells {
		h := parseHeader(text, defLang)
		switch {
		case h.col == colID && c.id < 0:
			c.id = i
		case h.col == colYear:
			c.year = i
		case h.col == colValue && h.year == 0:
			plain = i
		case h.col == colValue:
			c.valueYears = append(c.valueYears, h.year)
			if h.year == year {
				c.value = i
			}
		case h.col == colNote:
			c.notes[i] = h.lang
		}
	}
	if c.value < 0 {
		c.value = plain
	}
	return c, c.id >= 0
}

// noteLangs are the languages with a note column.
func (c columns) noteLangs() map[string]bool {
	out := map[string]bool{}
	for _, lg := range c.notes {
		out[lg] = true
	}
	return out
}

// noValueColumn is the message for a header with no column of year's
// values.
func noValueColumn(c columns, year int) string {
	if n := len(c.valueYears); n > 0 {
		latest := c.valueYears[n-1]
		return fmt.Sprintf("no column of %d values: this file's values are for %d; import it with --year %d, or rename the column", year, latest, latest)
	}
	return "no value column: the header must name the metric id and the value (such as metric, year, value, note, as /data/metrics.csv does)"
}

// readWorkbook reads the entries of the first sheet with a metric id
// column in its header (the first non-empty row).
func readWorkbook(file string, data []byte, year int, defLang string, l *diag.List) []entry {
	sheets, err := workbook.Read(data)
	if err != nil {
		l.Errorf(diag.Pos{File: file}, "%v", err)
		return nil
	}
	for _, s := range sheets {
		hr, c, ok := headerRow(s, year, defLang)
		if !ok {
			continue
		}
		at := func(col, row int) diag.Pos {
			return diag.Pos{File: file, Line: row, Col: col + 1, Ref: s.Name + "!" + cellRef(col, row)}
		}
		if c.value < 0 {
			first := s.Rows[hr][0]
			l.Errorf(at(first.Col-1, first.Row), "%s", noValueColumn(c, year))
			return nil
		}
		return sheetEntries(s, hr, c, year, at, l)
	}
	l.Errorf(diag.Pos{File: file}, "no sheet has a header with a metric id column (指标ID or metric); start from nianbao data template")
	return nil
}

// headerRow finds the header among a sheet's first ten rows (a title row
// may stand above it): the first row with a metric id column.
func headerRow(s workbook.ReadSheet, year int, defLang string) (int, columns, bool) {
	for hr := 0; hr < min(len(s.Rows), 10); hr++ {
		width := 0
		for _, v := range s.Rows[hr] {
			width = max(width, v.Col)
		}
		row := make([]string, width)
		for _, v := range s.Rows[hr] {
			row[v.Col-1] = v.Text
		}
		if c, ok := findColumns(row, year, defLang); ok {
			return hr, c, true
		}
	}
	return 0, columns{}, false
}

func sheetEntries(s workbook.ReadSheet, hr int, c columns, year int, at func(col, row int) diag.Pos, l *diag.List) []entry {
	var out []entry
	for r := hr + 1; r < len(s.Rows); r++ {
		byCol := map[int]workbook.Value{}
		for _, v := range s.Rows[r] {
			byCol[v.Col-1] = v
		}
		if len(byCol) == 0 {
			continue
		}
		if c.year >= 0 {
			if y, ok := byCol[c.year]; ok && strings.TrimSpace(y.Text) != strconv.Itoa(year) && y.Num != float64(year) {
				continue // another year's row
			}
		}
		ref := func(col int) diag.Pos { return at(col, r+1) }
		idCell, hasID := byCol[c.id]
		id := strings.TrimSpace(idCell.Text)
		val, hasVal := byCol[c.value]
		if !hasID || id == "" {
			if hasVal {
				l.Errorf(ref(c.value), "a value in a row without a metric id")
			}
			continue
		}
		e := entry{id: id, idPos: ref(c.id), valuePos: ref(c.value), noteCols: c.noteLangs()}
		e.value = func(m *metrics.Metric) (float64, bool, string) {
			if !hasVal {
				return 0, true, ""
			}
			return parseCell(m, val)
		}
		for col, lg := range c.notes {
			if v, ok := byCol[col]; ok && v.Uncomputed {
				l.Errorf(ref(col), "the note holds the formula =%s with no result saved; type the note as text (a note starting with = needs a ' before it)", v.Formula)
			} else if ok && strings.TrimSpace(v.Text) != "" {
				e.notes = append(e.notes, note{lang: lg, text: strings.TrimSpace(v.Text)})
			}
		}
		out = append(out, e)
	}
	return out
}

// cellRef is the A1 name of a cell: col counts from 0, row from 1.
func cellRef(col, row int) string {
	name := ""
	for n := col + 1; n > 0; n = (n - 1) / 26 {
		name = string(rune('A'+(n-1)%26)) + name
	}
	return name + strconv.Itoa(row)
}

// decodeCSV returns the text of a CSV file: UTF-8 with or without a byte
// order mark, or GB18030 (what Excel writes on Chinese Windows).
func decodeCSV(data []byte) (string, error) {
	if b, ok := bytes.CutPrefix(data, []byte("\xef\xbb\xbf")); ok {
		data = b
	} else if !utf8.Valid(data) {
		d, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
		if err != nil {
			return "", err
		}
		data = d
	}
	if !utf8.Valid(data) {
		return "", fmt.Errorf("the file is neither UTF-8 nor GB18030 text")
	}
	return string(data), nil
}

// readCSV reads the entries of a CSV file for year.
func readCSV(file string, data []byte, year int, defLang string, l *diag.List) []entry {
	text, err := decodeCSV(data)
	if err != nil {
		l.Errorf(diag.Pos{File: file}, "%v", err)
		return nil
	}
	r := csv.NewReader(strings.NewReader(text))
	r.FieldsPerRecord = -1
	head, err := r.Read()
	if err != nil {
		l.Errorf(diag.Pos{File: file, Line: 1}, "cannot read the header: %v", csvErr(err))
		return nil
	}
	c, ok := findColumns(head, year, defLang)
	switch {
	case !ok:
		l.Errorf(diag.Pos{File: file, Line: 1}, "no metric column: the header must name metric, year and value, as /data/metrics.csv does")
		return nil
	case c.value < 0:
		l.Errorf(diag.Pos{File: file, Line: 1}, "%s", noValueColumn(c, year))
		return nil
	}
	var out []entry
	for {
		rec, err := r.Read()
		if err != nil {
			if err.Error() != "EOF" {
				line, _ := r.FieldPos(0)
				l.Errorf(diag.Pos{File: file, Line: line}, "%v", csvErr(err))
			}
			return out
		}
		line, _ := r.FieldPos(0)
		if e, ok := csvEntry(rec, c, year, diag.Pos{File: file, Line: line}, l); ok {
			out = append(out, e)
		}
	}
}

func csvEntry(rec []string, c columns, year int, pos diag.Pos, l *diag.List) (entry, bool) {
	field := func(i int) string {
		if i < 0 || i >= len(rec) {
			return ""
		}
		return strings.TrimSpace(unguard(rec[i]))
	}
	if strings.Join(rec, "") == "" {
		return entry{}, false
	}
	if c.year >= 0 {
		y := field(c.year)
		if y == "" {
			l.Errorf(pos, "no year in this row")
			return entry{}, false
		}
		if y != strconv.Itoa(year) {
			return entry{}, false // another year's row
		}
	}
	id, value := field(c.id), field(c.value)
	if id == "" {
		if value != "" {
			l.Errorf(pos, "a value in a row without a metric id")
		}
		return entry{}, false
	}
	e := entry{id: id, idPos: pos, valuePos: pos, noteCols: c.noteLangs()}
	e.value = func(m *metrics.Metric) (float64, bool, string) { return parseText(m, value) }
	for i := range rec {
		if lg, ok := c.notes[i]; ok && field(i) != "" {
			e.notes = append(e.notes, note{lang: lg, text: field(i)})
		}
	}
	return e, true
}

// unguard removes the apostrophe that the build puts before CSV text that
// could start a formula.
func unguard(s string) string {
	if rest, ok := strings.CutPrefix(s, "'"); ok && sheet.Risky(rest) {
		return rest
	}
	return s
}

func csvErr(err error) string {
	if pe, ok := err.(*csv.ParseError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}
