package datadesk

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// clerkWorkbook is a workbook a data clerk made herself: English headers,
// a custom percentage format, and the mistakes of a long day.
func clerkWorkbook(t *testing.T, dir string) string {
	x := excelize.NewFile()
	defer x.Close()
	s := "Sheet1"
	must(t, x.SetSheetName(s, "Data 2025"))
	s = "Data 2025"
	rows := [][]any{
		{"Metric ID", "2025 value", "Note", "Note (en)"},
		{"talent.order_class_students", "1,380"},
		{"talent.placement_rate", 0.932, "含升学"},
		{"talent.student_teacher_ratio", "18.4x"},
		{"talent.order_class_student", 12},
		{"operation.operating_funds", "-"},
		{"operation.member_units", "", "只有备注"},
		{"talent.order_class_students", 1},
		{"", 5},
		{"operation.operating_fund", true},
		{"member_units", 3},
		{"Talent.Apprentices", 3},
	}
	for r, row := range rows {
		for c, v := range row {
			ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
			must(t, x.SetCellValue(s, ref, v))
		}
	}
	// openpyxl writes a text starting with = as a formula, with no result.
	must(t, x.SetCellFormula(s, "D3", "includes further study"))
	custom := "0.0%"
	pct, err := x.NewStyle(&excelize.Style{CustomNumFmt: &custom})
	must(t, err)
	must(t, x.SetCellStyle(s, "B3", "B3", pct))
	must(t, x.SetCellStyle(s, "B5", "B5", pct))
	path := filepath.Join(dir, "clerk.xlsx")
	must(t, x.SaveAs(path))
	return path
}

func TestEveryWorkbookProblemIsReportedAtItsCell(t *testing.T) {
	site := writeFixture(t, nil)
	before := read(t, filepath.Join(site, "content/2025/metrics.toml"))
	path := clerkWorkbook(t, t.TempDir())
	_, err := Import(ImportOptions{Site: site, File: path, Year: 2025})
	want := []string{
		path + `:Data 2025!D3: the note holds the formula =includes further study with no result saved; type the note as text (a note starting with = needs a ' before it)`,
		path + `:Data 2025!B4: value of talent.student_teacher_ratio is not a number: "18.4x"`,
		path + `:Data 2025!A5: unknown metric "talent.order_class_student"; did you mean "talent.order_class_students"?`,
		path + `:Data 2025!B7: operation.member_units has a note but no value; fill in the value, or clear the note (an empty value means not collected)`,
		path + `:Data 2025!A8: talent.order_class_students is given twice (first at ` + path + `:Data 2025!A2)`,
		path + `:Data 2025!B9: a value in a row without a metric id`,
		path + `:Data 2025!A10: unknown metric "operation.operating_fund"; did you mean "operation.operating_funds"?`,
		path + `:Data 2025!A11: unknown metric "member_units"; did you mean "operation.member_units"?`,
		path + `:Data 2025!A12: unknown metric "Talent.Apprentices"`,
	}
	if got := messages(err); !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if after := read(t, filepath.Join(site, "content/2025/metrics.toml")); after != before {
		t.Error("a failed import changed the year file")
	}
}

