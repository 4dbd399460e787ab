package charts

import (
	"github.com/go-echarts/go-echarts/v2/opts"
)

// The ECharts option as nianbao writes it, once, by hand (jsonw.go,
// optjson.go) as encoding/json would marshal these types, json tags and
// all. go-echarts' opts types describe the parts they can say as ECharts
// reads them (legend, tooltip, grid, text style, data items,
// a gauge's progress); the types here say what go-echarts has no field
// for (a dash pattern, a mark on each bar, a pie label's layout, a
// gauge's target pointer) or cannot say (an explicit 0 or false). Their
// fields are in alphabetical order, so that every object's keys are
// sorted, as the figures have always written them.

// chartOption is a chart's whole ECharts option.
type chartOption struct {
	Aria      *ariaOption    `json:"aria"`
	Color     []string       `json:"color"`
	Grid      []opts.Grid    `json:"grid,omitempty"`
	Legend    opts.Legend    `json:"legend"`
	Radar     *radarOption   `json:"radar,omitempty"`
	Series    []any          `json:"series"`
	TextStyle opts.TextStyle `json:"textStyle"`
	Title     none           `json:"title"`
	Toolbox   none           `json:"toolbox"`
	Tooltip   opts.Tooltip   `json:"tooltip"`
	XAxis     any            `json:"xAxis,omitempty"` // []categoryAxis or []valueAxis
	YAxis     any            `json:"yAxis,omitempty"`
}

// none is an ECharts component left at its defaults: {}. (The figure's
// caption is the chart's title; its buttons are the page's.)
type none struct{}

// ariaOption turns ECharts' decal patterns on and its own description off.
type ariaOption struct {
	Decal   ariaDecal `json:"decal"`
	Enabled bool      `json:"enabled"`
	Label   enabled   `json:"label"`
}

type ariaDecal struct {
	Decals []decal `json:"decals"`
	Show   bool    `json:"show"`
}

type enabled struct {
	Enabled bool `json:"enabled"`
}

// decal is a pattern drawn over a bar or a slice.
type decal struct {
	Color      string   `json:"color,omitempty"`
	DashArrayX any      `json:"dashArrayX,omitempty"`
	DashArrayY []int    `json:"dashArrayY,omitempty"`
	Rotation   *float64 `json:"rotation,omitempty"`
	Symbol     string   `json:"symbol"`
	SymbolSize float64  `json:"symbolSize,omitempty"`
}

// shown is {"show": …}: a part of a series drawn or left out.
type shown struct {
	Show bool `json:"show"`
}

type categoryAxis struct {
	Data    []string `json:"data"`
	Inverse bool     `json:"inverse,omitempty"`
	Type    string   `json:"type"` // category
}

type valueAxis struct {
	AxisLabel     *formatter      `json:"axisLabel,omitempty"`
	Name          string          `json:"name"`
	NameGap       int             `json:"nameGap,omitempty"`
	NameLocation  string          `json:"nameLocation,omitempty"`
	NameTextStyle *opts.TextStyle `json:"nameTextStyle,omitempty"`
	Position      string          `json:"position,omitempty"`
	SplitLine     *shown          `json:"splitLine,omitempty"`
	Type          string          `json:"type"` // value
}

// formatter is an ECharts label template such as "{value}%": plain text
// in which {…} are placeholders, never JavaScript.
type formatter struct {
	Formatter string `json:"formatter"`
}

// lineStyle is a line's colour, dash and width. Type is "solid",
// "dashed", "dotted" or a dash pattern ([]int).
type lineStyle struct {
	Color   string   `json:"color,omitempty"`
	Opacity *float64 `json:"opacity,omitempty"`
	Type    any      `json:"type"`
	Width   float64  `json:"width"`
}

type itemStyle struct {
	BorderColor string  `json:"borderColor"`
	BorderWidth float64 `json:"borderWidth"`
	Color       string  `json:"color"`
}

// axisIndex points at the index of the value axis a series is drawn
// against, for a field that must say 0 too. (Parse allows two value
// axes; a block made in code may have more.)
func axisIndex(i int) *int {
	if i < len(axisIndexes) {
		return &axisIndexes[i]
	}
	other := i
	return &other
}

var axisIndexes = [2]int{0, 1}

// lineSeries is a metric's line on a line chart.
type lineSeries struct {
	Data       []opts.LineData `json:"data"`
	LineStyle  lineStyle       `json:"lineStyle"`
	Name       string          `json:"name,omitempty"`
	Symbol     string          `json:"symbol"`
	SymbolSize int             `json:"symbolSize"`
	Type       string          `json:"type"` // line
	YAxisIndex *int            `json:"yAxisIndex"`
}

// barSeries is a metric's bars on a bar chart of any kind.
type barSeries struct {
	Data       []opts.BarData `json:"data"`
	MarkPoint  *markPoint     `json:"markPoint,omitempty"`
	Name       string         `json:"name,omitempty"`
	Stack      string         `json:"stack,omitempty"`
	Type       string         `json:"type"` // bar
	XAxisIndex *int           `json:"xAxisIndex,omitempty"`
	YAxisIndex *int           `json:"yAxisIndex,omitempty"`
}

