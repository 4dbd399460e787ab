package theme

import (
	"html/template"
	"strings"
	"testing"
)

func TestPartialCacheKeysKeepTheirKeysApart(t *testing.T) {
	same := [][2][]any{
		{{"zh", "../"}, {"zh", "../"}},
		{{"zh", 2025}, {"zh", 2025}},
	}
	for _, c := range same {
		if a, b := cacheKey("p", c[0]), cacheKey("p", c[1]); a != b {
			t.Errorf("%v and %v: keys %q and %q differ", c[0], c[1], a, b)
		}
	}
	apart := [][2][]any{
		{{"a b", "c"}, {"a", "b c"}},
		{{"zh", "./"}, {"zh.", "/"}},
		{{"zh", 20, 25}, {"zh", 2025}},
		{{"zh", 1}, {"zh", "1", nil}},
		{{"zh", true}, {"zh", "true", "x"}},
	}
	for _, c := range apart {
		if a, b := cacheKey("p", c[0]), cacheKey("p", c[1]); a == b {
			t.Errorf("%v and %v share the key %q", c[0], c[1], a)
		}
	}
}

func TestForgetCachedDropsEveryCachedPartial(t *testing.T) {
	th := &Theme{base: template.Must(template.New("").Parse(`{{define "p"}}{{.Title}}{{end}}`))}
	render := func(title string) template.HTML {
		h, err := th.partialCached("p", &Page{Title: title}, "zh", 2025)
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	if h := render("old"); h != "old" {
		t.Fatalf("first render %q", h)
	}
	if h := render("new"); h != "old" {
		t.Fatalf("a second render with the same keys made %q, not the cached %q", h, "old")
	}
	th.ForgetCached()
	if h := render("new"); h != "new" {
		t.Errorf("after ForgetCached the partial renders %q, want %q", h, "new")
	}
	if n := len(th.cache.m); n != 1 {
		t.Errorf("the cache holds %d entries, want 1", n)
	}
}

// TestMarkCurrentMarksTheFirstExactLink compares markCurrent with the
// plain rule it implements, on hostile URLs: find href="<the URL escaped
// for HTML>" and put aria-current after it. A URL that only starts like
// another's, or appears as text, is not it; a data-href ending in href="
// is, as it was.
func TestMarkCurrentMarksTheFirstExactLink(t *testing.T) {
	rule := func(h, url string) string {
		attr := `href="` + template.HTMLEscapeString(url) + `"`
		i := strings.Index(h, attr)
		if i < 0 {
			return h
		}
		i += len(attr)
		return h[:i] + ` aria-current="page"` + h[i:]
	}
	nav := `<a href="/a/b/">b</a><a href="/a/">a</a><p>/a/</p><a href="/x?q=1&amp;r=&#39;2&#39;">q</a>` +
		`<a href="/%22/">%22</a><a href="">empty</a><a data-href="/c/">c</a><a href="/c/">c</a><a href="/a/">again</a>`
	tests := []struct{ url, want string }{
		{"/a/", `<a href="/a/" aria-current="page">a</a>`},
		{"/a/b/", `<a href="/a/b/" aria-current="page">b</a>`},
		{"/x?q=1&r='2'", `<a href="/x?q=1&amp;r=&#39;2&#39;" aria-current="page">q</a>`},
		{"/%22/", `<a href="/%22/" aria-current="page">%22</a>`},
		{"", `<a href="" aria-current="page">empty</a>`},
		{"/c/", `<a data-href="/c/" aria-current="page">c</a>`}, // the rule's own reading of href=
		{"/a", ""},
		{`/"/`, ""},
		{"/\x00/", ""},
		{"/b/", ""},
	}
	for _, tt := range tests {
		got := string(markCurrent(template.HTML(nav), tt.url))
		if want := rule(nav, tt.url); got != want {
			t.Errorf("markCurrent(%q):\n got %s\nwant %s", tt.url, got, want)
		}
		if tt.want == "" && got != nav {
			t.Errorf("markCurrent(%q) marked a link: %s", tt.url, got)
		}
		if !strings.Contains(got, tt.want) || strings.Count(got, "aria-current") > 1 {
			t.Errorf("markCurrent(%q) = %s, want it to hold %s once", tt.url, got, tt.want)
		}
	}
}
