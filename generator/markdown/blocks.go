package markdown

import (
	"bytes"
	"strconv"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"

	"nianbao/generator/charts"
)

// KindFigure is the node kind that replaces a chart, kpi or table block.
var KindFigure = ast.NewNodeKind("Figure")

// Figure is a rendered block.
type Figure struct {
	ast.BaseBlock
	HTML       []byte
	start, end int // HTML's place among the page's blocks
	at         int // where the page's HTML holds it, once rendered; else -1
}

// Kind implements ast.Node.
func (*Figure) Kind() ast.NodeKind { return KindFigure }

// Dump implements ast.Node.
func (n *Figure) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

func (c *conversion) block(n *ast.FencedCodeBlock, index int) *Figure {
	kind := string(n.Language(c.page.Src))
	pos := c.pos(n.Pos())
	body := c.blockBody(n)
	first := pos.Line + 1
	if lines := n.Lines(); lines.Len() > 0 {
		first = c.pos(lines.At(0).Start).Line
	}
	env := charts.Env{Data: c.page.Data, Year: c.page.Year, Lang: c.page.Lang, Default: c.page.Default, T: c.page.T}
	b := charts.Parse(kind, c.page.File, body, first, pos, env, c.diag)
	if b == nil {
		return nil
	}
	name := kind + "-" + strconv.Itoa(index)
	id := c.page.IDPrefix + name
	if c.page.FigureBase != "" && kind != "kpi" {
		env.FigurePage, env.FigureEmbed = c.page.FigureBase+name+"/", c.page.FigureEmbed+name+"/"
	}
	start := len(c.figs.b)
	var err error
	if c.figs.b, err = b.AppendHTML(c.figs.b, id, env); err != nil {
		c.diag.Errorf(pos, "%s block: %v", kind, err)
		return nil
	}
	f := &Figure{start: start, end: len(c.figs.b), at: -1}
	f.SetPos(n.Pos())
	if b.Kind == "chart" {
		c.res.Charts++
	}
	for _, m := range b.Metrics {
		if !c.cited[m] {
			c.cited[m] = true
			c.res.Cited = append(c.res.Cited, m)
		}
	}
	c.res.Figures++
	if env.FigurePage != "" {
		c.res.Blocks = append(c.res.Blocks, Block{ID: id, Name: name, Title: b.Heading(env)})
		c.blockFigs = append(c.blockFigs, f)
	}
	n.Parent().ReplaceChild(n.Parent(), n, f)
	return f
}

// blockBody is the body of a fenced block: its lines, each led by as
// many spaces as there were characters before it on its line (a list's
// indent, a quote's "> "), so that TOML errors name the column an editor
// shows.
func (c *conversion) blockBody(n *ast.FencedCodeBlock) []byte {
	lines := n.Lines()
	size := 0
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		size += seg.Stop - seg.Start + seg.Padding + 8
	}
	body := make([]byte, 0, size)
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		start := bytes.LastIndexByte(c.page.Src[:seg.Start], '\n') + 1
		for range utf8.RuneCount(c.page.Src[start:seg.Start]) + seg.Padding {
			body = append(body, ' ')
		}
		body = append(body, seg.Value(c.page.Src)...)
	}
	return body
}
