package tomldoc

import "testing"

func TestParseErrorsPointAtTheOffendingSpot(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		firstLine int
		want      string
	}{
		// Syntax errors keep the library's wording, cleaned.
		{"bad value", "a = 1\nb = x\n", 1,
			`site.toml:2:5: invalid TOML: expected value but found "x"`},
		{"bad value in front matter", "a = 1\nb = x\n", 4,
			`site.toml:5:5: invalid TOML: expected value but found "x"`},
		{"rune columns after Chinese text", "x = \"中文中文中文中文\" y\n", 1,
			`site.toml:1:16: invalid TOML: expected a top-level item to end with a newline, comment, or EOF, but got 'y'`},
		{"unclosed array", "a = [1,\n2\n", 1,
			`site.toml:2:2: invalid TOML: expected a comma (',') or array terminator (']'), but got end of file`},
		{"newline in string", "a = \"abc\n", 1,
			`site.toml:1:9: invalid TOML: strings cannot contain newlines`},
		{"bad date", "x = 2024-13-01\n", 1,
			`site.toml:1:5: invalid TOML: invalid datetime: "2024-13-01"`},
		{"capitalised message", "a=1.e5\n", 1,
			`site.toml:1:3: invalid TOML: invalid float "1.e5": '.' must be followed by one or more digits`},
		{"acronym kept", "a = \"x\x01\"\n", 1,
			`site.toml:1:7: invalid TOML: TOML files cannot contain control characters: '0x01'`},
		{"control character after Chinese text", "a = \"中\x01\"\n", 1,
			`site.toml:1:7: invalid TOML: TOML files cannot contain control characters: '0x01'`},
		{"control character first", "\x01\n", 1,
			`site.toml:1:1: invalid TOML: TOML files cannot contain control characters: '0x01'`},
		{"lone carriage return", "a = 1\rb = 2\n", 1,
			`site.toml:1:6: invalid TOML: TOML files cannot contain control characters: '0x0d'`},
		{"invalid UTF-8", "a = \"abc\xff\"\n", 1,
			`site.toml:1:9: invalid TOML: invalid UTF-8 byte: 0xff`},
		{"unclosed string after Chinese text", "0.\"年", 1,
			`site.toml:1:4: invalid TOML: unexpected EOF; expected '"'`},
		{"CRLF", "a = 1\r\nb = x\r\n", 1,
			`site.toml:2:5: invalid TOML: expected value but found "x"`},
		{"BOM", "\ufeffa = 1\nb = x\n", 1,
			`site.toml:2:5: invalid TOML: expected value but found "x"`},

		// Redefinitions found by the library, at the second definition.
		{"duplicate key", "[operation]\nmember_enterprises = 1\n\nmember_enterprises = 2\n", 1,
			`site.toml:4:1: duplicate key "member_enterprises"`},
		{"duplicate dotted key", "a.b = 1\n  a.b = 2\n", 1,
			`site.toml:2:3: duplicate key "a.b"`},
		{"duplicate quoted key", "\"中文\" = 1\n'中文' = 2\n", 1,
			`site.toml:2:1: duplicate key "中文"`},
		{"duplicate key in inline table", "x = {a=1, a=2}\n", 1,
			`site.toml:1:11: duplicate key "a"`},
		{"key used as a table", "a = 1\na.b = 2\n", 1,
			`site.toml:2:1: duplicate key "a"`},
		{"duplicate table", "[t]\nx = 1\n\n  [ t ]\ny = 2\n", 1,
			`site.toml:4:3: duplicate table [t]`},
		{"table over a key", "[t]\nx = 1\n[t.x]\n", 1,
			`site.toml:3:1: duplicate table [t.x]`},
		{"table over an inline table", "a = {x = 1}\n[a]\n", 1,
			`site.toml:2:1: duplicate table [a]`},
		{"array of tables over a key", "t = 1\n[[t]]\n", 1,
			`site.toml:2:1: duplicate table [[t]]`},
		{"table through a key", "a = 1\n[a.b]\n", 1,
			`site.toml:2:1: table [a.b] redefines key "a"`},
		{"table over an array of tables", "[[a]]\n[a]\n", 1,
			`site.toml:2:1: duplicate table [a]`},

		// Redefinitions the library lets through.
		{"key over a dotted table", "a.b = 1\na = 2\n", 1,
			`site.toml:2:1: duplicate key "a"`},
		{"dotted key into an inline table", "x = {a = 1}\nx.b = 2\n", 1,
			`site.toml:2:1: duplicate key "x"`},
		{"table over a dotted table", "[a]\nb.c = 1\n[a.b]\n", 1,
			`site.toml:3:1: duplicate table [a.b]`},
		{"dotted key into a table", "[a.b]\nc = 1\n[a]\nb.d = 1\n", 1,
			`site.toml:4:1: duplicate key "b"`},
		{"table through an inline table", "[a]\nb = {c = 1}\n[a.b.d]\n", 1,
			`site.toml:3:1: table [a.b.d] redefines key "a.b"`},
		{"array of tables over a table", "[a]\n[[a]]\n", 5,
			`site.toml:6:1: duplicate table [[a]]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, d := Parse("site.toml", []byte(tt.src), tt.firstLine)
			if d == nil {
				t.Fatalf("no error; parsed:\n%s", dump(root))
			}
			if root != nil {
				t.Error("a table returned with an error")
			}
			if got := d.Error(); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}
