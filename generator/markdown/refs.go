package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindRef is the node kind of an inline reference {{…}}.
var KindRef = ast.NewNodeKind("Ref")

// Ref is an inline reference; Text is filled in before rendering.
type Ref struct {
	ast.BaseInline
	Source   string // between the braces
	Resolved string
	Title    string
	done     bool // resolved; after an error Resolved holds the source
}

// Kind implements ast.Node.
func (*Ref) Kind() ast.NodeKind { return KindRef }

// Dump implements ast.Node.
func (n *Ref) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Source": n.Source}, nil)
}

// refParser parses {{…}} on one line. Braces without a closing pair on
// the same line stay text.
type refParser struct{}

func (refParser) Trigger() []byte { return []byte{'{'} }

func (refParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if !bytes.HasPrefix(line, []byte("{{")) {
		return nil
	}
	end := bytes.Index(line[2:], []byte("}}"))
	if end < 0 {
		return nil
	}
	n := &Ref{Source: string(line[2 : 2+end])}
	block.Advance(2 + end + 2)
	return n
}

// refRenderer writes a resolved reference as escaped text.
type refRenderer struct{}

func (refRenderer) RegisterFuncs(r renderer.NodeRendererFuncRegisterer) {
	r.Register(KindRef, func(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			n := node.(*Ref)
			w.WriteString(`<span class="ref" title="`)
			w.Write(util.EscapeHTML([]byte(n.Title)))
			w.WriteString(`">`)
			w.Write(util.EscapeHTML([]byte(n.Resolved)))
			w.WriteString(`</span>`)
		}
		return ast.WalkContinue, nil
	})
	r.Register(KindFigure, func(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			f := node.(*Figure)
			if b, ok := w.(*buffer); ok {
				f.at = len(b.b)
			}
			w.Write(f.HTML)
			w.WriteByte('\n')
		}
		return ast.WalkSkipChildren, nil
	})
}
