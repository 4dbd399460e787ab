package pdf

import (
	"os"
	"path/filepath"
	"testing"
)

func TestFixDatesKeepsLengthAndOffsets(t *testing.T) {
	in := "%PDF-1.4\n1 0 obj\n<</Producer (Skia/PDF m156)\n/CreationDate (D:20261129154551+00'00')\n/ModDate (D:20261129154551+00'00')>>\nendobj\n"
	want := "%PDF-1.4\n1 0 obj\n<</Producer (Skia/PDF m156)\n/CreationDate (D:20251231000000+00'00')\n/ModDate (D:20251231000000+00'00')>>\nendobj\n"
	file := filepath.Join(t.TempDir(), "r.pdf")
	os.WriteFile(file, []byte(in), 0o644)
	if err := fixDates(file, 2025); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(file)
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
