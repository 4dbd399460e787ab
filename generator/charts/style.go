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
var decals = []decal{
	{Symbol: "none"},
	{Symbol: "rect", SymbolSize: 1, DashArrayX: []int{1, 0}, DashArrayY: []int{3, 4}, Rotation: rotation(-0.785398), Color: decalColor},
	{Symbol: "circle", SymbolSize: 0.8, DashArrayX: [][]int{{6, 6}}, DashArrayY: []int{6, 0}, Color: decalColor},
	{Symbol: "rect", SymbolSize: 1, DashArrayX: []int{1, 0}, DashArrayY: []int{2, 5}, Rotation: rotation(0), Color: decalColor},
	{Symbol: "rect", SymbolSize: 1, DashArrayX: [][]int{{2, 4}}, DashArrayY: []int{2, 4}, Color: decalColor},
	{Symbol: "rect", SymbolSize: 1, DashArrayX: []int{1, 0}, DashArrayY: []int{3, 4}, Rotation: rotation(0.785398), Color: decalColor},
	{Symbol: "triangle", SymbolSize: 0.9, DashArrayX: [][]int{{7, 7}}, DashArrayY: []int{7, 0}, Color: decalColor},
	{Symbol: "rect", SymbolSize: 1, DashArrayX: []int{1, 0}, DashArrayY: []int{1, 3}, Rotation: rotation(1.5708), Color: decalColor},
}

const decalColor = "rgba(255, 255, 255, 0.6)"

func rotation(r float64) *float64 { return &r }

// aria is the option's accessibility part: ECharts' decal patterns on, its
// own generated description off. The chart's element carries nianbao's
// description (Describe) as its accessible name; ECharts' would replace it
// with one that numbers series from 0 and reads gaps as NaN.
var aria = ariaOption{
	Enabled: true,
	Label:   enabled{Enabled: false},
	Decal:   ariaDecal{Show: true, Decals: decals},
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
func edgeRoom(name, def string) string {
	if room := textWidth(name)/2 - 24; room > 8 {
		return strconv.Itoa(room)
	}
	return def
}
