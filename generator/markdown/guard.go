package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"

	"nianbao/generator/charts"
	"nianbao/generator/diag"
)

// nearKind returns the block kind (chart, kpi, table) that a fenced
// block's language is a slip of — another case, a plural, a typo — or "".
func nearKind(info string) string {
	low := strings.ToLower(info)
	for _, k := range charts.Kinds {
		if low == k || low == k+"s" || len(k) >= 5 && diag.Closest(low, []string{k}, 2) != "" {
			return k
		}
	}
	return ""
}

// guardFence reports a fenced block whose language is nearly chart, kpi
// or table: it would be published as code, its TOML shown to readers.
func (c *conversion) guardFence(n *ast.FencedCodeBlock) {
	lang := string(n.Language(c.page.Src))
	if k := nearKind(lang); k != "" {
		c.diag.Errorf(c.pos(n.Info.Segment.Start), "unknown block %q, which would be published as code; did you mean ```%s?", lang, k)
	}
}

// guardWideBraces warns about full-width braces ｛｛…｝｝ in text: an IME
// slip for a {{reference}}, published as it is.
func (c *conversion) guardWideBraces(n *ast.Text) {
	v := n.Value(c.page.Src)
	if i := bytes.Index(v, []byte("｛｛")); i >= 0 {
		c.diag.Warnf(c.pos(n.Segment.Start+i), "full-width ｛｛ is published as text; write {{ with ASCII braces to insert a value")
	}
}
