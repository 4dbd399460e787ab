package site

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"
)

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
	if got := nest([]byte(in), "section-a--"); got != want {
		t.Errorf("nest:\n%s\nwant\n%s", got, want)
	}
	if got := nest([]byte(`<h2 id="x">X</h2><a href="#x">`), ""); got != `<h3 id="x">X</h3><a href="#x">` {
		t.Errorf("nest without prefix: %s", got)
	}
}

// nestByRegexp is nest as it was first written, with regular
// expressions: the reference nest must agree with byte for byte.
func nestByRegexp(h []byte, prefix string) string {
	tag := regexp.MustCompile(`<(/?)h([2-5])( id="([^"]*)")?`)
	var ids [][]byte
	out := tag.ReplaceAllFunc(h, func(m []byte) []byte {
		sm := tag.FindSubmatch(m)
		b := append([]byte("<"), sm[1]...)
		b = append(b, 'h', sm[2][0]+1)
		if sm[3] != nil {
			if prefix != "" {
				ids = append(ids, sm[4])
			}
			b = append(b, ` id="`...)
			b = append(b, prefix...)
			b = append(b, sm[4]...)
			b = append(b, '"')
		}
		return b
	})
	for _, id := range ids {
		out = bytes.ReplaceAll(out, []byte(`href="#`+string(id)+`"`), []byte(`href="#`+prefix+string(id)+`"`))
	}
	return string(out)
}

func TestNestAgreesWithRegexpsOnOddHTML(t *testing.T) {
	for _, in := range []string{
		"", "<", "<h", "</h", "<h2", "</h5", "<h6 id=\"x\">", "<h1 id=\"a\">",
		`<h2 id="a`, `<h2 id="">E</h2><a href="#">`, `<h2 id="x"><h3 id="section-a--x"><a href="#x"><a href="#section-a--x">`,
		`<h2 id="a"><h4 id="a"><a href="#a">`, `<h2 class="c" id="a"><a href="#a">`, `<h2id="a"><h3 id="b"` + "\n" + `c"><a href="#b` + "\n" + `c">`,
		`<a href="#a"><a href="#a"></a><h3 id="a">`, `<a href="#ahref="#a"><h2 id="a">`, `<h2 id="xhref="#y">a<h3 id="y">`,
		`<<h2 id="a">>`, `<a href="#a`, "<h2 id=\"\xff\">\xff<a href=\"#\xff\">",
	} {
		for _, prefix := range []string{"", "section-a--"} {
			if got, want := nest([]byte(in), prefix), nestByRegexp([]byte(in), prefix); got != want {
				t.Errorf("nest(%q, %q) = %q, want %q", in, prefix, got, want)
			}
		}
	}
}

func FuzzNest(f *testing.F) {
	f.Add([]byte(`<h2 id="a">A</h2><p><a href="#a">a</a></p><h5 id="b">`), "p-")
	f.Fuzz(func(t *testing.T, in []byte, prefix string) {
		if strings.Contains(prefix, `"`) {
			return // prefixes are ids: "section-<slug>--"
		}
		if got, want := nest(in, prefix), nestByRegexp(in, prefix); got != want {
			t.Errorf("nest(%q, %q) = %q, want %q", in, prefix, got, want)
		}
	})
}

func TestFirstHeadingID(t *testing.T) {
	for in, want := range map[string]string{
		`<h2 id="主要问题">`: "主要问题", `<h1 id="">`: "", `<h6 id="a" class="b">`: "a",
		`<h7 id="a">`: "", `<hr id="a">`: "", `<h2 class="a" id="b">`: "", `<h2 id="a`: "", ` <h2 id="a">`: "",
	} {
		if got := firstHeadingID([]byte(in)); got != want {
			t.Errorf("firstHeadingID(%q) = %q, want %q", in, got, want)
		}
	}
}

// BenchmarkNest nests a section as the print edition does: headings
// between paragraphs with links and emphasis, and a figure's table.
func BenchmarkNest(b *testing.B) {
	var h strings.Builder
	for i := range 8 {
		fmt.Fprintf(&h, `<h2 id="h%d">标题</h2>`+"\n", i)
		for range 4 {
			h.WriteString(`<p>联合体<strong>实体化</strong>运行，见<a href="#h1">上文</a>与<a href="#fn:1">注</a>。</p>` + "\n")
		}
		h.WriteString(`<figure class="figure"><table><thead><tr><th scope="col">年</th><th scope="col">值</th></tr></thead><tbody>`)
		for range 20 {
			h.WriteString(`<tr><th scope="row">2025</th><td>77.6</td></tr>`)
		}
		h.WriteString("</tbody></table></figure>\n")
	}
	in := []byte(h.String())
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	var out []byte
	for b.Loop() {
		out = appendNested(out[:0], in, "section-a--")
	}
}
