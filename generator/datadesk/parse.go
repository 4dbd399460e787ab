package datadesk

import (
	"math"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/text/width"

	"nianbao/generator/metrics"
	"nianbao/generator/workbook"
)

// notCollected are what data staff write for a value that was not
// collected; they are read as an empty cell.
var notCollected = map[string]bool{"—": true, "–": true, "-": true, "--": true, "/": true, "无": true, "未采集": true, "n/a": true, "na": true}

// unitRe is a number with its unit typed after it: 1380人, 12 家.
var unitRe = regexp.MustCompile(`^[+-]?\d+(\.\d+)?\s*\p{Han}+$`)

var groupedRe = regexp.MustCompile(`^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$`)

// parseText reads a value written as text (a CSV field or a text cell)
// for metric m. It returns ok=false and a message when it is not a value;
// empty=true for a value not collected.
func parseText(m *metrics.Metric, text string) (v float64, empty bool, msg string) {
	s := strings.TrimSpace(width.Narrow.String(text))
	if s == "" || notCollected[strings.ToLower(s)] {
		return 0, true, ""
	}
	if m.Kind == metrics.Flag {
		switch strings.ToLower(s) {
		case "true", "yes", "是", "y":
			return 1, false, ""
		case "false", "no", "否", "n":
			return 0, false, ""
		}
		return 0, false, "must be true or false (是/否), not " + strconv.Quote(text)
	}
	if t, ok := strings.CutSuffix(s, "%"); ok {
		if m.Kind != metrics.Percent {
			return 0, false, "is written as a percentage, but " + m.ID + " is a " + string(m.Kind) + "; write the number alone"
		}
		s = strings.TrimSpace(t) // the percent shown: 94.6% is 94.6
	}
	if groupedRe.MatchString(s) {
		s = strings.ReplaceAll(s, ",", "")
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || strings.ContainsAny(s, "xXpP_") {
		return 0, false, "is not a number: " + strconv.Quote(text) + hint(s)
	}
	return f, false, ""
}

// hint is the usual fix for text that is nearly a number.
func hint(s string) string {
	switch {
	case strings.Contains(s, ","):
		return "; write it without commas"
	case strings.ContainsAny(s, "万亿"):
		return "; write the number in the metric's unit, without 万 or 亿"
	case unitRe.MatchString(s):
		return "; write the number alone, without the unit"
	}
	return ""
}

// parseCell reads a value cell of a workbook for m.
func parseCell(m *metrics.Metric, c workbook.Value) (v float64, empty bool, msg string) {
	switch {
	case c.Uncomputed:
		return 0, false, "holds the formula =" + c.Formula + " with no result saved; open the workbook in Excel and save it, or type the value"
	case c.Kind == workbook.Bool:
		if m.Kind != metrics.Flag {
			return 0, false, "holds " + c.Shown + ", but " + m.ID + " is a number"
		}
		return c.Num, false, ""
	case c.Kind == workbook.Number && m.Kind == metrics.Flag:
		return 0, false, "must be true or false (是/否), not " + c.Shown
	case c.Kind == workbook.Number && c.Date:
		return 0, false, "is shown as a date or time (" + c.Shown + "); type the number in a cell formatted as a number"
	case c.Kind == workbook.Number && c.Percent && m.Kind != metrics.Percent:
		return 0, false, "is formatted as a percentage (" + c.Shown + "), but " + m.ID + " is a " + string(m.Kind) + "; format the cell as a number"
	case c.Kind == workbook.Number:
		return c.Num, false, ""
	}
	return parseText(m, c.Text)
}
