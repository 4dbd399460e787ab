package tomldoc

import (
	"reflect"
	"strings"
	"testing"

	"nianbao/generator/diag"
)

const getterDoc = `title = "年报"
weight = 3
ratio = 92.5
whole = 3.0
draft = false
nan = nan
inf = -inf
metrics = ["a", "b", 3, "d", 4.5]
years = [2021, 2025]
names = ["x", "y"]
empty = []
date = 2024-01-02
rows = [{a = 1}, 2]
[t]
k = 1
[[m]]
id = "a"
[[m]]
id = "b"
`

func TestTypedGetters(t *testing.T) {
	root, d := Parse("f.toml", []byte(getterDoc), 1)
	if d != nil {
		t.Fatal(d)
	}
	tests := []struct {
		name   string
		get    func(l *diag.List) (any, bool)
		want   any
		ok     bool
		errors string
	}{
		{"string", func(l *diag.List) (any, bool) { return root.String("title", l) }, "年报", true, ""},
		{"string absent", func(l *diag.List) (any, bool) { return root.String("nope", l) }, "", false, ""},
		{"string wrong", func(l *diag.List) (any, bool) { return root.String("weight", l) }, "", false,
			"f.toml:2:10: weight must be a string, not an integer"},
		{"string given a date", func(l *diag.List) (any, bool) { return root.String("date", l) }, "", false,
			"f.toml:12:8: date must be a string, not a date"},

		{"int", func(l *diag.List) (any, bool) { return root.Int("weight", l) }, int64(3), true, ""},
		{"int absent", func(l *diag.List) (any, bool) { return root.Int("nope", l) }, int64(0), false, ""},
		{"int wrong", func(l *diag.List) (any, bool) { return root.Int("title", l) }, int64(0), false,
			"f.toml:1:9: title must be an integer, not a string"},
		{"int given a whole float", func(l *diag.List) (any, bool) { return root.Int("whole", l) }, int64(0), false,
			"f.toml:4:9: whole must be an integer, not a float"},

		{"number from integer", func(l *diag.List) (any, bool) { return root.Number("weight", l) }, 3.0, true, ""},
		{"number from float", func(l *diag.List) (any, bool) { return root.Number("ratio", l) }, 92.5, true, ""},
		{"number absent", func(l *diag.List) (any, bool) { return root.Number("nope", l) }, 0.0, false, ""},
		{"number nan", func(l *diag.List) (any, bool) { return root.Number("nan", l) }, 0.0, false,
			"f.toml:6:7: nan must be a finite number"},
		{"number inf", func(l *diag.List) (any, bool) { return root.Number("inf", l) }, 0.0, false,
			"f.toml:7:7: inf must be a finite number"},
		{"number wrong", func(l *diag.List) (any, bool) { return root.Number("draft", l) }, 0.0, false,
			"f.toml:5:9: draft must be a number, not a boolean"},

		{"bool", func(l *diag.List) (any, bool) { return root.Bool("draft", l) }, false, true, ""},
		{"bool absent", func(l *diag.List) (any, bool) { return root.Bool("nope", l) }, false, false, ""},
		{"bool wrong", func(l *diag.List) (any, bool) { return root.Bool("weight", l) }, false, false,
			"f.toml:2:10: weight must be a boolean, not an integer"},

		{"strings", func(l *diag.List) (any, bool) { return root.Strings("names", l) }, []string{"x", "y"}, true, ""},
		{"strings empty", func(l *diag.List) (any, bool) { return root.Strings("empty", l) }, []string{}, true, ""},
		{"strings absent", func(l *diag.List) (any, bool) { return root.Strings("nope", l) }, []string(nil), false, ""},
		{"strings wrong elements", func(l *diag.List) (any, bool) { return root.Strings("metrics", l) }, []string(nil), false,
			"f.toml:8:22: metrics[2] must be a string, not an integer\n" +
				"f.toml:8:30: metrics[4] must be a string, not a float"},
		{"strings wrong", func(l *diag.List) (any, bool) { return root.Strings("title", l) }, []string(nil), false,
			"f.toml:1:9: title must be an array of strings, not a string"},

		{"ints", func(l *diag.List) (any, bool) { return root.Ints("years", l) }, []int64{2021, 2025}, true, ""},
		{"ints absent", func(l *diag.List) (any, bool) { return root.Ints("nope", l) }, []int64(nil), false, ""},
		{"ints wrong elements", func(l *diag.List) (any, bool) { return root.Ints("names", l) }, []int64(nil), false,
			"f.toml:10:10: names[0] must be an integer, not a string\n" +
				"f.toml:10:15: names[1] must be an integer, not a string"},
		{"ints wrong", func(l *diag.List) (any, bool) { return root.Ints("t", l) }, []int64(nil), false,
			"f.toml:14:1: t must be an array of integers, not a table"},

		{"table", func(l *diag.List) (any, bool) { tb, ok := root.Table("t", l); return tb.Path(), ok }, "t", true, ""},
		{"table absent", func(l *diag.List) (any, bool) { tb, ok := root.Table("nope", l); return tb == nil, ok }, true, false, ""},
		{"table wrong", func(l *diag.List) (any, bool) { tb, ok := root.Table("m", l); return tb == nil, ok }, true, false,
			"f.toml:16:1: m must be a table, not an array of tables"},

		{"tables", func(l *diag.List) (any, bool) { ts, ok := root.Tables("m", l); return paths(ts), ok }, "m[0] m[1]", true, ""},
		{"tables empty", func(l *diag.List) (any, bool) { ts, ok := root.Tables("empty", l); return paths(ts), ok }, "", true, ""},
		{"tables absent", func(l *diag.List) (any, bool) { ts, ok := root.Tables("nope", l); return paths(ts), ok }, "", false, ""},
		{"tables wrong element", func(l *diag.List) (any, bool) { ts, ok := root.Tables("rows", l); return paths(ts), ok }, "", false,
			"f.toml:13:18: rows[1] must be a table, not an integer"},
		{"tables wrong", func(l *diag.List) (any, bool) { ts, ok := root.Tables("t", l); return paths(ts), ok }, "", false,
			"f.toml:14:1: t must be an array of tables, not a table"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var l diag.List
			got, ok := tt.get(&l)
			if !reflect.DeepEqual(got, tt.want) || ok != tt.ok {
				t.Errorf("got %#v, %v; want %#v, %v", got, ok, tt.want, tt.ok)
			}
			if errs := errorText(&l); errs != tt.errors {
				t.Errorf("errors:\n%s\nwant:\n%s", errs, tt.errors)
			}
		})
	}
}

