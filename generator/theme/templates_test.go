package theme

import "testing"

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
