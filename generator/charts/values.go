package charts

// values are a block's values, looked up once for every part of its
// figure that shows them: the option, the description, the table, the
// CSV and the source line.
type values struct {
	years int
	cells []value // metric by metric, a cell per year shown
}

// value is one metric's value in one year, with its note in the page's
// language; ok is false for a year without a value.
type value struct {
	v    float64
	ok   bool
	note string
}

// lookUp reads the block's values in the years it shows.
func (b *Block) lookUp(env Env) values {
	vs := values{years: len(b.Years), cells: make([]value, len(b.Metrics)*len(b.Years))}
	for i, m := range b.Metrics {
		for j, y := range b.Years {
			if v, ok := env.Data.Value(m, y); ok {
				vs.cells[i*vs.years+j] = value{v: v.V, ok: true, note: v.Note.In(env.Lang)}
			}
		}
	}
	return vs
}

// at is metric i's value in year j of the block.
func (vs values) at(i, j int) value { return vs.cells[i*vs.years+j] }
