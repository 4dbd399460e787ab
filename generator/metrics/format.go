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
	var buf [32]byte
	return string(AppendNumber(buf[:0], v, decimals, group))
}

// AppendNumber appends v to dst as FormatNumber writes it, for callers
// that write many numbers into one buffer.
func AppendNumber(dst []byte, v float64, decimals int, group bool) []byte {
	start := len(dst)
	dst = strconv.AppendFloat(dst, v, 'f', max(decimals, -1), 64)
	if dst[start] == '-' && onlyZeros(dst[start+1:]) {
		dst = append(dst[:start], dst[start+1:]...) // no "-0.0"
	}
	if !group {
		return dst
	}
	whole := start
	if dst[start] == '-' {
		whole++
	}
	point := whole
	for point < len(dst) && dst[point] != '.' {
		point++
	}
	commas := (point - whole - 1) / 3
	if commas <= 0 {
		return dst
	}
	end := len(dst)
	dst = append(dst, make([]byte, commas)...)
	copy(dst[point+commas:], dst[point:end])
	// The whole part moves right, a comma before every third digit from
	// its end.
	j := point + commas - 1
	for i, n := point-1, 1; i >= whole; i, n = i-1, n+1 {
		dst[j] = dst[i]
		j--
		if n%3 == 0 && i > whole {
			dst[j] = ','
			j--
		}
	}
	return dst
}

// onlyZeros reports whether a formatted number's digits are all 0.
func onlyZeros(b []byte) bool {
	for _, c := range b {
		if c != '0' && c != '.' && c != '-' {
			return false
		}
	}
	return true
}

// Number formats v as this metric's number without unit: decimals and
// thousands separators; percents get a % sign.
func (m *Metric) Number(v float64) string {
	var buf [32]byte
	return string(m.appendNumber(buf[:0], v))
}

func (m *Metric) appendNumber(dst []byte, v float64) []byte {
	if m.Kind == Percent {
		return append(AppendNumber(dst, v, m.Decimals, false), '%')
	}
	return AppendNumber(dst, v, m.Decimals, true)
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
// "92.5%", "1,234 万元"; a yes/no metric's value is 是/否 (Yes/No).
func (m *Metric) Format(v float64, l string) string {
	if m.Kind == Flag {
		return YesNo(v != 0, l)
	}
	var buf [48]byte
	return string(m.AppendFormat(buf[:0], v, l))
}

// AppendFormat appends v to dst as Format writes it.
func (m *Metric) AppendFormat(dst []byte, v float64, l string) []byte {
	if m.Kind == Flag {
		return append(dst, YesNo(v != 0, l)...)
	}
	dst = m.appendNumber(dst, v)
	switch u := m.UnitIn(l); {
	case u == "":
		return dst
	case u == "%" || u == "％" || u == "‰":
		return append(dst, u...)
	default:
		return append(append(dst, ' '), u...)
	}
}

// yesNo are the words of yes/no values, by language; other languages
// get English.
var yesNo = map[string][2]string{"zh": {"否", "是"}}

// YesNo writes a yes/no value in language l: 是/否, Yes/No.
func YesNo(b bool, l string) string {
	w, ok := yesNo[l]
	if !ok {
		w = [2]string{"No", "Yes"}
	}
	if b {
		return w[1]
	}
	return w[0]
}

// Plain writes v for spreadsheets and programs: the number with the
// metric's decimals and no separators, or true/false for a yes/no metric.
func (m *Metric) Plain(v float64) string {
	if m.Kind == Flag {
		return strconv.FormatBool(v != 0)
	}
	return FormatNumber(v, m.Decimals, false)
}

// Sign is the direction sign put before a target: ≥ when higher is
// better, ≤ when lower is; none for neutral and yes/no metrics.
func (m *Metric) Sign() string {
	switch {
	case m.Kind == Flag:
		return ""
	case m.Better == Higher:
		return "≥"
	case m.Better == Lower:
		return "≤"
	}
	return ""
}

// FormatTarget formats a target in language l with its direction sign:
// "≥ 1,550 人", "≤ 16.5", "是".
func (m *Metric) FormatTarget(t float64, l string) string {
	if s := m.Sign(); s != "" {
		return s + " " + m.Format(t, l)
	}
	return m.Format(t, l)
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

// ErrFlagProgress is returned for the progress of a yes/no metric.
var ErrFlagProgress = errors.New("a yes/no metric has no progress, only achieved or not")

// Progress returns how far v has come to target, as a percentage where
// 100 or more means the target is met: value ÷ target, and for better =
// "lower" target ÷ value.
func (m *Metric) Progress(v, target float64) (float64, error) {
	switch {
	case m.Kind == Flag:
		return 0, ErrFlagProgress
	case m.Better == Lower && v == 0:
		return 0, errors.New("the value is 0, so progress (target ÷ value, for lower is better) is undefined")
	case m.Better == Lower:
		return target / v * 100, nil
	case target == 0:
		return 0, errors.New("the target is 0, so progress is undefined")
	}
	return v / target * 100, nil
}
