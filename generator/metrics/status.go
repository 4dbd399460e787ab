package metrics

import (
	"strconv"
	"strings"
)

// Status is a metric's standing against the plan in a year.
type Status string

const (
	Achieved   Status = "achieved"   // the year's value meets the year's target
	Regressing Status = "regressing" // not achieved, and it moved the wrong way since the year before
	OnTrack    Status = "on-track"   // not yet, but moving fast enough toward the next target
	OffTrack   Status = "off-track"
	NoData     Status = "no-data" // scored, but no value this year
)

// StatusOrder is the fixed order in which statuses are counted and listed
// everywhere: scorecard, tally, KPI cards, dashboard. NoData comes last;
// it is not part of the tally.
var StatusOrder = []Status{Achieved, Regressing, OnTrack, OffTrack, NoData}

// icons say each status with a sign as well as a word.
var icons = map[Status]string{Achieved: "✓", Regressing: "↘", OnTrack: "↗", OffTrack: "✗", NoData: "–"}

// Icon is the status' sign: ✓ ↘ ↗ ✗ –.
func (s Status) Icon() string { return icons[s] }

// Key is the status' theme string: status_on_track.
func (s Status) Key() string { return "status_" + strings.ReplaceAll(string(s), "-", "_") }

// Assessment is the scorecard line of one metric in one year.
type Assessment struct {
	Status     Status
	Value      float64
	Target     float64 // the next target: for the year itself or the first later year with one
	TargetYear int
}

// Assess scores m in year against the plan. ok is false for metrics that
// are not scored that year: no target in that year or later, or no
// direction (better = "neutral"; yes/no metrics are always scored).
//
//   - achieved: the year's value meets that year's target (≥ for higher,
//     ≤ for lower); a yes/no metric is achieved when its value equals its
//     next target and off track otherwise;
//   - regressing: not achieved, and the value moved the wrong way since the
//     year before (fell for higher, rose for lower), as the values are
//     shown, with the metric's decimals;
//   - on track: not achieved, but since its first recorded value (the
//     baseline) it has covered at least the share of the way to its next
//     target that the elapsed years are of the baseline-to-target span;
//   - off track: otherwise.
func (d *Data) Assess(m *Metric, year int) (Assessment, bool) {
	if m.Better == Neutral && m.Kind != Flag {
		return Assessment{}, false
	}
	a := Assessment{TargetYear: -1}
	for _, y := range m.TargetYears() {
		if y >= year {
			a.TargetYear, a.Target = y, m.Targets[y]
			break
		}
	}
	if a.TargetYear < 0 {
		return Assessment{}, false
	}
	v, ok := d.Value(m, year)
	if !ok {
		a.Status = NoData
		return a, true
	}
	a.Value = v.V
	switch {
	case m.Kind == Flag && v.V == a.Target:
		a.Status = Achieved
	case m.Kind == Flag:
		a.Status = OffTrack
	case a.TargetYear == year && meets(m, v.V, a.Target):
		a.Status = Achieved
	case d.regressed(m, year, v.V):
		a.Status = Regressing
	default:
		a.Status = OffTrack
		if base, bv, ok := d.baseline(m); ok && onTrack(m, base, bv.V, year, v.V, a.TargetYear, a.Target) {
			a.Status = OnTrack
		}
	}
	return a, true
}

func meets(m *Metric, v, target float64) bool {
	if m.Better == Lower {
		return v <= target
	}
	return v >= target
}

// regressed reports whether m's value v in year moved the wrong way from
// the year before's, compared as the values are shown.
func (d *Data) regressed(m *Metric, year int, v float64) bool {
	prev, ok := d.Value(m, year-1)
	if !ok {
		return false
	}
	cur, was := shown(m, v), shown(m, prev.V)
	if m.Better == Lower {
		return cur > was
	}
	return cur < was
}

// shown is v rounded to m's decimals, as a page shows it.
func shown(m *Metric, v float64) float64 {
	if m.Decimals == AsWritten {
		return v
	}
	f, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'f', m.Decimals, 64), 64)
	return f
}

// baseline is m's first recorded value.
func (d *Data) baseline(m *Metric) (int, Value, bool) {
	for _, y := range d.Years {
		if v, ok := d.Value(m, y); ok {
			return y, v, true
		}
	}
	return 0, Value{}, false
}

func onTrack(m *Metric, baseYear int, base float64, year int, v float64, targetYear int, target float64) bool {
	if targetYear <= baseYear {
		return false // no span to be on the way along
	}
	elapsed := float64(year-baseYear) / float64(targetYear-baseYear)
	if target == base {
		return meets(m, v, target)
	}
	covered := (v - base) / (target - base)
	return covered >= elapsed
}

// Tally counts the metrics scored in a year by status. N is the sum of
// the four statuses; metrics with no value that year are not counted.
type Tally struct {
	N, Achieved, Regressing, OnTrack, OffTrack int
}

// Tally scores every catalogue metric in year.
func (d *Data) Tally(year int) Tally {
	var t Tally
	for _, m := range d.Catalogue.Metrics {
		a, ok := d.Assess(m, year)
		if !ok {
			continue
		}
		switch a.Status {
		case Achieved:
			t.Achieved++
		case Regressing:
			t.Regressing++
		case OnTrack:
			t.OnTrack++
		case OffTrack:
			t.OffTrack++
		default:
			continue
		}
		t.N++
	}
	return t
}
