package metrics

import (
	"slices"
	"strings"
	"testing"

	"nianbao/generator/diag"
)

const boundsCatalogue = `[[group]]
id = "talent"
name = "人才培养"

[[metric]]
id = "talent.placement_rate"
name = "毕业去向落实率"
kind = "percent"
code = "2.3.1"
min = 0
max = 100
targets = { 2025 = 95, 2026 = 101 }

[[metric]]
id = "talent.ratio"
name = "生师比"
min = 20
max = 10
`

func messagesOf(l *diag.List) []string {
	var out []string
	for _, d := range l.All() {
		out = append(out, d.Error())
	}
	return out
}

func TestCodeMinAndMax(t *testing.T) {
	var l diag.List
	c := ParseCatalogue("content/metrics.toml", []byte(boundsCatalogue), nil, &l)
	want := []string{
		`content/metrics.toml:12:31: target 101 of "talent.placement_rate" is above its max 100`,
		`content/metrics.toml:18:7: max 10 of metric "talent.ratio" is below its min 20`,
	}
	if got := messagesOf(&l); !slices.Equal(got, want) {
		t.Errorf("catalogue:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	m, _ := c.Metric("talent.placement_rate")
	if m.Code != "2.3.1" || *m.Min != 0 || *m.Max != 100 {
		t.Errorf("code %q min %v max %v", m.Code, m.Min, m.Max)
	}

	l = diag.List{}
	d := NewData(c, []int{2025})
	d.ParseYear(2025, "content/2025/metrics.toml", []byte("[talent]\nplacement_rate = 946\nratio = 5\n[talent.x]\n"), nil, &l)
	l = diag.List{}
	d.ParseYear(2025, "content/2025/metrics.toml", []byte("[talent]\nplacement_rate = { value = -0.5, note = \"x\" }\n"), nil, &l)
	want = []string{`content/2025/metrics.toml:2:28: value -0.5 of "talent.placement_rate" is below its min 0`}
	if got := messagesOf(&l); !slices.Equal(got, want) {
		t.Errorf("values:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	l = diag.List{}
	d.ParseYear(2025, "content/2025/metrics.toml", []byte("[talent]\nplacement_rate = 946\n"), nil, &l)
	want = []string{`content/2025/metrics.toml:2:18: value 946 of "talent.placement_rate" is above its max 100`}
	if got := messagesOf(&l); !slices.Equal(got, want) {
		t.Errorf("values:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if _, ok := d.Value(m, 2025); ok {
		t.Error("a value outside the bounds was kept")
	}
}

func TestMetricUnderTheWrongGroupNamesItsGroup(t *testing.T) {
	src := boundsCatalogue + "\n[[group]]\nid = \"operation\"\nname = \"实体化运行\"\n\n[[metric]]\nid = \"operation.member_units\"\nname = \"成员单位\"\n"
	var l diag.List
	c := ParseCatalogue("content/metrics.toml", []byte(src), nil, &l)
	l = diag.List{}
	d := NewData(c, []int{2025})
	d.ParseYear(2025, "content/2025/metrics.toml", []byte("[talent]\nmember_units = 86\nplacement = 1\n"), nil, &l)
	want := []string{
		`content/2025/metrics.toml:2:1: unknown metric "talent.member_units" in group "talent": member_units belongs to group "operation"; move it under [operation]`,
		`content/2025/metrics.toml:3:1: unknown metric "talent.placement" in group "talent"; did you mean "placement_rate"?`,
	}
	if got := messagesOf(&l); !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
