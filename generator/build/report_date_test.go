package build

import "testing"

// TestReportDateFallsBackFieldByField dates the 2025 report in _index.md
// only: its English edition, whose _index.en.md has no date, shows that
// date in English; a report dated in both files shows each edition its
// own; an undated one is dated the last day of its year.
func TestReportDateFallsBackFieldByField(t *testing.T) {
	out, _, err := buildArchive(t, "basic", map[string]string{
		"content/2025/_index.md":    "+++\ntitle = \"2025年度报告\"\ndate = 2026-03-20\n+++\n## 卷首语\n\n正文。\n",
		"content/2024/_index.md":    "+++\ntitle = \"2024年度报告\"\ndate = 2025-03-01\n+++\n",
		"content/2024/_index.en.md": "+++\ntitle = \"2024 Annual Report\"\ndate = 2025-04-02\n+++\n",
	}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	contains(t, out, "2025/print/index.html", `<time datetime="2026-03-20">2026年3月20日</time>`)
	contains(t, out, "en/2025/print/index.html", `<time datetime="2026-03-20">20 March 2026</time>`)
	contains(t, out, "2024/print/index.html", `<time datetime="2025-03-01">2025年3月1日</time>`)
	contains(t, out, "en/2024/print/index.html", `<time datetime="2025-04-02">2 April 2025</time>`)

	out, _, err = buildArchive(t, "basic", nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	contains(t, out, "en/2025/print/index.html", `<time datetime="2025-12-31">31 December 2025</time>`)
}
