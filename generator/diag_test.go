package main

import (
	"bytes"
	"fmt"
	"maps"
	"path/filepath"
	"strings"
	"testing"
)

// TestAtMost100ErrorsArePrinted makes 150 errors: build and check print
// the first 100 and count the rest.
func TestAtMost100ErrorsArePrinted(t *testing.T) {
	files := maps.Clone(tinySite)
	var b strings.Builder
	b.WriteString("+++\ntitle = \"A\"\n+++\n")
	for i := range 150 {
		fmt.Fprintf(&b, "{{g.x%03d}}\n\n", i)
	}
	files["content/2025/01-a.md"] = b.String()
	dir := writeFiles(t, files)
	for _, args := range [][]string{
		{"build", "--site", dir, "--out", filepath.Join(t.TempDir(), "o")},
		{"check", "--site", dir},
	} {
		var stdout, stderr bytes.Buffer
		if code := run(args, &stdout, &stderr); code != 1 {
			t.Errorf("%s: exit %d", args[0], code)
		}
		lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
		var errs []string
		for _, l := range lines {
			if strings.HasPrefix(l, "content/2025/01-a.md:") {
				errs = append(errs, l)
			}
		}
		if len(errs) != 100 || !strings.HasPrefix(errs[99], "content/2025/01-a.md:202:1: unknown metric \"g.x099\"") {
			t.Errorf("%s printed %d errors, the last %q", args[0], len(errs), errs[len(errs)-1])
		}
		if !strings.Contains(stderr.String(), "\n… and 50 more errors\n") {
			t.Errorf("%s: no count of the rest:\n%s", args[0], lines[len(lines)-2:])
		}
	}
}

// TestABrokenFileOthersDependOnIsReportedAlone breaks site.toml, then the
// catalogue, in a site whose pages use them: the real error is printed
// first, with the errors that do not depend on it (a translation into a
// language site.toml does not configure) and none that only follow from
// it (every reference, chart and value).
func TestABrokenFileOthersDependOnIsReportedAlone(t *testing.T) {
	for _, tt := range []struct{ file, text, want string }{
		{"site.toml", "title = \"T\nbaseURL = \"/r/\"\n", "site.toml:1:11: invalid TOML: strings cannot contain newlines\n" +
			"build failed: 1 error(s); the output folder was not changed"},
		{"content/metrics.toml", "[[group]]\nid = \"g\"\nname = \"组\"\n\n[[metric]]\nid = \"g.m\nname = \"指标\"\n", "content/metrics.toml:6:10: invalid TOML: strings cannot contain newlines\n" +
			"content/2025/01-a.en.md: language \"en\" is not configured in site.toml (add [languages.en] or rename the file)\n" +
			"build failed: 2 error(s); the output folder was not changed"},
	} {
		files := maps.Clone(tinySite)
		files["content/2025/01-a.en.md"] = "+++\ntitle = \"A\"\n+++\n{{g.m}}\n"
		files["content/2025/02-b.md"] = "+++\ntitle = \"B\"\n+++\n{{g.m:change}} {{g.m}}\n\n```chart\ntype = \"line\"\nmetrics = [\"g.m\"]\n```\n"
		files[tt.file] = tt.text
		dir := writeFiles(t, files)
		var stdout, stderr bytes.Buffer
		if code := run([]string{"build", "--site", dir, "--out", filepath.Join(t.TempDir(), "o")}, &stdout, &stderr); code != 1 {
			t.Errorf("%s: exit %d", tt.file, code)
		}
		if got := strings.TrimSpace(stderr.String()); got != tt.want {
			t.Errorf("broken %s:\n%s\nwant:\n%s", tt.file, got, tt.want)
		}
	}
}
