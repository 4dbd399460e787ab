package markdown

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"testing"
	"unsafe"

	"nianbao/generator/charts"
	"nianbao/generator/diag"
	"nianbao/generator/metrics"
)

const testCatalogue = `
[[group]]
id = "talent"
name = "人才培养"

[[metric]]
id = "talent.students"
name = "订单班学生"
name_en = "Order-class students"
unit = "人"
unit_en = "students"
targets = { 2025 = 1550 }

[[metric]]
id = "talent.placement"
name = "落实率"
name_en = "Placement rate"
unit = "%"
kind = "percent"
decimals = 1

[[metric]]
id = "talent.xss"
name = "<b>\"&"
unit = "<i>"
`

// testData has values for 2024 and 2025, none for 2022; the values file
// of 2023 is broken, which was reported where it is written.
func testData(t testing.TB) *metrics.Data {
	t.Helper()
	var l, broken diag.List
	c := metrics.ParseCatalogue("content/metrics.toml", []byte(testCatalogue), []string{"en"}, &l)
	d := metrics.NewData(c, []int{2022, 2023, 2024, 2025})
	d.ParseYear(2023, "content/2023/metrics.toml", []byte("[talent]\nstudents = \"many\"\n"), []string{"en"}, &broken)
	d.ParseYear(2024, "content/2024/metrics.toml", []byte("[talent]\nstudents = 1228\nplacement = 91.1\n"), []string{"en"}, &l)
	d.ParseYear(2025, "content/2025/metrics.toml", []byte("[talent]\nstudents = 1380\nplacement = 93.2\nxss = 5\n"), []string{"en"}, &l)
	if err := l.Err(); err != nil {
		t.Fatal(err)
	}
	if !broken.HasErrors() {
		t.Fatal("the 2023 values were meant to be broken")
	}
	return d
}

const testFile = "content/2025/01-talent.md"

// convert converts src as the body of a 2025 page whose body starts on
// file line firstLine, and returns the result with every diagnostic, one a
// line.
func convert(t *testing.T, src, lang string, firstLine int) (Result, string) {
	t.Helper()
	var l diag.List
	res := New().Convert(&Page{
		File: testFile, Src: []byte(src), FirstLine: firstLine, Year: 2025, Lang: lang,
		Data: testData(t), T: func(k string) string { return k }, IDPrefix: "talent-",
	}, &l)
	return res, diag.ErrorList(l.All()).Error()
}

// mustConvert is convert for Chinese pages without problems.
func mustConvert(t *testing.T, src string) Result {
	t.Helper()
	res, problems := convert(t, src, "zh", 1)
	if problems != "" {
		t.Fatalf("Convert(%q):\n%s", src, problems)
	}
	return res
}

func TestReferencesRenderTheirValues(t *testing.T) {
	tests := []struct {
		src, lang string
		want      string
	}{
		{"{{talent.students}}", "zh", `<span class="ref" title="订单班学生">1,380 人</span>`},
		{"{{ talent.students }}", "zh", `<span class="ref" title="订单班学生">1,380 人</span>`},
		{"{{talent.students}}", "en", `<span class="ref" title="Order-class students">1,380 students</span>`},
		{"{{talent.students@2024}}", "zh", `<span class="ref" title="订单班学生">1,228 人</span>`},
		{"{{talent.students:change}}", "zh", `<span class="ref" title="订单班学生">+12.4%</span>`},
		{"{{talent.students:target}}", "zh", `<span class="ref" title="订单班学生">1,550 人</span>`},
		{"{{talent.students:progress}}", "zh", `<span class="ref" title="订单班学生">89.0%</span>`},
		{"{{talent.students:name}}", "en", `<span class="ref" title="Order-class students">Order-class students</span>`},
		{"{{talent.placement}}", "zh", `<span class="ref" title="落实率">93.2%</span>`},
		{"{{talent.placement:change}}", "zh", `<span class="ref" title="落实率">+2.1 个百分点</span>`},
		{"{{talent.placement:change}}", "en", `<span class="ref" title="Placement rate">+2.1 pp</span>`},
		{"{{talent.xss}}", "zh", `<span class="ref" title="&lt;b&gt;&quot;&amp;">5 &lt;i&gt;</span>`},
	}
	for _, tt := range tests {
		res, problems := convert(t, "订单班学生"+tt.src+"。\n", tt.lang, 1)
		if problems != "" {
			t.Errorf("%s (%s): %s", tt.src, tt.lang, problems)
			continue
		}
		if want := "<p>订单班学生" + tt.want + "。</p>\n"; string(res.HTML) != want {
			t.Errorf("%s (%s):\n got %s\nwant %s", tt.src, tt.lang, res.HTML, want)
		}
	}
}

