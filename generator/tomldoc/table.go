package tomldoc

import (
	"fmt"
	"maps"
	"slices"
	"time"

	"nianbao/generator/diag"
)

// Table is a TOML table: the root of a document, a [header] table, an inline
// { } table, or one [[array]] element. It keeps its keys in document order
// with their positions.
type Table struct {
	file    string
	path    string
	pos     diag.Pos
	keys    []string
	entries map[string]*entry
}

// entry is one key of a table.
type entry struct {
	keyPos, valPos diag.Pos
	elems          []diag.Pos // positions of the elements of an array value
	// value is, once filled, the decoded value (see Table.Raw). While the
	// scanner runs it is the shape of the value: *Table, []*Table, []any
	// of shapes for arrays, or nil for a scalar.
	value any
	def   origin
}

// origin tells how a key came to be, which decides how it may be extended.
type origin int

const (
	byValue       origin = iota // key = value, and everything inside an inline table
	byHeader                    // [a.b] defines b
	byArrayHeader               // [[a.b]] defines b
	byImplicit                  // [a.b] names a
	byDotted                    // a.b = 1 names a
)

func newTable(file string, pos diag.Pos) *Table {
	return &Table{file: file, pos: pos, entries: map[string]*entry{}}
}

// File is the file the table was parsed from.
func (t *Table) File() string { return t.file }

// Pos is where the table starts: the bracket of its [header] or [[header]],
// the '{' of an inline table, the first key of a table made by dotted keys,
// or line firstLine, column 1 for the root.
func (t *Table) Pos() diag.Pos { return t.pos }

// Path is the table's dotted path for messages: "" for the root,
// "operation", "metric[3]" (0-based index of a [[metric]] element),
// "metric[3].targets". Keys that are not bare are quoted.
func (t *Table) Path() string { return t.path }

// Keys returns the keys in the order in which they first appear.
func (t *Table) Keys() []string { return slices.Clone(t.keys) }

// Has reports whether the table holds key.
func (t *Table) Has(key string) bool {
	_, ok := t.entries[key]
	return ok
}

// KeyPos is the position of the first character of key as written (for a
// dotted key `a.b = 1` written in t, key "a" points at `a`); for a sub-table
// defined by a [header], the header's bracket. For an absent key it is
// t.Pos(), a fair place to report a missing field.
func (t *Table) KeyPos(key string) diag.Pos {
	if e, ok := t.entries[key]; ok {
		return e.keyPos
	}
	return t.pos
}

// ValuePos is the position of the first character of the value of key: the
// opening quote of a string, '[' of an array, '{' of an inline table. For a
// table made by a header or dotted keys it is KeyPos; for an absent key,
// t.Pos().
func (t *Table) ValuePos(key string) diag.Pos {
	if e, ok := t.entries[key]; ok {
		return e.valPos
	}
	return t.pos
}

// ElemPos is the position of the first character of the i-th element of the
// array value of key (for [[key]] elements, the header's bracket). It falls
// back to ValuePos when there is no such element.
func (t *Table) ElemPos(key string, i int) diag.Pos {
	if e, ok := t.entries[key]; ok && i >= 0 && i < len(e.elems) {
		return e.elems[i]
	}
	return t.ValuePos(key)
}

// Raw returns the decoded value of key, nil if absent: a string, int64,
// float64, bool, time.Time (BurntSushi gives local dates, date-times and
// times the fixed zones named "date-local", "datetime-local" and
// "time-local", at the machine's offset), []any, *Table for a
// table or inline table, or []*Table for an array of tables, either [[key]]
// or a non-empty array whose elements are all inline tables. Tables inside
// other arrays are *Table elements of the []any.
func (t *Table) Raw(key string) any {
	if e, ok := t.entries[key]; ok {
		return e.value
	}
	return nil
}

// Kind is the word for the type of the value of key used in messages:
// "string", "integer", "float", "boolean", "date" (a date or date-time),
// "time" (a local time of day), "array", "table", "array of tables"; "" for
// an absent key.
func (t *Table) Kind(key string) string {
	if e, ok := t.entries[key]; ok {
		return kindOf(e.value)
	}
	return ""
}

func kindOf(v any) string {
	switch v := v.(type) {
	case string:
		return "string"
	case int64:
		return "integer"
	case float64:
		return "float"
	case bool:
		return "boolean"
	case time.Time:
		if v.Location().String() == "time-local" {
			return "time"
		}
		return "date"
	case []any:
		return "array"
	case *Table:
		return "table"
	case []*Table:
		return "array of tables"
	}
	return "value"
}

// add appends key to the table.
func (t *Table) add(key string, e *entry) {
	t.keys = append(t.keys, key)
	t.entries[key] = e
}

// addTable adds key as a sub-table that starts at pos.
func (t *Table) addTable(key string, pos diag.Pos, def origin) *Table {
	sub := newTable(t.file, pos)
	t.add(key, &entry{keyPos: pos, valPos: pos, value: sub, def: def})
	return sub
}

// fill replaces the shapes the scanner recorded by the values BurntSushi
// decoded, and sets the paths. The two agree on a valid document; where they
// do not, the decoded values win and positions fall back to the table's.
func (t *Table) fill(decoded map[string]any) {
	keys := make([]string, 0, len(decoded))
	for _, k := range t.keys {
		if _, ok := decoded[k]; ok {
			keys = append(keys, k)
		} else {
			delete(t.entries, k)
		}
	}
	for _, k := range slices.Sorted(maps.Keys(decoded)) {
		if !t.Has(k) {
			keys = append(keys, k)
			t.entries[k] = &entry{keyPos: t.pos, valPos: t.pos}
		}
	}
	t.keys = keys
	for _, k := range t.keys {
		e := t.entries[k]
		e.value = t.convert(pathJoin(t.path, k), e.value, decoded[k], e.valPos)
	}
}

// convert turns a decoded value into what Raw returns, using shape for the
// positions of the tables in it.
func (t *Table) convert(path string, shape, v any, pos diag.Pos) any {
	switch v := v.(type) {
	case map[string]any:
		sub, ok := shape.(*Table)
		if !ok {
			sub = newTable(t.file, pos)
		}
		sub.path = path
		sub.fill(v)
		return sub
	case []map[string]any:
		shapes, _ := shape.([]*Table)
		out := make([]*Table, len(v))
		for i, m := range v {
			out[i], _ = t.convert(fmt.Sprintf("%s[%d]", path, i), at(shapes, i), m, pos).(*Table)
		}
		return out
	case []any:
		shapes, _ := shape.([]any)
		out := make([]any, len(v))
		tables := make([]*Table, 0, len(v))
		for i, x := range v {
			out[i] = t.convert(fmt.Sprintf("%s[%d]", path, i), at(shapes, i), x, pos)
			if sub, ok := out[i].(*Table); ok {
				tables = append(tables, sub)
			}
		}
		if len(v) > 0 && len(tables) == len(v) {
			return tables
		}
		return out
	}
	return v
}

// at is s[i], or nil past its end.
func at[T any](s []T, i int) any {
	if i < len(s) {
		return s[i]
	}
	return nil
}
