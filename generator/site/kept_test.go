package site

import "testing"

func TestPlainText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<p>订单班学生<span class=\"ref\">1,380 人</span>。</p>", "订单班学生 1,380 人 。"},
		{"<h2 id=\"a\">R&amp;D &lt;x&gt;</h2>\n<p>two\n lines</p>", "R&D <x> two lines"},
		{"<div class=\"chart\"></div><script type=\"application/json\">{\"a\":1}</script><p>after</p>", "after"},
		{"a &amp b", "a &amp b"},
		{"", ""},
		{"<p>unclosed", "unclosed"},
	}
	for _, tt := range tests {
		if got := plainText([]byte(tt.in)); got != tt.want {
			t.Errorf("plainText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
