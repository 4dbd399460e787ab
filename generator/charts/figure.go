package charts

import (
	"bytes"
	"encoding/csv"
	"errors"
	"html"
	"html/template"
	"strconv"

	"nianbao/generator/metrics"
	"nianbao/generator/sheet"
)

// Figure is what a block renders: its HTML, and for charts and tables the
// CSV of its numbers, which the HTML also carries as a download link.
type Figure struct {
	HTML []byte
	CSV  []byte // nil for kpi blocks
}

// HTMLText escapes s for HTML text and attributes, leaving "+" as it is.
func HTMLText(s string) template.HTML { return template.HTML(html.EscapeString(s)) }

// Table is a block's numbers as rows of text: a row per metric, a column
// per year.
type Table struct {
	Caption string
	Corner  string   // top-left header cell
	Years   []string // column headers
	Rows    []Row
	Notes   []string
	Source  string // "来源：…", the line under the figure
	Notes2  string // "注：…", the values' notes on that line
	Target  string // a gauge's target, stated under the chart
}

// Row is one metric's row of a table.
type Row struct {
	Head  string // name and unit
	Lang  string // the name's language, when not the page's
	Cells []Cell
}

// Cell is one formatted value; Missing marks a year with no value.
type Cell struct {
	Text     string
	Missing  bool
	NoTarget bool // a target row's year without a target
	Note     bool
}

// Render renders the block as HTML. id is unique on the page ("chart-3")
// and names the CSV download.
func (b *Block) Render(id string, env Env) (Figure, error) {
	var fig Figure
	if len(b.Metrics) == 0 || len(b.Years) == 0 {
		return fig, errors.New("nothing to show: no metrics or no years")
	}
	w := &writer{t: env.T}
	w.Grow(4 << 10)
	if b.Kind == "kpi" {
		src, notes := b.sourceLine(env)
		w.kpis(id, b.kpis(env), src, notes)
		fig.HTML = []byte(w.String())
		return fig, nil
	}
	var option []byte
	if b.Kind == "chart" {
		var err error
		if option, err = b.optionJSON(env); err != nil {
			return fig, err
		}
	}
	fig.CSV = b.csv(env)
	t := b.table(env)
	t.Source, t.Notes2 = b.sourceLine(env)
	if b.Type == "gauge" {
		t.Target = b.gaugeTargetLine(env)
	}
	w.figure(id, b, b.title(env), b.Describe(env), option, t, fig.CSV,
		travel{Page: env.FigurePage, Embed: env.FigureEmbed})
	fig.HTML = []byte(w.String())
	return fig, nil
}

// table lays the block's numbers out as text.
func (b *Block) table(env Env) Table {
	t := Table{Caption: b.title(env), Corner: env.T("metric")}
	for _, y := range b.Years {
		t.Years = append(t.Years, strconv.Itoa(y))
	}
	for _, m := range b.Metrics {
		r := Row{Head: m.Name.In(env.Lang), Lang: env.foreign(m.Name)}
		if u := m.UnitIn(env.Lang); u != "" {
			r.Head += env.T("unit_open") + u + env.T("unit_close")
		} else if m.Kind == metrics.Percent {
			r.Head += env.T("unit_open") + "%" + env.T("unit_close")
		}
		for _, y := range b.Years {
			v, ok := env.Data.Value(m, y)
			if !ok {
				r.Cells = append(r.Cells, Cell{Text: "—", Missing: true})
				continue
			}
			c := Cell{Text: cellText(m, v.V, env.Lang)}
			if n := v.Note.In(env.Lang); n != "" {
				c.Note = true
				t.Notes = append(t.Notes, strconv.Itoa(y)+" "+m.Name.In(env.Lang)+env.T("note_colon")+n)
			}
			r.Cells = append(r.Cells, c)
		}
		t.Rows = append(t.Rows, r)
	}
	for _, m := range b.Metrics {
		if r, ok := b.targetRow(env, m); ok {
			t.Rows = append(t.Rows, r)
		}
	}
	return t
}

// cellText is a value in a table cell, whose row head carries the unit.
func cellText(m *metrics.Metric, v float64, l string) string {
	if m.Kind == metrics.Flag {
		return metrics.YesNo(v != 0, l)
	}
	return metrics.FormatNumber(v, m.Decimals, m.Kind != metrics.Percent)
}

