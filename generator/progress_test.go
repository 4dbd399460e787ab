package main

import (
	"bytes"
	"os"
	"testing"
)

// TestNoProgressLineWithoutATerminal: /dev/null is a character device but
// not a terminal, and a pipe or a buffer is neither.
func TestNoProgressLineWithoutATerminal(t *testing.T) {
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	var buf bytes.Buffer
	for name, out := range map[string]any{"/dev/null": null, "a pipe": w, "a buffer": &buf} {
		stdout := out.(interface{ Write([]byte) (int, error) })
		if p := newProgress(stdout, stdout); p != nil {
			t.Errorf("%s is taken for a terminal", name)
		}
	}
}
