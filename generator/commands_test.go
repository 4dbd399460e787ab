package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestCheckExitsNonZeroOnlyOnErrorsOrWhenStrict(t *testing.T) {
	warn := map[string]string{}
	for k, v := range tinySite {
		warn[k] = v
	}
	warn["content/2025/01-a.md"] = "+++\ntitle = \"A\"\n+++\n共{{g.m}}。\n\nTODO: 撰写本段\n"
	bad := map[string]string{}
	for k, v := range warn {
		bad[k] = v
	}
	bad["content/2025/02-b.md"] = "+++\ntitle = \"B\"\n+++\n{{g.x}}\n"
	todo := `content/2025/01-a.md:6:1: warning: TODO left by "nianbao new": write this paragraph, or delete the line` + "\n"
	for _, tt := range []struct {
		name   string
		files  map[string]string
		args   []string
		code   int
		stderr string
		stdout string
	}{
		{"clean", tinySite, nil, 0, "", "checked: 0 error(s), 0 warning(s)\n"},
		{"warnings", warn, nil, 0, todo, "checked: 0 error(s), 1 warning(s)\n"},
		{"strict", warn, []string{"--strict"}, 1, todo, "checked: 0 error(s), 1 warning(s)\n"},
		{"errors", bad, nil, 1, todo + `content/2025/02-b.md:4:1: unknown metric "g.x"; did you mean "g.m"?` + "\n", "checked: 1 error(s), 1 warning(s)\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeFiles(t, tt.files)
			var stdout, stderr bytes.Buffer
			code := run(append([]string{"check", "--site", dir}, tt.args...), &stdout, &stderr)
			if code != tt.code || stderr.String() != tt.stderr || stdout.String() != tt.stdout {
				t.Errorf("exit %d, stdout %q, stderr:\n%s\nwant exit %d, stdout %q, stderr:\n%s", code, stdout.String(), stderr.String(), tt.code, tt.stdout, tt.stderr)
			}
			if _, err := os.Stat(filepath.Join(dir, "public")); err == nil {
				t.Error("check wrote public/")
			}
		})
	}
}

func TestNewYearBuildsWithTodoWarnings(t *testing.T) {
	dir := writeFiles(t, tinySite)
	var stdout, stderr bytes.Buffer
	if code := run([]string{"new", "2026", "--site", dir}, &stdout, &stderr); code != 0 {
		t.Fatalf("new: exit %d\n%s", code, stderr.String())
	}
	want := "created content/2026/01-a.md\ncreated content/2026/_index.md\ncreated content/2026/metrics.toml\n"
	if stdout.String() != want {
		t.Errorf("new: stdout\n%s\nwant\n%s", stdout.String(), want)
	}
	// The new report is a draft: not published until its draft line goes.
	stdout.Reset()
	stderr.Reset()
	out := filepath.Join(t.TempDir(), "o")
	if code := run([]string{"build", "--site", dir, "--out", out}, &stdout, &stderr); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, stderr.String())
	}
	if _, err := os.Stat(filepath.Join(out, "2026")); err == nil {
		t.Error("the draft report 2026 was published")
	}
	stdout.Reset()
	stderr.Reset()
	if code := run([]string{"build", "--drafts", "--site", dir, "--out", filepath.Join(t.TempDir(), "d")}, &stdout, &stderr); code != 0 {
		t.Fatalf("build --drafts: exit %d\n%s", code, stderr.String())
	}
	if w := `content/2026/01-a.md:5:1: warning: TODO left by "nianbao new"`; !strings.Contains(stderr.String(), w) {
		t.Errorf("build's warnings lack %s:\n%s", w, stderr.String())
	}
	stderr.Reset()
	if code := run([]string{"new", "2026", "--site", dir}, &stdout, &stderr); code != 1 || stderr.String() != "nianbao new: content/2026 exists already; nianbao new never overwrites a year\n" {
		t.Errorf("new again: exit %d, %q", code, stderr.String())
	}
}

func TestNewSiteBuildsAndPassesCheck(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "s")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"new", "site", dir}, &stdout, &stderr); code != 0 {
		t.Fatalf("new site: exit %d\n%s", code, stderr.String())
	}
	if code := run([]string{"check", "--strict", "--site", dir}, &stdout, &stderr); code != 0 {
		t.Fatalf("check: exit %d\n%s", code, stderr.String())
	}
	stderr.Reset()
	if code := run([]string{"new", "site", dir}, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), "is not empty") {
		t.Errorf("new site again: exit %d, %q", code, stderr.String())
	}
}

// TestBinaryBuildsANewSiteFromAnEmptyFolder builds the release binary
// (make build's command) into a temporary folder outside the repository,
// where no node_modules can help it, and builds a new site there.
func TestBinaryBuildsANewSiteFromAnEmptyFolder(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the program")
	}
	bundle, err := os.ReadFile("../node_modules/.nianbao/echarts.min.js")
	if err != nil {
		t.Skip("no ECharts build to embed: run npm ci (make test does)")
	}
	work := t.TempDir()
	for d := work; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "node_modules")); err == nil {
			t.Skipf("%s has node_modules above it", work)
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	bin := filepath.Join(work, "nianbao")
	cmd := exec.Command("go", "build", "-tags", "echarts", "-trimpath", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	nianbao := func(args ...string) string {
		t.Helper()
		cmd := exec.Command(bin, args...)
		cmd.Dir = work
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("nianbao %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	if v := nianbao("version"); !regexp.MustCompile(`^nianbao \S+ \(ECharts 5\.\d+\.\d+\)\n$`).MatchString(v) {
		t.Errorf("version: %q", v)
	}
	nianbao("new", "site", "s")
	if out := nianbao("build", "--site", "s"); !strings.HasPrefix(out, "built ") {
		t.Errorf("build: %q", out)
	}
	assets, _ := filepath.Glob(filepath.Join(work, "s", "public", "assets", "echarts.*.js"))
	if len(assets) != 1 {
		t.Fatalf("assets: %q", assets)
	}
	if got, err := os.ReadFile(assets[0]); err != nil || !bytes.Equal(got, bundle) {
		t.Errorf("%s: %v, %d bytes; want the %d bytes of node_modules/.nianbao/echarts.min.js", assets[0], err, len(got), len(bundle))
	}
}

func TestProgressShowsAfterASecondAndClears(t *testing.T) {
	var buf bytes.Buffer
	p := &progress{w: &buf, start: time.Now()}
	p.report(1, 10)
	if buf.Len() != 0 {
		t.Errorf("shown before a second: %q", buf.String())
	}
	p.start = time.Now().Add(-2 * time.Second)
	p.report(2, 10)
	p.report(3, 10) // within 100ms: skipped
	p.report(10, 10)
	p.clear()
	if want := "\rrendered 2/10 pages\rrendered 10/10 pages\r\033[K"; buf.String() != want {
		t.Errorf("%q, want %q", buf.String(), want)
	}
	if newProgress(&buf, &buf) != nil {
		t.Error("progress on a buffer")
	}
}
