package markdown

import (
	"strings"
	"testing"
)

func TestGuardrailsForEditorsSlips(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"plural", "正文。\n\n```charts\ntype = \"line\"\n```\n", []string{":3:4: unknown block \"charts\", which would be published as code; did you mean ```chart?"}},
		{"capital", "```Chart\n```\n", []string{":1:4: unknown block \"Chart\", which would be published as code; did you mean ```chart?"}},
		{"kpis", "```kpis\n```\n", []string{":1:4: unknown block \"kpis\", which would be published as code; did you mean ```kpi?"}},
		{"typo", "```tabel\n```\n", []string{":1:4: unknown block \"tabel\", which would be published as code; did you mean ```table?"}},
		{"code stays code", "```bash\nls\n```\n\n```toml\na = 1\n```\n\n```api\n```\n", nil},
		{"full-width braces", "成员单位｛｛talent.xss｝｝家。\n", []string{":1:5: warning: full-width ｛｛ is published as text; write {{ with ASCII braces to insert a value"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, got := convert(t, tt.src, "zh", 1)
			want := ""
			if tt.want != nil {
				want = testFile + strings.Join(tt.want, "\n"+testFile)
			}
			if got != want {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
		})
	}
}
