package metrics

import (
	"math"
	"testing"

	"nianbao/generator/lang"
)

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		v        float64
		decimals int
		group    bool
		want     string
	}{
		{0, 0, true, "0"},
		{1380, 0, true, "1,380"},
		{1234567.891, 2, true, "1,234,567.89"},
		{999, 0, true, "999"},
		{1000, 0, true, "1,000"},
		{-1234.5, 1, true, "-1,234.5"},
		{-0.04, 1, true, "0.0"},
		{92.5, 1, false, "92.5"},
		{12345, 0, false, "12345"},
		{0.125, 2, true, "0.12"}, // binary 0.125 is exact: round half to even
		{2.675, 2, true, "2.67"}, // binary 2.675 is just below
		{100000, 0, true, "100,000"},
		{1480.5, AsWritten, true, "1,480.5"},
		{92, AsWritten, false, "92"},
		{0.125, AsWritten, false, "0.125"},
		{math.Copysign(0, -1), AsWritten, true, "0"},
		{-1234567890123, 0, true, "-1,234,567,890,123"},
		{12, 3, true, "12.000"},
		{123456.75, 1, true, "123,456.8"},
		{1e21, 0, true, "1,000,000,000,000,000,000,000"},
	}
	for _, tt := range tests {
		if got := FormatNumber(tt.v, tt.decimals, tt.group); got != tt.want {
			t.Errorf("FormatNumber(%v, %d, %v) = %q, want %q", tt.v, tt.decimals, tt.group, got, tt.want)
		}
		if got := string(AppendNumber([]byte("x "), tt.v, tt.decimals, tt.group)); got != "x "+tt.want {
			t.Errorf("AppendNumber(\"x \", %v, %d, %v) = %q, want %q", tt.v, tt.decimals, tt.group, got, "x "+tt.want)
		}
	}
}

func metric(kind Kind, decimals int, unit, unitEn string, better Better) *Metric {
	u := lang.Text{Base: unit}
	if unitEn != "-" {
		u.Set("en", unitEn)
	}
	return &Metric{ID: "g.m", Name: lang.Text{Base: "指标", Tr: map[string]string{"en": "Metric"}}, Unit: u, Kind: kind, Decimals: decimals, Better: better}
}

func TestMetricFormat(t *testing.T) {
	tests := []struct {
		name string
		m    *Metric
		v    float64
		lang string
		want string
	}{
		{"count zh", metric(Count, 0, "人", "students", Higher), 1380, "zh", "1,380 人"},
		{"count en", metric(Count, 0, "人", "students", Higher), 1426, "en", "1,426 students"},
		{"empty unit_en means no unit", metric(Count, 0, "人", "", Higher), 1426, "en", "1,426"},
		{"absent unit_en falls back", metric(Count, 0, "人", "-", Higher), 1426, "en", "1,426 人"},
		{"percent", metric(Percent, 1, "%", "%", Higher), 92.5, "zh", "92.5%"},
		{"percent without unit", metric(Percent, 1, "", "", Higher), 92.5, "en", "92.5%"},
		{"percent keeps decimals", metric(Percent, 1, "%", "%", Higher), 92, "zh", "92.0%"},
		{"money", metric(Money, 0, "万元", "10k CNY", Higher), 1234567, "zh", "1,234,567 万元"},
		{"money en", metric(Money, 0, "万元", "10k CNY", Higher), 2270, "en", "2,270 10k CNY"},
		{"ratio", metric(Ratio, 2, "", "", Lower), 17.456, "zh", "17.46"},
		{"score", metric(Score, 1, "分", "pts", Higher), 84.2, "zh", "84.2 分"},
		{"rounds to decimals", metric(Count, 0, "个", "", Higher), 37.6, "zh", "38 个"},
		{"as written", metric(Money, AsWritten, "万元", "", Higher), 1480.5, "zh", "1,480.5 万元"},
		{"percent as written", metric(Percent, AsWritten, "%", "", Higher), 92, "zh", "92%"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.m.Format(tt.v, tt.lang); got != tt.want {
				t.Errorf("Format(%v, %s) = %q, want %q", tt.v, tt.lang, got, tt.want)
			}
			if got := string(tt.m.AppendFormat([]byte("x "), tt.v, tt.lang)); got != "x "+tt.want {
				t.Errorf("AppendFormat(\"x \", %v, %s) = %q, want %q", tt.v, tt.lang, got, "x "+tt.want)
			}
		})
	}
}

func TestChange(t *testing.T) {
	tests := []struct {
		name      string
		m         *Metric
		cur, prev float64
		lang      string
		want      string
		dir       int
	}{
		{"relative rise", metric(Count, 0, "人", "", Higher), 1380, 1228, "zh", "+12.4%", 1},
		{"relative fall", metric(Count, 0, "人", "", Higher), 3, 4, "zh", "-25.0%", -1},
		{"one decimal", metric(Count, 0, "人", "", Higher), 115, 100, "en", "+15.0%", 1},
		{"no change", metric(Count, 0, "人", "", Higher), 100, 100, "zh", "0.0%", 0},
		{"points zh", metric(Percent, 1, "%", "%", Higher), 93.2, 91.1, "zh", "+2.1 个百分点", 1},
		{"points en", metric(Percent, 1, "%", "%", Higher), 93.2, 91.1, "en", "+2.1 pp", 1},
		{"points fall", metric(Percent, 1, "%", "%", Higher), 88.0, 90.5, "en", "-2.5 pp", -1},
		{"tiny change rounds to flat", metric(Count, 0, "人", "", Higher), 100001, 100000, "zh", "0.0%", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := tt.m.Change(tt.cur, tt.prev)
			if err != nil {
				t.Fatal(err)
			}
			if got := d.Format(tt.lang); got != tt.want {
				t.Errorf("change %v→%v = %q, want %q", tt.prev, tt.cur, got, tt.want)
			}
			if d.Direction() != tt.dir {
				t.Errorf("direction = %d, want %d", d.Direction(), tt.dir)
			}
		})
	}
	if _, err := metric(Count, 0, "", "", Higher).Change(5, 0); err == nil {
		t.Error("change from 0: no error")
	}
}

func TestGood(t *testing.T) {
	for _, tt := range []struct {
		better Better
		dir    int
		want   int
	}{
		{Higher, 1, 1}, {Higher, -1, -1}, {Lower, 1, -1}, {Lower, -1, 1}, {Neutral, 1, 0}, {Higher, 0, 0},
	} {
		m := metric(Count, 0, "", "", tt.better)
		if got := m.Good(tt.dir); got != tt.want {
			t.Errorf("%s.Good(%d) = %d, want %d", tt.better, tt.dir, got, tt.want)
		}
	}
}

func TestProgress(t *testing.T) {
	m := metric(Count, 0, "", "", Higher)
	p, err := m.Progress(138, 150)
	if err != nil || Percent1(p) != "92.0%" {
		t.Errorf("Progress(138, 150) = %v, %v; want 92.0%%", Percent1(p), err)
	}
	if _, err := m.Progress(1, 0); err == nil {
		t.Error("Progress with target 0: no error")
	}
}
