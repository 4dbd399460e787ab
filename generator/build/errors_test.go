package build

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"nianbao/generator/diag"
)

// errorCases each break the basic fixture site in one way and name every
// error the build must report, in order.
var errorCases = []struct {
	name    string
	changes map[string]string
	want    []string
}{
	{
		name:    "unknown metric in year values",
		changes: map[string]string{"content/2025/metrics.toml": "[talent]\norder_class_students = 1380\nplacement_rate = 93.2\nstudent_teacher_ratio = 18.4\nx = 1\n\n[operation]\noperating_funds = 1480\nmember_units = 86\n"},
		want:    []string{`content/2025/metrics.toml:5:1: unknown metric "talent.x" in group "talent"`},
	},
	{
		name:    "unknown group",
		changes: map[string]string{"content/2024/metrics.toml": "[talent]\norder_class_students = 1228\nplacement_rate = 91.1\nstudent_teacher_ratio = 19.2\n\n[operations]\noperating_funds = 1160\n"},
		// Missing values in a year whose file has problems are not
		// reported again where they are used.
		want: []string{`content/2024/metrics.toml:6:1: unknown group "operations"; did you mean "operation"?`},
	},
	{
		name:    "value is not a number",
		changes: map[string]string{"content/2024/metrics.toml": "[talent]\norder_class_students = \"1228\"\nplacement_rate = 91.1\nstudent_teacher_ratio = 19.2\n\n[operation]\noperating_funds = 1160\n"},
		// The references to the value are not reported a second time.
		want: []string{`content/2024/metrics.toml:2:24: value of "talent.order_class_students" must be a number, not a string`},
	},
	{
		name:    "duplicate key",
		changes: map[string]string{"content/2024/metrics.toml": "[talent]\norder_class_students = 1228\norder_class_students = 1229\nplacement_rate = 91.1\nstudent_teacher_ratio = 19.2\n\n[operation]\noperating_funds = 1160\n"},
		want:    []string{`content/2024/metrics.toml:3:1: duplicate key "order_class_students"`},
	},
	{
		name:    "malformed TOML",
		changes: map[string]string{"content/2024/metrics.toml": "[talent\norder_class_students = 1228\n"},
		want:    []string{`content/2024/metrics.toml:1:8: invalid TOML: expected '.' or ']' to end table name, but got '\n'`},
	},
	{
		name:    "unknown front matter field",
		changes: map[string]string{"content/2024/01-talent.md": "+++\ntitle = \"人才培养\"\nauthor = \"秘书处\"\n+++\n正文。\n"},
		want:    []string{`content/2024/01-talent.md:3:1: unknown field "author" in front matter; expected one of: draft, summary, summary_<lang>, title, title_<lang>, weight`},
	},
	{
		name:    "YAML front matter",
		changes: map[string]string{"content/2024/01-talent.md": "---\ntitle: 人才培养\n---\n正文。\n"},
		want:    []string{`content/2024/01-talent.md:1:1: front matter must be TOML between +++ lines; YAML front matter (---) is not supported`},
	},
	{
		name:    "folder under content that is not a year",
		changes: map[string]string{"content/2025-draft/01-a.md": "+++\ntitle = \"A\"\n+++\n"},
		want:    []string{`content/2025-draft: folder "2025-draft" under content/ is not a four-digit year; rename it (such as content/2025) or start its name with _ to ignore it`},
	},
	{
		name:    "unknown metric in an inline reference",
		changes: map[string]string{"content/2024/01-talent.md": "+++\ntitle = \"人才培养\"\n+++\n第一行。\n订单班学生{{talent.order_class}}。\n"},
		want:    []string{`content/2024/01-talent.md:5:6: unknown metric "talent.order_class"; did you mean "talent.order_class_students"?`},
	},
	{
		name:    "missing value",
		changes: map[string]string{"content/2024/01-talent.md": "+++\ntitle = \"人才培养\"\n+++\n成员单位{{operation.member_units}}。\n"},
		want:    []string{`content/2024/01-talent.md:4:5: no value for "operation.member_units" in 2024`},
	},
	{
		name:    "change without a previous year",
		changes: map[string]string{"content/2024/01-talent.md": "+++\ntitle = \"人才培养\"\n+++\n增长{{talent.order_class_students:change}}。\n"},
		want:    []string{`content/2024/01-talent.md:4:3: no value for "talent.order_class_students" in 2023, so there is no change to show for 2024`},
	},
	{
		name:    "target not set",
		changes: map[string]string{"content/2024/01-talent.md": "+++\ntitle = \"人才培养\"\n+++\n目标{{talent.order_class_students:target}}。\n"},
		want:    []string{`content/2024/01-talent.md:4:3: no target for "talent.order_class_students" in 2024 (targets are set for 2025)`},
	},
	{
		name:    "bad chart type",
		changes: map[string]string{"content/2024/01-talent.md": "+++\ntitle = \"人才培养\"\n+++\n正文。\n\n```chart\ntype = \"area\"\nmetrics = [\"talent.order_class_students\"]\n```\n"},
		want:    []string{`content/2024/01-talent.md:7:8: unknown chart type "area"; expected line, bar, stacked-bar, horizontal-bar, pie, donut, radar, gauge`},
	},
	{
		name:    "bad block TOML",
		changes: map[string]string{"content/2024/01-talent.md": "+++\ntitle = \"人才培养\"\n+++\n正文。\n\n```kpi\nmetrics = [\"talent.order_class_students\"\n```\n"},
		want:    []string{`content/2024/01-talent.md:7:41: invalid TOML: expected a comma (',') or array terminator (']'), but got end of file`},
	},
	{
		name:    "unknown metric in a block",
		changes: map[string]string{"content/2024/01-talent.md": "+++\ntitle = \"人才培养\"\n+++\n```chart\ntype = \"line\"\nmetrics = [\"talent.order_class_students\", \"talent.nope\"]\n```\n"},
		want:    []string{`content/2024/01-talent.md:6:43: unknown metric "talent.nope"`},
	},
	{
		name:    "section without a title",
		changes: map[string]string{"content/2024/01-talent.md": "正文。\n"},
		want:    []string{`content/2024/01-talent.md:1:1: section has no title; add title = "…" to its front matter`},
	},
	{
		name:    "unknown setting in site.toml",
		changes: map[string]string{"site.toml": "title = \"T\"\nbaseURL = \"/\"\nlanguage = \"zh\"\nthme = \"default\"\n\n[languages.en]\ntitle = \"T\"\n\n[charts]\necharts = \"vendor/echarts.min.js\"\n"},
		want:    []string{`site.toml:4:1: unknown field "thme" in site.toml; did you mean "theme"?`},
	},
	{
		name:    "unknown metric field in the catalogue",
		changes: map[string]string{"content/metrics.toml": "[[group]]\nid = \"talent\"\nname = \"人才培养\"\n\n[[metric]]\nid = \"talent.order_class_students\"\nname = \"订单班学生\"\nunits = \"人\"\n"},
		want:    nil, // checked by prefix below
	},
}

