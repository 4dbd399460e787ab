package build

import (
	"os"
	"runtime/debug"

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
// doubled the collections. GOMEMLIMIT overrides it.
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
