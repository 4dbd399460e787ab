package serve

import (
	"fmt"
	"io"
	"maps"
	"strings"
	"testing"
)

// TestTheErrorPageShowsAtMost100Errors: the page says how many errors
// there are, lists the first 100 and counts the rest.
func TestTheErrorPageShowsAtMost100Errors(t *testing.T) {
	files := maps.Clone(tinySite)
	var b strings.Builder
	b.WriteString("+++\ntitle = \"A\"\n+++\n")
	for i := range 130 {
		fmt.Fprintf(&b, "{{g.x%03d}}\n\n", i)
	}
	files["content/2025/01-a.md"] = b.String()
	siteURL := startServe(t, writeFiles(t, files), io.Discard)
	code, page := get(t, siteURL)
	if code != 500 || strings.Count(page, "<li>") != 100 || !strings.Contains(page, "<h1>The site has 130 error(s)</h1>") ||
		!strings.Contains(page, `<p class="more">… and 30 more errors</p>`) {
		t.Errorf("error page: %d, %d items:\n%s", code, strings.Count(page, "<li>"), page[:min(len(page), 600)])
	}
}