// TestABrokenMetricDefinitionIsReportedOnce breaks one metric's id in the
// catalogue: its values and references are not reported again as unknown.
func TestABrokenMetricDefinitionIsReportedOnce(t *testing.T) {
	a := readArchive(t, "sites/basic.txtar")
	cat := strings.Replace(string(a.files["content/metrics.toml"]), `id = "talent.order_class_students"`, `id = "talent.Order_class_students"`, 1)
	_, _, err := buildArchive(t, "basic", map[string]string{"content/metrics.toml": cat}, Options{})
	want := `content/metrics.toml:12:6: metric id "talent.Order_class_students" must be <group>.<key> in lowercase letters, digits and _`
	if got := strings.Join(messages(err), "\n"); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestErrorsNameFileLineAndColumn(t *testing.T) {
	for _, tc := range errorCases {
		if tc.want == nil {
			continue
		}
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := buildArchive(t, "basic", tc.changes, Options{})
			got := messages(err)
			if len(got) != len(tc.want) {
				t.Fatalf("got %d errors, want %d:\n%s", len(got), len(tc.want), strings.Join(got, "\n"))
			}
			for i := range got {
				ok := got[i] == tc.want[i]
				if strings.HasSuffix(tc.want[i], ": ") { // a library's wording follows
					ok = strings.HasPrefix(got[i], tc.want[i])
				}
				if !ok {
					t.Errorf("error %d:\n got: %s\nwant: %s", i, got[i], tc.want[i])
				}
			}
		})
	}
}

