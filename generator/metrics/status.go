package metrics

// Status is a metric's standing against the plan in a year.
type Status string

const (
	Achieved Status = "achieved" // the year's value meets the year's target
	OnTrack  Status = "on-track" // not yet, but moving fast enough toward the next target
	OffTrack Status = "off-track"
	NoData   Status = "no-data" // scored, but no value this year
)

// Assessment is the scorecard line of one metric in one year.
type Assessment struct {
	Status     Status
	Value      float64
	Target     float64 // the next target: for the year itself or the first later year with one
	TargetYear int
}

// Assess scores m in year against the plan. ok is false for metrics that
// are not scored that year: no target in that year or later, or no
// direction (better = "neutral").
//
//   - achieved: the year's value meets that year's target (≥ for higher,
//     ≤ for lower);
//   - on track: not achieved, but since its first recorded value (the
//     baseline) it has covered at least the share of the way to its next
//     target that the elapsed years are of the baseline-to-target span;
//   - off track: otherwise.
func (d *Data) Assess(m *Metric, year int) (Assessment, bool) {
	if m.Better == Neutral {
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
	if a.TargetYear == year && meets(m, v.V, a.Target) {
		a.Status = Achieved
		return a, true
	}
	a.Status = OffTrack
	if base, bv, ok := d.baseline(m); ok && onTrack(m, base, bv.V, year, v.V, a.TargetYear, a.Target) {
		a.Status = OnTrack
	}
	return a, true
}

func meets(m *Metric, v, target float64) bool {
	if m.Better == Lower {
		return v <= target
	}
	return v >= target
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
