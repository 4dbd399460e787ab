package charts

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"strconv"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"nianbao/generator/metrics"
)

// fontFamily is the theme's font stack for chart text.
const fontFamily = `"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", sans-serif`

// optionJSON builds the ECharts option of a chart block and returns it as
// JSON that is safe inside a <script type="application/json"> element.
func (b *Block) optionJSON(env Env) ([]byte, error) {
	var opt map[string]any
	switch b.Type {
	case "pie", "donut":
		opt = b.pie(env)
	case "gauge":
		opt = b.gauge(env)
	case "radar":
		opt = b.radar(env)
	default:
		opt = b.cartesian(env)
	}
	// Chart text in the theme's fonts, dark enough to read (ECharts'
	// default greys fall below WCAG AA contrast).
	opt["textStyle"] = map[string]any{"fontFamily": fontFamily, "color": "#333d49"}
	opt["aria"] = aria()
	out, err := json.Marshal(opt)
	if err != nil {
		return nil, err
	}
	// go-echarts marks raw JavaScript with __f__; nothing we write may
	// carry it, whatever the content says.
	if bytes.Contains(out, []byte("__f__")) {
		return nil, errors.New("chart option contains the reserved marker __f__")
	}
	return out, nil
}

func globals(env Env, extra ...charts.GlobalOpts) []charts.GlobalOpts {
	return append([]charts.GlobalOpts{
		charts.WithColorsOpts(opts.Colors(palette)),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "0", Type: "scroll"}),
	}, extra...)
}

// round gives a value with the metric's decimals, as ECharts should show it.
func round(m *metrics.Metric, v float64) float64 {
	if m.Decimals == metrics.AsWritten {
		return v
	}
	f, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'f', m.Decimals, 64), 64)
	return f
}

// cartesian is a line, bar, stacked-bar or horizontal-bar chart: a value
// axis per unit (two at most, checked when parsing), and the metrics'
// targets as dashed series of their own ("目标 …"), except on stacked
// bars, where a target would stand for the stack's total.
func (b *Block) cartesian(env Env) map[string]any {
	years := make([]string, len(b.Years))
	for i, y := range b.Years {
		years[i] = strconv.Itoa(y)
	}
	axes := b.units()
	valueAxes := make([]map[string]any, len(axes))
	horizontal := b.Type == "horizontal-bar"
	for i, a := range axes {
		valueAxes[i] = a.valueAxis(env, len(axes), i, horizontal)
	}
	catAxis := map[string]any{"type": "category", "data": years}
	valueKey, catKey, axisKey := "yAxis", "xAxis", "yAxisIndex"
	if horizontal {
		// Years read top to bottom; the value axes are at the bottom and top.
		valueKey, catKey, axisKey = "xAxis", "yAxis", "xAxisIndex"
		catAxis["inverse"] = true
		if len(valueAxes) > 1 {
			valueAxes[1]["position"] = "top"
		}
	}
	right, bottom, top := "4%", "2%", "60"
	if len(axes) > 1 && !horizontal {
		right = "2%"
	}
	left := "2%"
	if !horizontal {
		// A value axis' unit is centred over the axis: a long one ("人 /
		// 人次") needs room beside it, or a phone's chart cuts it off.
		left = edgeRoom(valueAxes[0], "2%")
		if len(axes) > 1 {
			right = edgeRoom(valueAxes[1], "2%")
		}
	}
	if horizontal {
		// Room for the value axes' names past their tick labels.
		bottom = strconv.Itoa(axisNameGap + 12)
		if len(axes) > 1 {
			top = strconv.Itoa(60 + axisNameGap)
		}
	}
	g := globals(env,
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithGridOpts(opts.Grid{ContainLabel: opts.Bool(true), Left: left, Right: right, Bottom: bottom, Top: top}),
	)
	var opt map[string]any
	if b.Type == "line" {
		c := charts.NewLine()
		c.SetGlobalOptions(g...)
		c.SetXAxis(years)
		for _, m := range b.Metrics {
			data := make([]opts.LineData, len(b.Years))
			for i, y := range b.Years {
				data[i] = opts.LineData{Value: b.point(env, m, y)}
			}
			c.AddSeries(m.Name.In(env.Lang), data, charts.WithLineChartOpts(opts.LineChart{Symbol: "circle", SymbolSize: 7}))
		}
		c.Validate()
		opt = c.JSON()
		styleLines(opt)
	} else {
		c := charts.NewBar()
		c.SetGlobalOptions(g...)
		c.SetXAxis(years)
		for _, m := range b.Metrics {
			data := make([]opts.BarData, len(b.Years))
			for i, y := range b.Years {
				data[i] = opts.BarData{Value: b.point(env, m, y)}
			}
			bar := opts.BarChart{}
			if b.Type == "stacked-bar" {
				bar.Stack = "total" // one stack per value axis
				if i := axisOf(axes, m); i > 0 {
					bar.Stack += "-" + strconv.Itoa(i)
				}
			}
			c.AddSeries(m.Name.In(env.Lang), data, charts.WithBarChartOpts(bar))
		}
		c.Validate()
		opt = c.JSON()
	}
	opt[catKey] = []map[string]any{catAxis}
	opt[valueKey] = valueAxes
	series := seriesMaps(opt)
	for i, m := range b.Metrics {
		series[i][axisKey] = axisOf(axes, m)
	}
	if b.Type != "stacked-bar" {
		for i, m := range b.Metrics {
			colour := palette[i%len(palette)]
			ts := b.targetSeries(env, m, colour, axisKey, axisOf(axes, m))
			if ts == nil {
				continue
			}
			// Each metric's target its own marker, so that two targets
			// differ by more than colour.
			ts["symbol"] = targetSymbols[i%len(targetSymbols)]
			if b.Type != "line" && len(b.Metrics) > 1 {
				b.markTargetsOnBars(env, series[i], ts, m, colour, horizontal)
			}
			series = append(series, ts)
		}
	}
	opt["series"] = series
	return opt
}

