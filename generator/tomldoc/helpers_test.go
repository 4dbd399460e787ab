package tomldoc

import (
	"fmt"
	"strings"

	"nianbao/generator/diag"
)

// dump lists every table in t with its position, and after it each of its
// keys, one a line:
//
//	[<path>] at L:C
//	<path> <key> <kind> key=L:C value=L:C [elems=L:C,L:C]
//
// with "." as the path of the root.
func dump(t *Table) string {
	var b strings.Builder
	dumpTo(&b, t)
	return b.String()
}

func dumpTo(b *strings.Builder, t *Table) {
	path := t.Path()
	if path == "" {
		path = "."
	}
	fmt.Fprintf(b, "[%s] at %s\n", path, lc(t.Pos()))
	for _, k := range t.Keys() {
		fmt.Fprintf(b, "%s %s %s key=%s value=%s", path, keyText([]string{k}), t.Kind(k), lc(t.KeyPos(k)), lc(t.ValuePos(k)))
		if n := elemCount(t.Raw(k)); n > 0 {
			elems := make([]string, n)
			for i := range n {
				elems[i] = lc(t.ElemPos(k, i))
			}
			fmt.Fprintf(b, " elems=%s", strings.Join(elems, ","))
		}
		b.WriteByte('\n')
		for _, sub := range subTables(t.Raw(k)) {
			dumpTo(b, sub)
		}
	}
}

func lc(p diag.Pos) string { return fmt.Sprintf("%d:%d", p.Line, p.Col) }

func elemCount(v any) int {
	switch v := v.(type) {
	case []any:
		return len(v)
	case []*Table:
		return len(v)
	}
	return 0
}

// subTables lists the tables in a value, however deep in arrays.
func subTables(v any) []*Table {
	switch v := v.(type) {
	case *Table:
		return []*Table{v}
	case []*Table:
		return v
	case []any:
		var out []*Table
		for _, x := range v {
			out = append(out, subTables(x)...)
		}
		return out
	}
	return nil
}
