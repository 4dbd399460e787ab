package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestUnknownCommandSuggestsTheNearest(t *testing.T) {
	for _, tc := range []struct{ args, want string }{
		{"server", `nianbao: unknown command "server"; did you mean "serve"?`},
		{"buidl", `nianbao: unknown command "buidl"; did you mean "build"?`},
		{"chek", `nianbao: unknown command "chek"; did you mean "check"?`},
		{"data templat", `nianbao data: unknown command "templat"; did you mean "template"?`},
		{"publish", `nianbao: unknown command "publish"`},
	} {
		var out, errb bytes.Buffer
		if code := run(strings.Fields(tc.args), &out, &errb); code != 2 {
			t.Errorf("%s: exit %d", tc.args, code)
		}
		if first := strings.SplitN(errb.String(), "\n", 2)[0]; first != tc.want {
			t.Errorf("%s: %q, want %q", tc.args, first, tc.want)
		}
	}
}

// TestDataCommandsRoundTrip runs the data staff's commands as the README
// tells them: template, import, then check --strict failing on a value
// that changed by more than a factor of 5.
func TestDataCommandsRoundTrip(t *testing.T) {
	files := map[string]string{}
	for k, v := range tinySite {
		files[k] = v
	}
	files["content/2024/metrics.toml"] = "[g]\nm = 2\n"
	dir := writeFiles(t, files)
	xlsx := filepath.Join(t.TempDir(), "2025-metrics.xlsx")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"data", "template", "2025", "--site", dir, "--out", xlsx}, &stdout, &stderr); code != 0 {
		t.Fatalf("template: exit %d\n%s", code, stderr.String())
	}
	csv := filepath.Join(t.TempDir(), "2025.csv")
	os.WriteFile(csv, []byte("metric,year,value\ng.m,2025,30\n"), 0o644)
	stdout.Reset()
	stderr.Reset()
	if code := run([]string{"data", "import", csv, "--year", "2025", "--site", dir}, &stdout, &stderr); code != 0 {
		t.Fatalf("import: exit %d\n%s", code, stderr.String())
	}
	if want := csv + ":2: warning: g.m changed from 2 in 2024 to 30: more than a factor of 5\n"; stderr.String() != want {
		t.Errorf("import stderr %q, want %q", stderr.String(), want)
	}
	if want := "wrote content/2025/metrics.toml: 1 values, 0 notes; run nianbao check next\n"; stdout.String() != want {
		t.Errorf("import stdout %q", stdout.String())
	}
	stderr.Reset()
	if code := run([]string{"check", "--site", dir, "--strict"}, &stdout, &stderr); code != 1 {
		t.Errorf("check --strict: exit %d, want 1", code)
	}
	if want := "content/2025/metrics.toml:4:5: warning: g.m changed from 2 in 2024 to 30: more than a factor of 5"; !strings.Contains(stderr.String(), want) {
		t.Errorf("check stderr:\n%s\nwant a line %s", stderr.String(), want)
	}
	stderr.Reset()
	if code := run([]string{"data", "import", csv, "--site", dir}, &stdout, &stderr); code != 2 {
		t.Errorf("import without --year: exit %d, want 2", code)
	}
}
