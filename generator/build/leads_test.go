package build

import (
	"slices"
	"strings"
	"testing"
)

const leadsSite = `title = "示例联合体年度报告"
baseURL = "https://reports.example.org/alliance/"
language = "zh"

[languages.en]
title = "Example Alliance Annual Report"

[alliance]
name = "示例市域产教联合体"
name_en = "Example Municipal Industry-Education Alliance"
founded = 2024
leads = ["park-committee", "poly", "maker"]

[charts]
echarts = "vendor/echarts.min.js"
`

const leadsMembers = `[[member]]
id = "city-gov"
name = "示例市人民政府"
name_en = "Example Municipal Government"
type = "government"
joined = 2024

[[member]]
id = "park-committee"
name = "示例高新区管委会"
name_en = "Example High-Tech Zone Committee"
type = "park"
joined = 2024

[[member]]
id = "poly"
name = "示例职业技术学院"
name_en = "Example Polytechnic"
type = "higher-vocational"
joined = 2024

[[member]]
id = "school"
name = "示例中等专业学校"
name_en = "Example Secondary Vocational School"
type = "secondary-vocational"
joined = 2024

[[member]]
id = "uni"
name = "示例学院"
name_en = "Example University"
type = "university"
joined = 2025

[[member]]
id = "maker"
name = "示例装备股份有限公司"
name_en = "Example Equipment Co., Ltd."
type = "enterprise"
joined = 2024
`

func TestLeadUnitsShowOnHomeAndMembersPages(t *testing.T) {
	out, _, err := buildArchive(t, "basic", map[string]string{"site.toml": leadsSite, "content/members.toml": leadsMembers}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	zh := []string{"牵头单位", `<span class="lead-type">园区管理机构</span> 示例高新区管委会`, `<span class="lead-type">高等职业院校</span> 示例职业技术学院`, `<span class="lead-type">企业</span> 示例装备股份有限公司`}
	contains(t, out, "index.html", zh...)
	contains(t, out, "members/index.html", zh...)
	contains(t, out, "members/index.html", `<h2 id="members-secondary-vocational">中等职业学校`, `<h2 id="members-university">普通本科高校`, `<h2 id="members-park">园区管理机构`)
	en := []string{"Lead units", `<span class="lead-type">Park authority</span> Example High-Tech Zone Committee`, `<span class="lead-type">Higher vocational college</span> Example Polytechnic`}
	contains(t, out, "en/index.html", en...)
	contains(t, out, "en/members/index.html", en...)
	// Without a free-text lead, the footer names the lead units.
	contains(t, out, "index.html", "牵头单位：示例高新区管委会、示例职业技术学院、示例装备股份有限公司")
	// The lead units keep the order written, not the members' order.
	page := readTree(t, out)["index.html"]
	i, j := strings.Index(string(page), "示例职业技术学院"), strings.Index(string(page), "示例装备股份有限公司")
	if i < 0 || j < i {
		t.Errorf("lead units out of order")
	}
}

func TestUnknownLeadUnitIsAnError(t *testing.T) {
	for _, tc := range []struct {
		name    string
		changes map[string]string
		want    []string
	}{
		{"typo", map[string]string{"site.toml": strings.Replace(leadsSite, `"poly"`, `"polly"`, 1), "content/members.toml": leadsMembers},
			[]string{`site.toml:12:28: lead unit "polly" is not a member in content/members.toml; did you mean "poly"?`}},
		{"twice", map[string]string{"site.toml": strings.Replace(leadsSite, `"maker"]`, `"maker", "poly"]`, 1), "content/members.toml": leadsMembers},
			[]string{`site.toml:12:45: lead unit "poly" is listed twice`}},
		{"no members file", map[string]string{"site.toml": leadsSite, "content/members.toml": "\x00delete"},
			[]string{`site.toml:12:10: leads names members, but there is no content/members.toml: list the lead units there as [[member]] tables`}},
		{"not strings", map[string]string{"site.toml": strings.Replace(leadsSite, `"maker"]`, `3]`, 1), "content/members.toml": leadsMembers},
			[]string{`site.toml:12:36: leads[2] must be a string, not an integer`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := buildArchive(t, "basic", tc.changes, Options{})
			if got := messages(err); !slices.Equal(got, tc.want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

func TestIndicatorCodeOnMetricPageAndDownloads(t *testing.T) {
	a := readArchive(t, "sites/basic.txtar")
	cat := strings.Replace(string(a.files["content/metrics.toml"]), `id = "talent.placement_rate"`, "id = \"talent.placement_rate\"\ncode = \"2.3.1\"", 1)
	out, _, err := buildArchive(t, "basic", map[string]string{"content/metrics.toml": cat}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	contains(t, out, "metrics/talent.placement_rate/index.html", "<dt>指标体系编号</dt><dd>2.3.1</dd>")
	contains(t, out, "en/metrics/talent.placement_rate/index.html", "<dt>Indicator number</dt><dd>2.3.1</dd>")
	contains(t, out, "data/metrics.csv", "talent.placement_rate,talent,毕业去向落实率,2025,93.2,95.0,%,2.3.1,含升学,includes further study\r\n")
	contains(t, out, "data/metrics.json", `"code": "2.3.1"`)
}
