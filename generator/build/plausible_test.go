package build

import (
	"slices"
	"strings"
	"testing"
)

// TestImplausibleValuesWarnAtTheValue gives the fixture the mistakes data
// staff make: a fraction for a percent, a count with decimals, negative
// money, a percent over 100.
func TestImplausibleValuesWarnAtTheValue(t *testing.T) {
	a := readArchive(t, "sites/basic.txtar")
	cat := strings.Replace(string(a.files["content/metrics.toml"]), "unit_en = \"\"\n", "unit_en = \"\"\nkind = \"count\"\ndecimals = 0\n", 1)
	year := "[talent]\norder_class_students = 1380\nplacement_rate = 0.932\nstudent_teacher_ratio = 18.4\n\n[operation]\noperating_funds = -1480\nmember_units = 86.5\n"
	_, st, err := buildArchive(t, "basic", map[string]string{"content/metrics.toml": cat, "content/2025/metrics.toml": year}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range st.Warnings {
		if strings.HasPrefix(w.Pos.File, "content/2025/metrics.toml") {
			got = append(got, w.Error())
		}
	}
	want := []string{
		`content/2025/metrics.toml:3:18: warning: talent.placement_rate changed from 91.1 in 2024 to 0.932: more than a factor of 5; a percent is written as 93.2, not 0.932`,
		`content/2025/metrics.toml:7:19: warning: operation.operating_funds = -1480 is negative, but it is an amount of money`,
		`content/2025/metrics.toml:8:16: warning: operation.member_units = 86.5 has decimals, but it is a count shown without them (decimals = 0)`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	year = strings.Replace(year, "0.932", "932", 1)
	_, st, err = buildArchive(t, "basic", map[string]string{"content/2025/metrics.toml": year}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, w := range st.Warnings {
		found = found || w.Error() == `content/2025/metrics.toml:3:18: warning: talent.placement_rate = 932 is a percent outside 0–100 (did you mean 93.2?)`
	}
	if !found {
		t.Errorf("no warning for 932%%: %v", st.Warnings)
	}
}
