package charts

import (
	"strconv"
	"strings"

	"nianbao/generator/metrics"
)

// The plan on charts: target series, a gauge's target mark, the source
// line under every figure and the status on KPI cards.

// targetName names the series of m's targets: "目标 成员企业", "Target …".
func targetName(env Env, m *metrics.Metric) string {
	return env.T("target") + " " + m.Name.In(env.Lang)
}

// targetSeries is an ECharts line series of m's targets in the years
// shown, drawn dashed in the colour of m's series, or nil when none of
// those years has a target.
func (b *Block) targetSeries(env Env, m *metrics.Metric, colour string, axisKey string, axis int) map[string]any {
	data := make([]any, len(b.Years))
	found := false
	for i, y := range b.Years {
		data[i] = "-"
		if t, ok := m.Targets[y]; ok {
			data[i], found = round(m, t), true
		}
	}
	if !found {
		return nil
	}
	return map[string]any{
		"type":         "line",
		"name":         targetName(env, m),
		"data":         data,
		axisKey:        axis,
		"symbol":       "diamond",
		"symbolSize":   11,
		"connectNulls": false,
		"z":            4, // above bars
		"itemStyle":    map[string]any{"color": "#ffffff", "borderColor": colour, "borderWidth": 2},
		"lineStyle":    map[string]any{"type": "dashed", "width": 1.5, "color": colour},
	}
}

// markTargetsOnBars draws m's targets as marks on its own bars, where
// ECharts places them over each bar rather than in the middle of the
// year's group of bars. The target series ts keeps the legend entry and
// the tooltip, with nothing of its own drawn.
func (b *Block) markTargetsOnBars(env Env, bar, ts map[string]any, m *metrics.Metric, colour string, horizontal bool) {
	var marks []map[string]any
	for _, y := range b.Years {
		t, ok := m.Targets[y]
		if !ok {
			continue
		}
		coord := []any{strconv.Itoa(y), round(m, t)}
		if horizontal {
			coord = []any{round(m, t), strconv.Itoa(y)}
		}
		marks = append(marks, map[string]any{"name": targetName(env, m), "coord": coord, "value": round(m, t)})
	}
	// In the series' colour with a dark outline, so that the mark shows
	// on its own bar as well as above it.
	style := map[string]any{"color": colour, "borderColor": "#1d2733", "borderWidth": 1.5}
	bar["markPoint"] = map[string]any{
		"symbol":     "diamond",
		"symbolSize": 14,
		"itemStyle":  style,
		"label":      map[string]any{"show": false},
		"data":       marks,
	}
	ts["itemStyle"] = style
	ts["symbol"] = "diamond"
	ts["showSymbol"] = false
	ts["lineStyle"] = map[string]any{"type": "dashed", "width": 1.5, "color": colour, "opacity": 0}
}

// nextTarget is m's target in year, or else its first later one.
func nextTarget(m *metrics.Metric, year int) (int, float64, bool) {
	for _, y := range m.TargetYears() {
		if y >= year {
			return y, m.Targets[y], true
		}
	}
	return 0, 0, false
}

// gaugeTarget is a second gauge series on the same scale that draws only
// a marker on the dial at the target.
func gaugeTarget(env Env, m *metrics.Metric, target float64, max int) map[string]any {
	hidden := map[string]any{"show": false}
	return map[string]any{
		"type":        "gauge",
		"name":        targetName(env, m),
		"min":         0,
		"max":         max,
		"radius":      "88%",
		"center":      []string{"50%", "58%"},
		"axisLine":    hidden,
		"axisTick":    hidden,
		"splitLine":   hidden,
		"axisLabel":   hidden,
		"progress":    hidden,
		"anchor":      hidden,
		"title":       hidden,
		"detail":      hidden,
		"z":           5,
		"pointer":     map[string]any{"icon": "triangle", "length": "13%", "width": 14, "offsetCenter": []any{0, "-84%"}, "itemStyle": map[string]any{"color": "#a3302f"}},
		"data":        []map[string]any{{"name": targetName(env, m), "value": round(m, target)}},
		"silent":      true,
		"animation":   false,
		"splitNumber": 5,
	}
}

// gaugeTargetLine states a gauge's target under the chart:
// "目标：≥ 95.0%（2025）".
func (b *Block) gaugeTargetLine(env Env) string {
	m := b.Metrics[0]
	y, t, ok := nextTarget(m, env.Year)
	if !ok {
		return ""
	}
	s := env.T("target") + env.T("note_colon") + m.FormatTarget(t, env.Lang)
	if y != env.Year {
		s += env.T("unit_open") + strconv.Itoa(y) + env.T("unit_close")
	}
	return s
}

// sourceLine is the line under a figure: its metrics' sources, then the
// notes of the values in the years shown. It never is empty: a figure
// whose metrics name no source says so.
func (b *Block) sourceLine(env Env) (sources, notes string) {
	sep := env.T("source_separator")
	var names []string
	for _, m := range b.Metrics {
		s := strings.TrimSpace(m.Source.In(env.Lang))
		if s != "" && !contains(names, s) {
			names = append(names, s)
		}
	}
	if len(names) == 0 {
		names = []string{env.T("source_unknown")}
	}
	sources = env.T("source") + strings.Join(names, sep)
	var ns []string
	for _, m := range b.Metrics {
		for _, y := range b.Years {
			if v, ok := env.Data.Value(m, y); ok {
				if n := strings.TrimSpace(v.Note.In(env.Lang)); n != "" {
					ns = append(ns, strconv.Itoa(y)+" "+m.Name.In(env.Lang)+env.T("note_colon")+n)
				}
			}
		}
	}
	if len(ns) > 0 {
		notes = env.T("notes") + strings.Join(ns, sep)
	}
	return sources, notes
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// share writes v's share of total with one decimal: "16.4%".
func share(v, total float64) string {
	if total == 0 {
		return "—"
	}
	return metrics.Percent1(v / total * 100)
}

// braces keeps text that goes into an ECharts label formatter from being
// read as {placeholders}.
var braces = strings.NewReplacer("{", "(", "}", ")")
