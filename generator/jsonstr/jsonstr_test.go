package jsonstr

import (
	"encoding/json"
	"testing"
)

var hostile = []string{
	"",
	"plain ascii",
	"年报：产教融合",
	`</script><script>alert(1)</script>`,
	"<!-- a & b -->",
	`quote " and backslash \ and slash /`,
	"\x00\x01\x07\b\t\n\v\f\r\x1b\x1f\x7f",
	"line\u2028separator\u2029paragraph",
	"bad utf-8 \xff\xfe and a cut rune \xe5\xb9",
	"\xe5\xb9",
	"emoji 😀 and a lone surrogate \xed\xa0\x80",
	"U+FFFD itself: \ufffd",
}

func TestAppendWritesWhatEncodingJSONWrites(t *testing.T) {
	for _, s := range hostile {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := Append([]byte("x"), s); string(got) != "x"+string(want) {
			t.Errorf("Append(%q) = %s, want x%s", s, got, want)
		}
	}
}

func TestAppendCharsWritesAStringInParts(t *testing.T) {
	a, b := "前<言>", "正文\u2028&"
	got := AppendChars([]byte{'"'}, a)
	got = append(got, ' ')
	got = append(AppendChars(got, b), '"')
	want, _ := json.Marshal(a + " " + b)
	if string(got) != string(want) {
		t.Errorf("got %s, want %s", got, want)
	}
}

func FuzzAppend(f *testing.F) {
	for _, s := range hostile {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, _ := json.Marshal(s)
		if got := Append(nil, s); string(got) != string(want) {
			t.Errorf("Append(%q) = %s, want %s", s, got, want)
		}
	})
}
