package sheet

import "testing"

func TestTextThatCouldStartAFormulaGetsAnApostrophe(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"订单班学生", "订单班学生"},
		{"=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"},
		{"+1+2", "'+1+2"},
		{"-2+3", "'-2+3"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'\r=1"},
		{"a=1", "a=1"},
		{" =1", " =1"},
		{"'=1", "'=1"},
		{"\n=1", "\n=1"},
		{"％", "％"},
	} {
		if got := Text(c.in); got != c.want {
			t.Errorf("Text(%q) = %q, want %q", c.in, got, c.want)
		}
		if got := Risky(c.in); got != (c.want != c.in) {
			t.Errorf("Risky(%q) = %v", c.in, got)
		}
	}
}
