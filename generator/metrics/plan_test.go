package metrics

import (
	"strings"
	"testing"

	"nianbao/generator/diag"
)

// TestAssessPlan covers the four statuses in both directions, with the
// regressing rule and yes/no metrics.
func TestAssessPlan(t *testing.T) {
	tests := []struct {
		name    string
		kind    Kind
		better  Better
		targets map[int]float64
		values  map[int]float64
		year    int
		want    Status
	}{
		{"higher achieved although it fell", Count, Higher, map[int]float64{2025: 100}, map[int]float64{2024: 120, 2025: 110}, 2025, Achieved},
		{"higher fell short and fell", Count, Higher, map[int]float64{2025: 150}, map[int]float64{2024: 120, 2025: 110}, 2025, Regressing},
		{"higher fell toward a later target", Count, Higher, map[int]float64{2026: 160}, map[int]float64{2023: 100, 2024: 130, 2025: 125}, 2025, Regressing},
		{"higher flat is not regressing", Count, Higher, map[int]float64{2026: 200}, map[int]float64{2023: 100, 2024: 100, 2025: 100}, 2025, OffTrack},
		{"higher rose but too slowly", Count, Higher, map[int]float64{2026: 200}, map[int]float64{2023: 100, 2024: 101, 2025: 102}, 2025, OffTrack},
		{"higher rose and on track", Count, Higher, map[int]float64{2026: 160}, map[int]float64{2023: 100, 2024: 120, 2025: 150}, 2025, OnTrack},
		{"no previous year: not regressing", Count, Higher, map[int]float64{2026: 160}, map[int]float64{2023: 100, 2025: 90}, 2025, OffTrack},
		{"lower achieved although it rose", Count, Lower, map[int]float64{2025: 5}, map[int]float64{2024: 3, 2025: 4}, 2025, Achieved},
		{"lower missed and rose", Count, Lower, map[int]float64{2025: 5}, map[int]float64{2024: 6, 2025: 7}, 2025, Regressing},
		{"lower missed but fell", Count, Lower, map[int]float64{2025: 5}, map[int]float64{2024: 8, 2025: 7}, 2025, OffTrack},
		{"lower on track", Count, Lower, map[int]float64{2026: 17}, map[int]float64{2023: 20, 2024: 19.5, 2025: 18}, 2025, OnTrack},
		{"a change hidden by the decimals is not regressing", Percent, Higher, map[int]float64{2025: 95}, map[int]float64{2024: 92.04, 2025: 92.01}, 2025, OffTrack},
		{"flag achieved", Flag, Higher, map[int]float64{2025: 1}, map[int]float64{2025: 1}, 2025, Achieved},
		{"flag false against true", Flag, Higher, map[int]float64{2025: 1}, map[int]float64{2024: 1, 2025: 0}, 2025, OffTrack},
		{"flag false against false", Flag, Higher, map[int]float64{2025: 0}, map[int]float64{2025: 0}, 2025, Achieved},
		{"flag true against false", Flag, Higher, map[int]float64{2025: 0}, map[int]float64{2025: 1}, 2025, OffTrack},
		{"flag against a later target", Flag, Higher, map[int]float64{2026: 1}, map[int]float64{2025: 1}, 2025, Achieved},
		{"flag with neutral is scored", Flag, Neutral, map[int]float64{2025: 1}, map[int]float64{2025: 0}, 2025, OffTrack},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, m := statusData(t, tt.better, tt.targets, tt.values)
			m.Kind = tt.kind
			if tt.kind == Percent {
				m.Decimals = 1
			}
			a, ok := d.Assess(m, tt.year)
			if !ok || a.Status != tt.want {
				t.Errorf("Assess = %q, %v; want %q", a.Status, ok, tt.want)
			}
		})
	}
}

func TestStatusOrder(t *testing.T) {
	want := []Status{Achieved, Regressing, OnTrack, OffTrack, NoData}
	if len(StatusOrder) != len(want) {
		t.Fatalf("StatusOrder = %v", StatusOrder)
	}
	for i := range want {
		if StatusOrder[i] != want[i] {
			t.Errorf("StatusOrder[%d] = %q, want %q", i, StatusOrder[i], want[i])
		}
	}
}

