package workbook

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Value is one cell read from a workbook.
type Value struct {
	Ref   string // "C7"
	Row   int    // from 1
	Col   int    // from 1
	Kind  Kind
	Text  string  // a string cell's text; for other cells the text shown
	Num   float64 // a number cell's number as Excel shows it: a cell shown as a percentage (0.961 as 96.1%) gives 96.1
	Shown string  // the text Excel shows, number format applied
	// Percent tells a number shown as a percentage.
	Percent bool
	// Formula is the cell's formula, without "="; a formula's value is
	// the result Excel saved with it, and Uncomputed tells there was none.
	Formula    string
	Uncomputed bool
	// Date tells a number shown as a date or time (Excel turns 3/5 typed
	// into a General cell into the 5th of March).
	Date bool
}

// ReadSheet is one sheet: its name and its non-empty cells, row by row.
type ReadSheet struct {
	Name string
	Rows [][]Value // Rows[i] is row i+1; each holds its non-empty cells in column order
}

// Read reads every sheet of an .xlsx workbook.
func Read(data []byte) ([]ReadSheet, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: 256 << 20, UnzipXMLSizeLimit: 64 << 20})
	if err != nil {
		return nil, fmt.Errorf("not a workbook Excel can open (.xlsx): %v", err)
	}
	defer f.Close()
	var out []ReadSheet
	for _, name := range f.GetSheetList() {
		s, err := readSheet(f, name)
		if err != nil {
			return nil, fmt.Errorf("sheet %q: %v", name, err)
		}
		out = append(out, s)
	}
	return out, nil
}

func readSheet(f *excelize.File, name string) (ReadSheet, error) {
	s := ReadSheet{Name: name}
	raw, err := f.GetRows(name, excelize.Options{RawCellValue: true})
	if err != nil {
		return s, err
	}
	for r, row := range raw {
		var vals []Value
		for c := range row {
			ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
			formula, _ := f.GetCellFormula(name, ref)
			if row[c] == "" && formula == "" {
				continue
			}
			v, err := readCell(f, name, ref, row[c], formula)
			if err != nil {
				return s, fmt.Errorf("%s: %v", ref, err)
			}
			v.Row, v.Col = r+1, c+1
			vals = append(vals, v)
		}
		s.Rows = append(s.Rows, vals)
	}
	return s, nil
}

func readCell(f *excelize.File, name, ref, raw, formula string) (Value, error) {
	v := Value{Ref: ref, Formula: formula, Uncomputed: formula != "" && raw == ""}
	typ, err := f.GetCellType(name, ref)
	if err != nil {
		return v, err
	}
	shown, err := f.GetCellValue(name, ref)
	if err != nil {
		return v, err
	}
	v.Shown = shown
	switch typ {
	case excelize.CellTypeBool:
		v.Kind, v.Text = Bool, shown
		if raw == "1" || strings.EqualFold(raw, "true") {
			v.Num = 1
		}
		return v, nil
	case excelize.CellTypeNumber, excelize.CellTypeUnset, excelize.CellTypeFormula:
		n, err := strconv.ParseFloat(strings.TrimSpace(raw), 64)
		if err != nil {
			break // a formula's text result, say
		}
		v.Kind, v.Num, v.Text = Number, digits15(n), shown
		if strings.HasSuffix(strings.TrimSpace(shown), "%") {
			v.Percent = true
			v.Num = digits15(n * 100)
		}
		v.Date = dateRe.MatchString(strings.TrimSpace(shown))
		return v, nil
	}
	v.Kind, v.Text = Text, unguard(raw)
	return v, nil
}

// digits15 is n with the 15 significant digits Excel keeps, without the
// binary noise of arithmetic (0.961×100 → 96.1, not 96.10000000000001).
func digits15(n float64) float64 {
	p, _ := strconv.ParseFloat(strconv.FormatFloat(n, 'g', 15, 64), 64)
	return p
}

// dateRe matches a number shown as a date or a time: 2025/3/5, 3-5-25,
// 3月5日, 12:30.
var dateRe = regexp.MustCompile(`^\d{1,4}[/-]\d{1,2}([/-]\d{1,4})?$|^\d{1,4}年|\d月|\d日|^\d{1,2}:\d{2}`)
