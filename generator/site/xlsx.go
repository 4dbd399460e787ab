package site

import (
	"fmt"
	"slices"
	"strconv"

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
			if c.IsNumber {
				out[i] = workbook.N(c.Number)
			} else {
				out[i] = workbook.T(c.Text)
			}
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
	tr := func(base string) []string {
		out := []string{base}
		for _, lg := range extra {
			out = append(out, base+"_"+lg)
		}
		return out
	}
	var header []string
	header = append(header, "metric", "code", "group")
	header = append(header, tr("group_name")...)
	header = append(header, tr("name")...)
	header = append(header, tr("unit")...)
	header = append(header, "kind", "decimals", "better", "min", "max")
	header = append(header, tr("description")...)
	header = append(header, tr("source")...)
	set := map[int]bool{}
	for _, m := range s.Data.Catalogue.Metrics {
		for y := range m.Targets {
			set[y] = true
		}
	}
	var targetYears []int
	for y := range set {
		targetYears = append(targetYears, y)
	}
	slices.Sort(targetYears)
	for _, y := range targetYears {
		header = append(header, "target_"+strconv.Itoa(y))
	}
	rows := [][]workbook.Cell{texts(header...)}
	for _, m := range s.Data.Catalogue.Metrics {
		row := texts(m.ID, m.Code, m.Group.ID)
		for _, t := range []struct {
			base string
			tr   map[string]string
		}{{m.Group.Name.Base, m.Group.Name.Tr}, {m.Name.Base, m.Name.Tr}, {m.Unit.Base, m.Unit.Tr}} {
			row = append(row, workbook.T(t.base))
			for _, lg := range extra {
				row = append(row, workbook.T(t.tr[lg]))
			}
		}
		row = append(row, workbook.T(string(m.Kind)), decimalsCell(m), workbook.T(string(m.Better)), bound(m.Min), bound(m.Max))
		for _, t := range []struct {
			base string
			tr   map[string]string
		}{{m.Description.Base, m.Description.Tr}, {m.Source.Base, m.Source.Tr}} {
			row = append(row, workbook.T(t.base))
			for _, lg := range extra {
				row = append(row, workbook.T(t.tr[lg]))
			}
		}
		for _, y := range targetYears {
			if t, ok := m.Targets[y]; ok {
				c := valueCell(m, t)
				if c.IsNumber {
					row = append(row, workbook.N(c.Number))
				} else {
					row = append(row, workbook.T(c.Text))
				}
			} else {
				row = append(row, workbook.T(""))
			}
		}
		rows = append(rows, row)
	}
	return rows
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
