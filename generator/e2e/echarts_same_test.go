package e2e

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// fullECharts is the whole pinned library, as the npm package ships it.
const fullECharts = "../../node_modules/echarts/dist/echarts.min.js"

// chartOption finds the chart options in a page: the JSON in
// <script type="application/json" id="…-option"> elements.
var chartOption = regexp.MustCompile(`<script type="application/json" id="([^"]+-option)">([^<]*)</script>`)

// drawEach draws every option (a list of JSON texts) as nianbao.js does,
// without animation, in a box of the same size, and returns for each one
// what a reader sees: the chart's SVG, the tooltip shown on the first
// value, the SVG once the legend's first entry is switched off, and the
// SVG in a box as wide as a phone.
// Shapes that paint nothing are left out of the SVG (see svg below).
const drawEach = `(options) => JSON.stringify(options.map((text) => {
  const el = document.createElement('div');
  el.style.cssText = 'width:640px;height:420px';
  document.body.appendChild(el);
  const c = echarts.init(el, null, { renderer: 'svg' });
  const option = JSON.parse(text);
  option.animation = false;
  c.setOption(option);
  // The SVG less the shapes that paint nothing: the whole library draws
  // the empty box of the toolbox that go-echarts names in every option.
  const svg = () => {
    const drawn = el.querySelector('svg');
    if (!drawn) return '(no svg)';
    const copy = drawn.cloneNode(true);
    copy.querySelectorAll('path, rect').forEach((p) => {
      const a = (n) => p.getAttribute(n);
      const noFill = a('fill') === 'none' || a('fill-opacity') === '0';
      const noStroke = !a('stroke') || a('stroke') === 'none' || a('stroke-width') === '0';
      if (noFill && noStroke) p.remove();
    });
    return copy.outerHTML;
  };
  const out = { svg: svg() };
  c.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: 0 });
  out.tooltip = el.innerText;
  c.dispatchAction({ type: 'hideTip' });
  const first = (option.series || [])[0];
  const name = first && (first.type === 'pie' ? first.data[0].name : first.name);
  if (name) {
    c.dispatchAction({ type: 'legendToggleSelect', name: name });
    out.toggled = svg();
  }
  el.style.width = '360px'; // a phone, as nianbao.js's ResizeObserver tells the chart
  c.resize();
  out.resized = svg();
  c.dispose();
  el.remove();
  return out;
}))`

type drawing struct {
	SVG, Tooltip, Toggled, Resized string
}