// seriesMaps returns the option's series as plain maps, to be completed
// where go-echarts has no field.
func seriesMaps(opt map[string]any) []map[string]any {
	var list []map[string]any
	raw, err := json.Marshal(opt["series"])
	if err == nil {
		_ = json.Unmarshal(raw, &list)
	}
	return list
}

// point is a series value, or "-" (a gap) when the year has none.
func (b *Block) point(env Env, m *metrics.Metric, y int) any {
	if v, ok := env.Data.Value(m, y); ok {
		return round(m, v.V)
	}
	return "-"
}

func (b *Block) pie(env Env) map[string]any {
	c := charts.NewPie()
	// The labels name the slices, so no legend: on a phone it took the
	// room the labels need.
	c.SetGlobalOptions(globals(env, charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}))...)
	var data []opts.PieData
	var labels []string
	total := 0.0
	for _, m := range b.Metrics {
		if v, ok := env.Data.Value(m, env.Year); ok && v.V > 0 {
			total += round(m, v.V)
		}
	}
	for _, m := range b.Metrics {
		if v, ok := env.Data.Value(m, env.Year); ok {
			data = append(data, opts.PieData{Name: m.Name.In(env.Lang), Value: round(m, v.V)})
			// The label says the value with its unit and the share with
			// one decimal, as the report writes them.
			labels = append(labels, "{b}\n"+braces.Replace(m.Format(v.V, env.Lang))+" · "+share(round(m, v.V), total))
		}
	}
	pie := opts.PieChart{Radius: "55%", Center: []string{"50%", "52%"}}
	if b.Type == "donut" {
		pie.Radius = []string{"32%", "55%"}
	}
	c.AddSeries(b.title(env), data, charts.WithPieChartOpts(pie),
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Formatter: "{b}\n{c} · {d}%"}))
	c.Validate()
	opt := c.JSON()
	patch(opt, "series", func(s map[string]any) {
		s["percentPrecision"] = 1 // the tooltip's share, as the labels give it
		if l, ok := s["label"].(map[string]any); ok {
			l["width"] = 96
			l["overflow"] = "break" // long names wrap instead of being cut
			// Labels sit at the chart's edges, and ECharts narrows them to
			// the room there: on a phone a long name wraps rather than
			// running off the chart.
			l["alignTo"] = "edge"
			l["edgeDistance"] = 4
		}
		items, _ := s["data"].([]any)
		for i, d := range items {
			if item, ok := d.(map[string]any); ok && i < len(labels) {
				item["label"] = map[string]any{"formatter": labels[i]}
			}
		}
		s["labelLine"] = map[string]any{"length": 8, "length2": 6}
	})
	return opt
}

