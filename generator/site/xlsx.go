package site

import (
	"fmt"
	"maps"
	"slices"
	"strconv"

	"nianbao/generator/lang"
	"nianbao/generator/metrics"
	"nianbao/generator/workbook"
)

// metricsXLSX is /data/metrics.xlsx: the rows of /data/metrics.csv with
// numbers as numbers, and the catalogue. Its document time is the end of
// the last report year, so the bytes are the same at every build.
func (s *Site) metricsXLSX() ([]byte, error) {
	var values [][]workbook.Cell
	for _, row := range s.DataRows() {
		out := make([]workbook.Cell, len(row))
		for i, c := range row {
			out[i] = bookCell(c)
		}
		values = append(values, out)
	}
	when := "1970-01-01T00:00:00Z"
	if ys := s.Data.Years; len(ys) > 0 {
		when = fmt.Sprintf("%04d-12-31T00:00:00Z", ys[len(ys)-1])
	}
	return workbook.Write([]workbook.Sheet{
		{Name: "metrics", Rows: values},
		{Name: "catalogue", Rows: s.catalogueRows()},
	}, workbook.Props{Title: s.Config.Title.Base, Time: when})
}

// catalogueRows are the catalogue sheet: a row per metric with its
// definition in every language and a column per target year.
func (s *Site) catalogueRows() [][]workbook.Cell {
	extra := s.Config.Extra()
	header := []string{"metric", "code", "group"}
	for _, f := range []string{"group_name", "name", "unit", "", "description", "source"} {
		if f == "" {
			header = append(header, "kind", "decimals", "better", "min", "max")
			continue
		}
		header = append(header, f)
		for _, lg := range extra {
			header = append(header, f+"_"+lg)
		}
	}
	years := s.targetYears()
	for _, y := range years {
		header = append(header, "target_"+strconv.Itoa(y))
	}
	rows := [][]workbook.Cell{texts(header...)}
	for _, m := range s.Data.Catalogue.Metrics {
		row := texts(m.ID, m.Code, m.Group.ID)
		row = appendText(row, extra, m.Group.Name, m.Name, m.Unit)
		row = append(row, workbook.T(string(m.Kind)), decimalsCell(m), workbook.T(string(m.Better)), bound(m.Min), bound(m.Max))
		row = appendText(row, extra, m.Description, m.Source)
		for _, y := range years {
			t, ok := m.Targets[y]
			if ok {
				row = append(row, bookCell(valueCell(m, t)))
			} else {
				row = append(row, workbook.T(""))
			}
		}
		rows = append(rows, row)
	}
	return rows
}

// appendText appends each text in the default language, then in each of
// the extra languages.
func appendText(row []workbook.Cell, extra []string, ts ...lang.Text) []workbook.Cell {
	for _, t := range ts {
		row = append(row, workbook.T(t.Base))
		for _, lg := range extra {
			row = append(row, workbook.T(t.Tr[lg]))
		}
	}
	return row
}

// targetYears are the years any metric has a target for, ascending.
func (s *Site) targetYears() []int {
	set := map[int]bool{}
	for _, m := range s.Data.Catalogue.Metrics {
		for y := range m.Targets {
			set[y] = true
		}
	}
	return slices.Sorted(maps.Keys(set))
}

// bookCell is a download cell as a workbook cell: numbers as numbers,
// yes/no values as TRUE/FALSE.
func bookCell(c Cell) workbook.Cell {
	switch {
	case c.IsBool:
		return workbook.Cell{Kind: workbook.Bool, Number: c.Number}
	case c.IsNumber:
		return workbook.N(c.Number)
	}
	return workbook.T(c.Text)
}

func texts(ss ...string) []workbook.Cell {
	out := make([]workbook.Cell, len(ss))
	for i, s := range ss {
		out[i] = workbook.T(s)
	}
	return out
}

func decimalsCell(m *metrics.Metric) workbook.Cell {
	if m.Decimals == metrics.AsWritten {
		return workbook.T("")
	}
	return workbook.N(float64(m.Decimals))
}

func bound(p *float64) workbook.Cell {
	if p == nil {
		return workbook.T("")
	}
	return workbook.N(*p)
}
