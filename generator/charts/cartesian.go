package charts

import (
	"strconv"

	"github.com/go-echarts/go-echarts/v2/opts"

	"nianbao/generator/metrics"
)

// cartesian is a line, bar, stacked-bar or horizontal-bar chart: a value
// axis per unit (two at most, checked when parsing), and the metrics'
// targets as dashed series of their own ("目标 …"), except on stacked
// bars, where a target would stand for the stack's total.
func (b *Block) cartesian(env Env, vs values, opt *chartOption) {
	p := plane{units: b.units(), horizontal: b.Type == "horizontal-bar"}
	values := b.axes(env, p, opt)
	opt.Legend = legend()
	opt.Tooltip = opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}
	opt.Grid = []opts.Grid{b.grid(p.units, values, p.horizontal)}
	series := make([]any, 0, 2*len(b.Metrics))
	bars := make([]*barSeries, len(b.Metrics))
	for i, m := range b.Metrics {
		x, y := p.axis(m)
		if b.Type == "line" {
			series = append(series, &lineSeries{
				Type: "line", Name: m.Name.In(env.Lang), Data: lineData(vs, m, i), YAxisIndex: y,
				Symbol: lineSymbols[i%len(lineSymbols)], SymbolSize: 8, LineStyle: dash(i),
			})
			continue
		}
		bars[i] = &barSeries{Type: "bar", Name: m.Name.In(env.Lang), Data: barData(vs, m, i), XAxisIndex: x, YAxisIndex: y}
		if b.Type == "stacked-bar" {
			bars[i].Stack = "total" // one stack per value axis
			if a := axisOf(p.units, m); a > 0 {
				bars[i].Stack += "-" + strconv.Itoa(a)
			}
		}
		series = append(series, bars[i])
	}
	if b.Type != "stacked-bar" {
		series = b.targets(env, p, series, bars)
	}
	opt.Series = series
}

// plane is a cartesian chart's value axes, and which way they run.
type plane struct {
	units      []*unitAxis
	horizontal bool
}

// axis is the index of the value axis m is drawn against, as the x or the
// y index of its series.
func (p plane) axis(m *metrics.Metric) (x, y *int) {
	if p.horizontal {
		return axisIndex(axisOf(p.units, m)), nil
	}
	return nil, axisIndex(axisOf(p.units, m))
}

// axes sets the chart's category axis (the years) and value axes, and
// returns the value axes.
func (b *Block) axes(env Env, p plane, opt *chartOption) []valueAxis {
	years := make([]string, len(b.Years))
	for i, y := range b.Years {
		years[i] = strconv.Itoa(y)
	}
	values := make([]valueAxis, len(p.units))
	for i, a := range p.units {
		values[i] = a.valueAxis(env, len(p.units), i, p.horizontal)
	}
	cat := []categoryAxis{{Type: "category", Data: years}}
	if !p.horizontal {
		opt.XAxis, opt.YAxis = cat, values
		return values
	}
	// Years read top to bottom; the value axes are at the bottom and top.
	cat[0].Inverse = true
	if len(values) > 1 {
		values[1].Position = "top"
	}
	opt.XAxis, opt.YAxis = values, cat
	return values
}

// targets adds each metric's target series after the metrics' own; on a
// chart of several bar series the targets are marked on their bars.
func (b *Block) targets(env Env, p plane, series []any, bars []*barSeries) []any {
	for i, m := range b.Metrics {
		colour := palette[i%len(palette)]
		ts := b.targetSeries(env, m, colour)
		if ts == nil {
			continue
		}
		ts.XAxisIndex, ts.YAxisIndex = p.axis(m)
		// Each metric's target its own marker, so that two targets
		// differ by more than colour.
		ts.Symbol = targetSymbols[i%len(targetSymbols)]
		if b.Type != "line" && len(b.Metrics) > 1 {
			b.markTargetsOnBars(env, bars[i], ts, m, colour, p.horizontal)
		}
		series = append(series, ts)
	}
	return series
}

// grid leaves room around the plot for the value axes' names.
func (b *Block) grid(axes []*unitAxis, values []valueAxis, horizontal bool) opts.Grid {
	g := opts.Grid{ContainLabel: opts.Bool(true), Left: "2%", Right: "4%", Bottom: "2%", Top: "60"}
	if len(axes) > 1 && !horizontal {
		g.Right = "2%"
	}
	if horizontal {
		// Room for the value axes' names past their tick labels.
		g.Bottom = strconv.Itoa(axisNameGap + 12)
		if len(axes) > 1 {
			g.Top = strconv.Itoa(60 + axisNameGap)
		}
		return g
	}
	// A value axis' unit is centred over the axis: a long one ("人 /
	// 人次") needs room beside it, or a phone's chart cuts it off.
	g.Left = edgeRoom(values[0].Name, "2%")
	if len(axes) > 1 {
		g.Right = edgeRoom(values[1].Name, "2%")
	}
	return g
}

// lineData and barData are metric i's values, year by year.
func lineData(vs values, m *metrics.Metric, i int) []opts.LineData {
	data := make([]opts.LineData, vs.years)
	for j := range data {
		data[j] = opts.LineData{Value: vs.point(m, i, j)}
	}
	return data
}

func barData(vs values, m *metrics.Metric, i int) []opts.BarData {
	data := make([]opts.BarData, vs.years)
	for j := range data {
		data[j] = opts.BarData{Value: vs.point(m, i, j)}
	}
	return data
}

// dash is the line style of the i-th line or radar series: its own dash,
// so that lines differ by more than colour.
func dash(i int) lineStyle {
	return lineStyle{Type: lineDashes[i%len(lineDashes)], Width: 2.5}
}