func (b *Block) gauge(env Env) map[string]any {
	m := b.Metrics[0]
	v, have := env.Data.Value(m, env.Year)
	_, target, hasTarget := nextTarget(m, env.Year)
	max := gaugeMax(m, v.V, target, hasTarget)
	c := charts.NewGauge()
	c.SetGlobalOptions(globals(env, charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}))...)
	var value any = round(m, v.V)
	label := m.Format(v.V, env.Lang)
	if !have {
		value, label = "-", env.T("not_collected") // a gap, not a zero
	}
	c.AddSeries(m.Name.In(env.Lang), []opts.GaugeData{{Name: m.Name.In(env.Lang), Value: value}},
		func(s *charts.SingleSeries) {
			s.Max = max
			s.Progress = &opts.Progress{Show: opts.Bool(true), Width: 14}
			s.Detail = &opts.Detail{FontSize: 20}
		})
	c.Validate()
	opt := c.JSON()
	// go-echarts' Detail has no formatter: show the value as the report
	// writes it, with its unit. Braces would be read as placeholders.
	label = strings.NewReplacer("{", "(", "}", ")").Replace(label)
	patch(opt, "series", func(s map[string]any) {
		if d, ok := s["detail"].(map[string]any); ok {
			d["formatter"] = label
			d["offsetCenter"] = []string{"0", "62%"} // below the needle's hub, clear of the scale
		}
		// The figure's caption names the metric; a title in the dial
		// would sit on the scale's labels.
		s["title"] = map[string]any{"show": false}
		s["radius"] = "88%"
		s["center"] = []string{"50%", "58%"}
	})
	if hasTarget {
		opt["series"] = append(seriesMaps(opt), gaugeTarget(env, m, target, max))
	}
	return opt
}

// gaugeMax is the gauge's scale: 100 for percents and scores, else a
// round number above the value and the target.
func gaugeMax(m *metrics.Metric, v, target float64, hasTarget bool) int {
	if m.Kind == metrics.Percent || m.Kind == metrics.Score {
		if v <= 100 && (!hasTarget || target <= 100) {
			return 100
		}
	}
	top := v
	if hasTarget && target > top {
		top = target
	}
	return niceCeil(top * 1.1)
}

// niceCeil rounds v up to 1, 2 or 5 times a power of ten.
func niceCeil(v float64) int {
	if v <= 1 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(v)))
	for _, f := range []float64{1, 2, 5, 10} {
		if f*p >= v {
			return int(f * p)
		}
	}
	return int(10 * p)
}

func (b *Block) radar(env Env) map[string]any {
	c := charts.NewRadar()
	ind := make([]*opts.Indicator, len(b.Metrics))
	for i, m := range b.Metrics {
		top := 0.0
		for _, y := range b.Years {
			if v, ok := env.Data.Value(m, y); ok && v.V > top {
				top = v.V
			}
		}
		max := float32(niceCeil(top * 1.05))
		if m.Kind == metrics.Percent && top <= 100 {
			max = 100
		}
		// ECharts does not wrap radar names: long ones break into short
		// lines here, so that they stay on a phone's screen.
		ind[i] = &opts.Indicator{Name: wrapName(m.Name.In(env.Lang), 4, 12), Max: max}
	}
	c.SetGlobalOptions(globals(env,
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithRadarComponentOpts(opts.RadarComponent{Indicator: ind, Center: []string{"50%", "53%"}}))...)
	for _, y := range b.Years {
		vals := make([]any, len(b.Metrics))
		for i, m := range b.Metrics {
			vals[i] = b.point(env, m, y)
		}
		name := strconv.Itoa(y)
		c.AddSeries(name, []opts.RadarData{{Name: name, Value: vals}})
	}
	c.Validate()
	opt := c.JSON()
	styleLines(opt)
	patch(opt, "radar", func(r map[string]any) {
		r["radius"] = "62%"
		r["radius"] = "48%"
		r["axisName"] = map[string]any{"color": "#333d49", "lineHeight": 15}
	})
	return opt
}

// patch edits the option's key (an object or an array of objects) where
// go-echarts has no field for what we need: it round-trips the value
// through JSON and calls f on each object.
func patch(opt map[string]any, key string, f func(map[string]any)) {
	raw, err := json.Marshal(opt[key])
	if err != nil {
		return
	}
	var list []map[string]any
	if json.Unmarshal(raw, &list) == nil {
		for _, m := range list {
			f(m)
		}
		opt[key] = list
		return
	}
	var one map[string]any
	if json.Unmarshal(raw, &one) == nil {
		f(one)
		opt[key] = one
	}
}

// title is the block's title, or one made from its metrics' names.
func (b *Block) title(env Env) string {
	if b.Title != "" {
		return b.Title
	}
	sep := env.T("list_separator")
	s := ""
	for i, m := range b.Metrics {
		if i > 0 {
			s += sep
		}
		s += m.Name.In(env.Lang)
	}
	return s
}
