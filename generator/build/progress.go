package build

import "sync/atomic"

// counter counts rendered pages for Options.Progress.
type counter struct {
	report func(done, total int)
	total  int
	done   atomic.Int64
}

func (c *counter) tick() {
	if c != nil && c.report != nil {
		c.report(int(c.done.Add(1)), c.total)
	}
}
