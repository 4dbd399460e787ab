package charts

import (
	"math"
	"testing"
)

// A scale is a round number at or above the value, however large: a value
// beyond int64 once wrapped round to a negative maximum.
func TestNiceCeil(t *testing.T) {
	for _, c := range []struct{ v, want float64 }{
		{-5, 1}, {0, 1}, {1, 1}, {1.5, 2}, {2, 2}, {3, 5}, {7, 10},
		{86, 100}, {101, 200}, {1550 * 1.1, 2000}, {4.2e6, 5e6},
		{9.3e18, 1e19}, {1.1e19, 2e19}, {1e39 * 1.1, 2e39},
	} {
		got := niceCeil(c.v)
		if math.Abs(got-c.want) > c.want*1e-12 || got < c.v {
			t.Errorf("niceCeil(%g) = %g, want %g", c.v, got, c.want)
		}
	}
}
