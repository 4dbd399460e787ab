package charts

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"nianbao/generator/metrics"
	"nianbao/generator/sheet"
)

// A block's numbers as a table: a row per metric and a column per year,
// then a row of each metric's targets. The HTML table goes under every
// chart (and is the whole of a table block); the CSV is its download.
// Both are written straight into their buffers: a print edition's
// appendix holds thousands of cells.

// dataTable writes the block's HTML table, and under it the notes of its
// values.
func (w *writer) dataTable(b *Block, env Env, vs values, caption string, chart bool) {
	w.raw("\n<table>")
	if chart {
		w.raw("<caption>")
		w.esc(w.t("data_table"))
		w.esc(w.t("note_colon"))
		w.esc(caption)
		w.raw("</caption>")
	}
	w.raw("\n<thead><tr><th scope=\"col\">")
	w.esc(w.t("metric"))
	w.raw("</th>")
	for _, y := range b.Years {
		w.raw(`<th scope="col">`)
		w.buf = strconv.AppendInt(w.buf, int64(y), 10)
		w.raw("</th>")
	}
	w.raw("</tr></thead>\n<tbody>")
	notes := false
	for i, m := range b.Metrics {
		notes = w.valueRow(env, m, vs.cells[i*vs.years:(i+1)*vs.years]) || notes
	}
	for _, m := range b.Metrics {
		if b.hasTarget(m) {
			w.targetRow(b, env, m)
		}
	}
	w.raw("\n</tbody>\n</table>")
	if notes {
		w.raw("\n<ul class=\"figure-notes\">")
		for i, m := range b.Metrics {
			for j, y := range b.Years {
				if n := vs.at(i, j).note; n != "" {
					w.raw("<li>* ")
					w.note(y, m.Name.In(env.Lang), n)
					w.raw("</li>")
				}
			}
		}
		w.raw("</ul>")
	}
}

// valueRow writes m's row of values, a value a year, marking the values
// that have a note; it reports whether any has one.
func (w *writer) valueRow(env Env, m *metrics.Metric, row []value) (notes bool) {
	w.raw("\n<tr><th scope=\"row\"")
	w.lang(env.foreign(m.Name))
	w.raw(">")
	w.esc(m.Name.In(env.Lang))
	w.unit(env, m)
	w.raw("</th>")
	for _, v := range row {
		if !v.ok {
			w.raw(`<td class="missing" title="`)
			w.esc(w.t("not_collected"))
			w.raw(`">—</td>`)
			continue
		}
		w.raw("<td>")
		w.cell(m, v.v, env.Lang)
		if v.note != "" {
			w.raw("<sup>*</sup>")
			notes = true
		}
		w.raw("</td>")
	}
	w.raw("</tr>")
	return notes
}

// targetRow writes the row of m's targets in the years shown, with their
// direction signs.
func (w *writer) targetRow(b *Block, env Env, m *metrics.Metric) {
	w.raw("\n<tr><th scope=\"row\">")
	w.esc(w.t("target"))
	w.raw(" ")
	w.esc(m.Name.In(env.Lang))
	w.unit(env, m)
	w.raw("</th>")
	sign := m.Sign()
	for _, y := range b.Years {
		t, ok := m.Targets[y]
		if !ok {
			w.raw(`<td class="missing">—</td>`)
			continue
		}
		w.raw("<td>")
		if sign != "" {
			w.raw(sign, " ")
		}
		w.cell(m, t, env.Lang)
		w.raw("</td>")
	}
	w.raw("</tr>")
}

// unit writes a row head's unit: "（人）", " (%)".
func (w *writer) unit(env Env, m *metrics.Metric) {
	u := m.UnitIn(env.Lang)
	if u == "" && m.Kind == metrics.Percent {
		u = "%"
	}
	if u != "" {
		w.esc(w.t("unit_open"))
		w.esc(u)
		w.esc(w.t("unit_close"))
	}
}

