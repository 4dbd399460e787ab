package markdown

import (
	"strings"
	"testing"
	"unicode/utf8"

	"nianbao/generator/diag"
)

// FuzzConvert feeds arbitrary Markdown, with references and blocks, to
// Convert: it must never panic, and every problem must be positioned
// inside the page.
func FuzzConvert(f *testing.F) {
	for _, seed := range []string{
		"订单班学生{{talent.students}}，较上年{{talent.students:change}}。\n",
		"```chart\ntype = \"line\"\nmetrics = [\"talent.students\"]\n```\n",
		"> ```kpi\n> metrics = [\"talent.students\", \"talent.nope\"]\n> ```\n",
		"1. 列表\n\n   ```table\n   metrics = [\"talent.placement\"]\n   years = [2024, 2025]\n   ```\n",
		"## 标题 {{talent.students:name}}\n\n| a | b |\n|---|---|\n| {{talent.students@2024}} | x |\n\n脚注[^1]\n\n[^1]: 注。\n",
		"{{ talent.students:progress }} {{talent.students:target}} {{bad}} {{",
		"```chart\ntype = \"gauge\"\nmetrics = [\"talent.placement\"\n```\n",
	} {
		f.Add(seed)
	}
	data := testData(f)
	f.Fuzz(func(t *testing.T, src string) {
		if !utf8.ValidString(src) {
			return
		}
		var l diag.List
		res := New().Convert(&Page{File: testFile, Src: []byte(src), FirstLine: 3, Year: 2025, Lang: "zh",
			Data: data, T: func(k string) string { return k }, IDPrefix: "s-"}, &l)
		lines := strings.Count(src, "\n") + 3
		for _, d := range l.All() {
			if d.Pos.File != testFile || d.Pos.Line < 3 || d.Pos.Line > lines {
				t.Errorf("%q: diagnostic outside the page: %v", src, d)
			}
		}
		if strings.Contains(string(res.HTML), "<script>") {
			t.Errorf("%q: raw script in output", src)
		}
	})
}
