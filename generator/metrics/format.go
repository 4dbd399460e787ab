package metrics

import (
	"errors"
	"math"
	"strconv"
	"strings"
)

// FormatNumber writes v with the given decimals (AsWritten: as few as
// show it exactly) and, when group is set, thousands separators:
// 1234567.891 with 2 → "1,234,567.89".
func FormatNumber(v float64, decimals int, group bool) string {
	s := strconv.FormatFloat(v, 'f', max(decimals, -1), 64)
	if s[0] == '-' && strings.Trim(s, "-0.") == "" {
		s = s[1:] // no "-0.0"
	}
	if !group {
		return s
	}
	sign := ""
	if s[0] == '-' {
		sign, s = "-", s[1:]
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	b.WriteString(sign)
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if hasFrac {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

// Number formats v as this metric's number without unit: decimals and
// thousands separators; percents get a % sign.
func (m *Metric) Number(v float64) string {
	if m.Kind == Percent {
		return FormatNumber(v, m.Decimals, false) + "%"
	}
	return FormatNumber(v, m.Decimals, true)
}

// UnitIn returns the unit shown in language l ("" for none). Percent
// metrics carry their unit in the number.
func (m *Metric) UnitIn(l string) string {
	u := strings.TrimSpace(m.Unit.In(l))
	if m.Kind == Percent && (u == "%" || u == "％") {
		return ""
	}
	return u
}

// Format formats v as a value with its unit in language l: "1,380 人",
// "92.5%", "1,234 万元".
func (m *Metric) Format(v float64, l string) string {
	n := m.Number(v)
	u := m.UnitIn(l)
	switch {
	case u == "":
		return n
	case u == "%" || u == "％" || u == "‰":
		return n + u
	}
	return n + " " + u
}

// Signed writes a derived figure with one decimal and an explicit sign:
// "+15.0", "-3.2", "0.0".
func Signed(v float64) string {
	s := FormatNumber(v, 1, true)
	if s != "0.0" && s[0] != '-' {
		s = "+" + s
	}
	return s
}

// Percent1 formats a derived percentage with one decimal: "92.0%".
func Percent1(v float64) string {
	return FormatNumber(v, 1, true) + "%"
}

// ErrChangeFromZero is returned when a relative change has a zero base.
var ErrChangeFromZero = errors.New("the previous value is 0, so a relative change is undefined")

// ppWord is how percentage points are written, by language.
var ppWord = map[string]string{"zh": " 个百分点"}

// Points returns the suffix for percentage points in language l.
func Points(l string) string {
	if w, ok := ppWord[l]; ok {
		return w
	}
	return " pp"
}

// Delta is a change between two values of a metric.
type Delta struct {
	Diff     float64 // cur - prev, in the metric's units (points for percents)
	Relative float64 // (cur - prev) / |prev| × 100; unset for percents
	Points   bool    // a percent metric: the change is in percentage points
}

// Change computes the change from prev to cur.
func (m *Metric) Change(cur, prev float64) (Delta, error) {
	d := Delta{Diff: cur - prev, Points: m.Kind == Percent}
	if d.Points {
		return d, nil
	}
	if prev == 0 {
		return d, ErrChangeFromZero
	}
	d.Relative = (cur - prev) / math.Abs(prev) * 100
	return d, nil
}

// Format writes the change in language l: "+12.4%" or "+2.1 个百分点".
func (d Delta) Format(l string) string {
	if d.Points {
		return Signed(d.Diff) + Points(l)
	}
	return Signed(d.Relative) + "%"
}

// Direction is -1, 0 or 1 as the change, rounded as shown, falls, stays or rises.
func (d Delta) Direction() int {
	v := d.Relative
	if d.Points {
		v = d.Diff
	}
	switch s := FormatNumber(v, 1, false); {
	case s == "0.0":
		return 0
	case v < 0:
		return -1
	}
	return 1
}

// Good reports whether a change in direction dir is good (1), bad (-1) or
// neither (0) for this metric.
func (m *Metric) Good(dir int) int {
	switch m.Better {
	case Higher:
		return dir
	case Lower:
		return -dir
	}
	return 0
}

// Progress returns value ÷ target as a percentage.
func Progress(v, target float64) (float64, error) {
	if target == 0 {
		return 0, errors.New("the target is 0, so progress is undefined")
	}
	return v / target * 100, nil
}
