package markdown

import (
	"bufio"
	"bytes"
	"testing"

	"github.com/yuin/goldmark/renderer/html"
)

var textSeeds = []string{
	"", "订单班学生", "plain text", "a<b", "a>b", "a&b", `a"b`, "a\x00b", `a\*b`, `\\`, "&amp;", "&#x22;", "&#1234;", "&copy; x",
	"末尾\\", "&", "&#", "&#x", "'single'", "{{x}}", "\xff\xfe", "<script>alert(1)</script>",
}

// TestTextIsWrittenAsGoldmarkWritesIt holds textWriter to goldmark's own
// writer, byte for byte.
func TestTextIsWrittenAsGoldmarkWritesIt(t *testing.T) {
	for _, s := range textSeeds {
		sameText(t, s)
	}
	for c := range 256 {
		sameText(t, "字"+string([]byte{byte(c)})+"x")
	}
}

func FuzzTextWriter(f *testing.F) {
	for _, s := range textSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { sameText(t, s) })
}

func sameText(t *testing.T, s string) {
	t.Helper()
	write := func(w html.Writer, raw bool) string {
		var b bytes.Buffer
		out := bufio.NewWriter(&b)
		if raw {
			w.RawWrite(out, []byte(s))
		} else {
			w.Write(out, []byte(s))
		}
		out.Flush()
		return b.String()
	}
	ours := textWriter{html.DefaultWriter}
	for _, raw := range []bool{false, true} {
		if got, want := write(ours, raw), write(html.DefaultWriter, raw); got != want {
			t.Errorf("%q (raw %v): %q, want %q", s, raw, got, want)
		}
	}
}
