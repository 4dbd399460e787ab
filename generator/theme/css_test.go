package theme

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var cssComment = regexp.MustCompile(`(?s)/\*.*?\*/`)

// cssProblems lists what the stylesheet uses that Chromium 110 (the
// engine of many government desktops' browsers) does not know: CSS
// nesting, :has() and container queries. It also reports unbalanced
// braces, which make a browser drop every rule after them.
func cssProblems(src string) []string {
	src = cssComment.ReplaceAllString(src, "")
	var out []string
	for _, bad := range []string{":has(", "@container", "container-type", "container-name"} {
		if strings.Contains(src, bad) {
			out = append(out, "uses "+bad)
		}
	}
	// Each open block is an at-rule that may hold rules (@media,
	// @supports), @page (which holds margin boxes) or a style rule.
	var stack []string
	start := 0
	for i, c := range src {
		switch c {
		case '{':
			prelude := strings.TrimSpace(src[start:i])
			kind := "rule"
			switch {
			case strings.HasPrefix(prelude, "@media"), strings.HasPrefix(prelude, "@supports"):
				kind = "group"
			case strings.HasPrefix(prelude, "@page"):
				kind = "page"
			case strings.HasPrefix(prelude, "@"):
				kind = "at"
			}
			if n := len(stack); n > 0 {
				parent := stack[n-1]
				ok := parent == "group" || (parent == "page" && strings.HasPrefix(prelude, "@"))
				if !ok {
					out = append(out, "nested rule "+prelude)
				}
			}
			stack = append(stack, kind)
			start = i + 1
		case '}':
			if len(stack) == 0 {
				out = append(out, "unbalanced } near "+strings.TrimSpace(src[max(0, i-40):i]))
			} else {
				stack = stack[:len(stack)-1]
			}
			start = i + 1
		case ';':
			start = i + 1
		}
	}
	if len(stack) > 0 {
		out = append(out, "unclosed block")
	}
	return out
}

func TestStylesheetWorksInChromium110(t *testing.T) {
	files, _ := filepath.Glob("../../themes/default/assets/*.css")
	if len(files) == 0 {
		t.Fatal("no stylesheet found")
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range cssProblems(string(src)) {
			t.Errorf("%s: %s", f, p)
		}
	}
}

func TestCSSCheckerSeesProblems(t *testing.T) {
	src := `a { color: red; & b { x: y } }
.x:has(.y) { }
@container (min-width: 1px) { }
@media print { @page { @bottom-center { content: "1" } } .a { b: c } }
}`
	got := strings.Join(cssProblems(src), "\n")
	for _, want := range []string{"nested rule & b", "uses :has(", "uses @container", "unbalanced }"} {
		if !strings.Contains(got, want) {
			t.Errorf("missed %q; got:\n%s", want, got)
		}
	}
	if strings.Contains(got, "bottom-center") || strings.Contains(got, "nested rule .a") {
		t.Errorf("a margin box or a rule inside @media is fine; got:\n%s", got)
	}
}