func TestBracesStayLiteralOutsideReferences(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"code span", "写作 `{{talent.students}}` 即可\n", "<p>写作 <code>{{talent.students}}</code> 即可</p>\n"},
		{"fenced code", "```toml\nx = \"{{talent.students}}\"\n```\n", "<pre><code class=\"language-toml\">x = &quot;{{talent.students}}&quot;\n</code></pre>\n"},
		{"indented code", "    {{talent.students}}\n", "<pre><code>{{talent.students}}\n</code></pre>\n"},
		{"not closed on the line", "共{{talent.students 人\n}}\n", "<p>共{{talent.students 人\n}}</p>\n"},
		{"single braces", "集合 {talent.students}\n", "<p>集合 {talent.students}</p>\n"},
		{"escaped", "\\{{talent.students}}\n", "<p>{{talent.students}}</p>\n"},
		{"broken year's value", "{{talent.students@2023}}\n", "<p><span class=\"ref\" title=\"\">{{talent.students@2023}}</span></p>\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(mustConvert(t, tt.src).HTML); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestReferenceErrorsAreAtTheirLineAndColumn(t *testing.T) {
	const malformed = "malformed reference {{%s}}: write {{group.key}}, {{group.key@2024}} or {{group.key:change}} (forms: change, target, progress, name)"
	tests := []struct {
		name, src string
		firstLine int
		want      []string
	}{
		{"malformed after Chinese", "正文{{talent}}。\n", 1,
			[]string{":1:3: " + fmt.Sprintf(malformed, "talent")}},
		{"empty", "{{}}\n", 1,
			[]string{":1:1: " + fmt.Sprintf(malformed, "")}},
		{"unknown form", "第一行。\n第二行 {{talent.students:total}}\n", 1,
			[]string{`:2:5: unknown form ":total" in {{talent.students:total}}; expected change, target, progress or name`}},
		{"unknown metric", "订单班学生，共计{{talent.student}}人。\n", 1,
			[]string{`:1:9: unknown metric "talent.student"; did you mean "talent.students"?`}},
		{"body below front matter", "第一行。\n\n> 引用：{{talent.nope}}\n", 5,
			[]string{`:7:6: unknown metric "talent.nope"; did you mean "talent.xss"?`}},
		{"missing value", "{{talent.placement@2022}}\n", 1,
			[]string{`:1:1: no value for "talent.placement" in 2022`}},
		{"no previous year", "- 2025年：{{talent.xss:change}}\n", 1,
			[]string{`:1:9: no value for "talent.xss" in 2024, so there is no change to show for 2025`}},
		{"target not set", "| 指标 | 目标 |\n|---|---|\n| 落实率 | {{talent.placement:target}} |\n", 1,
			[]string{`:3:9: no target for "talent.placement" in 2025 (it has no targets)`}},
		{"in emphasis and links", "**粗{{a.b}}** [链接{{c.d}}](https://example.org)\n", 1,
			[]string{`:1:4: unknown metric "a.b"`, `:1:17: unknown metric "c.d"`}},
		{"in a heading", "## 订单班{{talent.nope}}\n", 3,
			[]string{`:3:7: unknown metric "talent.nope"; did you mean "talent.xss"?`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, got := convert(t, tt.src, "zh", tt.firstLine)
			want := testFile + strings.Join(tt.want, "\n"+testFile)
			if got != want {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
		})
	}
}

func TestRawHTMLAndScriptLinksAreDropped(t *testing.T) {
	res, warnings := convert(t, "<script>alert(1)</script>\n\n段落<img src=x onerror=alert(1)>文字\n\n"+
		"[链接](javascript:alert(1)) [大写](JAVASCRIPT:alert(1)) ![图](javascript:alert(1))\n\n[好](https://example.org/a)\n", "zh", 1)
	// The editor is told, at the spot, that the HTML is left out.
	if want := testFile + ":1:1: warning: HTML in Markdown is not published (it could carry scripts); write it in Markdown instead\n" +
		testFile + ":3:3: warning: HTML in Markdown is not published (it could carry scripts); write it in Markdown instead"; warnings != want {
		t.Errorf("warnings:\n%s\nwant:\n%s", warnings, want)
	}
	html := string(res.HTML)
	for _, bad := range []string{"<script", "onerror", "<img src=x", "javascript:", "JAVASCRIPT:"} {
		if strings.Contains(html, bad) {
			t.Errorf("%q passed through:\n%s", bad, html)
		}
	}
	for _, good := range []string{"<p>段落<!-- raw HTML omitted -->文字</p>", `<a href="">链接</a>`, `<a href="https://example.org/a">好</a>`} {
		if !strings.Contains(html, good) {
			t.Errorf("no %s in\n%s", good, html)
		}
	}
}

func TestHeadingsKeepChineseInIDsAndAreCollected(t *testing.T) {
	res := mustConvert(t, "# 一级\n\n## 二、主要举措\n\n正文。\n\n### 订单班{{talent.students}}\n\n## 二、主要举措\n\n## Key Measures\n\n#### 四级\n\n## 2025 年度 — 总结\n")
	html := string(res.HTML)
	for _, want := range []string{
		`<h2 id="二主要举措">二、主要举措</h2>`,
		`<h2 id="二主要举措-1">二、主要举措</h2>`,
		`<h2 id="key-measures">Key Measures</h2>`,
		`<h2 id="2025-年度-总结">2025 年度 — 总结</h2>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("no %s in\n%s", want, html)
		}
	}
	var got []string
	for _, h := range res.Headings {
		got = append(got, fmt.Sprintf("%d %s %s", h.Level, h.ID, h.Text))
	}
	want := []string{
		"2 二主要举措 二、主要举措",
		"3 订单班talentstudents 订单班1,380 人",
		"2 二主要举措-1 二、主要举措",
		"2 key-measures Key Measures",
		"2 2025-年度-总结 2025 年度 — 总结",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Headings:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestHeadingTextIsPlainText(t *testing.T) {
	res := mustConvert(t, "## A \\* B\n\n## R&amp;D\n")
	if len(res.Headings) != 2 || res.Headings[0].Text != "A * B" || res.Headings[1].Text != "R&D" {
		t.Errorf("Headings = %+v, want texts %q and %q", res.Headings, "A * B", "R&D")
	}
}

func TestGFMTablesFootnotesAndStrikethroughRender(t *testing.T) {
	html := string(mustConvert(t, "| 指标 | 数值 |\n|---|--:|\n| 学生 | {{talent.students}} |\n\n脚注[^n]。~~删除~~\n\n[^n]: 注释。\n").HTML)
	for _, want := range []string{
		"<table>\n<thead>\n<tr>\n<th>指标</th>\n<th style=\"text-align:right\">数值</th>",
		"<td>学生</td>\n<td style=\"text-align:right\"><span class=\"ref\" title=\"订单班学生\">1,380 人</span></td>",
		`<p>脚注<sup id="talent-fnref:1"><a href="#talent-fn:1" class="footnote-ref" role="doc-noteref">1</a></sup>。<del>删除</del></p>`,
		`<li id="talent-fn:1">`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("no %s in\n%s", want, html)
		}
	}
}

func TestSoftLineBreaksBetweenChineseAddNothing(t *testing.T) {
	tests := []struct{ src, want string }{
		{"第一行\n第二行\n", "<p>第一行第二行</p>\n"},
		{"第一行，\n第二行。\n第三行\n", "<p>第一行，第二行。第三行</p>\n"},
		{"共{{talent.students}}\n其中\n", "<p>共<span class=\"ref\" title=\"订单班学生\">1,380 人</span>其中</p>\n"},
		{"rate {{talent.students}}\nmore\n", "<p>rate <span class=\"ref\" title=\"订单班学生\">1,380 人</span>\nmore</p>\n"},
		{"English\nline\n", "<p>English\nline</p>\n"},
		{"Hello world.\nNext line and\n**bold** then\n[a link](x) and\n`code`.\n", "<p>Hello world.\nNext line and\n<strong>bold</strong> then\n<a href=\"x\">a link</a> and\n<code>code</code>.</p>\n"},
		{"中文\nEnglish\n", "<p>中文\nEnglish</p>\n"},
		{"达到\n{{talent.students}}。\n", "<p>达到\n<span class=\"ref\" title=\"订单班学生\">1,380 人</span>。</p>\n"}, // a digit follows: a space is right
	}
	for _, tt := range tests {
		if got := string(mustConvert(t, tt.src).HTML); got != tt.want {
			t.Errorf("%q:\n got %q\nwant %q", tt.src, got, tt.want)
		}
	}
}

func TestBlocksBecomeFigures(t *testing.T) {
	res := mustConvert(t, "正文{{talent.placement}}。\n\n```chart\ntype = \"line\"\nmetrics = [\"talent.students\"]\n```\n\n"+
		"```kpi\nmetrics = [\"talent.students\", \"talent.xss\"]\n```\n\n~~~table\nmetrics = [\"talent.placement\"]\nyears = [2024, 2025]\n~~~\n\n```toml\nx = 1\n```\n")
	html := string(res.HTML)
	for _, want := range []string{
		"\n<figure class=\"figure figure-chart chart-line\" id=\"talent-chart-1\">\n",
		"\n<div class=\"kpis\" id=\"talent-kpi-2\">\n",
		"\n<figure class=\"figure figure-table\" id=\"talent-table-3\">\n",
		"<pre><code class=\"language-toml\">x = 1\n</code></pre>",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("no %q in\n%s", want, html)
		}
	}
	if strings.Contains(html, "language-chart") || strings.Contains(html, "language-kpi") || strings.Contains(html, "language-table") {
		t.Errorf("a block stayed code:\n%s", html)
	}
	if res.Figures != 3 || res.Charts != 1 {
		t.Errorf("Figures %d, Charts %d; want 3, 1", res.Figures, res.Charts)
	}
	var cited []string
	for _, m := range res.Cited {
		cited = append(cited, m.ID)
	}
	if got := strings.Join(cited, " "); got != "talent.placement talent.students talent.xss" {
		t.Errorf("Cited = %s", got)
	}
}

