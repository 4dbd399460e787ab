// Package workbook writes and reads Excel workbooks (.xlsx): the
// /data/metrics.xlsx download, the data staff's template, and the
// workbooks they send back. It is the only package of the program that
// imports excelize: an .xlsx file is a zip of a dozen XML parts with
// shared strings, styles and number formats, which excelize reads and
// writes the way Excel does.
//
// Writing is deterministic: the same sheets give the same bytes (the
// document's created and modified times are the ones given, never the
// clock). Text is always a string cell, never a formula, and text that a
// spreadsheet could take for a formula (package sheet) gets a leading
// apostrophe, which Read removes again.
package workbook

import (
	"bytes"
	"fmt"
	"math"
	"strings"

	"github.com/xuri/excelize/v2"

	"nianbao/generator/sheet"
)

// Cell is one cell to write: text, a number, or a yes/no value.
type Cell struct {
	Text   string
	Number float64
	Kind   Kind
}

// Kind says what a cell holds.
type Kind int

const (
	Text   Kind = iota // a string cell
	Number             // a number cell
	Bool               // a TRUE/FALSE cell; Number is 1 or 0
)

// T is a text cell.
func T(s string) Cell { return Cell{Text: s} }

// N is a number cell.
func N(v float64) Cell { return Cell{Number: v, Kind: Number} }

// Sheet is one sheet to write. The first row is a header: bold, frozen.
type Sheet struct {
	Name   string
	Rows   [][]Cell
	Widths []float64 // column widths in characters; 0 or missing: automatic
}

// Props are the document's properties. Time is an RFC 3339 time such as
// "2025-12-31T00:00:00Z", written as created and modified.
type Props struct {
	Title string
	Time  string
}

// Write returns the workbook of sheets.
func Write(sheets []Sheet, p Props) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetDocProps(&excelize.DocProperties{Creator: "nianbao", LastModifiedBy: "nianbao", Title: p.Title, Created: p.Time, Modified: p.Time}); err != nil {
		return nil, err
	}
	if err := f.SetAppProps(&excelize.AppProperties{Application: "nianbao"}); err != nil {
		return nil, err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return nil, err
	}
	for i, s := range sheets {
		if i == 0 {
			err = f.SetSheetName("Sheet1", s.Name)
		} else {
			_, err = f.NewSheet(s.Name)
		}
		if err == nil {
			err = writeSheet(f, s, bold)
		}
		if err != nil {
			return nil, fmt.Errorf("sheet %q: %w", s.Name, err)
		}
	}
	f.SetActiveSheet(0)
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func writeSheet(f *excelize.File, s Sheet, headerStyle int) error {
	width := 0
	for r, row := range s.Rows {
		width = max(width, len(row))
		for c, cell := range row {
			ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if err := setCell(f, s.Name, ref, cell); err != nil {
				return err
			}
		}
	}
	if len(s.Rows) == 0 {
		return nil
	}
	last, _ := excelize.CoordinatesToCellName(max(width, 1), 1)
	if err := f.SetCellStyle(s.Name, "A1", last, headerStyle); err != nil {
		return err
	}
	for c := range width {
		col, _ := excelize.ColumnNumberToName(c + 1)
		w := autoWidth(s.Rows, c)
		if c < len(s.Widths) && s.Widths[c] > 0 {
			w = s.Widths[c]
		}
		if err := f.SetColWidth(s.Name, col, col, w); err != nil {
			return err
		}
	}
	return f.SetPanes(s.Name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

func setCell(f *excelize.File, name, ref string, c Cell) error {
	switch c.Kind {
	case Number:
		if math.IsNaN(c.Number) || math.IsInf(c.Number, 0) {
			return fmt.Errorf("%s: %v is not a number a spreadsheet can hold", ref, c.Number)
		}
		return f.SetCellFloat(name, ref, c.Number, -1, 64)
	case Bool:
		return f.SetCellBool(name, ref, c.Number != 0)
	}
	if c.Text == "" {
		return nil
	}
	return f.SetCellStr(name, ref, sheet.Text(c.Text))
}

// autoWidth is a column width that fits its longest cell, counting an
// East Asian character as two, between 8 and 60.
func autoWidth(rows [][]Cell, c int) float64 {
	w := 8
	for _, row := range rows {
		if c >= len(row) {
			continue
		}
		text := row[c].Text
		if row[c].Kind == Number {
			text = fmt.Sprint(row[c].Number)
		}
		n := 0
		for _, r := range text {
			n++
			if r >= 0x1100 {
				n++
			}
		}
		w = max(w, n+2)
	}
	return float64(min(w, 60))
}

// unguard removes the apostrophe that Write puts before text that could
// start a formula.
func unguard(s string) string {
	if rest, ok := strings.CutPrefix(s, "'"); ok && sheet.Risky(rest) {
		return rest
	}
	return s
}