func TestWorkbookValueProblems(t *testing.T) {
	site := writeFixture(t, nil)
	for _, tc := range []struct {
		name string
		cell any
		pct  bool
		want string
	}{
		{"percent format on a count", 0.5, true, `:S!B2: value of talent.order_class_students is formatted as a percentage (50.0%), but talent.order_class_students is a count; format the cell as a number`},
		{"percent text on a count", "50%", false, `:S!B2: value of talent.order_class_students is written as a percentage, but talent.order_class_students is a count; write the number alone`},
		{"yes on a number", true, false, `:S!B2: value of talent.order_class_students holds TRUE, but talent.order_class_students is a number`},
		{"words", "约1380人", false, `:S!B2: value of talent.order_class_students is not a number: "约1380人"`},
		{"date", "date", false, `:S!B2: value of talent.order_class_students is shown as a date or time (03-05-26); type the number in a cell formatted as a number`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x := excelize.NewFile()
			must(t, x.SetSheetName("Sheet1", "S"))
			must(t, x.SetCellValue("S", "A1", "metric"))
			must(t, x.SetCellValue("S", "B1", "value"))
			must(t, x.SetCellValue("S", "A2", "talent.order_class_students"))
			must(t, x.SetCellValue("S", "B2", tc.cell))
			if tc.cell == "date" { // 3/5 typed into a General cell
				must(t, x.SetCellFloat("S", "B2", 46086, -1, 64))
				st, _ := x.NewStyle(&excelize.Style{NumFmt: 14})
				must(t, x.SetCellStyle("S", "B2", "B2", st))
			}
			if tc.pct {
				custom := "0.0%"
				st, _ := x.NewStyle(&excelize.Style{CustomNumFmt: &custom})
				must(t, x.SetCellStyle("S", "B2", "B2", st))
			}
			path := filepath.Join(t.TempDir(), "v.xlsx")
			must(t, x.SaveAs(path))
			x.Close()
			_, err := Import(ImportOptions{Site: site, File: path, Year: 2025})
			if got := messages(err); !slices.Equal(got, []string{path + tc.want}) {
				t.Errorf("got %q\nwant %q", got, path+tc.want)
			}
		})
	}
}