func TestTally(t *testing.T) {
	mk := func(id string, better Better, kind Kind, targets map[int]float64) *Metric {
		m := metric(kind, 0, "", "", better)
		m.ID, m.Targets = id, targets
		return m
	}
	ms := []*Metric{
		mk("g.a", Higher, Count, map[int]float64{2025: 10}),          // achieved
		mk("g.b", Higher, Count, map[int]float64{2025: 10}),          // regressing
		mk("g.c", Higher, Count, map[int]float64{2026: 30}),          // on track
		mk("g.d", Lower, Count, map[int]float64{2025: 1}),            // off track
		mk("g.e", Higher, Count, map[int]float64{2025: 10}),          // no value: not counted
		mk("g.f", Neutral, Count, map[int]float64{2025: 10}),         // not scored
		mk("g.g", Higher, Flag, map[int]float64{2025: 1}),            // achieved
		mk("g.h", Higher, Count, map[int]float64{2024: 10}),          // only an earlier target
		mk("g.i", Lower, Count, map[int]float64{2025: 5, 2026: 4.5}), // regressing: rose
	}
	c := NewCatalogue(ms)
	d := NewData(c, []int{2024, 2025})
	for id, v := range map[string][2]float64{"g.a": {8, 12}, "g.b": {9, 8}, "g.c": {10, 25}, "g.d": {3, 2}, "g.f": {1, 2}, "g.g": {0, 1}, "g.h": {10, 10}, "g.i": {6, 7}} {
		m, _ := c.Metric(id)
		d.Set(m, 2024, Value{V: v[0]})
		d.Set(m, 2025, Value{V: v[1]})
	}
	got := d.Tally(2025)
	want := Tally{N: 6, Achieved: 2, Regressing: 2, OnTrack: 1, OffTrack: 1}
	if got != want {
		t.Errorf("Tally = %+v, want %+v", got, want)
	}
}

func TestProgressLower(t *testing.T) {
	tests := []struct {
		better    Better
		v, target float64
		want      string
	}{
		{Higher, 138, 150, "92.0%"},
		{Lower, 4, 5, "125.0%"},    // 4 under a ceiling of 5: achieved, over 100%
		{Lower, 16.5, 16, "97.0%"}, // above the ceiling: short of 100%
		{Lower, 5, 5, "100.0%"},
	}
	for _, tt := range tests {
		m := metric(Count, 0, "", "", tt.better)
		p, err := m.Progress(tt.v, tt.target)
		if err != nil || Percent1(p) != tt.want {
			t.Errorf("%s: Progress(%v, %v) = %s, %v; want %s", tt.better, tt.v, tt.target, Percent1(p), err, tt.want)
		}
	}
	if _, err := metric(Count, 0, "", "", Lower).Progress(0, 5); err == nil || err.Error() != "the value is 0, so progress (target ÷ value, for lower is better) is undefined" {
		t.Errorf("lower, value 0: %v", err)
	}
	if _, err := metric(Flag, 0, "", "", Higher).Progress(1, 1); err != ErrFlagProgress {
		t.Errorf("flag: %v", err)
	}
}

func TestFormatTarget(t *testing.T) {
	tests := []struct {
		m    *Metric
		v    float64
		lang string
		want string
	}{
		{metric(Count, 0, "家", "", Higher), 150, "zh", "≥ 150 家"},
		{metric(Count, 0, "家", "", Higher), 150, "en", "≥ 150"},
		{metric(Ratio, 1, "", "", Lower), 16, "en", "≤ 16.0"},
		{metric(Percent, 1, "%", "%", Higher), 95, "zh", "≥ 95.0%"},
		{metric(Count, 0, "", "", Neutral), 3, "zh", "3"},
		{metric(Flag, 0, "", "", Higher), 1, "zh", "是"},
		{metric(Flag, 0, "", "", Higher), 0, "zh", "否"},
		{metric(Flag, 0, "", "", Higher), 1, "en", "Yes"},
		{metric(Flag, 0, "", "", Higher), 0, "en", "No"},
	}
	for _, tt := range tests {
		if got := tt.m.FormatTarget(tt.v, tt.lang); got != tt.want {
			t.Errorf("FormatTarget(%v, %s) = %q, want %q", tt.v, tt.lang, got, tt.want)
		}
	}
}