func TestBadBlockErrorsAreAtTheFileLineOfTheKey(t *testing.T) {
	tests := []struct {
		name, src string
		want      string
	}{
		{"unknown metric", "正文。\n\n```chart\ntype = \"line\"\nmetrics = [\"talent.nope\"]\n```\n",
			`:8:12: unknown metric "talent.nope"; did you mean "talent.xss"?`},
		{"no type, at the fence", "正文。\n\n```chart\nmetrics = [\"talent.students\"]\n```\n",
			`:6:1: chart block has no type; add type = "line" (or bar, stacked-bar, horizontal-bar, pie, donut, radar, gauge)`},
		{"empty block, at the fence", "~~~kpi\n~~~\n",
			`:4:1: kpi block has no metrics; add metrics = ["group.key"]`},
		{"invalid TOML", "```table\nmetrics = [\"talent.students\"]\nyears = [2024, 2025\n```\n",
			`:6:20: invalid TOML: expected a comma (',') or array terminator (']'), but got end of file`},
		{"warning", "```table\nmetrics = [\"talent.students\"]\nyears = [2022, 2022]\n```\n",
			`:4:1: warning: table block has no values to show in 2022`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, got := convert(t, tt.src, "zh", 4); got != testFile+tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, testFile+tt.want)
			}
		})
	}
}

