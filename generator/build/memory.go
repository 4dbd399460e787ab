package build

import (
	"os"
	"runtime/debug"

	"nianbao/generator/content"
)

// memoryLimit is the heap size the garbage collector works to stay under
// during a build of text bytes of Markdown. A build keeps a few tens of
// MiB alive (the sections' HTML for the print editions, the search index)
// plus about ten times the text: without a limit the heap grows to twice
// that before a collection, and a fixed limit below what must stay alive
// makes the collector run without pause (a 32 MB section took minutes).
// So the limit is 80 MiB, or 12 bytes for each byte of text when that is
// more. GOMEMLIMIT overrides it.
func memoryLimit(text int64) int64 {
	if os.Getenv("GOMEMLIMIT") != "" {
		return debug.SetMemoryLimit(-1)
	}
	return max(80<<20, 12*text) // the benchmark site: ~90 MiB resident
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
