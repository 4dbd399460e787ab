package pdf

import (
	"fmt"
	"strings"
	"testing"
)

// makePDF writes objects as Skia does: numbered from 1, a classic xref
// table, a trailer naming the catalog.
func makePDF(objs ...string) []byte {
	var b strings.Builder
	b.WriteString("%PDF-1.4\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<</Size %d /Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return []byte(b.String())
}

var testPDF = makePDF(
	"<</Type /Catalog /Pages 2 0 R /Dests 6 0 R /Outlines 7 0 R>>",
	"<</Type /Pages /Kids [3 0 R 4 0 R] /Count 3>>",
	"<</Type /Pages /Kids [5 0 R] /Count 1>>", // a nested page tree node
	"<</Type /Page /Parent 2 0 R>>",
	"<</Type /Page /Parent 3 0 R>>",
	"<</section-talent [4 0 R /XYZ 0 813 0]\n/foreword [5 0 R /XYZ 0 800 0]\n/#E4#BA#BA#E6#89#8D [4 0 R /XYZ 0 1 0]>>",
	"<</Type /Outlines /First 8 0 R /Count 2>>",
	"<</Title (Report \\(2025\\)) /Dest [5 0 R /XYZ 0 0 0] /First 9 0 R /Next 10 0 R>>",
	"<</Title <FEFF4EBA624D> /Dest [4 0 R /XYZ 0 0 0]>>",
	"<</Title (Appendix) /Dest [4 0 R /XYZ 0 0 0]>>",
)

func TestDestPagesFollowThePageTree(t *testing.T) {
	got, err := DestPages(testPDF)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"foreword": 1, "section-talent": 2, "人才": 2}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("DestPages = %v, want %v", got, want)
	}
}

func TestOutlineReadsTitlesLevelsAndPages(t *testing.T) {
	got, err := Outline(testPDF)
	if err != nil {
		t.Fatal(err)
	}
	want := `[1 "Report (2025)" p.1 2 "人才" p.2 1 "Appendix" p.2]`
	if fmt.Sprint(got) != want {
		t.Errorf("Outline = %v, want %s", got, want)
	}
}

func TestCompressedOrBrokenPDFsAreErrors(t *testing.T) {
	for _, data := range [][]byte{nil, []byte("%PDF-1.5\nstartxref\n9\n%%EOF\n"), []byte("not a pdf")} {
		if _, err := DestPages(data); err == nil {
			t.Errorf("DestPages(%q) gave no error", data)
		}
	}
}
