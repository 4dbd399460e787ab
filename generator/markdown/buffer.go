package markdown

import (
	"sync"
	"unicode/utf8"
)

// buffer is the room a page is rendered in, and its blocks written in
// before: goldmark writes to it directly (it is a util.BufWriter), and
// buffers are used again, page after page.
type buffer struct{ b []byte }

var buffers = sync.Pool{New: func() any { return &buffer{b: make([]byte, 0, 64<<10)} }}

func getBuffer() *buffer {
	b := buffers.Get().(*buffer)
	b.b = b.b[:0]
	return b
}

// putBuffer keeps b for the next page, unless a huge page made it huge.
func putBuffer(b *buffer) {
	if cap(b.b) <= 4<<20 {
		buffers.Put(b)
	}
}

func (b *buffer) Write(p []byte) (int, error) {
	b.b = append(b.b, p...)
	return len(p), nil
}

func (b *buffer) WriteString(s string) (int, error) {
	b.b = append(b.b, s...)
	return len(s), nil
}

func (b *buffer) WriteByte(c byte) error {
	b.b = append(b.b, c)
	return nil
}

func (b *buffer) WriteRune(r rune) (int, error) {
	n := len(b.b)
	b.b = utf8.AppendRune(b.b, r)
	return len(b.b) - n, nil
}

// Available, Buffered and Flush make it a util.BufWriter: nothing waits
// to be written.
func (b *buffer) Available() int { return cap(b.b) - len(b.b) }
func (b *buffer) Buffered() int  { return 0 }
func (b *buffer) Flush() error   { return nil }