// targetRow is the row of m's targets in the years shown, with their
// direction signs, or ok=false when none of those years has one.
func (b *Block) targetRow(env Env, m *metrics.Metric) (Row, bool) {
	r := Row{Head: targetName(env, m)}
	if u := m.UnitIn(env.Lang); u != "" {
		r.Head += env.T("unit_open") + u + env.T("unit_close")
	} else if m.Kind == metrics.Percent {
		r.Head += env.T("unit_open") + "%" + env.T("unit_close")
	}
	found := false
	for _, y := range b.Years {
		t, ok := m.Targets[y]
		if !ok {
			r.Cells = append(r.Cells, Cell{Text: "—", Missing: true, NoTarget: true})
			continue
		}
		text := cellText(m, t, env.Lang)
		if s := m.Sign(); s != "" {
			text = s + " " + text
		}
		r.Cells = append(r.Cells, Cell{Text: text})
		found = true
	}
	return r, found
}

// csv writes the block's numbers for spreadsheets: UTF-8 with a byte order
// mark, a row per metric, raw numbers with the metric's decimals. Text
// that could start a formula gets a leading ' (package sheet).
func (b *Block) csv(env Env) []byte {
	var buf bytes.Buffer
	buf.WriteString("\ufeff")
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	head := []string{"metric", "name", "unit", "source"}
	for _, y := range b.Years {
		head = append(head, strconv.Itoa(y))
	}
	w.Write(head)
	for _, m := range b.Metrics {
		unit := m.UnitIn(env.Lang)
		if m.Kind == metrics.Percent {
			unit = "%"
		}
		src := sheet.Text(m.Source.In(env.Lang))
		rec := []string{sheet.Text(m.ID), sheet.Text(m.Name.In(env.Lang)), sheet.Text(unit), src}
		for _, y := range b.Years {
			if v, ok := env.Data.Value(m, y); ok {
				rec = append(rec, m.Plain(v.V))
			} else {
				rec = append(rec, "")
			}
		}
		w.Write(rec)
	}
	// The plan: a row of each metric's targets, named "目标 …".
	for _, m := range b.Metrics {
		if _, ok := b.targetRow(env, m); !ok {
			continue
		}
		unit := m.UnitIn(env.Lang)
		if m.Kind == metrics.Percent {
			unit = "%"
		}
		rec := []string{sheet.Text(m.ID), sheet.Text(targetName(env, m)), sheet.Text(unit), sheet.Text(m.Source.In(env.Lang))}
		for _, y := range b.Years {
			if t, ok := m.Targets[y]; ok {
				rec = append(rec, m.Plain(t))
			} else {
				rec = append(rec, "")
			}
		}
		w.Write(rec)
	}
	w.Flush()
	return buf.Bytes()
}

// kpiCard is one metric's card in a kpi block.
type kpiCard struct {
	Name     string
	NameLang string
	Value    string
	Unit     string
	Change   string
	Dir      string // up, down, flat
	Mood     string // good, bad, neutral
	Target   string
	Progress string
	Pct      float64 // progress for the <progress> bar, capped at 100
	Note     string
	Status   metrics.Status // "" when the metric is not scored that year
}

func (b *Block) kpis(env Env) []kpiCard {
	var out []kpiCard
	for _, m := range b.Metrics {
		v, _ := env.Data.Value(m, env.Year)
		c := kpiCard{Name: m.Name.In(env.Lang), NameLang: env.foreign(m.Name), Value: m.Number(v.V), Unit: m.UnitIn(env.Lang), Note: v.Note.In(env.Lang)}
		if m.Kind == metrics.Flag {
			c.Value, c.Unit = m.Format(v.V, env.Lang), ""
		}
		if a, ok := env.Data.Assess(m, env.Year); ok && a.Status != metrics.NoData {
			c.Status = a.Status
		}
		if prev, ok := env.Data.Value(m, env.Year-1); ok && m.Kind != metrics.Flag {
			if d, err := m.Change(v.V, prev.V); err == nil {
				c.Change = d.Format(env.Lang)
				c.Dir = [...]string{"down", "flat", "up"}[d.Direction()+1]
				c.Mood = [...]string{"bad", "neutral", "good"}[m.Good(d.Direction())+1]
			}
		}
		if y, t, ok := nextTarget(m, env.Year); ok {
			c.Target = m.FormatTarget(t, env.Lang)
			if y != env.Year {
				c.Target += env.T("unit_open") + strconv.Itoa(y) + env.T("unit_close")
			} else if p, err := m.Progress(v.V, t); err == nil {
				c.Progress = metrics.Percent1(p)
				c.Pct = min(100, max(0, p))
			}
		}
		out = append(out, c)
	}
	return out
}
