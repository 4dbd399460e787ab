package metrics

import (
	"fmt"
	"math"

	"nianbao/generator/diag"
)

// Implausible lists what looks wrong about v as m's value in year, for
// warnings: a percent outside 0–100, a change by more than a factor of 5
// from the previous year's value, a negative count or money value, a
// count shown without decimals that has them. Values of other years are
// taken from d.
func (d *Data) Implausible(m *Metric, year int, v float64) []string {
	if m.Kind == Flag {
		return nil
	}
	f := func(x float64) string { return FormatNumber(x, AsWritten, false) }
	var out []string
	switch {
	case m.Kind == Percent && (v < 0 || v > 100):
		out = append(out, fmt.Sprintf("%s = %s is a percent outside 0–100%s", m.ID, f(v), percentHint(v)))
	case (m.Kind == Count || m.Kind == Money) && v < 0:
		what := "a count"
		if m.Kind == Money {
			what = "an amount of money"
		}
		out = append(out, fmt.Sprintf("%s = %s is negative, but it is %s", m.ID, f(v), what))
	}
	if m.Kind == Count && m.Decimals == 0 && v != math.Trunc(v) {
		out = append(out, fmt.Sprintf("%s = %s has decimals, but it is a count shown without them (decimals = 0)", m.ID, f(v)))
	}
	if py, pv, ok := d.previous(m, year); ok && pv.V != 0 && v != 0 && (pv.V > 0) == (v > 0) {
		if r := v / pv.V; r > 5 || r < 0.2 {
			msg := fmt.Sprintf("%s changed from %s in %d to %s: more than a factor of 5", m.ID, f(pv.V), py, f(v))
			if m.Kind == Percent && math.Abs(v) <= 1 && math.Abs(pv.V) > 1 {
				msg += fmt.Sprintf("; a percent is written as %s, not %s", f(math.Round(v*1e6)/1e4), f(v))
			}
			out = append(out, msg)
		}
	}
	return out
}

func percentHint(v float64) string {
	if v > 100 && v <= 1000 {
		return fmt.Sprintf(" (did you mean %s?)", FormatNumber(v/10, AsWritten, false))
	}
	return ""
}

// previous is m's value in the last year before year that has one.
func (d *Data) previous(m *Metric, year int) (int, Value, bool) {
	best, found := 0, false
	var bv Value
	for y, v := range d.values[m] {
		if y < year && (!found || y > best) {
			best, bv, found = y, v, true
		}
	}
	return best, bv, found
}

// WarnImplausible adds a warning to l at the position of each value
// that Implausible finds something wrong with.
func (d *Data) WarnImplausible(l *diag.List) {
	for _, m := range d.Catalogue.Metrics {
		for _, y := range d.Years {
			if v, ok := d.values[m][y]; ok {
				for _, w := range d.Implausible(m, y, v.V) {
					l.Warnf(v.At, "%s", w)
				}
			}
		}
	}
}
