package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

var tinySite = map[string]string{
	"site.toml":                 "title = \"T\"\nbaseURL = \"/r/\"\n\n[charts]\necharts = \"e.js\"\n",
	"e.js":                      "window.echarts = {};\n",
	"content/metrics.toml":      "[[group]]\nid = \"g\"\nname = \"组\"\n\n[[metric]]\nid = \"g.m\"\nname = \"指标\"\nunit = \"个\"\n",
	"content/2025/metrics.toml": "[g]\nm = 3\n",
	"content/2025/01-a.md":      "+++\ntitle = \"A\"\n+++\n共{{g.m}}。\n",
}

func TestBuildCommand(t *testing.T) {
	dir := writeFiles(t, tinySite)
	out := filepath.Join(t.TempDir(), "site")
	var stdout, stderr bytes.Buffer
	code := run([]string{"build", "--site", dir, "--out", out}, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr.String())
	}
	if !strings.HasPrefix(stdout.String(), "built 8 pages, 1 charts, 1 languages") {
		t.Errorf("stdout = %q", stdout.String())
	}
	page, err := os.ReadFile(filepath.Join(out, "2025", "a", "index.html"))
	if err != nil || !strings.Contains(string(page), ">3 个<") {
		t.Errorf("page: %v\n%s", err, page)
	}
}

func TestBuildErrorsGoToStderrWithStatus1(t *testing.T) {
	files := map[string]string{}
	for k, v := range tinySite {
		files[k] = v
	}
	files["content/2025/01-a.md"] = "+++\ntitle = \"A\"\n+++\n共{{g.x}}，{{g.m:change}}。\n"
	dir := writeFiles(t, files)
	var stdout, stderr bytes.Buffer
	code := run([]string{"build", "--site", dir, "--out", filepath.Join(t.TempDir(), "o")}, &stdout, &stderr)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	want := "content/2025/01-a.md:4:2: unknown metric \"g.x\"; did you mean \"g.m\"?\n" +
		"content/2025/01-a.md:4:10: no value for \"g.m\" in 2024, so there is no change to show for 2025\n" +
		"build failed: 2 error(s); the output folder was not changed\n"
	if stderr.String() != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", stderr.String(), want)
	}
	if stdout.Len() != 0 {
		t.Errorf("stdout: %q", stdout.String())
	}
}

func TestUsage(t *testing.T) {
	for _, tt := range []struct {
		args []string
		code int
		in   string
	}{
		{nil, 2, "Usage:"},
		{[]string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{[]string{"build", "--nope"}, 2, "flag provided but not defined: -nope"},
		{[]string{"build", "extra"}, 2, `unexpected argument "extra"`},
		{[]string{"build", "--site", "/nonexistent"}, 1, "site.toml: cannot read the site settings"},
	} {
		var stdout, stderr bytes.Buffer
		code := run(tt.args, &stdout, &stderr)
		if code != tt.code || !strings.Contains(stderr.String(), tt.in) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", tt.args, code, stderr.String(), tt.code, tt.in)
		}
	}
}

func TestVersion(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"version"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d", code)
	}
	if !strings.HasPrefix(stdout.String(), "nianbao ") || !strings.Contains(stdout.String(), "ECharts") {
		t.Errorf("version: %q", stdout.String())
	}
}
