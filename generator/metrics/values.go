package metrics

import (
	"errors"
	"sort"
	"strconv"
	"sync"

	"nianbao/generator/diag"
	"nianbao/generator/lang"
	"nianbao/generator/tomldoc"
)

// Value is one year's value of one metric.
type Value struct {
	V    float64
	Note lang.Text
	Pos  diag.Pos // where it was written (its key)
	At   diag.Pos // where the number itself is written
}

// Data is the catalogue with every year's values.
type Data struct {
	Catalogue *Catalogue
	Years     []int                     // every report year, ascending
	values    map[*Metric]map[int]Value // metric → year → value
	broken    map[int]bool              // years whose values file has problems, reported already
	mu        sync.Mutex                // guards values and broken while years are parsed at once
}

// NewData returns Data for the catalogue and the given report years.
func NewData(c *Catalogue, years []int) *Data {
	ys := append([]int(nil), years...)
	sort.Ints(ys)
	return &Data{Catalogue: c, Years: ys, values: map[*Metric]map[int]Value{}, broken: map[int]bool{}}
}

// Value returns m's value in year.
func (d *Data) Value(m *Metric, year int) (Value, bool) {
	v, ok := d.values[m][year]
	return v, ok
}

// Set records a value. It is safe to call from several goroutines.
func (d *Data) Set(m *Metric, year int, v Value) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.values[m] == nil {
		d.values[m] = map[int]Value{}
	}
	d.values[m][year] = v
}

// Latest returns the last year up to and including year in which m has a
// value, or ok=false.
func (d *Data) Latest(m *Metric, year int) (int, Value, bool) {
	for i := len(d.Years) - 1; i >= 0; i-- {
		y := d.Years[i]
		if y > year {
			continue
		}
		if v, ok := d.values[m][y]; ok {
			return y, v, true
		}
	}
	return 0, Value{}, false
}

// ParseYear reads content/<year>/metrics.toml into d. Years may be parsed
// at once from several goroutines; reading values must wait until all are
// done: every table is a
// group id, every key a metric of that group, every value a number or an
// inline table { value = N, note = "…", note_<lang> = "…" }.
func (d *Data) ParseYear(year int, file string, src []byte, langs []string, outer *diag.List) {
	var l diag.List
	defer func() {
		outer.Merge(&l)
		if l.HasErrors() {
			d.mu.Lock()
			d.broken[year] = true
			d.mu.Unlock()
		}
	}()
	d.parseYear(year, file, src, langs, &l)
}

func (d *Data) parseYear(year int, file string, src []byte, langs []string, l *diag.List) {
	root, err := tomldoc.Parse(file, src, 1)
	if err != nil {
		l.Add(err)
		return
	}
	c := d.Catalogue
	for _, gid := range root.Keys() {
		gt, ok := root.Raw(gid).(*tomldoc.Table)
		if !ok {
			l.Errorf(root.KeyPos(gid), "%q is outside a group table: write values under [group] headers, such as [%s]", gid, c.firstGroupID())
			continue
		}
		g, ok := c.Group(gid)
		if !ok {
			l.Errorf(root.KeyPos(gid), "unknown group %q%s", gid, suggest(gid, c.groupIDs()))
			continue
		}
		for _, key := range gt.Keys() {
			d.parseValue(year, g, gt, key, langs, l)
		}
	}
}

// byKey returns the first metric, in any group, whose key is key.
func (c *Catalogue) byKey(key string) *Metric {
	for _, m := range c.Metrics {
		if m.Key == key {
			return m
		}
	}
	return nil
}

func (c *Catalogue) firstGroupID() string {
	if len(c.Groups) == 0 {
		return "group"
	}
	return c.Groups[0].ID
}

func (d *Data) parseValue(year int, g *Group, gt *tomldoc.Table, key string, langs []string, l *diag.List) {
	id := g.ID + "." + key
	m, ok := d.Catalogue.Metric(id)
	if !ok && d.Catalogue.Failed(id) {
		return // its definition's error is reported in the catalogue
	}
	if !ok {
		keys := make([]string, len(g.Metrics))
		for i, gm := range g.Metrics {
			keys[i] = gm.Key
		}
		if other := d.Catalogue.byKey(key); other != nil {
			l.Errorf(gt.KeyPos(key), "unknown metric %q in group %q: %s belongs to group %q; move it under [%s]", id, g.ID, key, other.Group.ID, other.Group.ID)
			return
		}
		l.Errorf(gt.KeyPos(key), "unknown metric %q in group %q%s", id, g.ID, suggest(key, keys))
		return
	}
	v := Value{Pos: gt.KeyPos(key)}
	at := gt.ValuePos(key)
	if m.Kind == Flag {
		d.parseFlag(year, m, gt, key, v, langs, l)
		return
	}
	switch raw := gt.Raw(key).(type) {
	case bool:
		l.Errorf(gt.ValuePos(key), "value of %q must be a number, not a boolean; only a metric of kind = \"flag\" takes true or false", id)
		return
	case int64, float64:
		n, ok := gt.Number(key, l)
		if !ok {
			return
		}
		v.V = n
	case *tomldoc.Table:
		raw.Unknown(l, "the value of "+id, append(tomldoc.Translated("note"), "value")...)
		n, ok := raw.Number("value", l)
		if !raw.Has("value") {
			l.Errorf(gt.ValuePos(key), "value of %q has no value field", id)
			return
		}
		if !ok {
			return
		}
		v.V = n
		v.Note = raw.Text("note", langs, l)
		at = raw.ValuePos("value")
	default:
		l.Errorf(gt.ValuePos(key), "value of %q must be a number, not %s", id, article(gt.Kind(key)))
		return
	}
	if msg := m.OutOfBounds(v.V); msg != "" {
		l.Errorf(at, "value %s", msg)
		return
	}
	v.At = at
	d.Set(m, year, v)
}

// parseFlag reads the value of a yes/no metric: true or false, or an
// inline table with value = true or false and notes.
func (d *Data) parseFlag(year int, m *Metric, gt *tomldoc.Table, key string, v Value, langs []string, l *diag.List) {
	t, what := gt, "value of yes/no metric "+strconv.Quote(m.ID)
	if raw, ok := gt.Raw(key).(*tomldoc.Table); ok {
		raw.Unknown(l, "the value of "+m.ID, append(tomldoc.Translated("note"), "value")...)
		if !raw.Has("value") {
			l.Errorf(gt.ValuePos(key), "value of %q has no value field", m.ID)
			return
		}
		t, key = raw, "value"
		v.Note = raw.Text("note", langs, l)
	}
	b, ok := flagValue(t, key, what, l)
	if !ok {
		return
	}
	v.V = b
	d.Set(m, year, v)
}

// Broken reports whether year's values file has problems, reported where
// they are written: a missing value there is not worth a second message.
func (d *Data) Broken(year int) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.broken[year]
}

// ErrReported is returned for a reference to a missing value in a year
// whose values file has problems: those were reported where they are
// written, and fixing them is likely to bring the value back.
var ErrReported = errors.New("value reported already")

func article(kind string) string {
	switch kind {
	case "":
		return "nothing"
	case "integer", "array", "array of tables":
		return "an " + kind
	}
	return "a " + kind
}
