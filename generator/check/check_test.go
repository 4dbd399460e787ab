package check

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/generator/build"
)

// warningSite has one of each warning kind and no error.
var warningSite = map[string]string{
	"site.toml": "title = \"T\"\nbaseURL = \"https://example.org/r/\"\n\n[languages.en]\ntitle = \"T\"\n\n[charts]\necharts = \"e.js\"\n",
	"e.js":      "window.echarts = {};\n",
	"content/metrics.toml": "[[group]]\nid = \"g\"\nname = \"组\"\n\n" +
		"[[metric]]\nid = \"g.m\"\nname = \"指标\"\nunit = \"个\"\n\n" +
		"[[metric]]\nid = \"g.unset\"\nname = \"未填\"\n",
	"content/2025/metrics.toml": "[g]\nm = 3\n",
	"content/2025/01-a.md":      "+++\ntitle = \"A\"\n+++\n## 第一节\n\n共{{g.m}}。见[乙](../b/#第二节)、[无此页](../nope/)、\n[无此锚](../b/#nowhere)和[本页](#第一节)。\n\nTODO: 撰写本段\n",
	"content/2025/01-a.en.md":   "+++\ntitle = \"A\"\n+++\nSee [home](/r/en/).\n",
	"content/2025/02-b.md":      "+++\ntitle = \"B\"\n+++\n## 第二节\n\n乙。\n",
}

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

func TestCheckFindsEachKindOfWarning(t *testing.T) {
	dir := writeFiles(t, warningSite)
	l, err := Run(build.Options{Site: dir})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range l.All() {
		got = append(got, d.Error())
	}
	want := []string{
		`content/2025/01-a.md:6:32: warning: broken link "../nope/": the site has no /r/2025/nope/`,
		`content/2025/01-a.md:7:7: warning: broken link "../b/#nowhere": /r/2025/b/ has no element with id "nowhere"`,
		`content/2025/01-a.md:9:1: warning: TODO left by "nianbao new": write this paragraph, or delete the line`,
		`content/2025/02-b.md: warning: not translated into "en": the en site shows this text in "zh" (add content/2025/02-b.en.md)`,
		`content/metrics.toml:11:6: warning: metric "g.unset" has no value in 2025, the latest report (add it under [g] in content/2025/metrics.toml)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\n\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); err == nil {
		t.Error("check wrote public/")
	}
}

func TestCheckReportsBuildErrors(t *testing.T) {
	files := map[string]string{}
	for k, v := range warningSite {
		files[k] = v
	}
	files["content/2025/02-b.md"] = "+++\ntitle = \"B\"\n+++\n{{g.x}}\n"
	l, err := Run(build.Options{Site: writeFiles(t, files)})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range l.Errors() {
		got = append(got, d.Error())
	}
	if want := `content/2025/02-b.md:4:1: unknown metric "g.x"; did you mean "g.m"?`; strings.Join(got, "\n") != want {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), want)
	}
}
