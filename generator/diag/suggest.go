package diag

import "fmt"

// DidYouMean returns `; did you mean "x"?` for the candidate closest to s
// when it is a likely typo of it (see Closest), else "".
func DidYouMean(s string, candidates []string) string {
	if c := Closest(s, candidates, len([]rune(s))/2+1); c != "" {
		return fmt.Sprintf("; did you mean %q?", c)
	}
	return ""
}

// Closest returns the candidate nearest to s when it is a likely typo of
// it (at most maxDist edits, and fewer edits than its length), else "".
func Closest(s string, candidates []string, maxDist int) string {
	best, bestD := "", maxDist+1
	for _, c := range candidates {
		if d := distance(s, c); d < bestD && d < len([]rune(c)) {
			best, bestD = c, d
		}
	}
	return best
}

// distance is the Levenshtein distance between a and b, in characters.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
