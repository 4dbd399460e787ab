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
// those years has a target. The caller puts it on m's value axis.
func (b *Block) targetSeries(env Env, m *metrics.Metric, colour string) *targetSeries {
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
	return &targetSeries{
		Type: "line", Name: targetName(env, m), Data: data,
		Symbol: "diamond", SymbolSize: 11,
		ConnectNulls: false,
		Z:            4, // above bars
		ItemStyle:    itemStyle{Color: "#ffffff", BorderColor: colour, BorderWidth: 2},
		LineStyle:    lineStyle{Type: "dashed", Width: 1.5, Color: colour},
	}
}

// markTargetsOnBars draws m's targets as marks on its own bars, where
// ECharts places them over each bar rather than in the middle of the
// year's group of bars. The target series ts keeps the legend entry and
// the tooltip, with nothing of its own drawn.
func (b *Block) markTargetsOnBars(env Env, bar *barSeries, ts *targetSeries, m *metrics.Metric, colour string, horizontal bool) {
	var marks []markData
	name := targetName(env, m)
	for _, y := range b.Years {
		t, ok := m.Targets[y]
		if !ok {
			continue
		}
		v := round(m, t)
		coord := [2]any{strconv.Itoa(y), v}
		if horizontal {
			coord = [2]any{v, strconv.Itoa(y)}
		}
		marks = append(marks, markData{Name: name, Coord: coord, Value: v})
	}
	// In the series' colour with a dark outline, so that the mark shows
	// on its own bar as well as above it.
	style := itemStyle{Color: colour, BorderColor: "#1d2733", BorderWidth: 1.5}
	bar.MarkPoint = &markPoint{Symbol: "diamond", SymbolSize: 14, ItemStyle: style, Label: shown{Show: false}, Data: marks}
	ts.ItemStyle = style
	ts.Symbol = "diamond"
	ts.ShowSymbol = &hidden
	ts.LineStyle = lineStyle{Type: "dashed", Width: 1.5, Color: colour, Opacity: &transparent}
}

// hidden and transparent are the false and 0 a field must say.
var (
	hidden      = false
	transparent = 0.0
)

// nextTarget is m's target in year, or else its first later one.
func nextTarget(m *metrics.Metric, year int) (int, float64, bool) {
	next, found := 0, false
	for y := range m.Targets {
		if y >= year && (!found || y < next) {
			next, found = y, true
		}
	}
	return next, m.Targets[next], found
}

// gaugeTarget is a second gauge series on the same scale that draws only
// a marker on the dial at the target.
func gaugeTarget(env Env, m *metrics.Metric, target float64, max float64) *gaugeTargetSeries {
	name := targetName(env, m)
	return &gaugeTargetSeries{
		Type: "gauge", Name: name, Min: 0, Max: max,
		Radius: gaugeRadius, Center: gaugeCentre,
		Z: 5,
		Pointer: targetPointer{Icon: "triangle", Length: "13%", Width: 14, OffsetCenter: [2]any{0, "-84%"},
			ItemStyle: colorStyle{Color: "#a3302f"}},
		Data:        []namedValue{{Name: name, Value: round(m, target)}},
		Silent:      true,
		Animation:   false,
		SplitNumber: 5,
		// Nothing else of the dial is drawn twice.
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
