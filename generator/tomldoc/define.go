package tomldoc

import (
	"strings"

	"nianbao/generator/diag"
)

// fail records the first error of the scan.
func (s *scanner) fail(pos diag.Pos, format string, args ...any) {
	if s.err == nil {
		s.err = diag.Errorf(pos, format, args...)
	}
}

// table is the table a header or dotted key goes on into through e: the
// sub-table, or the last element of an array of tables.
func (e *entry) table() *Table {
	switch v := e.value.(type) {
	case *Table:
		return v
	case []*Table:
		if len(v) > 0 {
			return v[len(v)-1]
		}
	}
	return nil
}

// defineHeader defines the table of a [header] (array false) or a new element
// of a [[header]] (array true) whose bracket is at at, and returns it; nil
// after an error.
func (s *scanner) defineHeader(root *Table, parts []string, at diag.Pos, array bool) *Table {
	t := root
	for i, p := range parts[:len(parts)-1] {
		e, ok := t.entries[p]
		if !ok {
			t = t.addTable(p, at, byImplicit)
			continue
		}
		// A header may go on into any table but an inline one.
		if t = e.table(); t == nil || e.def == byValue {
			s.fail(at, "%s", tableRedefined(parts, array, parts[:i+1]))
			return nil
		}
	}
	last := parts[len(parts)-1]
	e, ok := t.entries[last]
	switch {
	case !ok && array:
		sub := newTable(s.file, at)
		t.add(last, &entry{keyPos: at, valPos: at, elems: []diag.Pos{at}, value: []*Table{sub}, def: byArrayHeader})
		return sub
	case !ok:
		return t.addTable(last, at, byHeader)
	case array && e.def == byArrayHeader:
		sub := newTable(s.file, at)
		e.value = append(e.value.([]*Table), sub)
		e.elems = append(e.elems, at)
		return sub
	case !array && e.def == byImplicit:
		// Named before by a longer header, defined now: [a.b] then [a].
		sub := e.table()
		e.def, e.keyPos, e.valPos, sub.pos = byHeader, at, at, at
		return sub
	}
	s.fail(at, "%s", tableRedefined(parts, array, nil))
	return nil
}

// defineValue defines `parts = value` in t, the value starting at the
// scanner's position; poss are the positions of the key parts.
func (s *scanner) defineValue(t *Table, parts []string, poss []diag.Pos) {
	for i, p := range parts[:len(parts)-1] {
		e, ok := t.entries[p]
		if !ok {
			t = t.addTable(p, poss[i], byDotted)
			continue
		}
		// Dotted keys may go on into tables made by dotted keys, or named
		// by a longer header, but not into a [table], an array of tables
		// or an inline table.
		if t = e.table(); t == nil || e.def != byDotted && e.def != byImplicit {
			s.fail(poss[0], "duplicate key %q", strings.Join(parts[:i+1], "."))
			return
		}
	}
	last := parts[len(parts)-1]
	if t.Has(last) {
		s.fail(poss[0], "duplicate key %q", strings.Join(parts, "."))
		return
	}
	valPos := s.pos()
	shape, elems := s.value()
	t.add(last, &entry{keyPos: poss[len(poss)-1], valPos: valPos, elems: elems, value: shape, def: byValue})
}
