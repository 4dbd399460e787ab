package build

import "testing"

// TestDataOnlyYearPublishesNoReport adds a baseline year that holds only
// values: they count for changes and metric pages, and no report, no
// home-page entry and no scorecard is published for it.
func TestDataOnlyYearPublishesNoReport(t *testing.T) {
	out, _, err := buildArchive(t, "basic", map[string]string{
		"content/2023/metrics.toml": "[talent]\norder_class_students = 1100\n",
		"content/2024/01-talent.md": "+++\ntitle = \"人才培养\"\n+++\n订单班学生{{talent.order_class_students:change}}。\n",
	}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	exists(t, out, "2023/index.html", false)
	exists(t, out, "en/2023/index.html", false)
	exists(t, out, "2023/print/index.html", false)
	contains(t, out, "2024/talent/index.html", "+11.6%")
	contains(t, out, "metrics/talent.order_class_students/index.html", `<tr><th scope="row">2023</th><td>1,100 人</td>`)
	contains(t, out, "data/metrics.csv", "talent.order_class_students,talent,订单班学生,2023,1100,,人")
	lacks(t, out, "index.html", "2023年度报告", `href="/alliance/2023/"`)
	lacks(t, out, "sitemap.xml", "/2023/")
}
