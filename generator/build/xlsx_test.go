package build

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/generator/workbook"
)

// row renders a read row as "A1=text|B1=3.5", numbers with %g, so that a
// whole sheet compares as one string.
func row(vals []workbook.Value) string {
	var parts []string
	for _, v := range vals {
		switch v.Kind {
		case workbook.Number:
			parts = append(parts, fmt.Sprintf("%s=%g", v.Ref, v.Num))
		default:
			parts = append(parts, fmt.Sprintf("%s=%q", v.Ref, v.Text))
		}
	}
	return strings.Join(parts, "|")
}

// TestMetricsWorkbookDownload reads /data/metrics.xlsx back row by row:
// the rows of metrics.csv with numbers as number cells, hostile text as
// string cells carrying the leading apostrophe, the catalogue on a second
// sheet, and the same bytes from a second build.
func TestMetricsWorkbookDownload(t *testing.T) {
	a := readArchive(t, "sites/basic.txtar")
	cat := strings.NewReplacer(
		`name = "订单班学生"`, `name = "=cmd|' /C calc'!A0"`,
		`name = "生师比"`, `name = "@SUM(A1:A9)"`,
		`unit = "人"`, `unit = "+1"`,
		`id = "talent.placement_rate"`, "id = \"talent.placement_rate\"\ncode = \"-1\"",
	).Replace(string(a.files["content/metrics.toml"]))
	year := strings.Replace(string(a.files["content/2025/metrics.toml"]), `note = "含升学"`, `note = "\t含升学"`, 1)
	changes := map[string]string{"content/metrics.toml": cat, "content/2025/metrics.toml": year}
	out, _, err := buildArchive(t, "basic", changes, Options{})
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(out, "data/metrics.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	sheets, err := workbook.Read(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(sheets) != 2 || sheets[0].Name != "metrics" || sheets[1].Name != "catalogue" {
		t.Fatalf("sheets %+v", sheets)
	}
	want := []string{
		`A1="metric"|B1="group"|C1="name"|D1="year"|E1="value"|F1="target"|G1="unit"|H1="code"|I1="note"|J1="note_en"`,
		`A2="talent.order_class_students"|B2="talent"|C2="=cmd|' /C calc'!A0"|D2=2024|E2=1228|G2="+1"`,
		`A3="talent.order_class_students"|B3="talent"|C3="=cmd|' /C calc'!A0"|D3=2025|E3=1380|F3=1500|G3="+1"`,
		`A4="talent.placement_rate"|B4="talent"|C4="毕业去向落实率"|D4=2024|E4=91.1|G4="%"|H4="-1"`,
		`A5="talent.placement_rate"|B5="talent"|C5="毕业去向落实率"|D5=2025|E5=93.2|F5=95|G5="%"|H5="-1"|I5="\t含升学"|J5="includes further study"`,
		`A6="talent.student_teacher_ratio"|B6="talent"|C6="@SUM(A1:A9)"|D6=2024|E6=19.2`,
		`A7="talent.student_teacher_ratio"|B7="talent"|C7="@SUM(A1:A9)"|D7=2025|E7=18.4|F7=18`,
		`A8="operation.operating_funds"|B8="operation"|C8="年度运行经费"|D8=2024|E8=1160|G8="万元"`,
		`A9="operation.operating_funds"|B9="operation"|C9="年度运行经费"|D9=2025|E9=1480|G9="万元"`,
		`A10="operation.member_units"|B10="operation"|C10="成员单位"|D10=2025|E10=86|G10="家"`,
	}
	rows := sheets[0].Rows
	if len(rows) != len(want) {
		t.Errorf("%d rows, want %d", len(rows), len(want))
	}
	for i := range min(len(rows), len(want)) {
		if got := row(rows[i]); got != want[i] {
			t.Errorf("row %d:\n got %s\nwant %s", i+1, got, want[i])
		}
	}
	// Hostile text is a string cell with the apostrophe of package sheet
	// in the stored text, never a formula.
	for _, r := range rows {
		for _, v := range r {
			if v.Formula != "" {
				t.Errorf("%s holds a formula %q", v.Ref, v.Formula)
			}
			if v.Kind == workbook.Text && strings.ContainsAny(v.Text[:1], "=+-@\t") && !strings.HasPrefix(v.Shown, "'") {
				t.Errorf("%s: %q is stored without its apostrophe", v.Ref, v.Shown)
			}
		}
	}
	cat1 := sheets[1].Rows
	if got := row(cat1[0][:6]); got != `A1="metric"|B1="code"|C1="group"|D1="group_name"|E1="group_name_en"|F1="name"` {
		t.Errorf("catalogue header %s", got)
	}

	out2, _, err := buildArchive(t, "basic", changes, Options{})
	if err != nil {
		t.Fatal(err)
	}
	again, _ := os.ReadFile(filepath.Join(out2, "data/metrics.xlsx"))
	if !bytes.Equal(data, again) {
		t.Error("two builds of the same input give different metrics.xlsx")
	}
}

// TestYesNoMetricsInTheWorkbook writes a veto item (kind = "flag") as a
// TRUE/FALSE cell, and as false in metrics.csv.
func TestYesNoMetricsInTheWorkbook(t *testing.T) {
	a := readArchive(t, "sites/basic.txtar")
	cat := string(a.files["content/metrics.toml"]) + "\n[[metric]]\nid = \"operation.safety_incident\"\nname = \"重大安全事故\"\nkind = \"flag\"\nbetter = \"lower\"\ntargets = { 2025 = false }\n"
	year := string(a.files["content/2025/metrics.toml"]) + "safety_incident = false\n"
	out, _, err := buildArchive(t, "basic", map[string]string{"content/metrics.toml": cat, "content/2025/metrics.toml": year}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	contains(t, out, "data/metrics.csv", "operation.safety_incident,operation,重大安全事故,2025,false,false,,,,\r\n")
	data, _ := os.ReadFile(filepath.Join(out, "data/metrics.xlsx"))
	sheets, err := workbook.Read(data)
	if err != nil {
		t.Fatal(err)
	}
	rows := sheets[0].Rows
	last := rows[len(rows)-1]
	if last[0].Text != "operation.safety_incident" || last[4].Kind != workbook.Bool || last[4].Num != 0 || last[5].Kind != workbook.Bool {
		t.Errorf("flag row: %s", row(last))
	}
}
