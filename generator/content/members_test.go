package content

import (
	"reflect"
	"testing"

	"nianbao/generator/diag"
	"nianbao/generator/lang"
)

func parseMembers(src string) ([]*Member, string) {
	var l diag.List
	ms := ParseMembers(File{Name: "content/members.toml", Src: []byte(src)}, []string{"en"}, &l)
	return ms, diag.ErrorList(l.All()).Error()
}

func TestMembersAreRead(t *testing.T) {
	ms, problems := parseMembers(`[[member]]
id = "jl-poly"
name = "江澜职业技术学院"
name_en = "Jianglan Polytechnic"
type = "college"
joined = 2023
note = "牵头院校"
url = "https://jl-poly.example.edu.cn/"

[[member]]
id = "tz-gov"
name = "泰州市人民政府"
type = "government"
`)
	if problems != "" {
		t.Fatal(problems)
	}
	want := []*Member{
		{ID: "jl-poly", Name: lang.Text{Base: "江澜职业技术学院", Tr: map[string]string{"en": "Jianglan Polytechnic"}},
			Type: "college", Joined: 2023, Note: lang.Text{Base: "牵头院校"}, URL: "https://jl-poly.example.edu.cn/",
			Pos: diag.Pos{File: "content/members.toml", Line: 1, Col: 1}},
		{ID: "tz-gov", Name: lang.Text{Base: "泰州市人民政府"}, Type: "government",
			Pos: diag.Pos{File: "content/members.toml", Line: 10, Col: 1}},
	}
	if !reflect.DeepEqual(ms, want) {
		for i := range ms {
			t.Errorf("member %d = %+v", i, *ms[i])
		}
	}
}

func TestMemberProblemsAreReportedWhereWritten(t *testing.T) {
	const ok = "[[member]]\nid = \"a\"\nname = \"甲\"\ntype = \"college\"\n"
	tests := []struct {
		name, src string
		want      string
	}{
		{"no id", "[[member]]\nname = \"甲\"\ntype = \"college\"\n",
			"content/members.toml:1:1: member has no id"},
		{"id not a string", "[[member]]\nid = 1\nname = \"甲\"\ntype = \"college\"\n",
			"content/members.toml:2:6: id must be a string, not an integer"},
		{"bad id", "[[member]]\nid = \"JL_Poly\"\nname = \"甲\"\ntype = \"college\"\n",
			`content/members.toml:2:6: member id "JL_Poly" must be lowercase letters, digits and -`},
		{"duplicate id", ok + "\n[[member]]\nid = \"a\"\nname = \"乙\"\ntype = \"college\"\n",
			`content/members.toml:7:6: duplicate member "a" (first defined at content/members.toml:2:6)`},
		{"no name", "[[member]]\nid = \"a\"\ntype = \"college\"\n",
			`content/members.toml:2:6: member "a" has no name`},
		{"no type", "[[member]]\nid = \"a\"\nname = \"甲\"\n",
			`content/members.toml:2:6: member "a" has no type`},
		{"unknown type", "[[member]]\nid = \"a\"\nname = \"甲\"\ntype = \"school\"\n",
			`content/members.toml:4:8: member type "school" must be one of government, park, secondary-vocational, higher-vocational, university, college, enterprise, institute, association`},
		{"joined not an integer", ok + "joined = \"2023\"\n",
			`content/members.toml:5:10: joined must be an integer, not a string`},
		{"unknown field", ok + "website = \"x\"\n",
			`content/members.toml:5:1: unknown field "website" in [[member]]; expected one of: id, joined, name, name_<lang>, note, note_<lang>, type, url`},
		{"misspelt field", ok + "joind = 2023\n",
			`content/members.toml:5:1: unknown field "joind" in [[member]]; did you mean "joined"?`},
		{"misspelt table", "[[members]]\nid = \"a\"\n",
			`content/members.toml:1:1: unknown field "members" in members.toml; did you mean "member"?`},
		{"member not an array of tables", "member = \"a\"\n",
			`content/members.toml:1:10: member must be an array of tables, not a string`},
		{"invalid TOML", "[[member]]\nid = jl\n",
			`content/members.toml:2:6: invalid TOML: expected value but found "jl"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, got := parseMembers(tt.src); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}
