package charts

import (
	"encoding/json"

	"github.com/go-echarts/go-echarts/v2/opts"
)

// The options' JSON, written field by field in the order and with the
// omissions of their json tags (options.go); TestOptionsWriteAsEncodingJSON
// holds every chart to what encoding/json writes. A part that changes
// shape must change here too.

// ariaJSON is the accessibility part every chart repeats, written once.
var ariaJSON = mustMarshal(&aria)

func mustMarshal(v any) []byte {
	out, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return out
}

// appendOption appends the option's JSON to dst.
func appendOption(dst []byte, o *chartOption) ([]byte, error) {
	e := jsonw{buf: dst}
	o.appendJSON(&e)
	return e.buf, e.err
}

func (o *chartOption) appendJSON(e *jsonw) {
	e.open('{')
	e.key("aria")
	if o.Aria == &aria {
		e.buf = append(e.buf, ariaJSON...)
	} else {
		e.marshal(o.Aria)
	}
	e.key("color")
	e.strs(o.Color)
	if len(o.Grid) > 0 {
		e.key("grid")
		e.open('[')
		for i := range o.Grid {
			e.elem()
			appendGrid(e, &o.Grid[i])
		}
		e.close(']')
	}
	e.key("legend")
	appendLegend(e, &o.Legend)
	if o.Radar != nil {
		e.key("radar")
		o.Radar.appendJSON(e)
	}
	e.key("series")
	e.anys(o.Series)
	e.key("textStyle")
	appendTextStyle(e, &o.TextStyle)
	e.key("title")
	e.buf = append(e.buf, "{}"...)
	e.key("toolbox")
	e.buf = append(e.buf, "{}"...)
	e.key("tooltip")
	appendTooltip(e, &o.Tooltip)
	if o.XAxis != nil {
		e.key("xAxis")
		appendAxes(e, o.XAxis)
	}
	if o.YAxis != nil {
		e.key("yAxis")
		appendAxes(e, o.YAxis)
	}
	e.close('}')
}

// go-echarts' parts. Each writes every field it has of a plain kind, and
// leaves the whole part to encoding/json when a field of another kind is
// set, which no chart of ours does.

func appendLegend(e *jsonw, l *opts.Legend) {
	data, plain := l.Data.([]string)
	if l.Padding != nil || l.Selected != nil || l.TextStyle != nil || l.ItemStyle != nil || l.Data != nil && !plain {
		e.marshal(l)
		return
	}
	e.open('{')
	e.optStr("type", l.Type)
	e.optBool("show", l.Show)
	e.optStr("left", l.Left)
	e.optStr("top", l.Top)
	e.optStr("right", l.Right)
	e.optStr("bottom", l.Bottom)
	e.optStr("width", l.Width)
	e.optStr("height", l.Height)
	e.optStr("orient", l.Orient)
	e.optStr("align", l.Align)
	e.optStr("formatter", string(l.Formatter))
	e.optStr("selectedMode", l.SelectedMode)
	e.optStr("icon", l.Icon)
	if l.Data != nil {
		e.key("data")
		e.strs(data)
	}
	e.optStr("inactiveColor", l.InactiveColor)
	e.optInt("itemWidth", l.ItemWidth)
	e.optInt("itemHeight", l.ItemHeight)
	e.optStr("x", l.X)
	e.optStr("y", l.Y)
	e.close('}')
}

func appendTooltip(e *jsonw, t *opts.Tooltip) {
	if t.AxisPointer != nil {
		e.marshal(t)
		return
	}
	e.open('{')
	e.optBool("show", t.Show)
	e.optStr("trigger", t.Trigger)
	e.optStr("triggerOn", t.TriggerOn)
	e.optBool("enterable", t.Enterable)
	e.optStr("formatter", string(t.Formatter))
	e.optStr("valueFormatter", string(t.ValueFormatter))
	e.optStr("position", string(t.Position))
	e.optStr("borderColor", t.BorderColor)
	e.optStr("backgroundColor", t.BackgroundColor)
	e.close('}')
}

func appendGrid(e *jsonw, g *opts.Grid) {
	if g.Tooltip != nil {
		e.marshal(g)
		return
	}
	e.open('{')
	e.optBool("show", g.Show)
	e.optStr("left", g.Left)
	e.optStr("top", g.Top)
	e.optStr("right", g.Right)
	e.optStr("bottom", g.Bottom)
	e.optStr("width", g.Width)
	e.optStr("height", g.Height)
	e.optBool("containLabel", g.ContainLabel)
	e.close('}')
}

