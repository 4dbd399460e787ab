package content

import (
	"strings"
	"testing"

	"nianbao/generator/diag"
)

// FuzzParsePage splits arbitrary files into front matter and body: no
// panic, problems positioned in the file, and the body's first line where
// the file says.
func FuzzParsePage(f *testing.F) {
	for _, seed := range []string{
		"+++\ntitle = \"A\"\nweight = 2\n+++\n正文\n",
		"---\ntitle: x\n---\n",
		"+++\ntitle = \"A\"\n",
		"+++\r\ntitle = \"A\"\r\n+++\r\nbody",
		"\ufeff+++\ntitle = 1\n+++\n",
		"no front matter",
	} {
		f.Add(seed)
	}
	o := Options{Default: "zh", Extra: []string{"en"}}
	f.Fuzz(func(t *testing.T, src string) {
		var l diag.List
		p := parsePage("content/2025/01-a.md", "zh", []byte(src), o, &l)
		lines := strings.Count(src, "\n") + 1
		for _, d := range l.All() {
			if d.Pos.Line < 0 || d.Pos.Line > lines {
				t.Errorf("%q: %v is outside the file", src, d)
			}
		}
		if p.BodyLine < 1 || p.BodyLine > lines+1 {
			t.Errorf("%q: body starts at line %d of %d", src, p.BodyLine, lines)
		}
	})
}
