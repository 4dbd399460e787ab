package build

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"

	"nianbao/generator/content"
)

// memoryLimit is the heap size the garbage collector works to stay under
// during a build of text bytes of Markdown. A build keeps alive what
// every page renders from: the texts converted to HTML and what they are
// made of, about eight times the text, plus some MiB of theme, data and
// pages being rendered (the search index and the assets are written and
// dropped before the pages render). Without a limit the heap grows to
// twice that before a collection; a limit below what must stay alive
// makes the collector run without pause (a 32 MB section took minutes).
// So the limit is 68 MiB, or 12 bytes for each byte of text when that is
// more: the 1,000-section benchmark site then peaks at about 82 MB
// resident with some 30 collections, where 80 MiB took 94 MB and 60 MiB
// doubled the collections. A site whose charts make its model much more
// than that gets more (see limiter). GOMEMLIMIT overrides it.
func memoryLimit(text int64) int64 {
	if os.Getenv("GOMEMLIMIT") != "" {
		return debug.SetMemoryLimit(-1)
	}
	return max(68<<20, 12*text)
}

// textBytes is the size of every Markdown text of the site.
func textBytes(c *content.Content) int64 {
	var n int64
	add := func(pages map[string]*content.Page) {
		for _, p := range pages {
			n += int64(len(p.Body))
		}
	}
	add(c.Home)
	for _, y := range c.Years {
		add(y.Index)
		for _, sec := range y.Sections {
			add(sec.Pages)
		}
	}
	return n
}

// limiter keeps the memory limit at least half as much again as the heap
// that survived the last collection. Text size predicts a build's live
// heap only while charts are few: a chart renders to some hundred times
// the lines that ask for it, so a site of 40 charts a section keeps 225
// MB alive from 9 MB of Markdown, and under a limit near its live heap
// the collector ran 150 times and took half the build. After each
// collection the limiter raises the limit to 1.5 times the live heap
// when that is more than floor, and never lowers it below floor.
type limiter struct {
	floor int64
	mu    sync.Mutex
	done  bool
}

// startLimiter keeps the limit at least floor, and more as the live heap
// needs; stop ends that. With GOMEMLIMIT set it only holds that limit.
func startLimiter(floor int64) (stop func()) {
	debug.SetMemoryLimit(floor)
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	l := &limiter{floor: floor}
	l.watch()
	return func() {
		l.mu.Lock()
		l.done = true
		l.mu.Unlock()
	}
}

// watch runs adjust after the next collection: a fresh object becomes
// unreachable at once, and its cleanup runs once a collection has found
// that; adjust then watches for the one after.
func (l *limiter) watch() {
	runtime.AddCleanup(&sentinel{}, (*limiter).adjust, l)
}

// sentinel is an object only the collector sees go. It holds a pointer so
// that it is never one of the tiny objects packed together, whose
// cleanups may wait for their neighbours.
type sentinel struct{ _ *byte }

func (l *limiter) adjust() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.done {
		return
	}
	if want := int64(liveHeap()) / 2 * 3; want > l.floor {
		debug.SetMemoryLimit(want)
	}
	l.watch()
}

// liveHeap is the heap the last collection found alive.
func liveHeap() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}
