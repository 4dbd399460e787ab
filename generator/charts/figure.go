package charts

import (
	"errors"
	"html"
	"html/template"
	"slices"
	"strconv"
	"sync"

	"nianbao/generator/metrics"
)

// Figure is what a block renders: its HTML, and for charts and tables the
// CSV of its numbers, which the HTML also carries as a download link.
type Figure struct {
	HTML []byte
	CSV  []byte // nil for kpi blocks
}

// HTMLText escapes s for HTML text and attributes, leaving "+" as it is.
func HTMLText(s string) template.HTML { return template.HTML(html.EscapeString(s)) }

// Render renders the block as HTML. id is unique on the page ("chart-3")
// and names the CSV download.
func (b *Block) Render(id string, env Env) (Figure, error) {
	var fig Figure
	var err error
	fig.HTML, fig.CSV, err = b.render(nil, id, env, nil)
	if err != nil {
		return Figure{}, err
	}
	return fig, nil
}

// AppendHTML appends the block's HTML, as Render renders it, to dst.
func (b *Block) AppendHTML(dst []byte, id string, env Env) ([]byte, error) {
	scratch := scratchBufs.Get().(*[]byte)
	defer scratchBufs.Put(scratch)
	out, csv, err := b.render(dst, id, env, (*scratch)[:0])
	*scratch = csv[:0]
	if err != nil {
		return dst, err
	}
	return out, nil
}

// render appends the block's HTML to dst, and returns it with the CSV of
// its numbers, which it appends to csv (nil: a CSV of its own).
func (b *Block) render(dst []byte, id string, env Env, csv []byte) (html, csvOut []byte, err error) {
	if len(b.Metrics) == 0 || len(b.Years) == 0 {
		return dst, csv, errors.New("nothing to show: no metrics or no years")
	}
	vs := b.lookUp(env)
	if b.Kind == "kpi" {
		w := &writer{t: env.T, buf: slices.Grow(dst, 512+512*len(b.Metrics))}
		w.kpis(id, b.kpis(env))
		w.source(b, env, vs)
		return w.buf, csv, nil
	}
	var option []byte
	var desc string
	title := b.title(env)
	if b.Kind == "chart" {
		// The option is copied into the figure: its buffer is used again.
		scratch := scratchBufs.Get().(*[]byte)
		defer scratchBufs.Put(scratch)
		if option, err = b.appendOptionJSON((*scratch)[:0], env, vs); err != nil {
			return dst, csv, err
		}
		*scratch = option[:0]
		desc = b.describe(env, vs, title)
	}
	csv = b.appendCSV(csv, env, vs)
	// Room for the markup around the option and the CSV, and for a table
	// cell a value.
	size := 3072 + len(option) + len(desc) + 2*len(csv) + 40*len(b.Metrics)*len(b.Years)
	w := &writer{t: env.T, buf: slices.Grow(dst, size)}
	w.figure(id, b, env, vs, title, desc, option, csv, travel{Page: env.FigurePage, Embed: env.FigureEmbed})
	return w.buf, csv, nil
}

// scratchBufs hold what a figure is made of (its option, its CSV) while
// it is written.
var scratchBufs = sync.Pool{New: func() any { b := make([]byte, 0, 8<<10); return &b }}

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
