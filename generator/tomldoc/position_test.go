package tomldoc

import (
	"strings"
	"testing"
)

// lines joins lines with "\n" and ends the text with one.
func lines(ls ...string) string { return strings.Join(ls, "\n") + "\n" }

func TestPositionsOfKeysValuesAndElements(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		firstLine int
		want      string
	}{
		{
			name: "root keys, comments and multi-line strings that look like TOML",
			src: lines(
				`# [x] a = 1`,
				`title = "年报" # [y] b = 2`,
				`body = """`,
				`c = 3`,
				`[z]`,
				`"""`,
				`lit = '''`,
				`[[w]]'''`,
				`weight = 3`,
			),
			want: lines(
				`[.] at 1:1`,
				`. title string key=2:1 value=2:9`,
				`. body string key=3:1 value=3:8`,
				`. lit string key=7:1 value=7:7`,
				`. weight integer key=9:1 value=9:10`,
			),
		},
		{
			name: "tables, and an inline table after Chinese text",
			src: lines(
				`[operation]`,
				`member_enterprises = 126`,
				`shared_bases = { value = 38, note = "新增省级基地 5 个", note_en = "5 new provincial bases" }`,
				``,
				`[talent]`,
				`order_class_students = 1380`,
			),
			want: lines(
				`[.] at 1:1`,
				`. operation table key=1:1 value=1:1`,
				`[operation] at 1:1`,
				`operation member_enterprises integer key=2:1 value=2:22`,
				`operation shared_bases table key=3:1 value=3:16`,
				`[operation.shared_bases] at 3:16`,
				`operation.shared_bases value integer key=3:18 value=3:26`,
				`operation.shared_bases note string key=3:30 value=3:37`,
				`operation.shared_bases note_en string key=3:51 value=3:61`,
				`. talent table key=5:1 value=5:1`,
				`[talent] at 5:1`,
				`talent order_class_students integer key=6:1 value=6:24`,
			),
		},
		{
			name: "arrays of tables with a sub-table in an element",
			src: lines(
				`[[group]]`,
				`id = "operation"`,
				``,
				`[[metric]]`,
				`id = "operation.a"`,
				`  [metric.targets]`,
				`  2025 = 150`,
				`[[metric]]`,
				`id = "operation.b"`,
				`[[metric]]`,
				`  id = "talent.c"`,
			),
			want: lines(
				`[.] at 1:1`,
				`. group array of tables key=1:1 value=1:1 elems=1:1`,
				`[group[0]] at 1:1`,
				`group[0] id string key=2:1 value=2:6`,
				`. metric array of tables key=4:1 value=4:1 elems=4:1,8:1,10:1`,
				`[metric[0]] at 4:1`,
				`metric[0] id string key=5:1 value=5:6`,
				`metric[0] targets table key=6:3 value=6:3`,
				`[metric[0].targets] at 6:3`,
				`metric[0].targets 2025 integer key=7:3 value=7:10`,
				`[metric[1]] at 8:1`,
				`metric[1] id string key=9:1 value=9:6`,
				`[metric[2]] at 10:1`,
				`metric[2] id string key=11:3 value=11:8`,
			),
		},
		{
			name: "dotted and quoted keys",
			src: lines(
				`site.name = "x"`,
				`"中 文".'b.c' = 1`,
				`[a."b c"]`,
				`d = true`,
				`[a]`,
				`e = 1`,
			),
			want: lines(
				`[.] at 1:1`,
				`. site table key=1:1 value=1:1`,
				`[site] at 1:1`,
				`site name string key=1:6 value=1:13`,
				`. "中 文" table key=2:1 value=2:1`,
				`["中 文"] at 2:1`,
				`"中 文" "b.c" integer key=2:7 value=2:15`,
				`. a table key=5:1 value=5:1`,
				`[a] at 5:1`,
				`a "b c" table key=3:1 value=3:1`,
				`[a."b c"] at 3:1`,
				`a."b c" d boolean key=4:1 value=4:5`,
				`a e integer key=6:1 value=6:5`,
			),
		},
		{
			name: "arrays over several lines, of inline tables, of arrays",
			src: lines(
				`metrics = [`,
				`  "talent.a",   # first, [not a table] x = 1`,
				`  'talent.b',`,
				`  """talent.c""",`,
				`]`,
				`years = [2021, 2025]`,
				`rows = [ { a = 1 }, { a = 2 } ]`,
				`grid = [[1, 2], [3]]`,
			),
			want: lines(
				`[.] at 1:1`,
				`. metrics array key=1:1 value=1:11 elems=2:3,3:3,4:3`,
				`. years array key=6:1 value=6:9 elems=6:10,6:16`,
				`. rows array of tables key=7:1 value=7:8 elems=7:10,7:21`,
				`[rows[0]] at 7:10`,
				`rows[0] a integer key=7:12 value=7:16`,
				`[rows[1]] at 7:21`,
				`rows[1] a integer key=7:23 value=7:27`,
				`. grid array key=8:1 value=8:8 elems=8:9,8:17`,
			),
		},
		{
			name: "inline table over several lines (TOML 1.1)",
			src: lines(
				`t = {`,
				`  a = 1, # one`,
				`  b = [2,`,
				`       3],`,
				`}`,
				`z = 0`,
			),
			want: lines(
				`[.] at 1:1`,
				`. t table key=1:1 value=1:5`,
				`[t] at 1:5`,
				`t a integer key=2:3 value=2:7`,
				`t b array key=3:3 value=3:7 elems=3:8,4:8`,
				`. z integer key=6:1 value=6:5`,
			),
		},
		{
			name: "scalars: dates with a space, times, floats, tricky strings",
			src: lines(
				`d = 1979-05-27 07:32:00Z # c`,
				`day = 1979-05-27`,
				`h = 07:32:00`,
				`f = -1_000.5e3`,
				`s = """a \""" [b] = c""""`,
				`e = "\" = [x]"`,
				`g = true`,
			),
			want: lines(
				`[.] at 1:1`,
				`. d date key=1:1 value=1:5`,
				`. day date key=2:1 value=2:7`,
				`. h time key=3:1 value=3:5`,
				`. f float key=4:1 value=4:5`,
				`. s string key=5:1 value=5:5`,
				`. e string key=6:1 value=6:5`,
				`. g boolean key=7:1 value=7:5`,
			),
		},
		{
			name: "CRLF line ends",
			src:  "a = 1\r\n[t]\r\nb = \"x\"\r\nc = [\r\n  1,\r\n]\r\n",
			want: lines(
				`[.] at 1:1`,
				`. a integer key=1:1 value=1:5`,
				`. t table key=2:1 value=2:1`,
				`[t] at 2:1`,
				`t b string key=3:1 value=3:5`,
				`t c array key=4:1 value=4:5 elems=5:3`,
			),
		},
		{
			name: "byte order mark is not a column",
			src:  "\ufeffa = 1\nb = 2\n",
			want: lines(
				`[.] at 1:1`,
				`. a integer key=1:1 value=1:5`,
				`. b integer key=2:1 value=2:5`,
			),
		},
		{
			name:      "firstLine shifts every line",
			src:       lines(`title = "x"`, `[t]`, `k = [1, 2]`),
			firstLine: 2,
			want: lines(
				`[.] at 2:1`,
				`. title string key=2:1 value=2:9`,
				`. t table key=3:1 value=3:1`,
				`[t] at 3:1`,
				`t k array key=4:1 value=4:5 elems=4:6,4:9`,
			),
		},
		{
			name: "empty document",
			src:  "",
			want: lines(`[.] at 1:1`),
		},
		{
			name: "a table named by a longer header first",
			src:  lines(`[a.b]`, `x = 1`, `[a]`, `y = 2`),
			want: lines(
				`[.] at 1:1`,
				`. a table key=3:1 value=3:1`,
				`[a] at 3:1`,
				`a b table key=1:1 value=1:1`,
				`[a.b] at 1:1`,
				`a.b x integer key=2:1 value=2:5`,
				`a y integer key=4:1 value=4:5`,
			),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, d := Parse("f.toml", []byte(tt.src), max(tt.firstLine, 1))
			if d != nil {
				t.Fatalf("Parse: %v", d)
			}
			if got := dump(root); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestTableAccessors(t *testing.T) {
	root, d := Parse("content/2025/metrics.toml", []byte(lines(`[talent]`, `x = 1`)), 1)
	if d != nil {
		t.Fatal(d)
	}
	talent := root.Raw("talent").(*Table)
	if got := talent.File(); got != "content/2025/metrics.toml" {
		t.Errorf("File() = %q", got)
	}
	if got := talent.Path(); got != "talent" {
		t.Errorf("Path() = %q", got)
	}
	if got := talent.Pos().String(); got != "content/2025/metrics.toml:1:1" {
		t.Errorf("Pos() = %s", got)
	}
	if got := talent.KeyPos("x").String(); got != "content/2025/metrics.toml:2:1" {
		t.Errorf("KeyPos(x) = %s", got)
	}
	// An absent key points at its table; a missing element at the value.
	if got := talent.KeyPos("y").String(); got != "content/2025/metrics.toml:1:1" {
		t.Errorf("KeyPos(y) = %s", got)
	}
	if got := talent.ElemPos("x", 3).String(); got != "content/2025/metrics.toml:2:5" {
		t.Errorf("ElemPos(x, 3) = %s", got)
	}
	if talent.Has("y") || !talent.Has("x") || talent.Raw("y") != nil || talent.Kind("y") != "" {
		t.Error("Has/Raw/Kind disagree on absent and present keys")
	}
	if got := talent.Raw("x"); got != int64(1) {
		t.Errorf("Raw(x) = %#v", got)
	}
}
