// Package markdown converts report Markdown to HTML with goldmark: GFM
// tables, strikethrough and autolinks, footnotes, heading anchors that keep
// Chinese, and East Asian line breaks (a line break between Chinese
// characters adds no space). Raw HTML is dropped, never passed through.
//
// Two extensions bring the data in:
//
//   - {{group.key}}, {{group.key@2024}}, {{group.key:change}},
//     {{group.key:target}}, {{group.key:progress}}, {{group.key:name}}:
//     numbers and names from the metric data (see metrics.ParseRef).
//   - fenced blocks chart, kpi and table (see package charts).
//
// Every problem is reported at its file, line and column before anything
// is rendered. This package is the only importer of goldmark.
package markdown

import (
	"bytes"
	"errors"
	"html"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"nianbao/generator/charts"
	"nianbao/generator/diag"
	"nianbao/generator/metrics"
)

// Converter converts pages. It is safe for concurrent use; make one per
// build.
type Converter struct {
	md goldmark.Markdown
}

// New returns a Converter.
func New() *Converter {
	md := goldmark.New(
		goldmark.WithExtensions(
			extension.GFM,
			extension.NewFootnote(extension.WithFootnoteIDPrefixFunction(footnotePrefix)),
		),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithInlineParsers(util.Prioritized(refParser{}, 150)),
		),
		goldmark.WithRendererOptions(
			renderer.WithNodeRenderers(util.Prioritized(refRenderer{}, 100)),
			gmhtml.WithWriter(textWriter{gmhtml.DefaultWriter}),
		),
	)
	return &Converter{md: md}
}

// Page is one Markdown body to convert.
type Page struct {
	File      string // for positions
	Src       []byte // the body
	FirstLine int    // the file line of Src's first line
	Year      int    // the page's year, for references
	Lang      string // the language of the text
	Data      *metrics.Data
	T         func(string) string // theme strings in Lang
	IDPrefix  string              // prefix for chart and footnote ids, to keep them unique when pages are joined
	Default   string              // the site's default language, which untranslated metric names show in
	// Reserved are the ids the page's layout uses itself ("main",
	// "foreword"): a heading never takes one.
	Reserved map[string]bool
	// FigureBase, when set, is the folder of the page's figure pages: a
	// chart or table block gets one at FigureBase + "chart-1/", and the
	// absolute FigureEmbed + "chart-1/" in its iframe snippet.
	FigureBase, FigureEmbed string
}

// Block is a chart or table block of a page, for its figure page.
type Block struct {
	ID    string // the element id: "operation-chart-1"
	Name  string // the folder of its figure page: "chart-1"
	Title string
	HTML  []byte // the figure; where the page shows it, a part of Result.HTML, not a copy
}

// Heading is a level-2 or level-3 heading, for a page's contents.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// Result is a converted page.
type Result struct {
	HTML     []byte
	Headings []Heading
	Cited    []*metrics.Metric // metrics the page references, in order of first use
	Figures  int               // chart, kpi and table blocks
	Blocks   []Block           // the chart and table blocks, when Page.FigureBase is set
	Charts   int               // chart blocks
}

// Convert converts p. Problems are added to l; when there are any, the
// result is incomplete and must not be published.
func (c *Converter) Convert(p *Page, l *diag.List) Result {
	conv := &conversion{page: p, diag: l, cited: map[*metrics.Metric]bool{}}
	figs := getBuffer()
	defer putBuffer(figs)
	conv.figs = figs
	pc := parser.NewContext(parser.WithIDs(newHeadingIDs(p.Reserved)))
	doc := c.md.Parser().Parse(text.NewReader(p.Src), parser.WithContext(pc))
	conv.walk(doc.(*ast.Document))
	out := getBuffer()
	defer putBuffer(out)
	if err := c.md.Renderer().Render(out, p.Src, doc); err != nil {
		l.Errorf(diag.Pos{File: p.File}, "rendering: %v", err)
	}
	// A site keeps every page's HTML while it renders: in memory of its
	// size, and the figure pages' blocks in the page's.
	conv.res.HTML = bytes.Clone(out.b)
	for i, f := range conv.blockFigs {
		if f.at >= 0 {
			end := f.at + len(f.HTML)
			conv.res.Blocks[i].HTML = conv.res.HTML[f.at:end:end]
		} else {
			conv.res.Blocks[i].HTML = bytes.Clone(f.HTML)
		}
	}
	headingTexts(conv.res.Headings, conv.res.HTML)
	return conv.res
}

// footnotePrefix keeps footnote ids unique when several sections are
// joined on one page.
func footnotePrefix(n ast.Node) []byte {
	if v, ok := n.OwnerDocument().Meta()["idprefix"].(string); ok {
		return []byte(v)
	}
	return nil
}

type conversion struct {
	page  *Page
	diag  *diag.List
	res   Result
	cited map[*metrics.Metric]bool
	lines []int // byte offsets of line starts, made on first use
	// figs holds the HTML of the page's blocks, one after the other,
	// until the page is rendered; blockFigs are the figures of
	// res.Blocks.
	figs      *buffer
	blockFigs []*Figure
}