const flagCatalogue = `
[[group]]
id = "gov"
name = "治理"

[[metric]]
id = "gov.charter"
name = "章程已备案"
name_en = "Charter filed"
kind = "flag"
targets = { 2025 = true }

[[metric]]
id = "gov.count"
name = "理事会议"
targets = { 2025 = true }
`

func TestFlagErrors(t *testing.T) {
	var l diag.List
	c := ParseCatalogue("content/metrics.toml", []byte(flagCatalogue+"\n[[metric]]\nid = \"gov.bad\"\nname = \"x\"\nkind = \"flag\"\ntargets = { 2025 = 1 }\n"), []string{"en"}, &l)
	d := NewData(c, []int{2024, 2025})
	d.ParseYear(2025, "content/2025/metrics.toml", []byte("[gov]\ncharter = 1\ncount = true\nbad = { value = \"yes\" }\n"), []string{"en"}, &l)
	d.ParseYear(2024, "content/2024/metrics.toml", []byte("[gov]\ncharter = { value = false, note = \"待审批\", note_en = \"awaiting approval\" }\n"), []string{"en"}, &l)
	want := []string{
		`content/2025/metrics.toml:2:11: value of yes/no metric "gov.charter" must be true or false, not an integer`,
		`content/2025/metrics.toml:3:9: value of "gov.count" must be a number, not a boolean; only a metric of kind = "flag" takes true or false`,
		`content/2025/metrics.toml:4:17: value of yes/no metric "gov.bad" must be true or false, not a string`,
		`content/metrics.toml:16:20: target 2025 of metric "gov.count" is true or false, but the metric is a count; set kind = "flag" for a yes/no metric, or write a number`,
		`content/metrics.toml:22:20: target 2025 of yes/no metric "gov.bad" must be true or false, not an integer`,
	}
	var got []string
	for _, e := range l.All() {
		got = append(got, e.Error())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	m, _ := c.Metric("gov.charter")
	v, ok := d.Value(m, 2024)
	if !ok || v.V != 0 || v.Note.In("en") != "awaiting approval" {
		t.Errorf("2024 value = %+v, %v", v, ok)
	}
	if m.Targets[2025] != 1 {
		t.Errorf("target = %v", m.Targets)
	}
}

func TestFlagRefs(t *testing.T) {
	var l diag.List
	c := ParseCatalogue("content/metrics.toml", []byte(flagCatalogue), nil, &l)
	d := NewData(c, []int{2024, 2025})
	d.ParseYear(2024, "content/2024/metrics.toml", []byte("[gov]\ncharter = false\n"), []string{"en"}, &l)
	d.ParseYear(2025, "content/2025/metrics.toml", []byte("[gov]\ncharter = true\n"), []string{"en"}, &l)
	tests := []struct{ ref, lang, want, wantErr string }{
		{"gov.charter", "zh", "是", ""},
		{"gov.charter", "en", "Yes", ""},
		{"gov.charter@2024", "zh", "否", ""},
		{"gov.charter:target", "en", "Yes", ""},
		{"gov.charter:change", "zh", "", `{{gov.charter:change}}: "gov.charter" is a yes/no metric (kind = "flag"), which has no change; write {{gov.charter}} for 是/否 (Yes/No)`},
		{"gov.charter:progress", "en", "", `{{gov.charter:progress}}: "gov.charter" is a yes/no metric (kind = "flag"), which has no progress; write {{gov.charter}} for 是/否 (Yes/No)`},
	}
	for _, tt := range tests {
		r, _ := ParseRef(tt.ref)
		got, _, err := d.Resolve(r, 2025, tt.lang)
		if tt.wantErr != "" {
			if err == nil || err.Error() != tt.wantErr {
				t.Errorf("{{%s}}: error %v, want %q", tt.ref, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("{{%s}} = %q, %v; want %q", tt.ref, got, err, tt.want)
		}
	}
}
