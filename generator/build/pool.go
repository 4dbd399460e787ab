package build

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
)

// pool is the build's workers: the model step converts the texts on
// them, and rendering renders the pages.
type pool struct {
	ctx context.Context // when done, no more work starts
}

// each runs do(0), …, do(n-1) on the workers and returns once they have
// returned; after the context is done it starts no more.
func (p pool) each(n int, do func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(workers(), n) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n && p.ctx.Err() == nil; i = int(next.Add(1) - 1) {
				do(i)
			}
		})
	}
	wg.Wait()
}

// workers is how many pages render at once: one per core.
func workers() int { return runtime.GOMAXPROCS(0) }
