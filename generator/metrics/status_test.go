package metrics

import (
	"testing"
)

func statusData(t *testing.T, better Better, targets map[int]float64, values map[int]float64) (*Data, *Metric) {
	t.Helper()
	m := metric(Count, 0, "", "", better)
	m.Targets = targets
	c := &Catalogue{Metrics: []*Metric{m}, byID: map[string]*Metric{m.ID: m}}
	d := NewData(c, []int{2022, 2023, 2024, 2025, 2026})
	for y, v := range values {
		d.Set(m, y, Value{V: v})
	}
	return d, m
}

func TestAssess(t *testing.T) {
	tests := []struct {
		name    string
		better  Better
		targets map[int]float64
		values  map[int]float64
		year    int
		want    Status
		scored  bool
	}{
		{"higher achieved", Higher, map[int]float64{2025: 150}, map[int]float64{2023: 100, 2025: 150}, 2025, Achieved, true},
		{"higher missed in the target year", Higher, map[int]float64{2025: 150}, map[int]float64{2023: 100, 2025: 149}, 2025, OffTrack, true},
		// Baseline 100 in 2023, target 160 in 2026: in 2024 a third of the
		// time has passed, so 120 (a third of the way) is on track.
		{"higher on track", Higher, map[int]float64{2026: 160}, map[int]float64{2023: 100, 2024: 120}, 2024, OnTrack, true},
		{"higher just behind", Higher, map[int]float64{2026: 160}, map[int]float64{2023: 100, 2024: 119}, 2024, OffTrack, true},
		{"higher ahead toward a later target", Higher, map[int]float64{2026: 160}, map[int]float64{2023: 100, 2025: 150}, 2025, OnTrack, true},
		{"higher going backwards", Higher, map[int]float64{2026: 160}, map[int]float64{2023: 100, 2025: 90}, 2025, OffTrack, true},
		{"lower achieved", Lower, map[int]float64{2025: 18}, map[int]float64{2023: 20, 2025: 17.9}, 2025, Achieved, true},
		{"lower missed", Lower, map[int]float64{2025: 18}, map[int]float64{2023: 20, 2025: 18.1}, 2025, OffTrack, true},
		// Baseline 20 in 2023, target 17 in 2026: by 2025 two thirds of the
		// time has passed; 18 is two thirds of the way down.
		{"lower on track", Lower, map[int]float64{2026: 17}, map[int]float64{2023: 20, 2025: 18}, 2025, OnTrack, true},
		{"lower behind", Lower, map[int]float64{2026: 17}, map[int]float64{2023: 20, 2025: 18.5}, 2025, OffTrack, true},
		{"the first year is on track", Higher, map[int]float64{2026: 160}, map[int]float64{2024: 100}, 2024, OnTrack, true},
		{"no value this year", Higher, map[int]float64{2025: 150}, map[int]float64{2023: 100}, 2025, NoData, true},
		{"neutral is not scored", Neutral, map[int]float64{2025: 150}, map[int]float64{2025: 150}, 2025, "", false},
		{"no target is not scored", Higher, map[int]float64{}, map[int]float64{2025: 150}, 2025, "", false},
		{"only earlier targets are not scored", Higher, map[int]float64{2024: 100}, map[int]float64{2025: 150}, 2025, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, m := statusData(t, tt.better, tt.targets, tt.values)
			a, ok := d.Assess(m, tt.year)
			if ok != tt.scored || a.Status != tt.want {
				t.Errorf("Assess = %q, %v; want %q, %v", a.Status, ok, tt.want, tt.scored)
			}
		})
	}
}