func TestBlockErrorsInListsAndQuotesCountTheIndent(t *testing.T) {
	tests := []struct{ src, want string }{
		{"> ```kpi\n> metrics = [\"talent.nope\"]\n> ```\n", `:2:14: unknown metric "talent.nope"; did you mean "talent.xss"?`},
		{"1. 列表\n\n   ```kpi\n   metrics = [\"talent.nope\"]\n   ```\n", `:4:15: unknown metric "talent.nope"; did you mean "talent.xss"?`},
	}
	for _, tt := range tests {
		if _, got := convert(t, tt.src, "zh", 1); got != testFile+tt.want {
			t.Errorf("%q:\n got %s\nwant %s", tt.src, got, testFile+tt.want)
		}
	}
}

func TestConvertIsSafeForConcurrentUse(t *testing.T) {
	c := New()
	d := testData(t)
	var wg sync.WaitGroup
	results := make([]string, 8)
	for i := range results {
		wg.Go(func() {
			var l diag.List
			res := c.Convert(&Page{File: testFile, Src: []byte("## 标题\n\n{{talent.students}}\n\n```kpi\nmetrics = [\"talent.students\"]\n```\n"),
				FirstLine: 1, Year: 2025, Lang: "zh", Data: d, T: func(k string) string { return k }}, &l)
			results[i] = string(res.HTML) + fmt.Sprint(res.Headings, l.Err())
		})
	}
	wg.Wait()
	for i, r := range results {
		if r != results[0] {
			t.Errorf("conversion %d differs:\n%s\nfrom\n%s", i, r, results[0])
		}
	}
}

