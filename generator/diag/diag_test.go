package diag

import (
	"fmt"
	"strings"
	"sync"
	"testing"
)

func TestPosStringLeavesOutZeroLineAndColumn(t *testing.T) {
	tests := []struct {
		pos  Pos
		want string
	}{
		{Pos{File: "site.toml"}, "site.toml"},
		{Pos{File: "site.toml", Col: 4}, "site.toml"},
		{Pos{File: "content/2025/01-a.md", Line: 7}, "content/2025/01-a.md:7"},
		{Pos{File: "content/2025/metrics.toml", Line: 12, Col: 3}, "content/2025/metrics.toml:12:3"},
	}
	for _, tt := range tests {
		if got := tt.pos.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.pos, got, tt.want)
		}
	}
}

func TestDiagnosticErrorMarksWarnings(t *testing.T) {
	pos := Pos{File: "a.md", Line: 2, Col: 5}
	tests := []struct {
		d    *Diagnostic
		want string
	}{
		{Errorf(pos, "unknown metric %q", "a.b"), `a.md:2:5: unknown metric "a.b"`},
		{&Diagnostic{Pos: pos, Severity: Warning, Msg: "no values"}, "a.md:2:5: warning: no values"},
		{Errorf(Pos{File: "content"}, "cannot read"), "content: cannot read"},
	}
	for _, tt := range tests {
		if got := tt.d.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
}

func texts(ds []*Diagnostic) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = d.Error()
	}
	return out
}

func TestAllSortsByPositionAndDropsDuplicates(t *testing.T) {
	var l List
	l.Errorf(Pos{File: "b.md", Line: 1, Col: 1}, "b")
	l.Errorf(Pos{File: "a.md", Line: 10, Col: 1}, "line 10")
	l.Errorf(Pos{File: "a.md", Line: 2, Col: 9}, "col 9")
	l.Warnf(Pos{File: "a.md", Line: 2, Col: 3}, "warn")
	l.Errorf(Pos{File: "a.md", Line: 2, Col: 3}, "z")
	l.Errorf(Pos{File: "a.md", Line: 2, Col: 3}, "y")
	l.Errorf(Pos{File: "a.md", Line: 2, Col: 9}, "col 9") // duplicate
	l.Errorf(Pos{File: "a.md"}, "whole file")
	l.Add(nil)
	want := []string{
		"a.md: whole file",
		"a.md:2:3: y",
		"a.md:2:3: z",
		"a.md:2:3: warning: warn",
		"a.md:2:9: col 9",
		"a.md:10:1: line 10",
		"b.md:1:1: b",
	}
	if got := texts(l.All()); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("All() =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestErrorsAndWarningsAreSplit(t *testing.T) {
	var l List
	l.Warnf(Pos{File: "a.md", Line: 3}, "w2")
	l.Errorf(Pos{File: "a.md", Line: 2}, "e1")
	l.Warnf(Pos{File: "a.md", Line: 1}, "w1")
	l.Errorf(Pos{File: "a.md", Line: 4}, "e2")
	if got, want := strings.Join(texts(l.Errors()), "|"), "a.md:2: e1|a.md:4: e2"; got != want {
		t.Errorf("Errors() = %q, want %q", got, want)
	}
	if got, want := strings.Join(texts(l.Warnings()), "|"), "a.md:1: warning: w1|a.md:3: warning: w2"; got != want {
		t.Errorf("Warnings() = %q, want %q", got, want)
	}
	if !l.HasErrors() {
		t.Error("HasErrors() = false with errors added")
	}
}

func TestWarningsAloneAreNoError(t *testing.T) {
	var l List
	if l.HasErrors() || l.Err() != nil || len(l.All()) != 0 {
		t.Fatalf("empty list: HasErrors %v, Err %v, All %d", l.HasErrors(), l.Err(), len(l.All()))
	}
	l.Warnf(Pos{File: "a.md"}, "only a warning")
	if l.HasErrors() {
		t.Error("HasErrors() = true with only a warning")
	}
	if err := l.Err(); err != nil {
		t.Errorf("Err() = %v, want nil", err)
	}
}

func TestErrTextHasEveryErrorOnItsOwnLine(t *testing.T) {
	var l List
	l.Errorf(Pos{File: "site.toml", Line: 4, Col: 1}, "unknown field %q", "thme")
	l.Warnf(Pos{File: "a.md", Line: 1}, "not in Err")
	l.Errorf(Pos{File: "content/2025/metrics.toml", Line: 2, Col: 3}, "bad")
	err := l.Err()
	want := "content/2025/metrics.toml:2:3: bad\nsite.toml:4:1: unknown field \"thme\""
	if err == nil || err.Error() != want {
		t.Fatalf("Err() = %v, want %q", err, want)
	}
	list, ok := err.(ErrorList)
	if !ok || len(list) != 2 {
		t.Errorf("Err() is %T with %d items, want ErrorList with 2", err, len(list))
	}
	if got := (ErrorList{}).Error(); got != "" {
		t.Errorf("empty ErrorList = %q, want \"\"", got)
	}
}

func TestMergeAddsEveryDiagnostic(t *testing.T) {
	var a, b List
	a.Errorf(Pos{File: "a"}, "x")
	b.Warnf(Pos{File: "b"}, "y")
	b.Errorf(Pos{File: "a"}, "x")
	a.Merge(&b)
	if got, want := strings.Join(texts(a.All()), "|"), "a: x|b: warning: y"; got != want {
		t.Errorf("after Merge: %q, want %q", got, want)
	}
}

func TestAddIsSafeForConcurrentUse(t *testing.T) {
	var l List
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 100 {
				l.Errorf(Pos{File: fmt.Sprintf("f%d", g), Line: i + 1}, "e")
				if i%10 == 0 {
					_ = l.HasErrors()
					_ = l.All()
				}
			}
		})
	}
	wg.Wait()
	if got := len(l.All()); got != 800 {
		t.Errorf("All() holds %d diagnostics, want 800", got)
	}
}
