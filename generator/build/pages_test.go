package build

import (
	"testing"
)

// TestPagesBeyondTheReports checks the dashboard, a metric page, the
// members page, the print edition and search against the fixture.
func TestPagesBeyondTheReports(t *testing.T) {
	out, _, err := buildArchive(t, "basic", nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// 2025: 1380 of 1500 students (off track: the target year is this one);
	// 93.2% of 95% placement (off track); ratio 18.4 against at most 18.
	contains(t, out, "2025/index.html",
		`<span class="status status-off-track"><span aria-hidden="true">✗</span> 滞后于计划</span>`,
		`滞后于计划 3</span>`,
		`<a href="/alliance/metrics/talent.order_class_students/">订单班学生</a>`,
		`href="/alliance/2025/print/"`)
	contains(t, out, "metrics/index.html",
		`<a href="/alliance/metrics/operation.member_units/">成员单位</a>`,
		`<svg class="sparkline"`, `>1,380 人<`, `>+12.4%<`)
	contains(t, out, "metrics/talent.order_class_students/index.html",
		`<h1>订单班学生</h1>`, `为合作企业定向培养的学生`, `数值越高越好`,
		`<tr><th scope="row">2024</th><td>1,228 人</td><td>—</td><td>—</td>`,
		`<tr><th scope="row">2025</th><td>1,380 人</td><td>≥ 1,500 人</td><td>+12.4%</td>`,
		`<li><a href="/alliance/2025/talent/">2025 · 人才培养</a></li>`,
		`<li><a href="/alliance/2024/talent/">2024 · 人才培养</a></li>`,
		`id="history"`)
	contains(t, out, "en/metrics/talent.order_class_students/index.html",
		`<h1>Order-class students</h1>`, `higher is better`, `>1,380 students<`)
	contains(t, out, "members/index.html", `名录收录成员单位1家`, `示例市人民政府`, `id="composition"`, `id="growth"`)
	contains(t, out, "2025/print/index.html",
		`<section class="print-section" id="section-talent">`,
		`<section class="print-section" id="section-operation">`,
		`id="talent-chart-2"`, `id="operation-chart-1"`, // ids stay unique on one page
		`id="appendix-talent"`, `附录：数据表`, `计分卡：对照年度目标`)
	contains(t, out, "en/2025/print/index.html",
		`<section class="print-section" id="section-charts" lang="zh">`) // untranslated
	contains(t, out, "search/index.html", `<input id="search-q" type="search" name="q"`, `search-zh.`)
	lacks(t, out, "2025/print/index.html", `计划（草稿）`)
}

// TestChineseSlugs writes a section named in Chinese to a folder of that
// name and links it with its escaped URL, which a web server maps back.
func TestChineseSlugs(t *testing.T) {
	out, _, err := buildArchive(t, "basic", map[string]string{
		"content/2025/05-典型案例.md": "+++\ntitle = \"典型案例\"\n+++\n案例。\n",
	}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	contains(t, out, "2025/典型案例/index.html", "<h1>典型案例</h1>")
	contains(t, out, "2025/index.html", `href="/alliance/2025/%E5%85%B8%E5%9E%8B%E6%A1%88%E4%BE%8B/"`)
	contains(t, out, "sitemap.xml", "<loc>https://reports.example.org/alliance/2025/%E5%85%B8%E5%9E%8B%E6%A1%88%E4%BE%8B/</loc>")
}
