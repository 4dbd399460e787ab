package tomldoc

import (
	"reflect"
	"testing"
)

// simpleDocs are documents of the simple kind, and near misses that
// Parse must read in full.
var simpleDocs = []string{
	"",
	"\n\n",
	"type = \"line\"\ntitle = \"先进制造业资源共享率与先进制造业企业参与率等变化趋势\"\nmetrics = [\"operation.a\", \"operation.b\", \"science.c\"]\n",
	"type = \"bar\"\nmetrics = [\"science.manufacturing_papers\", \"science.papers\"]\nyears = [2021, 2025]\n",
	"\t metrics=[ \"a\" ,\"b\", ] # 指标\n# comment ✓\n  years = [ 2021,2025 ]\n",
	"a = []\nb = [ ]\nc = -0\nd = 0\ne = -12\nf = 999999999999999999\n",
	"title = \"\"\nsummary = \"\t tab inside \"\nweight = 3 # c\n",
	"a = [1, \"x\", -3]\n",
	"名 = 1\n",
	"a = \"x\"\na = \"y\"\n",
	"a = \"x\" b\n",
	"a = \"\"\"x\"\"\"\n",
	"a = \"\\u0041\"\n",
	"a = 'x'\n",
	"a = 1.5\nb = 1e3\nc = 1_000\nd = 0x1f\ne = +1\nf = 01\n",
	"a = 9999999999999999999\n",
	"a = 1979-05-27\n",
	"a = true\n",
	"a = [\n1,\n]\n",
	"a = [1 2]\n",
	"a = [,]\n",
	"a = [[1]]\n",
	"a = {b = 1}\n",
	"a.b = 1\n",
	"\"a\" = 1\n",
	"[t]\na = 1\n",
	"a = 1\r\n",
	"a = \"\x01\"\n",
	"# \x7f\na = 1\n",
	"a = \"\xff\"\n",
	"a = \n",
	"a\n",
	"= 1\n",
	"a = [1, # c\n]\n",
	"a = \"x\" # \"y\n",
}

// TestSimpleDocumentsReadAsInFull reads each document both ways: where
// the simple reader takes it, it must give the table Parse gives in
// full.
func TestSimpleDocumentsReadAsInFull(t *testing.T) {
	taken := 0
	for _, src := range simpleDocs {
		if sameAsFull(t, src, 3) {
			taken++
		}
	}
	if taken < 8 {
		t.Errorf("the simple reader took only %d documents", taken)
	}
}

func FuzzSimple(f *testing.F) {
	for _, src := range simpleDocs {
		f.Add(src, uint8(1))
	}
	f.Fuzz(func(t *testing.T, src string, first uint8) {
		sameAsFull(t, src, int(first%40)+1)
	})
}

// sameAsFull reports whether the simple reader takes src, and fails t
// when what it gives differs from the full reading.
func sameAsFull(t *testing.T, src string, firstLine int) bool {
	t.Helper()
	simple := parseSimple("f.toml", src, firstLine)
	if simple == nil {
		return false
	}
	full, d := parseFull("f.toml", src, firstLine)
	if d != nil {
		t.Errorf("%q: the simple reader took what Parse rejects: %v", src, d)
		return true
	}
	if got, want := dump(simple), dump(full); got != want {
		t.Errorf("%q: simple reading\n%s\nfull reading\n%s", src, got, want)
	}
	for _, k := range full.Keys() {
		if !reflect.DeepEqual(simple.Raw(k), full.Raw(k)) {
			t.Errorf("%q: %s is %#v, in full %#v", src, k, simple.Raw(k), full.Raw(k))
		}
	}
	if !reflect.DeepEqual(simple, full) {
		t.Errorf("%q: the tables differ:\n%#v\n%#v", src, simple, full)
	}
	return true
}
