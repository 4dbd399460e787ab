package tomldoc

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"nianbao/generator/diag"
)

// The typed getters below return ok=false when key is absent, reporting
// nothing, or when its value has another type, reporting an error at
// ValuePos to l, with the key as the subject:
//
//	content/2024/01-a.md:4:10: weight must be an integer, not a string
//
// l may be nil to test a type without reporting.

// String returns the string value of key.
func (t *Table) String(key string, l *diag.List) (string, bool) {
	return get[string](t, key, l, "a string")
}

// Int returns the integer value of key. A float is not accepted, even one
// with no fraction (3.0).
func (t *Table) Int(key string, l *diag.List) (int64, bool) {
	return get[int64](t, key, l, "an integer")
}

// Bool returns the boolean value of key.
func (t *Table) Bool(key string, l *diag.List) (bool, bool) {
	return get[bool](t, key, l, "a boolean")
}

// Table returns the sub-table or inline table of key.
func (t *Table) Table(key string, l *diag.List) (*Table, bool) {
	return get[*Table](t, key, l, "a table")
}

// Number returns the integer or float value of key as a float64. NaN and
// infinities are rejected: "<key> must be a finite number".
func (t *Table) Number(key string, l *diag.List) (float64, bool) {
	switch v := t.Raw(key).(type) {
	case int64:
		return float64(v), true
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			report(l, t.ValuePos(key), "%s must be a finite number", key)
			return 0, false
		}
		return v, true
	}
	return 0, t.mismatch(key, l, "a number")
}

// Strings returns the array of strings of key. A wrong element is reported
// at its position: "metrics[2] must be a string, not an integer".
func (t *Table) Strings(key string, l *diag.List) ([]string, bool) {
	return getAll[string](t, key, l, "string")
}

// Ints returns the array of integers of key, reporting wrong elements like
// Strings.
func (t *Table) Ints(key string, l *diag.List) ([]int64, bool) {
	return getAll[int64](t, key, l, "integer")
}

// Tables returns the array of tables of key: [[key]] elements, or an array of
// inline tables; an empty array gives no tables. Elements that are not
// tables are reported like in Strings.
func (t *Table) Tables(key string, l *diag.List) ([]*Table, bool) {
	if v, ok := t.Raw(key).([]*Table); ok {
		return slices.Clone(v), true
	}
	return getAll[*Table](t, key, l, "table")
}

// get returns the value of key if it is a T, which want names in messages.
func get[T any](t *Table, key string, l *diag.List, want string) (T, bool) {
	v, ok := t.Raw(key).(T)
	if !ok {
		t.mismatch(key, l, want)
	}
	return v, ok
}

// getAll returns the array value of key if each element is a T, which want
// names in messages.
func getAll[T any](t *Table, key string, l *diag.List, want string) ([]T, bool) {
	arr, ok := t.Raw(key).([]any)
	if !ok {
		return nil, t.mismatch(key, l, "an array of "+want+"s")
	}
	out := make([]T, len(arr))
	good := true
	for i, x := range arr {
		v, ok := x.(T)
		if !ok {
			report(l, t.ElemPos(key, i), "%s[%d] must be %s, not %s", key, i, withArticle(want), withArticle(kindOf(x)))
			good = false
		}
		out[i] = v
	}
	if !good {
		return nil, false
	}
	return out, true
}

// mismatch reports that the value of key is not want, unless key is absent.
// It returns false, for the getters to return.
func (t *Table) mismatch(key string, l *diag.List, want string) bool {
	if t.Has(key) {
		report(l, t.ValuePos(key), "%s must be %s, not %s", key, want, withArticle(t.Kind(key)))
	}
	return false
}

func report(l *diag.List, pos diag.Pos, format string, args ...any) {
	if l != nil {
		l.Errorf(pos, format, args...)
	}
}

// withArticle puts "a" or "an" before a kind: "an integer", "a string".
func withArticle(kind string) string {
	if kind != "" && strings.ContainsRune("aeiou", rune(kind[0])) {
		return "an " + kind
	}
	return "a " + kind
}

// Unknown reports every key of t not in known, in document order, at its
// KeyPos:
//
//	<file>:<line>:<col>: unknown field "<key>" in <what>; expected one of: a, b, c
//
// what names the table for the user ("front matter", "site.toml",
// "[[metric]]"). The "; expected one of" suffix lists known sorted, and is
// left out when known is empty or holds more than 12 keys.
func (t *Table) Unknown(l *diag.List, what string, known ...string) {
	for _, k := range t.keys {
		if !isKnown(k, known) {
			hint := expected(known)
			if c := closest(k, known); c != "" {
				hint = fmt.Sprintf("; did you mean %q?", c)
			}
			report(l, t.KeyPos(k), "unknown field %q in %s%s", k, what, hint)
		}
	}
}

// expected is the "; expected one of: …" suffix of Unknown's messages.
func expected(known []string) string {
	if len(known) == 0 || len(known) > 12 {
		return ""
	}
	shown := make([]string, len(known))
	for i, k := range known {
		shown[i] = strings.Replace(k, "_*", "_<lang>", 1)
	}
	sorted := slices.Compact(slices.Sorted(slices.Values(shown)))
	return "; expected one of: " + strings.Join(sorted, ", ")
}

// isKnown reports whether key is in known, where an entry "name_*" stands
// for name_<lang> with any language code (name_en, name_zh-hant): a
// translation is never an unknown field, even for a language the site does
// not publish yet.
func isKnown(key string, known []string) bool {
	for _, k := range known {
		if k == key {
			return true
		}
		if base, ok := strings.CutSuffix(k, "_*"); ok {
			if code, ok := strings.CutPrefix(key, base+"_"); ok && langCode(code) {
				return true
			}
		}
	}
	return false
}

func langCode(s string) bool {
	main, region, _ := strings.Cut(s, "-")
	if len(main) < 2 || len(main) > 3 || strings.Trim(main, "abcdefghijklmnopqrstuvwxyz") != "" {
		return false
	}
	return strings.Trim(region, "abcdefghijklmnopqrstuvwxyz0123456789") == ""
}

// closest returns the known field nearest to key when it is a likely typo.
func closest(key string, known []string) string {
	var plain []string
	for _, k := range known {
		if !strings.HasSuffix(k, "_*") {
			plain = append(plain, k)
		}
	}
	return diag.Closest(key, plain, 2)
}
