package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"golang.org/x/term"
)

// progress shows "rendered 420/1003 pages" on a terminal, overwritten in
// place, once a build has run for a second; it updates at most ten times
// a second.
type progress struct {
	w     io.Writer
	start time.Time
	mu    sync.Mutex
	last  time.Time
	shown bool
}

// newProgress returns a progress line on stderr when both stdout and
// stderr are terminals, else nil: /dev/null is a character device, not a
// terminal, and a log file must not fill with carriage returns.
func newProgress(stdout, stderr io.Writer) *progress {
	if !isTerminal(stdout) || !isTerminal(stderr) {
		return nil
	}
	return &progress{w: stderr, start: time.Now()}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// report is build.Options.Progress.
func (p *progress) report(done, total int) {
	now := time.Now()
	p.mu.Lock()
	defer p.mu.Unlock()
	if now.Sub(p.start) < time.Second || now.Sub(p.last) < 100*time.Millisecond && done < total {
		return
	}
	p.last = now
	p.shown = true
	fmt.Fprintf(p.w, "\rrendered %d/%d pages", done, total)
}

// clear removes the line, so that the summary takes its place.
func (p *progress) clear() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
