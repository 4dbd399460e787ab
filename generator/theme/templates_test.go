package theme

import (
	"html/template"
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
	n := 0
	th.cache.Range(func(any, any) bool { n++; return true })
	if n != 1 {
		t.Errorf("the cache holds %d entries, want 1", n)
	}
}
