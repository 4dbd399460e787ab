// Package diag holds positioned diagnostics: an error or warning tied to a
// file, line and column, and a list that collects every problem of a build
// so that one run can report them all, sorted by position.
package diag

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"sync"
)

// Pos is a position in a site file. File is slash-separated and relative to
// the site folder (content/2025/metrics.toml). Line and Col count from 1;
// Col counts characters, not bytes, so it matches what an editor shows. A
// zero Line means the whole file; a zero Col means the whole line.
type Pos struct {
	File string
	Line int
	Col  int
	// Ref, when set, is a spreadsheet cell such as "2025年数据!C7", shown
	// instead of line and column (file:sheet!cell); Line and Col then hold
	// its row and column, so that cells sort row by row.
	Ref string
}

func (p Pos) String() string {
	switch {
	case p.Ref != "":
		return p.File + ":" + p.Ref
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Severity tells errors, which stop a build, from warnings, which do not.
type Severity int

const (
	Error Severity = iota
	Warning
)

// Diagnostic is one problem at one position.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Msg      string
	// Cause marks a problem others follow from (site.toml or the
	// catalogue could not be read as TOML): it sorts before the rest.
	Cause bool
}

// Error formats the diagnostic as file:line:col: message; warnings carry a
// "warning: " prefix before the message.
func (d *Diagnostic) Error() string {
	if d.Severity == Warning {
		return d.Pos.String() + ": warning: " + d.Msg
	}
	return d.Pos.String() + ": " + d.Msg
}

// Errorf returns an error-severity diagnostic at pos.
func Errorf(pos Pos, format string, args ...any) *Diagnostic {
	return &Diagnostic{Pos: pos, Msg: fmt.Sprintf(format, args...)}
}

// List collects diagnostics. It is safe for concurrent use; the zero value
// is ready to use.
type List struct {
	mu    sync.Mutex
	items []*Diagnostic
}

// Add appends diagnostics to the list; nil ones are skipped.
func (l *List) Add(ds ...*Diagnostic) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, d := range ds {
		if d != nil {
			l.items = append(l.items, d)
		}
	}
}

// Errorf adds an error at pos.
func (l *List) Errorf(pos Pos, format string, args ...any) {
	l.Add(Errorf(pos, format, args...))
}

// Warnf adds a warning at pos.
func (l *List) Warnf(pos Pos, format string, args ...any) {
	d := Errorf(pos, format, args...)
	d.Severity = Warning
	l.Add(d)
}

// Merge adds every diagnostic of other.
func (l *List) Merge(other *List) {
	l.Add(other.All()...)
}

// All returns the diagnostics sorted by file, line, column and message,
// without duplicates.
func (l *List) All() []*Diagnostic {
	l.mu.Lock()
	out := slices.Clone(l.items)
	l.mu.Unlock()
	slices.SortStableFunc(out, func(a, b *Diagnostic) int {
		return cmp.Or(
			-cmpBool(a.Cause, b.Cause),
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.Severity, b.Severity),
			cmp.Compare(a.Msg, b.Msg),
		)
	})
	return slices.CompactFunc(out, func(a, b *Diagnostic) bool { return *a == *b })
}

func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// Errors returns the error-severity diagnostics, sorted.
func (l *List) Errors() []*Diagnostic {
	return slices.DeleteFunc(l.All(), func(d *Diagnostic) bool { return d.Severity != Error })
}

// Warnings returns the warnings, sorted.
func (l *List) Warnings() []*Diagnostic {
	return slices.DeleteFunc(l.All(), func(d *Diagnostic) bool { return d.Severity != Warning })
}

// HasErrors reports whether any error-severity diagnostic was added.
func (l *List) HasErrors() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, d := range l.items {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Err returns nil when the list holds no errors, else an error whose text is
// every error, one per line.
func (l *List) Err() error {
	errs := l.Errors()
	if len(errs) == 0 {
		return nil
	}
	return ErrorList(errs)
}

// ErrorList is the error a failed step returns: every problem, sorted.
type ErrorList []*Diagnostic

func (e ErrorList) Error() string {
	var b strings.Builder
	for i, d := range e {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.Error())
	}
	return b.String()
}

// MaxShown is how many errors a command prints; the rest are counted.
const MaxShown = 100

// Shown returns the diagnostics to print, at most MaxShown errors and
// MaxShown warnings, and a line counting the ones left out ("… and 12 more
// errors"), or "" when there are none.
func Shown(ds []*Diagnostic) ([]*Diagnostic, string) {
	var out []*Diagnostic
	var n [2]int
	for _, d := range ds {
		if n[d.Severity]++; n[d.Severity] <= MaxShown {
			out = append(out, d)
		}
	}
	var more []string
	for sev, noun := range []string{"error", "warning"} {
		if k := n[sev] - MaxShown; k > 0 {
			if k > 1 {
				noun += "s"
			}
			more = append(more, fmt.Sprintf("%d more %s", k, noun))
		}
	}
	if len(more) == 0 {
		return out, ""
	}
	return out, "… and " + strings.Join(more, " and ")
}
