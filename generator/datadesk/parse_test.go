package datadesk

import (
	"testing"

	"nianbao/generator/metrics"
)

func TestValuesWrittenAsText(t *testing.T) {
	count := &metrics.Metric{ID: "g.c", Kind: metrics.Count}
	pct := &metrics.Metric{ID: "g.p", Kind: metrics.Percent}
	flag := &metrics.Metric{ID: "g.f", Kind: metrics.Flag}
	for _, tc := range []struct {
		m     *metrics.Metric
		in    string
		v     float64
		empty bool
		msg   string
	}{
		{count, "1380", 1380, false, ""},
		{count, " 1,380 ", 1380, false, ""},
		{count, "１３８０", 1380, false, ""}, // full-width digits
		{count, "-12.5", -12.5, false, ""},
		{count, "", 0, true, ""},
		{count, "—", 0, true, ""},
		{count, "未采集", 0, true, ""},
		{count, "1,38", 0, false, `is not a number: "1,38"; write it without commas`},
		{count, "1.2万", 0, false, `is not a number: "1.2万"; write the number in the metric's unit, without 万 or 亿`},
		{count, "1380人", 0, false, `is not a number: "1380人"; write the number alone, without the unit`},
		{count, "1380 家", 0, false, `is not a number: "1380 家"; write the number alone, without the unit`},
		{count, "约1380", 0, false, `is not a number: "约1380"`},
		{count, "0x10", 0, false, `is not a number: "0x10"`},
		{count, "NaN", 0, false, `is not a number: "NaN"`},
		{count, "50%", 0, false, "is written as a percentage, but g.c is a count; write the number alone"},
		{pct, "94.6%", 94.6, false, ""},
		{pct, "94.6 ％", 94.6, false, ""},
		{pct, "94.6", 94.6, false, ""},
		{flag, "是", 1, false, ""},
		{flag, "FALSE", 0, false, ""},
		{flag, "maybe", 0, false, `must be true or false (是/否), not "maybe"`},
	} {
		v, empty, msg := parseText(tc.m, tc.in)
		if v != tc.v || empty != tc.empty || msg != tc.msg {
			t.Errorf("%s %q = %v, %v, %q; want %v, %v, %q", tc.m.Kind, tc.in, v, empty, msg, tc.v, tc.empty, tc.msg)
		}
	}
}