// walk resolves references and blocks before rendering.
func (c *conversion) walk(doc *ast.Document) {
	if c.page.IDPrefix != "" {
		doc.AddMeta("idprefix", c.page.IDPrefix)
	}
	var blocks []*ast.FencedCodeBlock
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			c.joinWideLines(n)
			c.guardWideBraces(n)
		case *Ref:
			if !n.done {
				c.resolve(n)
			}
		case *ast.FencedCodeBlock:
			if n.Info != nil && charts.IsKind(string(n.Language(c.page.Src))) {
				blocks = append(blocks, n)
			} else if n.Info != nil {
				c.guardFence(n)
			}
		case *ast.Heading:
			if n.Level == 2 || n.Level == 3 {
				c.heading(n)
			}
		case *ast.RawHTML, *ast.HTMLBlock:
			c.diag.Warnf(c.pos(n.Pos()), "HTML in Markdown is not published (it could carry scripts); write it in Markdown instead")
		}
		return ast.WalkContinue, nil
	})
	var written []*Figure
	for i, b := range blocks {
		if f := c.block(b, i+1); f != nil {
			written = append(written, f)
		}
	}
	// Every block is written: the figures' HTML stays where it is.
	for _, f := range written {
		f.HTML = c.figs.b[f.start:f.end]
	}
}

// joinWideLines drops a soft line break between two Chinese (or other
// East Asian) characters, where a line break is no space: "共{{m}}\n较上年"
// reads "共3 个较上年", while "Hello\nworld" keeps its space. (goldmark's
// own option also joined some English lines.)
func (c *conversion) joinWideLines(n *ast.Text) {
	if !n.SoftLineBreak() {
		return
	}
	last, ok := c.edgeRune(n, true)
	if !ok || !wide(last) {
		return
	}
	if first, ok := c.edgeRune(n.NextSibling(), false); ok && wide(first) {
		n.SetSoftLineBreak(false)
	}
}

// edgeRune returns the last (or first) character of a text or reference
// node; an empty text node before a line break stands for the node before
// it.
func (c *conversion) edgeRune(n ast.Node, last bool) (rune, bool) {
	var s string
	switch n := n.(type) {
	case *ast.Text:
		s = string(n.Value(c.page.Src))
		if s == "" && last {
			return c.edgeRune(n.PreviousSibling(), true)
		}
	case *Ref:
		if !n.done {
			c.resolve(n)
		}
		s = n.Resolved
	default:
		return 0, false
	}
	if s == "" {
		return 0, false
	}
	if last {
		r, _ := utf8.DecodeLastRuneInString(s)
		return r, true
	}
	r, _ := utf8.DecodeRuneInString(s)
	return r, true
}

// wide reports whether r is a Chinese, Japanese or Korean character or
// full-width punctuation, between which a line break is no space.
func wide(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) ||
		unicode.Is(unicode.Hangul, r) || (r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef)
}

func (c *conversion) resolve(n *Ref) {
	n.done = true
	ref, err := metrics.ParseRef(n.Source)
	if err == nil {
		var m *metrics.Metric
		n.Resolved, m, err = c.page.Data.Resolve(ref, c.page.Year, c.page.Lang)
		if m != nil && err == nil {
			n.Title = m.Name.In(c.page.Lang)
			if !c.cited[m] {
				c.cited[m] = true
				c.res.Cited = append(c.res.Cited, m)
			}
		}
	}
	if err != nil {
		if !errors.Is(err, metrics.ErrReported) {
			c.diag.Add(diag.Errorf(c.pos(n.Pos()), "%v", err))
		}
		n.Resolved = "{{" + n.Source + "}}"
	}
}

func (c *conversion) heading(n *ast.Heading) {
	id, _ := n.AttributeString("id")
	idb, _ := id.([]byte)
	c.res.Headings = append(c.res.Headings, Heading{Level: n.Level, ID: string(idb)})
}

// headingTexts fills in the headings' text from the rendered HTML, so that
// escapes, entities, emphasis and references read as on the page. The
// headings come in the order of the page, so each search starts where the
// last one ended: one pass over the page, however many headings it has.
func headingTexts(hs []Heading, out []byte) {
	pos := 0
	var open []byte
	for i := range hs {
		level := byte('0' + hs[i].Level)
		open = append(append(append(open[:0], '<', 'h', level), ` id="`...), html.EscapeString(hs[i].ID)...)
		open = append(open, '"', '>')
		start := bytes.Index(out[pos:], open)
		if start < 0 {
			continue
		}
		rest := out[pos+start+len(open):]
		end := bytes.Index(rest, []byte{'<', '/', 'h', level, '>'})
		if end < 0 {
			continue
		}
		hs[i].Text = textOf(rest[:end])
		pos += start + len(open) + end
	}
}

// textOf returns the text of an HTML fragment: tags dropped, entities
// decoded, white space folded.
func textOf(h []byte) string {
	var b strings.Builder
	in := false
	for _, r := range string(h) {
		switch {
		case r == '<':
			in = true
		case r == '>' && in:
			in = false
		case !in:
			b.WriteRune(r)
		}
	}
	return strings.Join(strings.Fields(html.UnescapeString(b.String())), " ")
}

// pos turns a byte offset in the body into a file position.
func (c *conversion) pos(off int) diag.Pos {
	src := c.page.Src
	if c.lines == nil {
		c.lines = []int{0}
		for i, b := range src {
			if b == '\n' {
				c.lines = append(c.lines, i+1)
			}
		}
	}
	off = max(0, min(off, len(src)))
	line := 0
	for line+1 < len(c.lines) && c.lines[line+1] <= off {
		line++
	}
	col := utf8.RuneCount(src[c.lines[line]:off]) + 1
	return diag.Pos{File: c.page.File, Line: c.page.FirstLine + line, Col: col}
}
