package charts

import (
	"bytes"
	"errors"
	"math"
	"strconv"
	"strings"

	"github.com/go-echarts/go-echarts/v2/opts"

	"nianbao/generator/metrics"
)

// fontFamily is the theme's font stack for chart text.
const fontFamily = `"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", sans-serif`

// appendOptionJSON appends the ECharts option of a chart block as JSON
// that is safe inside a <script type="application/json"> element: <, >
// and & (and U+2028, U+2029) are escaped in every string.
func (b *Block) appendOptionJSON(dst []byte, env Env, vs values) ([]byte, error) {
	opt := b.option(env, vs)
	start := len(dst)
	out, err := appendOption(dst, &opt)
	if err != nil {
		return dst, err
	}
	// go-echarts marks raw JavaScript with __f__; nothing we write may
	// carry it, whatever the content says.
	if bytes.Contains(out[start:], []byte("__f__")) {
		return dst, errors.New(`its text contains "__f__", which go-echarts reserves to mark JavaScript; remove it from the title and the metrics' names and units`)
	}
	return out, nil
}

// option builds the ECharts option of a chart block.
func (b *Block) option(env Env, vs values) chartOption {
	opt := chartOption{
		Aria:  &aria,
		Color: palette,
		// Chart text in the theme's fonts, dark enough to read (ECharts'
		// default greys fall below WCAG AA contrast).
		TextStyle: opts.TextStyle{Color: textColour, FontFamily: fontFamily},
	}
	switch b.Type {
	case "pie", "donut":
		b.pie(env, &opt)
	case "gauge":
		b.gauge(env, &opt)
	case "radar":
		b.radar(env, vs, &opt)
	default:
		b.cartesian(env, vs, &opt)
	}
	return opt
}

// textColour is the charts' text: dark enough for WCAG AA on white.
const textColour = "#333d49"

// legend is the legend of charts that have one: at the top, scrolling
// when its entries do not fit on one line.
func legend() opts.Legend { return opts.Legend{Show: opts.Bool(true), Top: "0", Type: "scroll"} }

// round gives a value with the metric's decimals, as ECharts should show it.
func round(m *metrics.Metric, v float64) float64 {
	if m.Decimals == metrics.AsWritten || v == math.Trunc(v) && math.Abs(v) < 1<<53 {
		return v // a whole number is its own rounding, exactly
	}
	f, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'f', m.Decimals, 64), 64)
	return f
}

// point is metric i's value in year j as a series shows it, or "-" (a
// gap) when the year has none.
func (vs values) point(m *metrics.Metric, i, j int) any {
	if v := vs.at(i, j); v.ok {
		return round(m, v.v)
	}
	return "-"
}

func (b *Block) pie(env Env, opt *chartOption) {
	// The labels name the slices, so no legend: on a phone it took the
	// room the labels need.
	opt.Legend = opts.Legend{Show: opts.Bool(false)}
	opt.Tooltip = opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}
	total := 0.0
	for _, m := range b.Metrics {
		if v, ok := env.Data.Value(m, env.Year); ok && v.V > 0 {
			total += round(m, v.V)
		}
	}
	var data []pieItem
	for _, m := range b.Metrics {
		if v, ok := env.Data.Value(m, env.Year); ok {
			// The label says the value with its unit and the share with
			// one decimal, as the report writes them.
			label := "{b}\n" + braces.Replace(m.Format(v.V, env.Lang)) + " · " + share(round(m, v.V), total)
			data = append(data, pieItem{Name: m.Name.In(env.Lang), Value: round(m, v.V), Label: formatter{label}})
		}
	}
	s := &pieSeries{
		Type: "pie", Name: b.title(env), Data: data,
		Radius: "55%", Center: []string{"50%", "52%"},
		PercentPrecision: 1, // the tooltip's share, as the labels give it
		// Labels sit at the chart's edges, and ECharts narrows them to
		// the room there: on a phone a long name wraps (overflow) rather
		// than running off the chart.
		Label:     pieLabel{Show: true, Formatter: "{b}\n{c} · {d}%", Width: 96, Overflow: "break", AlignTo: "edge", EdgeDistance: 4},
		LabelLine: labelLine{Length: 8, Length2: 6},
	}
	if b.Type == "donut" {
		s.Radius = []string{"32%", "55%"}
	}
	opt.Series = []any{s}
}

