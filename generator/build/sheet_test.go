package build

import (
	"bytes"
	"encoding/base64"
	"encoding/csv"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestFormulaTextInCSVIsQuoted gives metric names and units text that a
// spreadsheet would run as a formula and checks every CSV the build writes
// (/data/metrics.csv and each chart's download, in both languages): the
// text fields carry a leading ', the numbers (negative ones included) do
// not.
func TestFormulaTextInCSVIsQuoted(t *testing.T) {
	a := readArchive(t, "sites/basic.txtar")
	cat := strings.NewReplacer(
		`name = "订单班学生"`, `name = '=HYPERLINK("http://evil.example","x")'`,
		`name_en = "Order-class students"`, `name_en = "@SUM(A1:A9)"`,
		`unit = "人"`, `unit = "+人"`,
		`unit_en = "students"`, `unit_en = "-students"`,
		`name = "生师比"`, `name = "\t=1+1"`,
		`name_en = "Student-teacher ratio"`, `name_en = "\r=2+2"`,
	).Replace(string(a.files["content/metrics.toml"]))
	changes := map[string]string{
		"content/metrics.toml": cat,
		"content/2025/metrics.toml": strings.NewReplacer(
			"student_teacher_ratio = 18.4", "student_teacher_ratio = -18.4",
			`note = "含升学"`, `note = "=cmd|' /C calc'!A0"`,
			`note_en = "includes further study"`, `note_en = "@includes"`,
		).Replace(string(a.files["content/2025/metrics.toml"])),
	}
	out, _, err := buildArchive(t, "basic", changes, Options{})
	if err != nil {
		t.Fatal(err)
	}
	csvs := map[string][]byte{}
	raw, err := os.ReadFile(filepath.Join(out, "data/metrics.csv"))
	if err != nil {
		t.Fatal(err)
	}
	csvs["data/metrics.csv"] = raw
	download := regexp.MustCompile(`href="data:text/csv;charset=utf-8;base64,([^"]+)" download="([^"]+)"`)
	for p, page := range readTree(t, out) {
		for _, m := range download.FindAllSubmatch(page, -1) {
			data, err := base64.StdEncoding.DecodeString(string(m[1]))
			if err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			csvs[p+"#"+string(m[2])] = data
		}
	}
	if len(csvs) < 5 {
		t.Fatalf("found only %d CSV files", len(csvs))
	}
	seen := map[string]bool{}
	for name, data := range csvs {
		rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff")))).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, row := range rows {
			for _, cell := range row {
				switch {
				case cell == "-18.4":
					seen["number"] = true
				case cell == "":
				case strings.ContainsRune("=+-@\t\r", rune(cell[0])):
					t.Errorf("%s: cell %q could run as a formula", name, cell)
				case cell[0] == '\'':
					seen[cell] = true
				}
			}
		}
	}
	// encoding/csv with CRLF line ends drops a lone carriage return, so
	// "\r=2+2" reaches the file as '=2+2: still guarded.
	for _, want := range []string{"number", `'=HYPERLINK("http://evil.example","x")`, "'@SUM(A1:A9)", "'+人", "'-students", "'\t=1+1", "'=2+2", "'=cmd|' /C calc'!A0", "'@includes"} {
		if !seen[want] {
			t.Errorf("no CSV holds %q", want)
		}
	}
}