// cell writes a value in a table cell, whose row head carries the unit.
func (w *writer) cell(m *metrics.Metric, v float64, l string) {
	if m.Kind == metrics.Flag {
		w.esc(metrics.YesNo(v != 0, l))
		return
	}
	// Digits, separators and signs: nothing to escape.
	w.buf = metrics.AppendNumber(w.buf, v, m.Decimals, m.Kind != metrics.Percent)
}

// hasTarget reports whether m has a target in a year the block shows.
func (b *Block) hasTarget(m *metrics.Metric) bool {
	for _, y := range b.Years {
		if _, ok := m.Targets[y]; ok {
			return true
		}
	}
	return false
}

// appendCSV writes the block's numbers for spreadsheets: UTF-8 with a byte order
// mark, a row per metric, raw numbers with the metric's decimals, CRLF
// line ends. Text that could start a formula gets a leading ' (package
// sheet); fields are quoted as encoding/csv quotes them.
func (b *Block) appendCSV(out []byte, env Env, vs values) []byte {
	out = slices.Grow(out, 128+len(b.Metrics)*(96+12*len(b.Years)))
	out = append(out, "\ufeffmetric,name,unit,source"...)
	for _, y := range b.Years {
		out = append(out, ',')
		out = strconv.AppendInt(out, int64(y), 10)
	}
	out = append(out, "\r\n"...)
	for i, m := range b.Metrics {
		out = csvHead(out, env, m, m.Name.In(env.Lang))
		for j := range b.Years {
			out = append(out, ',')
			if v := vs.at(i, j); v.ok {
				out = appendPlain(out, m, v.v)
			}
		}
		out = append(out, "\r\n"...)
	}
	// The plan: a row of each metric's targets, named "目标 …".
	for _, m := range b.Metrics {
		if !b.hasTarget(m) {
			continue
		}
		out = csvHead(out, env, m, targetName(env, m))
		for _, y := range b.Years {
			out = append(out, ',')
			if t, ok := m.Targets[y]; ok {
				out = appendPlain(out, m, t)
			}
		}
		out = append(out, "\r\n"...)
	}
	return out
}

// csvHead writes a CSV row's first fields: id, name, unit and source.
func csvHead(out []byte, env Env, m *metrics.Metric, name string) []byte {
	unit := m.UnitIn(env.Lang)
	if m.Kind == metrics.Percent {
		unit = "%"
	}
	out = appendCSVField(out, sheet.Text(m.ID))
	out = append(out, ',')
	out = appendCSVField(out, sheet.Text(name))
	out = append(out, ',')
	out = appendCSVField(out, sheet.Text(unit))
	out = append(out, ',')
	return appendCSVField(out, sheet.Text(m.Source.In(env.Lang)))
}

// appendPlain writes a value as metrics.Metric.Plain does: digits, a
// point and a sign, or true/false, which a CSV field needs no quotes for.
func appendPlain(out []byte, m *metrics.Metric, v float64) []byte {
	if m.Kind == metrics.Flag {
		return strconv.AppendBool(out, v != 0)
	}
	return metrics.AppendNumber(out, v, m.Decimals, false)
}

// appendCSVField writes a CSV field as encoding/csv's Writer with UseCRLF
// does: in quotes when it holds a comma, a quote or a line break, starts
// with a space or is \., with quotes doubled, line feeds written CRLF
// and carriage returns dropped.
func appendCSVField(out []byte, s string) []byte {
	if !csvNeedsQuotes(s) {
		return append(out, s...)
	}
	out = append(out, '"')
	for len(s) > 0 {
		i := strings.IndexAny(s, "\"\r\n")
		if i < 0 {
			i = len(s)
		}
		out = append(out, s[:i]...)
		s = s[i:]
		if len(s) > 0 {
			switch s[0] {
			case '"':
				out = append(out, `""`...)
			case '\n':
				out = append(out, "\r\n"...)
			}
			s = s[1:]
		}
	}
	return append(out, '"')
}

func csvNeedsQuotes(s string) bool {
	if s == "" {
		return false
	}
	if s == `\.` || strings.ContainsAny(s, ",\"\r\n") {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}