// TestBuiltInEChartsDrawsLikeTheWholeLibrary draws every chart option that
// nianbao writes for the example site, for a page with a chart of every
// type and for the golden test site, once with the whole pinned ECharts
// and once with the copy nianbao carries, and requires the same SVG, the
// same tooltip, the same chart after a legend click and the same chart at
// a phone's width from both. So a
// component or module that the copy leaves out (tools/echarts) is one that
// no chart of nianbao's needs.
func TestBuiltInEChartsDrawsLikeTheWholeLibrary(t *testing.T) {
	setup(t)
	full, err := os.ReadFile(fullECharts)
	if err != nil {
		t.Fatalf("the whole library to compare with: %v (run npm ci)", err)
	}
	options := nianbaoOptions(t)
	dir := t.TempDir()
	files := map[string][]byte{"full.js": full, "ours.js": builtInECharts(t)}
	// ECharts picks its texts by the page's language when it loads.
	for _, lib := range []string{"full", "ours"} {
		for _, lang := range []string{"zh-CN", "en"} {
			files[lib+"-"+lang+".html"] = []byte(`<!doctype html><html lang="` + lang + `"><meta charset="utf-8"><title>` + lib +
				`</title><link rel="icon" href="data:,"><script src="` + lib + `.js"></script><body style="font-family:'Noto Sans CJK SC',sans-serif"></body></html>`)
		}
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	tb := newTab(t)
	draw := func(lib string, list []option) []drawing {
		texts := make([]string, len(list))
		for i, o := range list {
			texts[i] = o.json
		}
		arg, _ := json.Marshal(texts)
		u := srv.URL + "/" + lib + "-" + list[0].lang + ".html"
		tb.openURL(t, u)
		raw, err := chromedp.Run(tb.ctx, chromedp.Evaluate[string]("("+drawEach+")("+string(arg)+")"))
		if err != nil {
			t.Fatalf("%s: drawing: %v", u, err)
		}
		tb.check(t, u)
		var d []drawing
		if err := json.Unmarshal([]byte(raw), &d); err != nil {
			t.Fatal(err)
		}
		return d
	}
	var whole, copied []drawing
	for _, list := range byLang(options) {
		whole = append(whole, draw("full", list)...)
		copied = append(copied, draw("ours", list)...)
	}
	for i, o := range slices.Concat(byLang(options)...) {
		want, got := whole[i], copied[i]
		if !strings.Contains(want.SVG, "<path") {
			t.Errorf("%s: the whole library drew no paths", o.where)
		}
		for _, part := range []struct{ name, want, got string }{
			{"SVG", want.SVG, got.SVG},
			{"tooltip", want.Tooltip, got.Tooltip},
			{"SVG after a legend click", want.Toggled, got.Toggled},
			{"SVG at a phone's width", want.Resized, got.Resized},
		} {
			if part.got != part.want {
				t.Errorf("%s: the built-in ECharts draws another %s than the whole library: %s", o.where, part.name, firstDifference(part.want, part.got))
			}
		}
	}
	t.Logf("%d chart options drawn alike", len(options))
}

type option struct{ where, lang, json string }

// byLang splits options by the language of their pages, Chinese first.
func byLang(options []option) [][]option {
	var zh, en []option
	for _, o := range options {
		if o.lang == "en" {
			en = append(en, o)
		} else {
			zh = append(zh, o)
		}
	}
	return [][]option{zh, en}
}

// nianbaoOptions returns every distinct chart option of the example site,
// of the chart-heavy page and of the golden test site's output, each with
// where it was first found.
func nianbaoOptions(t *testing.T) []option {
	t.Helper()
	seen := map[string]bool{}
	var list []option
	add := func(where string, page []byte) {
		for _, m := range chartOption.FindAllSubmatch(page, -1) {
			text := string(m[2])
			if !seen[text] {
				seen[text] = true
				lang := "zh-CN"
				if strings.HasPrefix(filepath.ToSlash(where), "en/") {
					lang = "en"
				}
				list = append(list, option{where + "#" + string(m[1]), lang, text})
			}
		}
	}
	heavy, _ := chartHeavySite(t)
	for _, root := range []string{env.out, heavy} {
		err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
				return err
			}
			page, err := os.ReadFile(p)
			rel, _ := filepath.Rel(root, p)
			add(rel, page)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	golden, err := os.ReadFile("../build/testdata/golden/basic.txtar")
	if err != nil {
		t.Fatal(err)
	}
	add("golden/basic.txtar", golden)
	types := map[string]bool{}
	for _, o := range list {
		var opt struct{ Series []struct{ Type string } }
		if err := json.Unmarshal([]byte(o.json), &opt); err != nil {
			t.Fatalf("%s: %v", o.where, err)
		}
		for _, s := range opt.Series {
			types[s.Type] = true
		}
	}
	for _, typ := range []string{"line", "bar", "pie", "gauge", "radar"} {
		if !types[typ] {
			t.Errorf("no %s series among the %d chart options", typ, len(list))
		}
	}
	slices.SortFunc(list, func(a, b option) int { return strings.Compare(a.where, b.where) })
	return list
}

// firstDifference shows where two texts part, with some context.
func firstDifference(want, got string) string {
	i := 0
	for i < len(want) && i < len(got) && want[i] == got[i] {
		i++
	}
	from := max(0, i-60)
	cut := func(s string) string { return s[from:min(len(s), i+80)] }
	return fmt.Sprintf("at byte %d,\n\twhole library: …%s…\n\tbuilt-in:      …%s…", i, cut(want), cut(got))
}