// TestFigurePageBlocksAreTheFiguresOfThePage converts a page of two
// figure-page blocks around a kpi block, twice in a row (the buffers are
// used again), and finds each block's HTML as the block renders alone,
// in the page's HTML, where appending to it cannot write into the page.
func TestFigurePageBlocksAreTheFiguresOfThePage(t *testing.T) {
	d := testData(t)
	c := New()
	src := "正文。\n\n```chart\ntype = \"bar\"\nmetrics = [\"talent.students\"]\n```\n\n" +
		"```kpi\nmetrics = [\"talent.students\"]\n```\n\n```table\nmetrics = [\"talent.placement\"]\n```\n"
	for range 2 {
		var l diag.List
		p := &Page{File: testFile, Src: []byte(src), FirstLine: 1, Year: 2025, Lang: "zh", Data: d,
			T: func(k string) string { return k }, IDPrefix: "s-", FigureBase: "/f/", FigureEmbed: "https://x/f/"}
		res := c.Convert(p, &l)
		if l.HasErrors() || len(res.Blocks) != 2 {
			t.Fatalf("%d blocks: %v", len(res.Blocks), l.Err())
		}
		for i, want := range []struct{ kind, body, name string }{
			{"chart", "type = \"bar\"\nmetrics = [\"talent.students\"]\n", "chart-1"},
			{"table", "metrics = [\"talent.placement\"]\n", "table-3"},
		} {
			env := charts.Env{Data: d, Year: 2025, Lang: "zh", T: p.T, FigurePage: "/f/" + want.name + "/", FigureEmbed: "https://x/f/" + want.name + "/"}
			var bl diag.List
			b := charts.Parse(want.kind, testFile, []byte(want.body), 1, diag.Pos{File: testFile}, env, &bl)
			fig, err := b.Render("s-"+want.name, env)
			if err != nil {
				t.Fatal(err)
			}
			got := res.Blocks[i].HTML
			if !bytes.Equal(got, fig.HTML) || res.Blocks[i].ID != "s-"+want.name {
				t.Errorf("block %d (%s):\n%s\nwant\n%s", i, res.Blocks[i].ID, got, fig.HTML)
			}
			if !bytes.Contains(res.HTML, append(append([]byte(nil), got...), '\n')) || cap(got) != len(got) {
				t.Errorf("block %d is not the page's own figure (cap %d, len %d)", i, cap(got), len(got))
			}
			// A site keeps every text for the whole build: its figures
			// must be the page's bytes, not a second copy of them.
			base, at := uintptr(unsafe.Pointer(unsafe.SliceData(res.HTML))), uintptr(unsafe.Pointer(unsafe.SliceData(got)))
			if at < base || at+uintptr(len(got)) > base+uintptr(len(res.HTML)) {
				t.Errorf("block %d is a copy of its figure, not a part of the page's HTML", i)
			}
		}
	}
}