// targetSeries is a metric's plan targets: a dashed line, or on a chart
// of several bar series an invisible one that keeps the legend entry and
// the tooltip while marks sit on the bars.
type targetSeries struct {
	ConnectNulls bool      `json:"connectNulls"`
	Data         []any     `json:"data"` // a number or "-" (no target) a year
	ItemStyle    itemStyle `json:"itemStyle"`
	LineStyle    lineStyle `json:"lineStyle"`
	Name         string    `json:"name"`
	ShowSymbol   *bool     `json:"showSymbol,omitempty"`
	Symbol       string    `json:"symbol"`
	SymbolSize   int       `json:"symbolSize"`
	Type         string    `json:"type"` // line
	XAxisIndex   *int      `json:"xAxisIndex,omitempty"`
	YAxisIndex   *int      `json:"yAxisIndex,omitempty"`
	Z            int       `json:"z"`
}

// markPoint marks a bar series' targets on its own bars.
type markPoint struct {
	Data       []markData `json:"data"`
	ItemStyle  itemStyle  `json:"itemStyle"`
	Label      shown      `json:"label"`
	Symbol     string     `json:"symbol"`
	SymbolSize int        `json:"symbolSize"`
}

type markData struct {
	Coord [2]any  `json:"coord"` // [year, target], or [target, year] on horizontal bars
	Name  string  `json:"name"`
	Value float64 `json:"value"`
}

type pieSeries struct {
	Center           []string  `json:"center"`
	Data             []pieItem `json:"data"`
	Label            pieLabel  `json:"label"`
	LabelLine        labelLine `json:"labelLine"`
	Name             string    `json:"name,omitempty"`
	PercentPrecision int       `json:"percentPrecision"`
	Radius           any       `json:"radius"` // "55%", or inner and outer for a donut
	Type             string    `json:"type"`   // pie
}

type pieItem struct {
	Label formatter `json:"label"`
	Name  string    `json:"name,omitempty"`
	Value float64   `json:"value"`
}

// pieLabel lays the slices' labels out at the chart's edges, wrapping
// long names rather than running them off a phone's screen.
type pieLabel struct {
	AlignTo      string `json:"alignTo"`
	EdgeDistance int    `json:"edgeDistance"`
	Formatter    string `json:"formatter"`
	Overflow     string `json:"overflow"`
	Show         bool   `json:"show"`
	Width        int    `json:"width"`
}

type labelLine struct {
	Length  int `json:"length"`
	Length2 int `json:"length2"`
}

type gaugeSeries struct {
	Center   []string         `json:"center"`
	Data     []opts.GaugeData `json:"data"`
	Detail   gaugeDetail      `json:"detail"`
	Max      float64          `json:"max"`
	Name     string           `json:"name,omitempty"`
	Progress *opts.Progress   `json:"progress"`
	Radius   string           `json:"radius"`
	Title    shown            `json:"title"`
	Type     string           `json:"type"` // gauge
}

// gaugeDetail is the value under the needle, as the report writes it.
type gaugeDetail struct {
	FontSize     int      `json:"fontSize"`
	Formatter    string   `json:"formatter"`
	OffsetCenter []string `json:"offsetCenter"`
}

// gaugeTargetSeries is a second gauge on the same scale that draws only
// a marker on the dial at the target.
type gaugeTargetSeries struct {
	Anchor      shown         `json:"anchor"`
	Animation   bool          `json:"animation"`
	AxisLabel   shown         `json:"axisLabel"`
	AxisLine    shown         `json:"axisLine"`
	AxisTick    shown         `json:"axisTick"`
	Center      []string      `json:"center"`
	Data        []namedValue  `json:"data"`
	Detail      shown         `json:"detail"`
	Max         float64       `json:"max"`
	Min         int           `json:"min"`
	Name        string        `json:"name"`
	Pointer     targetPointer `json:"pointer"`
	Progress    shown         `json:"progress"`
	Radius      string        `json:"radius"`
	Silent      bool          `json:"silent"`
	SplitLine   shown         `json:"splitLine"`
	SplitNumber int           `json:"splitNumber"`
	Title       shown         `json:"title"`
	Type        string        `json:"type"` // gauge
	Z           int           `json:"z"`
}

type namedValue struct {
	Name  string  `json:"name"`
	Value float64 `json:"value"`
}

type targetPointer struct {
	Icon         string     `json:"icon"`
	ItemStyle    colorStyle `json:"itemStyle"`
	Length       string     `json:"length"`
	OffsetCenter [2]any     `json:"offsetCenter"`
	Width        int        `json:"width"`
}

type colorStyle struct {
	Color string `json:"color"`
}

type radarSeries struct {
	Data       []opts.RadarData `json:"data"`
	LineStyle  lineStyle        `json:"lineStyle"`
	Name       string           `json:"name,omitempty"`
	Symbol     string           `json:"symbol"`
	SymbolSize int              `json:"symbolSize"`
	Type       string           `json:"type"` // radar
}

type radarOption struct {
	AxisName  radarName   `json:"axisName"`
	Center    []string    `json:"center"`
	Indicator []indicator `json:"indicator"`
	Radius    string      `json:"radius"`
}

type radarName struct {
	Color      string `json:"color"`
	LineHeight int    `json:"lineHeight"`
}

// indicator is a radar spoke: go-echarts' opts.Indicator with its keys
// in the order the figures write them.
type indicator struct {
	Max  float32 `json:"max,omitempty"`
	Name string  `json:"name,omitempty"`
}