func messages(err error) []string {
	var list diag.ErrorList
	if !errors.As(err, &list) {
		if err == nil {
			return nil
		}
		return []string{"not a diag.ErrorList: " + err.Error()}
	}
	out := make([]string, len(list))
	for i, d := range list {
		out[i] = d.Error()
	}
	return out
}

// TestEveryErrorInOneRun breaks several files at once: one build reports
// them all, sorted by file and line.
func TestEveryErrorInOneRun(t *testing.T) {
	// Cases that break four different files: settings, a folder, a values
	// file and a section.
	names := []string{"unknown setting in site.toml", "folder under content that is not a year",
		"unknown metric in year values", "unknown front matter field"}
	changes := map[string]string{}
	var want []string
	for _, tc := range errorCases {
		if slices.Contains(names, tc.name) {
			for k, v := range tc.changes {
				changes[k] = v
			}
			want = append(want, tc.want...)
		}
	}
	if len(want) != len(names) {
		t.Fatalf("found %d of the %d cases", len(want), len(names))
	}
	_, _, err := buildArchive(t, "basic", changes, Options{})
	got := messages(err)
	slices.Sort(want) // one run reports them all, sorted by file and line
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestFailedBuildLeavesOutputUntouched builds once, then breaks the site:
// the second build fails and the first build's files are all still there,
// byte for byte, with nothing added beside them.
func TestFailedBuildLeavesOutputUntouched(t *testing.T) {
	a := readArchive(t, "sites/basic.txtar")
	dir := writeSite(t, a, nil)
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	if _, err := Run(Options{Site: dir, Out: out}); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, out)
	for _, tc := range errorCases {
		broken := writeSite(t, a, tc.changes)
		if _, err := Run(Options{Site: broken, Out: out}); err == nil {
			t.Fatalf("%s: build succeeded", tc.name)
		}
		after := readTree(t, out)
		if len(after) != len(before) {
			t.Fatalf("%s: output has %d files, had %d", tc.name, len(after), len(before))
		}
		for p, data := range before {
			if string(after[p]) != string(data) {
				t.Fatalf("%s: %s changed", tc.name, p)
			}
		}
	}
	entries, _ := os.ReadDir(parent)
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("left beside the output: %v", names)
	}
}

func TestCatalogueFieldErrors(t *testing.T) {
	_, _, err := buildArchive(t, "basic", errorCases[len(errorCases)-1].changes, Options{})
	want := `content/metrics.toml:8:1: unknown field "units" in [[metric]]`
	for _, m := range messages(err) {
		if strings.HasPrefix(m, want) {
			return
		}
	}
	t.Errorf("no error starting %q in %q", want, messages(err))
}

func TestAFolderOfOtherFilesKeepsThem(t *testing.T) {
	a := readArchive(t, "sites/basic.txtar")
	dir := writeSite(t, a, nil)
	out := t.TempDir()
	os.WriteFile(filepath.Join(out, "thesis.docx"), []byte("precious"), 0o644)
	if _, err := Run(Options{Site: dir, Out: out}); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(filepath.Join(out, "thesis.docx")); string(data) != "precious" {
		t.Error("the folder's own file was changed")
	}
}
