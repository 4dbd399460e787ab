package charts

// The JSON of the option types of ours (options.go), field by field in
// the order of their json tags.

func (s shown) appendJSON(e *jsonw) {
	e.open('{')
	e.key("show")
	e.bool(s.Show)
	e.close('}')
}

func (f formatter) appendJSON(e *jsonw) {
	e.open('{')
	e.key("formatter")
	e.str(f.Formatter)
	e.close('}')
}

func (c colorStyle) appendJSON(e *jsonw) {
	e.open('{')
	e.key("color")
	e.str(c.Color)
	e.close('}')
}

func (a *categoryAxis) appendJSON(e *jsonw) {
	e.open('{')
	e.key("data")
	e.strs(a.Data)
	if a.Inverse {
		e.key("inverse")
		e.bool(true)
	}
	e.key("type")
	e.str(a.Type)
	e.close('}')
}

func (a *valueAxis) appendJSON(e *jsonw) {
	e.open('{')
	if a.AxisLabel != nil {
		e.key("axisLabel")
		a.AxisLabel.appendJSON(e)
	}
	e.key("name")
	e.str(a.Name)
	e.optInt("nameGap", a.NameGap)
	e.optStr("nameLocation", a.NameLocation)
	if a.NameTextStyle != nil {
		e.key("nameTextStyle")
		appendTextStyle(e, a.NameTextStyle)
	}
	e.optStr("position", a.Position)
	if a.SplitLine != nil {
		e.key("splitLine")
		a.SplitLine.appendJSON(e)
	}
	e.key("type")
	e.str(a.Type)
	e.close('}')
}

// appendAxes writes a chart's x or y axes: []categoryAxis or
// []valueAxis.
func appendAxes(e *jsonw, axes any) {
	switch as := axes.(type) {
	case []categoryAxis:
		if as == nil {
			e.null()
			return
		}
		e.open('[')
		for i := range as {
			e.elem()
			as[i].appendJSON(e)
		}
		e.close(']')
	case []valueAxis:
		if as == nil {
			e.null()
			return
		}
		e.open('[')
		for i := range as {
			e.elem()
			as[i].appendJSON(e)
		}
		e.close(']')
	default:
		e.any(axes)
	}
}

func (l *lineStyle) appendJSON(e *jsonw) {
	e.open('{')
	e.optStr("color", l.Color)
	if l.Opacity != nil {
		e.key("opacity")
		e.float(*l.Opacity)
	}
	e.key("type")
	e.any(l.Type)
	e.key("width")
	e.float(l.Width)
	e.close('}')
}

func (s *itemStyle) appendJSON(e *jsonw) {
	e.open('{')
	e.key("borderColor")
	e.str(s.BorderColor)
	e.key("borderWidth")
	e.float(s.BorderWidth)
	e.key("color")
	e.str(s.Color)
	e.close('}')
}

// optIndex writes an axis index that may be left out.
func (e *jsonw) optIndex(name string, i *int) {
	if i != nil {
		e.key(name)
		e.int(*i)
	}
}

func (s *lineSeries) appendJSON(e *jsonw) {
	e.open('{')
	e.key("data")
	appendLineData(e, s.Data)
	e.key("lineStyle")
	s.LineStyle.appendJSON(e)
	e.optStr("name", s.Name)
	e.key("symbol")
	e.str(s.Symbol)
	e.key("symbolSize")
	e.int(s.SymbolSize)
	e.key("type")
	e.str(s.Type)
	e.key("yAxisIndex")
	if s.YAxisIndex == nil {
		e.null()
	} else {
		e.int(*s.YAxisIndex)
	}
	e.close('}')
}

func (s *barSeries) appendJSON(e *jsonw) {
	e.open('{')
	e.key("data")
	appendBarData(e, s.Data)
	if s.MarkPoint != nil {
		e.key("markPoint")
		s.MarkPoint.appendJSON(e)
	}
	e.optStr("name", s.Name)
	e.optStr("stack", s.Stack)
	e.key("type")
	e.str(s.Type)
	e.optIndex("xAxisIndex", s.XAxisIndex)
	e.optIndex("yAxisIndex", s.YAxisIndex)
	e.close('}')
}

func (s *targetSeries) appendJSON(e *jsonw) {
	e.open('{')
	e.key("connectNulls")
	e.bool(s.ConnectNulls)
	e.key("data")
	e.anys(s.Data)
	e.key("itemStyle")
	s.ItemStyle.appendJSON(e)
	e.key("lineStyle")
	s.LineStyle.appendJSON(e)
	e.key("name")
	e.str(s.Name)
	e.optBool("showSymbol", s.ShowSymbol)
	e.key("symbol")
	e.str(s.Symbol)
	e.key("symbolSize")
	e.int(s.SymbolSize)
	e.key("type")
	e.str(s.Type)
	e.optIndex("xAxisIndex", s.XAxisIndex)
	e.optIndex("yAxisIndex", s.YAxisIndex)
	e.key("z")
	e.int(s.Z)
	e.close('}')
}

func (m *markPoint) appendJSON(e *jsonw) {
	e.open('{')
	e.key("data")
	if m.Data == nil {
		e.null()
	} else {
		e.open('[')
		for i := range m.Data {
			d := &m.Data[i]
			e.elem()
			e.open('{')
			e.key("coord")
			e.open('[')
			e.elem()
			e.any(d.Coord[0])
			e.elem()
			e.any(d.Coord[1])
			e.close(']')
			e.key("name")
			e.str(d.Name)
			e.key("value")
			e.float(d.Value)
			e.close('}')
		}
		e.close(']')
	}
	e.key("itemStyle")
	m.ItemStyle.appendJSON(e)
	e.key("label")
	m.Label.appendJSON(e)
	e.key("symbol")
	e.str(m.Symbol)
	e.key("symbolSize")
	e.int(m.SymbolSize)
	e.close('}')
}

func (s *radarSeries) appendJSON(e *jsonw) {
	e.open('{')
	e.key("data")
	appendRadarData(e, s.Data)
	e.key("lineStyle")
	s.LineStyle.appendJSON(e)
	e.optStr("name", s.Name)
	e.key("symbol")
	e.str(s.Symbol)
	e.key("symbolSize")
	e.int(s.SymbolSize)
	e.key("type")
	e.str(s.Type)
	e.close('}')
}

func (r *radarOption) appendJSON(e *jsonw) {
	e.open('{')
	e.key("axisName")
	e.open('{')
	e.key("color")
	e.str(r.AxisName.Color)
	e.key("lineHeight")
	e.int(r.AxisName.LineHeight)
	e.close('}')
	e.key("center")
	e.strs(r.Center)
	e.key("indicator")
	if r.Indicator == nil {
		e.null()
	} else {
		e.open('[')
		for _, in := range r.Indicator {
			e.elem()
			e.open('{')
			if in.Max != 0 {
				e.key("max")
				e.float32(in.Max)
			}
			e.optStr("name", in.Name)
			e.close('}')
		}
		e.close(']')
	}
	e.key("radius")
	e.str(r.Radius)
	e.close('}')
}
