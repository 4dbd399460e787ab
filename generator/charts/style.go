package charts

import (
	"strconv"
	"strings"
	"unicode"
)

// palette is the report's series colours. Each has at least 3.5:1
// contrast on the white page (WCAG asks 3:1 of graphics), and every pair
// stays apart under protanopia, deuteranopia and tritanopia (palette_test
// simulates them). Colour is never the only difference: lines also differ
// by dash and symbol, bars and slices by a decal pattern.
var palette = []string{"#1f5fa8", "#c8601a", "#1b7a5a", "#d44f8a", "#4a3b12", "#8e7cd6", "#565656", "#c23a22"}

// lineDashes and lineSymbols tell the lines of a chart apart without
// colour, in series order.
var (
	lineDashes  = []any{"solid", "dashed", "dotted", []int{10, 4, 2, 4}, []int{2, 6}, []int{14, 4}}
	lineSymbols = []string{"circle", "rect", "triangle", "diamond", "emptyCircle", "emptyRect", "emptyTriangle", "emptyDiamond"}
)

// targetSymbols mark the plan targets' dashed lines, one per metric.
var targetSymbols = []string{"diamond", "triangle", "rect", "pin", "arrow", "roundRect", "circle", "emptyDiamond"}

// decals are the patterns ECharts draws over bars and pie slices, in
// series (or slice) order: the first is plain, the others stripes, dots
// and grids in a white that shows on every palette colour.
var decals = []map[string]any{
	{"symbol": "none"},
	{"symbol": "rect", "symbolSize": 1, "dashArrayX": []any{1, 0}, "dashArrayY": []int{3, 4}, "rotation": -0.785398, "color": decalColor},
	{"symbol": "circle", "symbolSize": 0.8, "dashArrayX": []any{[]int{6, 6}}, "dashArrayY": []int{6, 0}, "color": decalColor},
	{"symbol": "rect", "symbolSize": 1, "dashArrayX": []any{1, 0}, "dashArrayY": []int{2, 5}, "rotation": 0, "color": decalColor},
	{"symbol": "rect", "symbolSize": 1, "dashArrayX": []any{[]int{2, 4}}, "dashArrayY": []int{2, 4}, "color": decalColor},
	{"symbol": "rect", "symbolSize": 1, "dashArrayX": []any{1, 0}, "dashArrayY": []int{3, 4}, "rotation": 0.785398, "color": decalColor},
	{"symbol": "triangle", "symbolSize": 0.9, "dashArrayX": []any{[]int{7, 7}}, "dashArrayY": []int{7, 0}, "color": decalColor},
	{"symbol": "rect", "symbolSize": 1, "dashArrayX": []any{1, 0}, "dashArrayY": []int{1, 3}, "rotation": 1.5708, "color": decalColor},
}

const decalColor = "rgba(255, 255, 255, 0.6)"

// aria is the option's accessibility part: ECharts' decal patterns on, its
// own generated description off. The chart's element carries nianbao's
// description (Describe) as its accessible name; ECharts' would replace it
// with one that numbers series from 0 and reads gaps as NaN.
func aria() map[string]any {
	return map[string]any{
		"enabled": true,
		"label":   map[string]any{"enabled": false},
		"decal":   map[string]any{"show": true, "decals": decals},
	}
}

// styleLines gives each line or radar series of the option its own dash
// and symbol.
func styleLines(opt map[string]any) {
	i := 0
	patch(opt, "series", func(s map[string]any) {
		s["symbol"] = lineSymbols[i%len(lineSymbols)]
		s["symbolSize"] = 8
		ls, _ := s["lineStyle"].(map[string]any)
		if ls == nil {
			ls = map[string]any{}
		}
		ls["type"] = lineDashes[i%len(lineDashes)]
		ls["width"] = 2.5
		s["lineStyle"] = ls
		i++
	})
}

// wrapName breaks a label into lines: at most han characters a line for
// Chinese, or about latin characters a line at spaces for other text.
func wrapName(s string, han, latin int) string {
	r := []rune(s)
	if !strings.ContainsFunc(s, func(c rune) bool { return unicode.Is(unicode.Han, c) }) {
		var lines []string
		line := ""
		for _, w := range strings.Fields(s) {
			if line != "" && len([]rune(line+" "+w)) > latin {
				lines = append(lines, line)
				line = w
			} else if line == "" {
				line = w
			} else {
				line += " " + w
			}
		}
		return strings.Join(append(lines, line), "\n")
	}
	if len(r) <= han+1 {
		return s
	}
	// Lines of equal length, none longer than han.
	n := (len(r) + han - 1) / han
	per := (len(r) + n - 1) / n
	var b strings.Builder
	for i := 0; i < len(r); i += per {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(string(r[i:min(len(r), i+per)]))
	}
	return b.String()
}

// textWidth estimates how wide s is at the charts' 12 px: 12 px for a
// Chinese character, 7 for others.
func textWidth(s string) int {
	w := 0
	for _, r := range s {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) || r >= 0xFF00 && r <= 0xFFEF {
			w += 12
		} else {
			w += 7
		}
	}
	return w
}

// edgeRoom is the grid margin beside a vertical value axis whose name is
// centred over it: half the name's width, less the room the axis' own
// labels take; def when that is less.
func edgeRoom(axis map[string]any, def string) string {
	name, _ := axis["name"].(string)
	if room := textWidth(name)/2 - 24; room > 8 {
		return strconv.Itoa(room)
	}
	return def
}
