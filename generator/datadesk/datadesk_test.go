package datadesk

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"nianbao/generator/build"
	"nianbao/generator/workbook"
)

func TestTemplateHoldsEveryMetricWithLastYearAndTarget(t *testing.T) {
	site := writeFixture(t, nil)
	out := filepath.Join(t.TempDir(), "2025-metrics.xlsx")
	_, err := Template(TemplateOptions{Site: site, Year: 2025, Out: out})
	must(t, err)
	data, _ := os.ReadFile(out)
	sheets, err := workbook.Read(data)
	must(t, err)
	if sheets[0].Name != "2025年数据" || sheets[1].Name != "填写说明" {
		t.Fatalf("sheets %q, %q", sheets[0].Name, sheets[1].Name)
	}
	var got []string
	for _, r := range sheets[0].Rows {
		var cells []string
		for _, v := range r {
			cells = append(cells, v.Ref+"="+v.Shown)
		}
		got = append(got, strings.Join(cells, " "))
	}
	want := []string{
		"A1=分组 B1=指标ID C1=体系编号 D1=指标名称 E1=单位 F1=2024年数值 G1=2025年数值 H1=2025年目标 I1=备注 J1=备注（en）",
		"A2=人才培养 B2=talent.order_class_students D2=订单班学生 E2=人 F2=1228 G2=1380 H2=1500",
		"A3=人才培养 B3=talent.placement_rate D3=毕业去向落实率 E3=% F3=91.1 G3=93.2 H3=95 I3=含升学 J3=includes further study",
		"A4=人才培养 B4=talent.student_teacher_ratio D4=生师比 F4=19.2 G4=18.4 H4=18",
		"A5=实体化运行 B5=operation.operating_funds D5=年度运行经费 E5=万元 F5=1160 G5=1480",
		"A6=实体化运行 B6=operation.member_units D6=成员单位 E6=家 G6=86",
	}
	if !slices.Equal(got, want) {
		t.Errorf("template:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// A second template never replaces the first, which may be filled in.
	if _, err := Template(TemplateOptions{Site: site, Year: 2025, Out: out}); err == nil || !strings.Contains(err.Error(), "exists already; nothing was written") {
		t.Errorf("second template: %v", err)
	}
	again := filepath.Join(t.TempDir(), "again.xlsx")
	_, err = Template(TemplateOptions{Site: site, Year: 2025, Out: again})
	must(t, err)
	if !bytes.Equal(data, []byte(read(t, again))) {
		t.Error("two templates of the same site differ")
	}
	if _, err := Template(TemplateOptions{Site: site, Year: 2025, Out: filepath.Join(site, "content", "2025", "t.xlsx")}); err == nil || !strings.Contains(err.Error(), "is inside content/") {
		t.Errorf("template inside content/: %v", err)
	}
}

// TestRoundTripBuildsTheSameSite fills in a template as a data clerk
// would (the placement rate typed into a percentage cell) and checks that
// the imported year builds the same site as the original TOML.
func TestRoundTripBuildsTheSameSite(t *testing.T) {
	site := writeFixture(t, nil)
	orig := buildSite(t, site)
	xlsx := filepath.Join(t.TempDir(), "2025.xlsx")
	_, err := Template(TemplateOptions{Site: site, Year: 2025, Out: xlsx})
	must(t, err)
	edit(t, xlsx, func(x *excelize.File, s string) {
		style, err := x.NewStyle(&excelize.Style{NumFmt: 10}) // 0.00%
		must(t, err)
		must(t, x.SetCellFloat(s, "G3", 0.932, -1, 64)) // shown as 93.20%
		must(t, x.SetCellStyle(s, "G3", "G3", style))
	})
	must(t, os.Remove(filepath.Join(site, "content/2025/metrics.toml")))
	res, err := Import(ImportOptions{Site: site, File: xlsx, Year: 2025})
	must(t, err)
	if res.Values != 5 || res.Notes != 2 || len(res.Dropped) != 0 {
		t.Errorf("result %+v", res)
	}
	want := `# 2025: written by nianbao data import from 2025.xlsx

[talent]
order_class_students = 1380
placement_rate = { value = 93.2, note = "含升学", note_en = "includes further study" }
student_teacher_ratio = 18.4

[operation]
operating_funds = 1480
member_units = 86
`
	if got := read(t, filepath.Join(site, "content/2025/metrics.toml")); got != want {
		t.Errorf("year file:\n%s\nwant\n%s", got, want)
	}
	after := buildSite(t, site)
	for name, data := range orig {
		if !bytes.Equal(after[name], data) {
			t.Errorf("%s differs after the round trip", name)
		}
	}
	if len(after) != len(orig) {
		t.Errorf("%d files after the round trip, %d before", len(after), len(orig))
	}
}

func buildSite(t *testing.T, site string) map[string][]byte {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	_, err := build.Run(build.Options{Site: site, Out: out})
	must(t, err)
	files := map[string][]byte{}
	must(t, filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		if strings.HasPrefix(filepath.Base(rel), ".") {
			return nil // the build's own record of its files
		}
		b, err := os.ReadFile(p)
		files[rel] = b
		return err
	}))
	return files
}

// TestYesNoMetricsRoundTrip fills a veto item as 是 in a text cell and
// another as a FALSE cell.
func TestYesNoMetricsRoundTrip(t *testing.T) {
	site := writeFixture(t, nil)
	catalogue := read(t, filepath.Join(site, "content/metrics.toml")) +
		"\n[[metric]]\nid = \"operation.false_report\"\nname = \"弄虚作假\"\nkind = \"flag\"\ntargets = { 2025 = false }\n" +
		"\n[[metric]]\nid = \"operation.safety_incident\"\nname = \"重大安全事故\"\nkind = \"flag\"\n"
	must(t, os.WriteFile(filepath.Join(site, "content/metrics.toml"), []byte(catalogue), 0o644))
	xlsx := filepath.Join(t.TempDir(), "f.xlsx")
	_, err := Template(TemplateOptions{Site: site, Year: 2025, Out: xlsx})
	must(t, err)
	edit(t, xlsx, func(x *excelize.File, s string) {
		must(t, x.SetCellValue(s, "G7", "是"))
		must(t, x.SetCellBool(s, "G8", false))
	})
	_, err = Import(ImportOptions{Site: site, File: xlsx, Year: 2025})
	must(t, err)
	got := read(t, filepath.Join(site, "content/2025/metrics.toml"))
	if !strings.HasSuffix(got, "member_units = 86\nfalse_report = true\nsafety_incident = false\n") {
		t.Errorf("year file:\n%s", got)
	}
}