func TestWrongYearIsNamed(t *testing.T) {
	site := writeFixture(t, nil)
	path := filepath.Join(t.TempDir(), "2025-metrics.xlsx")
	_, err := Template(TemplateOptions{Site: site, Year: 2025, Out: path})
	must(t, err)
	_, err = Import(ImportOptions{Site: site, File: path, Year: 2026})
	want := path + ":2025年数据!A1: no column of 2026 values: this file's values are for 2025; import it with --year 2025, or rename the column"
	if got := messages(err); !slices.Equal(got, []string{want}) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// TestGB18030CSVAsExcelSavesIt imports the template saved as CSV by Excel
// on Chinese Windows: GB18030, no byte order mark, CRLF, percentages and
// thousands separators as shown.
func TestGB18030CSVAsExcelSavesIt(t *testing.T) {
	site := writeFixture(t, nil)
	text := "分组,指标ID,体系编号,指标名称,单位,2024年数值,2025年数值,2025年目标,备注,备注（en）\r\n" +
		"人才培养,talent.order_class_students,,订单班学生,人,\"1,228\",\"1,380\",\"1,500\",,\r\n" +
		"人才培养,talent.placement_rate,,毕业去向落实率,%,91.1%,93.2%,95.0%,含升学,includes further study\r\n" +
		"人才培养,talent.student_teacher_ratio,,生师比,,19.2,18.4,18,,\r\n" +
		"实体化运行,operation.operating_funds,,年度运行经费,万元,1160,1480,,,\r\n" +
		"实体化运行,operation.member_units,,成员单位,家,,86,,,\r\n"
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(text)
	must(t, err)
	if strings.HasPrefix(gb, "\xef\xbb\xbf") || strings.Contains(gb, "指标") {
		t.Fatal("the test's CSV is not GB18030 bytes")
	}
	path := filepath.Join(t.TempDir(), "2025.csv")
	must(t, os.WriteFile(path, []byte(gb), 0o644))
	before := read(t, filepath.Join(site, "content/2025/metrics.toml"))
	_, err = Import(ImportOptions{Site: site, File: path, Year: 2025})
	must(t, err)
	got := read(t, filepath.Join(site, "content/2025/metrics.toml"))
	if strings.SplitN(got, "\n", 2)[1] != "\n"+before {
		t.Errorf("year file:\n%s\nwant the values of\n%s", got, before)
	}
}

// TestMetricsCSVReadsBack imports the build's own /data/metrics.csv form:
// UTF-8 with a byte order mark, rows of every year, the formula guard.
func TestMetricsCSVReadsBack(t *testing.T) {
	site := writeFixture(t, nil)
	text := "\ufeffmetric,group,name,year,value,target,unit,code,note,note_en\r\n" +
		"talent.order_class_students,talent,订单班学生,2024,1228,,人,,,\r\n" +
		"talent.order_class_students,talent,订单班学生,2025,1380,1500,人,,,\r\n" +
		"talent.placement_rate,talent,毕业去向落实率,2025,93.2,95.0,%,,'=含升学,includes further study\r\n" +
		"talent.student_teacher_ratio,talent,生师比,2025,18.4,18.0,,,,\r\n" +
		"operation.member_units,operation,成员单位,2026,90,,家,,,\r\n" +
		"operation.member_units,operation,成员单位,2025,86,,家,,,\r\n"
	path := filepath.Join(t.TempDir(), "metrics.csv")
	must(t, os.WriteFile(path, []byte(text), 0o644))
	res, err := Import(ImportOptions{Site: site, File: path, Year: 2025})
	must(t, err)
	want := `# 2025: written by nianbao data import from metrics.csv

[talent]
order_class_students = 1380
placement_rate = { value = 93.2, note = "=含升学", note_en = "includes further study" }
student_teacher_ratio = 18.4

[operation]
member_units = 86
`
	if got := read(t, filepath.Join(site, "content/2025/metrics.toml")); got != want {
		t.Errorf("year file:\n%s\nwant\n%s", got, want)
	}
	if !slices.Equal(res.Dropped, []string{"operation.operating_funds"}) {
		t.Errorf("dropped %q", res.Dropped)
	}
}

func TestCSVProblemsNameTheLine(t *testing.T) {
	site := writeFixture(t, nil)
	text := "metric,year,value,note\n" +
		"talent.placement_rate,2025,94.6%%,\n" +
		"talent.placement_rate2,2025,1,\n" +
		"talent.order_class_students,2025,1.380.5,\n" +
		"operation.member_units,,3,\n" +
		"talent.student_teacher_ratio,2025,\"18\n"
	path := filepath.Join(t.TempDir(), "bad.csv")
	must(t, os.WriteFile(path, []byte(text), 0o644))
	_, err := Import(ImportOptions{Site: site, File: path, Year: 2025})
	want := []string{
		path + `:2: value of talent.placement_rate is not a number: "94.6%%"`,
		path + `:3: unknown metric "talent.placement_rate2"; did you mean "talent.placement_rate"?`,
		path + `:4: value of talent.order_class_students is not a number: "1.380.5"`,
		path + `:5: no year in this row`,
		path + `:6: extraneous or missing " in quoted-field`,
	}
	if got := messages(err); !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestImportKeepsWhatTheFileDoesNotCarry imports a CSV of metric, year
// and value alone over a year file with notes: the notes stay; and a year
// file with errors is replaced.
func TestImportKeepsWhatTheFileDoesNotCarry(t *testing.T) {
	site := writeFixture(t, nil)
	path := filepath.Join(t.TempDir(), "v.csv")
	must(t, os.WriteFile(path, []byte("metric,year,value\ntalent.placement_rate,2025,94.1\n"), 0o644))
	_, err := Import(ImportOptions{Site: site, File: path, Year: 2025})
	must(t, err)
	want := "[talent]\nplacement_rate = { value = 94.1, note = \"含升学\", note_en = \"includes further study\" }\n"
	if got := read(t, filepath.Join(site, "content/2025/metrics.toml")); !strings.HasSuffix(got, want) {
		t.Errorf("year file:\n%s\nwant it to end\n%s", got, want)
	}

	must(t, os.WriteFile(filepath.Join(site, "content/2025/metrics.toml"), []byte("[talent\n"), 0o644))
	_, err = Import(ImportOptions{Site: site, File: path, Year: 2025})
	must(t, err)
}

func TestImportRefusesWhatItCannotRead(t *testing.T) {
	site := writeFixture(t, nil)
	dir := t.TempDir()
	for _, tc := range []struct{ name, want string }{
		{"old.xls", "old.xls is an old Excel 97–2003 workbook; save it as .xlsx (Excel workbook) and import that"},
		{"notes.docx", "notes.docx: expected an Excel workbook (.xlsx) or a CSV file (.csv)"},
		{"fake.xlsx", "fake.xlsx: not a workbook Excel can open (.xlsx): zip: not a valid zip file"},
	} {
		path := filepath.Join(dir, tc.name)
		must(t, os.WriteFile(path, []byte("x"), 0o644))
		_, err := Import(ImportOptions{Site: site, File: path, Year: 2025})
		if err == nil || err.Error() != filepath.Join(dir, tc.want) {
			t.Errorf("%s: %v\nwant %s", tc.name, err, filepath.Join(dir, tc.want))
		}
	}
	outside := t.TempDir()
	must(t, os.Symlink(outside, filepath.Join(site, "content", "2030")))
	path := filepath.Join(dir, "v.csv")
	must(t, os.WriteFile(path, []byte("metric,value\ntalent.placement_rate,94.1\n"), 0o644))
	_, err := Import(ImportOptions{Site: site, File: path, Year: 2030})
	if err == nil || !strings.Contains(err.Error(), "leads outside the site folder") {
		t.Errorf("symlinked year: %v", err)
	}
	if entries, _ := os.ReadDir(outside); len(entries) != 0 {
		t.Error("import wrote outside the site folder")
	}
}

// TestHeaderBelowATitleRow reads a platform export: a merged title row,
// then the header, then the values.
func TestHeaderBelowATitleRow(t *testing.T) {
	site := writeFixture(t, nil)
	x := excelize.NewFile()
	must(t, x.SetCellValue("Sheet1", "A1", "2025年度数据采集表"))
	must(t, x.MergeCell("Sheet1", "A1", "C1"))
	for ref, v := range map[string]any{"A2": "指标ID", "B2": "指标名称", "C2": "2025年数值", "A3": "talent.order_class_students", "C3": 1400, "A4": "talent.placement", "C4": 1} {
		must(t, x.SetCellValue("Sheet1", ref, v))
	}
	path := filepath.Join(t.TempDir(), "export.xlsx")
	must(t, x.SaveAs(path))
	x.Close()
	_, err := Import(ImportOptions{Site: site, File: path, Year: 2025})
	want := path + `:Sheet1!A4: unknown metric "talent.placement"; did you mean "talent.placement_rate"?`
	if got := messages(err); !slices.Equal(got, []string{want}) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// TestImportOfNoValuesWritesNothing: a CSV with no row of the year (a
// --year typed wrong) and a template not filled in would replace the year
// file with an empty one, or make an empty data year that stretches every
// chart; both are refused.
func TestImportOfNoValuesWritesNothing(t *testing.T) {
	site := writeFixture(t, nil)
	before := read(t, filepath.Join(site, "content/2025/metrics.toml"))
	dir := t.TempDir()
	csvPath := filepath.Join(dir, "metrics.csv")
	must(t, os.WriteFile(csvPath, []byte("metric,year,value\ntalent.placement_rate,2024,91.1\ntalent.placement_rate,2025,93.2\n"), 0o644))
	x := excelize.NewFile()
	for ref, v := range map[string]any{"A1": "指标ID", "B1": "2025年数值", "C1": "备注", "A2": "talent.order_class_students", "A3": "talent.placement_rate"} {
		must(t, x.SetCellValue("Sheet1", ref, v))
	}
	xlsxPath := filepath.Join(dir, "2025-metrics.xlsx")
	must(t, x.SaveAs(xlsxPath))
	x.Close()
	for _, tc := range []struct {
		file string
		year int
	}{{csvPath, 2027}, {xlsxPath, 2025}} {
		_, err := Import(ImportOptions{Site: site, File: tc.file, Year: tc.year})
		want := fmt.Sprintf("%s: no %d value in it; fill in the %d values, or import it with the --year its values are for", tc.file, tc.year, tc.year)
		if got := messages(err); !slices.Equal(got, []string{want}) {
			t.Errorf("got %q\nwant %q", got, want)
		}
	}
	if got := read(t, filepath.Join(site, "content/2025/metrics.toml")); got != before {
		t.Errorf("the 2025 year file changed:\n%s", got)
	}
	if _, err := os.Stat(filepath.Join(site, "content/2027")); !os.IsNotExist(err) {
		t.Errorf("a 2027 folder was made: %v", err)
	}
}
