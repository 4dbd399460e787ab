package charts

import (
	"strings"

	"github.com/go-echarts/go-echarts/v2/opts"

	"nianbao/generator/metrics"
)

// unitAxis is one value axis of a cartesian chart: the metrics that share
// a unit in the default language.
type unitAxis struct {
	key     string // the unit in the default language; "%" for percents
	pct     bool   // every metric on it is a percent
	metrics []*metrics.Metric
}

// unitKey is the unit metrics are compared by, so that every language
// gets the same axes.
func unitKey(m *metrics.Metric) string {
	if m.Kind == metrics.Percent {
		return "%"
	}
	return strings.TrimSpace(m.Unit.Base)
}

// units groups the block's metrics by unit, in the order they first
// appear.
func (b *Block) units() []*unitAxis {
	var out []*unitAxis
	for _, m := range b.Metrics {
		k := unitKey(m)
		var ax *unitAxis
		for _, a := range out {
			if a.key == k {
				ax = a
			}
		}
		if ax == nil {
			ax = &unitAxis{key: k, pct: true}
			out = append(out, ax)
		}
		ax.metrics = append(ax.metrics, m)
		ax.pct = ax.pct && m.Kind == metrics.Percent
	}
	return out
}

// axisOf returns the index of the value axis m is drawn against.
func axisOf(axes []*unitAxis, m *metrics.Metric) int {
	for i, a := range axes {
		for _, am := range a.metrics {
			if am == m {
				return i
			}
		}
	}
	return 0
}

// label is the axis' name in the page's language: its unit (the units,
// where a translation gives one unit several words: "students / teachers"),
// or when the unit has no word in that language and the chart has two
// axes, the names of its metrics.
func (a *unitAxis) label(env Env, axes int) string {
	if a.pct {
		return "%"
	}
	var units []string
	for _, m := range a.metrics {
		if u := m.UnitIn(env.Lang); u != "" && !contains(units, u) {
			units = append(units, u)
		}
	}
	if len(units) > 0 || axes < 2 {
		return strings.Join(units, " / ")
	}
	names := make([]string, len(a.metrics))
	for i, m := range a.metrics {
		names[i] = m.Name.In(env.Lang)
	}
	return strings.Join(names, env.T("list_separator"))
}

// valueAxis is the ECharts option of a value axis. Its name must stay
// inside the chart however long it is ("students / apprentices"): on a
// vertical axis it runs inwards from the axis' top, over the plot; on a
// horizontal one (horizontal-bar) it sits centred beyond the tick labels.
func (a *unitAxis) valueAxis(env Env, axes, i int, horizontal bool) valueAxis {
	ax := valueAxis{Type: "value", Name: a.label(env, axes)}
	switch {
	case horizontal:
		ax.NameLocation = "middle"
		ax.NameGap = axisNameGap
	case i == 0:
		ax.NameTextStyle = &alignLeft
	default:
		ax.NameTextStyle = &alignRight
	}
	if a.pct {
		ax.AxisLabel = &formatter{"{value}%"}
	}
	if i == 1 {
		// Two scales: the second axis draws no grid lines of its own,
		// which would not meet the first one's.
		ax.SplitLine = &shown{Show: false}
	}
	return ax
}

var alignLeft, alignRight = opts.TextStyle{Align: "left"}, opts.TextStyle{Align: "right"}

// axisNameGap is the distance in pixels between a horizontal value axis and
// its name, past the tick labels; the grid leaves that much room and more.
const axisNameGap = 26