func TestGettersAcceptNilList(t *testing.T) {
	root, d := Parse("f.toml", []byte(getterDoc), 1)
	if d != nil {
		t.Fatal(d)
	}
	if _, ok := root.Int("title", nil); ok {
		t.Error("Int(title) ok")
	}
	if _, ok := root.Strings("metrics", nil); ok {
		t.Error("Strings(metrics) ok")
	}
}

func TestUnknownFieldsAreReportedAtTheirKeys(t *testing.T) {
	src := lines(
		`title = "x"`,
		`colour = "red"`,
		`weight = 1`,
		`draft.x = true`,
		`[languages.en]`,
		`title = "y"`,
	)
	root, d := Parse("content/2024/01-a.md", []byte(src), 2)
	if d != nil {
		t.Fatal(d)
	}
	many := strings.Fields("a b c d e f g h i j k l m")
	tests := []struct {
		name  string
		what  string
		known []string
		want  string
	}{
		{"suggests known fields, sorted", "front matter", []string{"weight", "title", "summary"},
			`content/2024/01-a.md:3:1: unknown field "colour" in front matter; expected one of: summary, title, weight` + "\n" +
				`content/2024/01-a.md:5:1: unknown field "draft" in front matter; expected one of: summary, title, weight` + "\n" +
				`content/2024/01-a.md:6:1: unknown field "languages" in front matter; expected one of: summary, title, weight`},
		{"no list past 12 known fields", "site.toml", append(many, "title", "weight", "draft", "languages"),
			`content/2024/01-a.md:3:1: unknown field "colour" in site.toml`},
		{"no list without known fields", "[[metric]]", nil,
			`content/2024/01-a.md:2:1: unknown field "title" in [[metric]]` + "\n" +
				`content/2024/01-a.md:3:1: unknown field "colour" in [[metric]]` + "\n" +
				`content/2024/01-a.md:4:1: unknown field "weight" in [[metric]]` + "\n" +
				`content/2024/01-a.md:5:1: unknown field "draft" in [[metric]]` + "\n" +
				`content/2024/01-a.md:6:1: unknown field "languages" in [[metric]]`},
		{"all known", "front matter", []string{"title", "colour", "weight", "draft", "languages"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var l diag.List
			root.Unknown(&l, tt.what, tt.known...)
			if got := errorText(&l); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func errorText(l *diag.List) string {
	if err := l.Err(); err != nil {
		return err.Error()
	}
	return ""
}

func paths(ts []*Table) string {
	ps := make([]string, len(ts))
	for i, t := range ts {
		ps[i] = t.Path()
	}
	return strings.Join(ps, " ")
}
