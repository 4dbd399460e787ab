package build

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// waitLimit runs collections until the memory limit satisfies ok, or
// fails after some seconds.
func waitLimit(t *testing.T, ok func(int64) bool) int64 {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); {
		runtime.GC()
		time.Sleep(10 * time.Millisecond) // for the cleanup goroutine
		if got := debug.SetMemoryLimit(-1); ok(got) {
			return got
		}
	}
	t.Fatalf("memory limit %d", debug.SetMemoryLimit(-1))
	return 0
}

// A heap that must stay alive beyond the floor raises the limit to half as
// much again, so the collector does not run without pause; once stopped,
// the limiter leaves the limit alone.
func TestTheMemoryLimitFollowsTheLiveHeap(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	const floor, live = 8 << 20, 64 << 20
	keep := make([]byte, live)
	stop := startLimiter(floor)
	got := waitLimit(t, func(n int64) bool { return n >= live*3/2 })
	if got > live*2 {
		t.Errorf("limit %d for a live heap of %d", got, live)
	}
	stop()
	debug.SetMemoryLimit(floor)
	for range 3 {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	if got := debug.SetMemoryLimit(-1); got != floor {
		t.Errorf("a stopped limiter set the limit to %d", got)
	}
	runtime.KeepAlive(keep)
}

// A small heap leaves the limit at the floor.
func TestTheMemoryLimitStaysAtItsFloorForASmallHeap(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	const floor = 512 << 20
	stop := startLimiter(floor)
	defer stop()
	for range 3 {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	if got := debug.SetMemoryLimit(-1); got != floor {
		t.Errorf("limit %d, want the floor %d", got, floor)
	}
}
