package tomldoc

import (
	"maps"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"nianbao/generator/diag"
)

// FuzzParse checks that Parse never panics nor hangs, that every position it
// gives lies within the text, and that when the document is valid its scanner
// saw the same keys as BurntSushi.
func FuzzParse(f *testing.F) {
	for _, src := range []string{
		getterDoc,
		"[operation]\nmember_enterprises = 126\nshared_bases = { value = 38, note = \"新增省级基地 5 个\" }\n",
		"[[metric]]\nid = \"a\"\ntargets = { 2025 = 150 }\n[[metric]]\n[metric.x]\ny = [\n 1, # [z]\n]\n",
		"a.\"b c\".'d' = \"\"\"\nx = [\n\"\"\"\nt = 1979-05-27 07:32:00Z\n",
		"\ufeffa = 1\r\nb = [{x = 1}, [2, '3']]\r\n",
		"t = {\n  a = 1, # c\n}\n",
		"a = 1\na = 2\n",
		"[a]\nb.c = 1\n[a.b]\n",
	} {
		f.Add([]byte(src), uint8(1))
	}
	f.Fuzz(func(t *testing.T, src []byte, first uint8) {
		firstLine := int(first%40) + 1
		root, d := parseWithin(t, 5*time.Second, src, firstLine)
		lineLens := runeLengths(string(src))
		if d != nil {
			checkPos(t, "error", d.Pos, firstLine, lineLens)
			return
		}
		walk(root, func(tb *Table) {
			checkPos(t, tb.Path(), tb.Pos(), firstLine, lineLens)
			for _, k := range tb.Keys() {
				checkPos(t, tb.Path()+" key "+k, tb.KeyPos(k), firstLine, lineLens)
				checkPos(t, tb.Path()+" value "+k, tb.ValuePos(k), firstLine, lineLens)
				for i := range elemCount(tb.Raw(k)) {
					checkPos(t, tb.Path()+" element of "+k, tb.ElemPos(k, i), firstLine, lineLens)
				}
			}
		})
		// The scanner alone must find the keys the decoder found.
		var decoded map[string]any
		text := string(src)[bomLen(string(src)):]
		if _, err := toml.Decode(text, &decoded); err != nil {
			t.Fatalf("Parse accepted what BurntSushi rejects: %v", err)
		}
		shapes := newTable("f.toml", diag.Pos{})
		newScanner("f.toml", text, 1).document(shapes)
		if msg := sameKeys("", shapes, decoded); msg != "" {
			t.Errorf("scanner and decoder disagree: %s", msg)
		}
	})
}

// parseWithin runs Parse, failing the test if it does not return in time.
func parseWithin(t *testing.T, limit time.Duration, src []byte, firstLine int) (*Table, *diag.Diagnostic) {
	type result struct {
		root *Table
		d    *diag.Diagnostic
	}
	done := make(chan result, 1)
	go func() {
		root, d := Parse("f.toml", src, firstLine)
		done <- result{root, d}
	}()
	select {
	case r := <-done:
		return r.root, r.d
	case <-time.After(limit):
		t.Fatalf("Parse did not return within %s", limit)
	}
	return nil, nil
}

// runeLengths is the length in runes of each line of src, the byte order
// mark left out.
func runeLengths(src string) []int {
	src = src[bomLen(src):]
	var ns []int
	for line := range strings.SplitSeq(src, "\n") {
		ns = append(ns, utf8.RuneCountInString(line))
	}
	return ns
}

func checkPos(t *testing.T, what string, p diag.Pos, firstLine int, lineLens []int) {
	t.Helper()
	i := p.Line - firstLine
	if p.File != "f.toml" || i < 0 || i >= len(lineLens) || p.Col < 1 || p.Col > lineLens[i]+1 {
		t.Fatalf("%s: position %s outside the text (lines %d to %d)", what, p, firstLine, firstLine+len(lineLens)-1)
	}
}

// walk calls fn for t and every table in it.
func walk(t *Table, fn func(*Table)) {
	fn(t)
	for _, k := range t.Keys() {
		for _, sub := range subTables(t.Raw(k)) {
			walk(sub, fn)
		}
	}
}

// sameKeys compares the tables of a scan, before fill, with a decoded map.
func sameKeys(path string, t *Table, m map[string]any) string {
	got := slices.Sorted(slices.Values(t.keys))
	want := slices.Sorted(maps.Keys(m))
	if !slices.Equal(got, want) {
		return path + ": keys " + strings.Join(got, ",") + ", want " + strings.Join(want, ",")
	}
	for _, k := range got {
		if msg := sameShape(pathJoin(path, k), t.entries[k].value, m[k]); msg != "" {
			return msg
		}
	}
	return ""
}

// sameShape compares the shape of a value, as scanned, with its decoded value.
func sameShape(path string, shape, v any) string {
	switch v := v.(type) {
	case map[string]any:
		sub, ok := shape.(*Table)
		if !ok {
			return path + ": not scanned as a table"
		}
		return sameKeys(path, sub, v)
	case []map[string]any:
		subs, ok := shape.([]*Table)
		if !ok || len(subs) != len(v) {
			return path + ": not scanned as an array of as many tables"
		}
		for i := range v {
			if msg := sameKeys(path, subs[i], v[i]); msg != "" {
				return msg
			}
		}
	case []any:
		elems, ok := shape.([]any)
		if !ok || len(elems) != len(v) {
			return path + ": not scanned as an array of as many elements"
		}
		for i := range v {
			if msg := sameShape(path, elems[i], v[i]); msg != "" {
				return msg
			}
		}
	default:
		if shape != nil {
			return path + ": scanned as a table or an array"
		}
	}
	return ""
}
