package tomldoc

import "testing"

func TestSyntaxErrorsCarryTheUsualFix(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"[talent]\nplacement_rate = 94.6%\n", `f.toml:2:22: invalid TOML: expected a top-level item to end with a newline, comment, or EOF, but got '%'; write 94.6 without %`},
		{"a = { value = 94.6%, note = \"x\" }\n", `f.toml:1:19: invalid TOML: expected a comma or an inline table terminator '}', but got '%'; write 94.6 without %`},
		{"order_class_students = 1,380\n", `f.toml:1:25: invalid TOML: expected a top-level item to end with a newline, comment, or EOF, but got ','; write 1380 without commas`},
		{"a = 1,380.5\n", `f.toml:1:6: invalid TOML: expected a top-level item to end with a newline, comment, or EOF, but got ','; write 1380.5 without commas`},
		{"a = 12,3\n", `f.toml:1:7: invalid TOML: expected a top-level item to end with a newline, comment, or EOF, but got ','`},
		{"note = “新增省级基地”\n", `f.toml:1:8: invalid TOML: expected value but found '“'; use ASCII quotes: "新增省级基地"`},
		{"note = ‘x’\n", `f.toml:1:8: invalid TOML: expected value but found '‘'; use ASCII quotes: "x"`},
		{"note = “unclosed\n", `f.toml:1:8: invalid TOML: expected value but found '“'; use ASCII quotes: "…"`},
	} {
		_, err := Parse("f.toml", []byte(tc.src), 1)
		if err == nil || err.Error() != tc.want {
			t.Errorf("%q:\n got %v\nwant %s", tc.src, err, tc.want)
		}
	}
}
