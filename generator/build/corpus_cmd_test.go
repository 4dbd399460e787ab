package build

import (
	"os"
	"testing"
)

// TestWriteCorpus writes the benchmark site to $NIANBAO_CORPUS, for
// measuring the command itself: NIANBAO_CORPUS=/tmp/corpus go test -run WriteCorpus ./generator/build
func TestWriteCorpus(t *testing.T) {
	dir := os.Getenv("NIANBAO_CORPUS")
	if dir == "" {
		t.Skip("NIANBAO_CORPUS not set")
	}
	writeCorpus(t, dir, 20, 50, 120)
}
