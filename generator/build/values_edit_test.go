package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// What the site makes once for a set of values (the scorecards, the print
// editions' data appendix) is made again when serve takes new values.
func TestAValueEditShowsInTheScorecardAndAppendix(t *testing.T) {
	s, dir := startSession(t, "basic")
	const file = "content/2025/metrics.toml"
	edit(t, dir, file, func(s string) string {
		return strings.Replace(s, "order_class_students = 1380", "order_class_students = 1520", 1)
	})
	if r := s.Rebuild([]string{file}); r.Err != nil || r.Full {
		t.Fatalf("rebuild: full %v, %v", r.Full, r.Err)
	}
	if r := s.Settle(); r.Err != nil {
		t.Fatal(r.Err)
	}
	for _, page := range []string{"2025/index.html", "2025/print/index.html", "en/2025/index.html", "en/2025/print/index.html"} {
		data, err := os.ReadFile(filepath.Join(s.Root(), page))
		if err != nil {
			t.Fatal(err)
		}
		h := string(data)
		card := h[strings.Index(h, `<section class="scorecard"`):]
		card = card[:strings.Index(card, "</section>")]
		if !strings.Contains(card, "1,520") || strings.Contains(card, "1,380") {
			t.Errorf("%s: the scorecard does not show the new value:\n%s", page, card)
		}
		if strings.Contains(page, "print") {
			appendix := h[strings.Index(h, `id="appendix"`):]
			if !strings.Contains(appendix, "1,520") || strings.Contains(appendix, "1,380") {
				t.Errorf("%s: the data appendix does not show the new value", page)
			}
		}
	}
	sameAsFullBuild(t, s, dir)
}
