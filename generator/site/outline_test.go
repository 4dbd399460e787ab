package site

import "testing"

func TestNestedHeadingsGoOneLevelDownWithPrefixedIDs(t *testing.T) {
	in := `<h2 id="主要问题">主要问题</h2>
<p>见<a href="#下一步">下一步</a>与<a href="#elsewhere">别处</a>。</p>
<h3 id="下一步">下一步</h3>
<h5 id="deep">x</h5><h6 id="deepest">y</h6>
<figure class="figure" id="operation-chart-1"></figure>`
	want := `<h3 id="section-a--主要问题">主要问题</h3>
<p>见<a href="#section-a--下一步">下一步</a>与<a href="#elsewhere">别处</a>。</p>
<h4 id="section-a--下一步">下一步</h4>
<h6 id="section-a--deep">x</h6><h6 id="deepest">y</h6>
<figure class="figure" id="operation-chart-1"></figure>`
	if got := string(nest([]byte(in), "section-a--")); got != want {
		t.Errorf("nest:\n%s\nwant\n%s", got, want)
	}
	if got := string(nest([]byte(`<h2 id="x">X</h2><a href="#x">`), "")); got != `<h3 id="x">X</h3><a href="#x">` {
		t.Errorf("nest without prefix: %s", got)
	}
}
