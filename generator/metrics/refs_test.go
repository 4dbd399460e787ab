package metrics

import (
	"testing"

	"nianbao/generator/diag"
)

func TestParseRef(t *testing.T) {
	tests := []struct {
		in      string
		want    Ref
		wantErr string
	}{
		{"talent.order_class_students", Ref{ID: "talent.order_class_students"}, ""},
		{" talent.apprentices ", Ref{ID: "talent.apprentices"}, ""},
		{"talent.apprentices@2023", Ref{ID: "talent.apprentices", Year: 2023}, ""},
		{"talent.apprentices:change", Ref{ID: "talent.apprentices", Form: FormChange}, ""},
		{"talent.apprentices:target", Ref{ID: "talent.apprentices", Form: FormTarget}, ""},
		{"talent.apprentices:progress", Ref{ID: "talent.apprentices", Form: FormProgress}, ""},
		{"talent.apprentices:name", Ref{ID: "talent.apprentices", Form: FormName}, ""},
		{"talent.apprentices@2024:change", Ref{ID: "talent.apprentices", Year: 2024, Form: FormChange}, ""},
		{"talent.apprentices:total", Ref{}, `unknown form ":total" in {{talent.apprentices:total}}; expected change, target, progress or name`},
		{"talent", Ref{}, "malformed reference {{talent}}: write {{group.key}}, {{group.key@2024}} or {{group.key:change}} (forms: change, target, progress, name)"},
		{"Talent.X", Ref{}, "malformed reference {{Talent.X}}: write {{group.key}}, {{group.key@2024}} or {{group.key:change}} (forms: change, target, progress, name)"},
		{"talent.x@25", Ref{}, "malformed reference {{talent.x@25}}: write {{group.key}}, {{group.key@2024}} or {{group.key:change}} (forms: change, target, progress, name)"},
	}
	for _, tt := range tests {
		got, err := ParseRef(tt.in)
		if tt.wantErr != "" {
			if err == nil || err.Error() != tt.wantErr {
				t.Errorf("ParseRef(%q) error = %v, want %q", tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseRef(%q) = %+v, %v; want %+v", tt.in, got, err, tt.want)
		}
	}
}

const testCatalogue = `
[[group]]
id = "talent"
name = "人才培养"
name_en = "Talent"

[[metric]]
id = "talent.order_class_students"
name = "订单班学生"
name_en = "Order-class students"
unit = "人"
unit_en = "students"
targets = { 2025 = 1550 }

[[metric]]
id = "talent.placement_rate"
name = "毕业去向落实率"
name_en = "Graduate placement rate"
unit = "%"
kind = "percent"
decimals = 1
`

func testData(t *testing.T) *Data {
	t.Helper()
	var l diag.List
	c := ParseCatalogue("content/metrics.toml", []byte(testCatalogue), []string{"en"}, &l)
	d := NewData(c, []int{2023, 2024, 2025})
	d.ParseYear(2024, "content/2024/metrics.toml", []byte("[talent]\norder_class_students = 1228\nplacement_rate = 91.1\n"), []string{"en"}, &l)
	d.ParseYear(2025, "content/2025/metrics.toml", []byte("[talent]\norder_class_students = 1380\nplacement_rate = 93.2\n"), []string{"en"}, &l)
	if err := l.Err(); err != nil {
		t.Fatal(err)
	}
	return d
}

func TestResolve(t *testing.T) {
	d := testData(t)
	tests := []struct {
		ref, lang string
		want      string
		wantErr   string
	}{
		{"talent.order_class_students", "zh", "1,380 人", ""},
		{"talent.order_class_students", "en", "1,380 students", ""},
		{"talent.order_class_students@2024", "zh", "1,228 人", ""},
		{"talent.order_class_students:change", "zh", "+12.4%", ""},
		{"talent.order_class_students:target", "zh", "1,550 人", ""},
		{"talent.order_class_students:progress", "zh", "89.0%", ""},
		{"talent.order_class_students:name", "en", "Order-class students", ""},
		{"talent.placement_rate:change", "zh", "+2.1 个百分点", ""},
		{"talent.placement_rate:change", "en", "+2.1 pp", ""},
		{"talent.placement_rate", "en", "93.2%", ""},
		{"talent.order_class", "zh", "", `unknown metric "talent.order_class"; did you mean "talent.order_class_students"?`},
		{"talent.order_class_students@2023", "zh", "", `no value for "talent.order_class_students" in 2023`},
		{"talent.order_class_students@2024:change", "zh", "", `no value for "talent.order_class_students" in 2023, so there is no change to show for 2024`},
		{"talent.placement_rate:target", "zh", "", `no target for "talent.placement_rate" in 2025 (it has no targets)`},
		{"talent.order_class_students@2024:progress", "zh", "", `no target for "talent.order_class_students" in 2024, so there is no progress to show (targets are set for 2025)`},
	}
	for _, tt := range tests {
		r, err := ParseRef(tt.ref)
		if err != nil {
			t.Fatal(err)
		}
		got, _, err := d.Resolve(r, 2025, tt.lang)
		if tt.wantErr != "" {
			if err == nil || err.Error() != tt.wantErr {
				t.Errorf("{{%s}}: error %v, want %q", tt.ref, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("{{%s}} (%s) = %q, %v; want %q", tt.ref, tt.lang, got, err, tt.want)
		}
	}
}
