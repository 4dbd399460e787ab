package workbook

import (
	"bytes"
	"testing"
)

func TestWriteIsDeterministicAndReadsBack(t *testing.T) {
	sheets := []Sheet{{Name: "值", Rows: [][]Cell{
		{T("metric"), T("value"), T("ok")},
		{T("=1+1"), N(0.1 + 0.2), {Kind: Bool, Number: 1}},
		{T("'plain"), N(-3), T("@x")},
	}}}
	a, err := Write(sheets, Props{Title: "t", Time: "2025-12-31T00:00:00Z"})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Write(sheets, Props{Title: "t", Time: "2025-12-31T00:00:00Z"})
	if !bytes.Equal(a, b) {
		t.Fatal("the same sheets gave different bytes")
	}
	got, err := Read(a)
	if err != nil {
		t.Fatal(err)
	}
	r := got[0].Rows
	if got[0].Name != "值" || len(r) != 3 {
		t.Fatalf("read %+v", got)
	}
	if v := r[1][0]; v.Kind != Text || v.Text != "=1+1" || v.Shown != "'=1+1" || v.Formula != "" {
		t.Errorf("guarded text: %+v", v)
	}
	if v := r[1][1]; v.Kind != Number || v.Num != 0.3 {
		t.Errorf("number: %+v (15 significant digits: 0.3)", v)
	}
	if v := r[1][2]; v.Kind != Bool || v.Num != 1 {
		t.Errorf("bool: %+v", v)
	}
	if v := r[2][0]; v.Text != "'plain" {
		t.Errorf("an apostrophe before safe text is the user's: %+v", v)
	}
	if v := r[2][2]; v.Text != "@x" || v.Shown != "'@x" {
		t.Errorf("@: %+v", v)
	}
}
