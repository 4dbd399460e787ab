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

func TestSearchTextLeavesOutFiguresAndCards(t *testing.T) {
	h := `<p>前言&amp;导语</p>
<div class="kpis" id="kpi-1">
<div class="kpi">
<div class="kpi-name">成员企业</div>
<div class="kpi-value"><span class="kpi-number">126</span></div>
</div>
</div>
<p>正文<strong>继续</strong></p>
<figure class="figure figure-chart chart-line" id="chart-1">
<figcaption><span class="figure-title">订单班 &lt;规模&gt;</span> <span class="figure-span">2023–2025</span></figcaption>
<div class="chart" data-option="chart-1-option"></div><script type="application/json" id="chart-1-option">{"a":1}</script>
<table><tr><th>talent.order_class_students</th></tr></table>
</figure>
<figure class="figure figure-table" id="table-1"><figcaption><span class="figure-title">专利</span></figcaption></figure>
<ul><li>结尾</li></ul>`
	prose, keys := searchText([]byte(h))
	if want := "前言&导语 正文 继续 结尾"; prose != want {
		t.Errorf("prose = %q, want %q", prose, want)
	}
	if want := "订单班 <规模> 专利"; keys != want {
		t.Errorf("keys = %q, want %q", keys, want)
	}
	if prose, keys := searchText([]byte(`<p>a</p><div class="kpis"><div>`)); prose != "a" || keys != "" {
		t.Errorf("an unclosed KPI block: %q, %q", prose, keys)
	}
}

// BenchmarkSearchText takes the prose of a section's HTML as the
// converter writes it: paragraphs with references, KPI cards, figures.
func BenchmarkSearchText(b *testing.B) {
	var h []byte
	for range 40 {
		h = append(h, `<h2 id="s">二、人才培养 &amp; 就业</h2>
<p>联合体坚持政府统筹、行业指导、企业参与、院校主体，订单班学生<span class="ref" data-metric="talent.orders">1,380 人</span>，比上年增长 12.5%。</p>
<div class="kpis"><div class="kpi"><div class="kpi-value">1,380</div><div class="kpi-label">订单班</div></div></div>
<figure class="chart-block"><span class="figure-title">图 1 订单班学生</span><div class="chart"></div><script type="application/json">{"series":[1,2,3]}</script></figure>
`...)
	}
	b.SetBytes(int64(len(h)))
	for b.Loop() {
		searchText(h)
	}
}