func appendTextStyle(e *jsonw, t *opts.TextStyle) {
	if t.Padding != nil || t.Normal != nil {
		e.marshal(t)
		return
	}
	e.open('{')
	e.optStr("color", t.Color)
	e.optStr("fontStyle", t.FontStyle)
	e.optStr("fontWeight", t.FontWeight)
	e.optStr("fontFamily", t.FontFamily)
	e.optInt("fontSize", t.FontSize)
	e.optInt("width", t.Width)
	e.optInt("height", t.Height)
	e.optStr("align", t.Align)
	e.optStr("verticalAlign", t.VerticalAlign)
	e.optInt("lineHeight", t.LineHeight)
	e.optStr("textBorderColor", t.TextBorderColor)
	e.optInt("textBorderWidth", t.TextBorderWidth)
	e.optStr("textBorderType", t.TextBorderType)
	e.optInt("textBorderDashOffset", t.TextBorderDashOffset)
	e.optStr("textShadowColor", t.TextShadowColor)
	e.optInt("textShadowBlur", t.TextShadowBlur)
	e.optInt("textShadowOffsetX", t.TextShadowOffsetX)
	e.optInt("textShadowOffsetY", t.TextShadowOffsetY)
	e.optStr("overflow", t.Overflow)
	e.optBool("ellipsis", t.Ellipsis)
	e.optStr("backgroundColor", t.BackgroundColor)
	e.optStr("borderColor", t.BorderColor)
	e.optInt("borderWidth", t.BorderWidth)
	e.optInt("borderRadius", t.BorderRadius)
	e.optStr("borderType", t.BorderType)
	e.optInt("borderDashOffset", t.BorderDashOffset)
	e.optInt("shadowBlur", t.ShadowBlur)
	e.optStr("shadowColor", t.ShadowColor)
	e.optInt("shadowOffsetX", t.ShadowOffsetX)
	e.optInt("shadowOffsetY", t.ShadowOffsetY)
	e.close('}')
}

func appendProgress(e *jsonw, p *opts.Progress) {
	switch {
	case p == nil:
		e.null()
		return
	case p.ItemStyle != nil:
		e.marshal(p)
		return
	}
	e.open('{')
	e.optBool("show", p.Show)
	e.optBool("overlap", p.Overlap)
	e.optInt("width", p.Width)
	e.optBool("roundCap", p.RoundCap)
	e.optBool("clip", p.Clip)
	e.close('}')
}

// appendItem writes a data item of a line, radar or gauge series: a name
// and a value.
func appendItem(e *jsonw, name string, value any) {
	e.elem()
	e.open('{')
	e.optStr("name", name)
	e.optAny("value", value)
	e.close('}')
}

func appendLineData(e *jsonw, data []opts.LineData) {
	if data == nil {
		e.null()
		return
	}
	e.open('[')
	for i := range data {
		d := &data[i]
		if d.Symbol != "" || d.SymbolSize != 0 || d.XAxisIndex != 0 || d.YAxisIndex != 0 {
			e.elem()
			e.marshal(d)
			continue
		}
		appendItem(e, d.Name, d.Value)
	}
	e.close(']')
}

func appendBarData(e *jsonw, data []opts.BarData) {
	if data == nil {
		e.null()
		return
	}
	e.open('[')
	for i := range data {
		d := &data[i]
		if d.Label != nil || d.ItemStyle != nil || d.Tooltip != nil {
			e.elem()
			e.marshal(d)
			continue
		}
		appendItem(e, d.Name, d.Value)
	}
	e.close(']')
}

func appendGaugeData(e *jsonw, data []opts.GaugeData) {
	if data == nil {
		e.null()
		return
	}
	e.open('[')
	for _, d := range data {
		appendItem(e, d.Name, d.Value)
	}
	e.close(']')
}

func appendRadarData(e *jsonw, data []opts.RadarData) {
	if data == nil {
		e.null()
		return
	}
	e.open('[')
	for _, d := range data {
		appendItem(e, d.Name, d.Value)
	}
	e.close(']')
}
