package build

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/generator/pdf"
)

// TestPrintToPDF prints each year's edition with the local Chromium and
// checks that the PDF holds every section's title (with pdftotext, from
// Debian's poppler-utils, when it is installed).
func TestPrintToPDF(t *testing.T) {
	if _, err := pdf.Chromium(); err != nil {
		if os.Getenv("REQUIRE_BROWSER") == "1" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	out, _, err := buildArchive(t, "basic", nil, Options{PDF: true})
	if err != nil {
		t.Fatal(err)
	}
	contains(t, out, "2025/index.html", `<a href="/alliance/2025/report.pdf" download>下载 PDF</a>`)
	for _, rel := range []string{"2024/report.pdf", "2025/report.pdf", "en/2025/report.pdf"} {
		data, err := os.ReadFile(filepath.Join(out, rel))
		if err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) {
			t.Fatalf("%s: %v, not a PDF", rel, err)
		}
	}
	// The time of printing does not leak into the file.
	data, _ := os.ReadFile(filepath.Join(out, "2025/report.pdf"))
	if !bytes.Contains(data, []byte("/CreationDate (D:20251231000000")) {
		t.Error("the PDF's CreationDate is not the report's year end")
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Log("pdftotext not installed: the PDF's text is not checked")
		return
	}
	text, err := exec.Command("pdftotext", "-layout", filepath.Join(out, "2025/report.pdf"), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, title := range []string{"2025年度报告", "人才培养", "实体化运行", "图表", "计分卡", "附录：数据表", "1,380"} {
		if !strings.Contains(string(text), title) {
			t.Errorf("the PDF's text lacks %q", title)
		}
	}
}

func TestPDFWithoutChromiumIsAClearError(t *testing.T) {
	t.Setenv("CHROMIUM_PATH", "")
	t.Setenv("PATH", t.TempDir())
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	_, _, err := buildArchive(t, "basic", nil, Options{PDF: true, Out: out})
	if err == nil || !strings.Contains(err.Error(), "build --pdf needs Chromium or Chrome") {
		t.Fatalf("err = %v", err)
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 0 {
		t.Errorf("left behind: %v", entries)
	}
}