// gaugeCentre and gaugeRadius place the dial and its target marker.
var gaugeCentre = []string{"50%", "58%"}

const gaugeRadius = "88%"

func (b *Block) gauge(env Env, opt *chartOption) {
	m := b.Metrics[0]
	v, have := env.Data.Value(m, env.Year)
	_, target, hasTarget := nextTarget(m, env.Year)
	max := gaugeMax(m, v.V, target, hasTarget)
	opt.Legend = opts.Legend{Show: opts.Bool(false)}
	var value any = round(m, v.V)
	label := m.Format(v.V, env.Lang)
	if !have {
		value, label = "-", env.T("not_collected") // a gap, not a zero
	}
	name := m.Name.In(env.Lang)
	opt.Series = []any{&gaugeSeries{
		Type: "gauge", Name: name, Max: max,
		Data:     []opts.GaugeData{{Name: name, Value: value}},
		Progress: &opts.Progress{Show: opts.Bool(true), Width: 14},
		// The value as the report writes it, with its unit, below the
		// needle's hub, clear of the scale. Braces would be read as
		// placeholders.
		Detail: gaugeDetail{FontSize: 20, Formatter: braces.Replace(label), OffsetCenter: []string{"0", "62%"}},
		// The figure's caption names the metric; a title in the dial
		// would sit on the scale's labels.
		Title:  shown{Show: false},
		Radius: gaugeRadius, Center: gaugeCentre,
	}}
	if hasTarget {
		opt.Series = append(opt.Series, gaugeTarget(env, m, target, max))
	}
}

// gaugeMax is the gauge's scale: 100 for percents and scores, else a
// round number above the value and the target.
func gaugeMax(m *metrics.Metric, v, target float64, hasTarget bool) float64 {
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

// niceCeil rounds v up to 1, 2 or 5 times a power of ten. It stays a
// float: a value beyond int64 (a typo of a dozen digits) must still get a
// scale above it, not one that wrapped round to a negative number.
func niceCeil(v float64) float64 {
	if v <= 1 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(v)))
	for _, f := range []float64{1, 2, 5, 10} {
		if f*p >= v {
			return f * p
		}
	}
	return 10 * p
}

func (b *Block) radar(env Env, vs values, opt *chartOption) {
	ind := make([]indicator, len(b.Metrics))
	for i, m := range b.Metrics {
		top := 0.0
		for j := range b.Years {
			if v := vs.at(i, j); v.ok && v.v > top {
				top = v.v
			}
		}
		max := float32(niceCeil(top * 1.05))
		if m.Kind == metrics.Percent && top <= 100 {
			max = 100
		}
		// ECharts does not wrap radar names: long ones break into short
		// lines here, so that they stay on a phone's screen.
		ind[i] = indicator{Name: wrapName(m.Name.In(env.Lang), 4, 12), Max: max}
	}
	opt.Tooltip = opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}
	opt.Radar = &radarOption{
		Indicator: ind, Center: []string{"50%", "53%"}, Radius: "48%",
		AxisName: radarName{Color: textColour, LineHeight: 15},
	}
	names := make([]string, len(b.Years))
	series := make([]any, len(b.Years))
	for i, y := range b.Years {
		vals := make([]any, len(b.Metrics))
		for k, m := range b.Metrics {
			vals[k] = vs.point(m, k, i)
		}
		names[i] = strconv.Itoa(y)
		series[i] = &radarSeries{
			Type: "radar", Name: names[i], Data: []opts.RadarData{{Name: names[i], Value: vals}},
			Symbol: lineSymbols[i%len(lineSymbols)], SymbolSize: 8, LineStyle: dash(i),
		}
	}
	opt.Legend = legend()
	opt.Legend.Data = names
	opt.Series = series
}

// title is the block's title, or one made from its metrics' names.
func (b *Block) title(env Env) string {
	if b.Title != "" {
		return b.Title
	}
	sep := env.T("list_separator")
	n := len(sep) * (len(b.Metrics) - 1)
	for _, m := range b.Metrics {
		n += len(m.Name.In(env.Lang))
	}
	var s strings.Builder
	s.Grow(n)
	for i, m := range b.Metrics {
		if i > 0 {
			s.WriteString(sep)
		}
		s.WriteString(m.Name.In(env.Lang))
	}
	return s.String()
}
