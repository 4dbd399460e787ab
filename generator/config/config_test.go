package config

import (
	"reflect"
	"strings"
	"testing"

	"nianbao/generator/diag"
	"nianbao/generator/lang"
)

// parse parses src and fails the test on any diagnostic.
func parse(t *testing.T, src, baseURL string) *Config {
	t.Helper()
	var l diag.List
	c := Parse([]byte(src), baseURL, &l)
	if ds := l.All(); len(ds) > 0 {
		t.Fatalf("Parse:\n%v", diag.ErrorList(ds))
	}
	return c
}

// problems parses src and returns every diagnostic, one a line.
func problems(src, baseURL string) string {
	var l diag.List
	Parse([]byte(src), baseURL, &l)
	return diag.ErrorList(l.All()).Error()
}

func TestEmptySiteTomlGivesDefaults(t *testing.T) {
	c := parse(t, "", "")
	if c.Language != "zh" || c.Theme != "default" || c.BaseURL != "/" || c.BasePath != "/" {
		t.Errorf("Language %q, Theme %q, BaseURL %q, BasePath %q; want zh, default, /, /", c.Language, c.Theme, c.BaseURL, c.BasePath)
	}
	if want := []lang.Language{{Code: "zh", Default: true}}; !reflect.DeepEqual(c.Languages, want) {
		t.Errorf("Languages = %+v, want %+v", c.Languages, want)
	}
	if want := map[string]string{"zh": "中文"}; !reflect.DeepEqual(c.Labels, want) {
		t.Errorf("Labels = %v, want %v", c.Labels, want)
	}
	if got := c.Extra(); got != nil {
		t.Errorf("Extra() = %q, want none", got)
	}
}

func TestBaseURLGivesBasePath(t *testing.T) {
	tests := []struct {
		file, flag       string
		wantURL, wantDir string
	}{
		{"https://reports.example.org/alliance/", "", "https://reports.example.org/alliance/", "/alliance/"},
		{"https://reports.example.org/alliance", "", "https://reports.example.org/alliance/", "/alliance/"},
		{"https://reports.example.org", "", "https://reports.example.org/", "/"},
		{"http://intranet/a/b", "", "http://intranet/a/b/", "/a/b/"},
		{"/reports", "", "/reports/", "/reports/"},
		{"/年报/", "", "/%E5%B9%B4%E6%8A%A5/", "/%E5%B9%B4%E6%8A%A5/"},
		{"https://reports.example.org/alliance/", "/", "/", "/"},
		{"https://reports.example.org/alliance/", "http://localhost:1313/preview", "http://localhost:1313/preview/", "/preview/"},
		{"", "https://cdn.example.org/r/", "https://cdn.example.org/r/", "/r/"},
	}
	for _, tt := range tests {
		src := ""
		if tt.file != "" {
			src = "baseURL = \"" + tt.file + "\"\n"
		}
		c := parse(t, src, tt.flag)
		if c.BaseURL != tt.wantURL || c.BasePath != tt.wantDir {
			t.Errorf("baseURL %q, --baseURL %q: BaseURL %q, BasePath %q; want %q, %q", tt.file, tt.flag, c.BaseURL, c.BasePath, tt.wantURL, tt.wantDir)
		}
	}
}

func TestBadBaseURLIsReportedAtItsValue(t *testing.T) {
	tests := []struct {
		baseURL string
		want    string
	}{
		{"ftp://reports.example.org/", `site.toml:2:11: baseURL "ftp://reports.example.org/" must start with https://, http:// or /`},
		{"reports/2025/", `site.toml:2:11: baseURL "reports/2025/" must start with https://, http:// or /`},
		{"https://reports.example.org/?lang=zh", `site.toml:2:11: baseURL "https://reports.example.org/?lang=zh" must not have a query or fragment`},
		{"https://reports.example.org/#top", `site.toml:2:11: baseURL "https://reports.example.org/#top" must not have a query or fragment`},
		{"https://reports.example.org:port/", `site.toml:2:11: baseURL "https://reports.example.org:port/" is not a URL: parse "https://reports.example.org:port/": invalid port ":port" after host`},
	}
	for _, tt := range tests {
		got := problems("title = \"T\"\nbaseURL = \""+tt.baseURL+"\"\n", "")
		if got != tt.want {
			t.Errorf("baseURL %q:\n got %s\nwant %s", tt.baseURL, got, tt.want)
		}
	}
}

func TestBadBaseURLFlagIsNotBlamedOnSiteToml(t *testing.T) {
	got := problems("title = \"T\"\nbaseURL = \"https://reports.example.org/\"\n", "ftp://x/")
	if strings.HasPrefix(got, "site.toml:") {
		t.Errorf("a bad --baseURL is reported as %q, a position in site.toml", got)
	}
}

func TestBaseURLWithoutAHostIsAnError(t *testing.T) {
	for _, u := range []string{"https://", "https:///alliance/", "http:reports"} {
		var l diag.List
		c := Parse([]byte("baseURL = \""+u+"\"\n"), "", &l)
		if !l.HasErrors() {
			t.Errorf("baseURL %q accepted as BaseURL %q, BasePath %q", u, c.BaseURL, c.BasePath)
		}
	}
}

func TestExtraLanguagesTranslateTitleAndLabel(t *testing.T) {
	c := parse(t, `title = "泰州市域产教联合体年度报告"
description = "年度进展"
description_en = "Yearly progress"

[languages.en]
title = "Taizhou Alliance Annual Report"
label = "EN"

[languages.ja]
title = "泰州年報"
`, "")
	if got := c.Title.In("en"); got != "Taizhou Alliance Annual Report" {
		t.Errorf("Title in en = %q", got)
	}
	if got := c.Title.In("zh"); got != "泰州市域产教联合体年度报告" {
		t.Errorf("Title in zh = %q", got)
	}
	if got := c.Description.In("en"); got != "Yearly progress" {
		t.Errorf("Description in en = %q", got)
	}
	if want := map[string]string{"zh": "中文", "en": "EN", "ja": "日本語"}; !reflect.DeepEqual(c.Labels, want) {
		t.Errorf("Labels = %v, want %v", c.Labels, want)
	}
	if got := c.Extra(); !reflect.DeepEqual(got, []string{"en", "ja"}) {
		t.Errorf("Extra() = %q, want [en ja]", got)
	}
}

func TestLanguagesListTheDefaultFirst(t *testing.T) {
	c := parse(t, "language = \"en\"\n\n[languages.zh]\ntitle = \"中\"\n\n[languages.fr]\ntitle = \"F\"\n\n[languages.eo]\n", "")
	want := []lang.Language{
		{Code: "en", Default: true},
		{Code: "eo", Prefix: "eo/"},
		{Code: "fr", Prefix: "fr/"},
		{Code: "zh", Prefix: "zh/"},
	}
	if !reflect.DeepEqual(c.Languages, want) {
		t.Errorf("Languages = %+v, want %+v", c.Languages, want)
	}
	if c.Labels["eo"] != "eo" {
		t.Errorf("label of a language with no default label = %q, want its code", c.Labels["eo"])
	}
}

func TestTitleFallsBackToTheAllianceName(t *testing.T) {
	c := parse(t, "[alliance]\nname = \"泰州市域产教联合体\"\nname_en = \"Taizhou Alliance\"\nlead = \"泰州市人民政府\"\nfounded = 2023\n", "")
	if c.Title.Base != "泰州市域产教联合体" || c.Alliance.Founded != 2023 || c.Alliance.Lead.Base != "泰州市人民政府" {
		t.Errorf("Title %q, Alliance %+v", c.Title.Base, c.Alliance)
	}
}

func TestChartsEChartsKeepsItsPosition(t *testing.T) {
	c := parse(t, "title = \"T\"\n\n[charts]\n echarts = \"vendor/echarts.min.js\"\n", "")
	if c.Charts.ECharts != "vendor/echarts.min.js" || c.Charts.ECHartsPos.String() != "site.toml:4:12" {
		t.Errorf("Charts = %+v, want vendor/echarts.min.js at site.toml:4:12", c.Charts)
	}
}

func TestBadSettingsAreReported(t *testing.T) {
	const fields = "alliance, baseURL, charts, description, description_<lang>, language, languages, theme, title, title_<lang>"
	tests := []struct {
		name, src string
		want      []string
	}{
		{"misspelt field", "title = \"T\"\nthme = \"default\"\n",
			[]string{`site.toml:2:1: unknown field "thme" in site.toml; did you mean "theme"?`}},
		{"unknown field", "author = \"秘书处\"\n",
			[]string{`site.toml:1:1: unknown field "author" in site.toml; expected one of: ` + fields}},
		{"translation of any language is known", "title_fr = \"T\"\ndescription_zh-hant = \"D\"\n", nil},
		{"unknown field in a language", "[languages.en]\ntitel = \"T\"\n",
			[]string{`site.toml:2:1: unknown field "titel" in [languages.en]; did you mean "title"?`}},
		{"unknown field in a language, no hint", "[languages.en]\nlogo = \"x.png\"\n",
			[]string{`site.toml:2:1: unknown field "logo" in [languages.en]; expected one of: description, label, title`}},
		{"unknown field in alliance", "[alliance]\nfounder = 2023\n",
			[]string{`site.toml:2:1: unknown field "founder" in [alliance]; did you mean "founded"?`}},
		{"unknown field in charts", "[charts]\n  echart = \"x.js\"\n",
			[]string{`site.toml:2:3: unknown field "echart" in [charts]; did you mean "echarts"?`}},
		{"default language under languages", "language = \"zh\"\n\n[languages.zh]\ntitle = \"T\"\n",
			[]string{`site.toml:3:1: [languages.zh] is the default language; set its title at the top of site.toml`}},
		{"default language as inline table", "language = \"en\"\nlanguages = { en = { title = \"T\" } }\n",
			[]string{`site.toml:2:15: [languages.en] is the default language; set its title at the top of site.toml`}},
		{"bad language code", "language = \"Chinese\"\n",
			[]string{`site.toml:1:12: language "Chinese" is not a language code such as "zh" or "en"`}},
		{"bad extra language code", "[languages.English]\ntitle = \"T\"\n",
			[]string{`site.toml:1:1: language "English" is not a language code such as "zh" or "en"`}},
		{"a country code", "language = \"cn\"\n",
			[]string{`site.toml:1:12: language "cn" is not a language code (ISO 639-1); did you mean "zh"?`}},
		{"language not a string", "language = 1\n",
			[]string{`site.toml:1:12: language must be a string, not an integer`}},
		{"theme with a path", "theme = \"../other\"\n",
			[]string{`site.toml:1:9: theme "../other" must be the name of a folder under themes/`}},
		{"empty theme", "theme = \"\"\n",
			[]string{`site.toml:1:9: theme "" must be the name of a folder under themes/`}},
		{"founded not an integer", "[alliance]\nfounded = \"2023\"\n",
			[]string{`site.toml:2:11: founded must be an integer, not a string`}},
		{"invalid TOML", "title = \"T\"\nbaseURL = /\n",
			[]string{`site.toml:2:11: invalid TOML: expected value but found '/'`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := problems(tt.src, "")
			if want := strings.Join(tt.want, "\n"); got != want {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
		})
	}
}

func TestSyntaxErrorStillGivesDefaults(t *testing.T) {
	var l diag.List
	c := Parse([]byte("title = \n"), "/preview/", &l)
	if !l.HasErrors() {
		t.Fatal("no error for invalid TOML")
	}
	if c.Language != "zh" || c.Theme != "default" || c.BaseURL != "/preview/" {
		t.Errorf("Language %q, Theme %q, BaseURL %q; want zh, default, /preview/", c.Language, c.Theme, c.BaseURL)
	}
}

func TestBaseURLIsAnAbsoluteURLOrAPathWithOneLeadingSlash(t *testing.T) {
	tests := []struct {
		baseURL string
		want    string
	}{
		{"//evil.example/", `site.toml:2:11: baseURL "//evil.example/" starts with //, which browsers read as another host; write https://host/path/ or a path with a single leading /`},
		{"//evil.example", `site.toml:2:11: baseURL "//evil.example" starts with //, which browsers read as another host; write https://host/path/ or a path with a single leading /`},
		{"///evil.example/", `site.toml:2:11: baseURL "///evil.example/" starts with //, which browsers read as another host; write https://host/path/ or a path with a single leading /`},
		{`/\\evil.example/`, `site.toml:2:11: baseURL "/\\evil.example/" holds a backslash, which browsers read as /; write it with / only`},
		{"https://user:secret@reports.example.org/", `site.toml:2:11: baseURL "https://user:secret@reports.example.org/" carries a user name or password, which every page would show; leave them out`},
		{"javascript:alert(1)", `site.toml:2:11: baseURL "javascript:alert(1)" must start with https://, http:// or /`},
		{"https://reports.example.org/../alliance/", `site.toml:2:11: baseURL "https://reports.example.org/../alliance/" has a . or .. folder, which browsers drop, so the site would not be where its links say; write the path as readers reach it`},
		{"/%2e%2e/", `site.toml:2:11: baseURL "/%2e%2e/" has a . or .. folder, which browsers drop, so the site would not be where its links say; write the path as readers reach it`},
		{"/alliance/./2025/", `site.toml:2:11: baseURL "/alliance/./2025/" has a . or .. folder, which browsers drop, so the site would not be where its links say; write the path as readers reach it`},
		{"/alliance/", ""},
		{"/a..b/", ""},
		{"/", ""},
		{"https://reports.example.org/alliance/", ""},
		{"http://10.0.0.5:8080/", ""},
	}
	for _, tt := range tests {
		if got := problems("title = \"T\"\nbaseURL = \""+tt.baseURL+"\"\n", ""); got != tt.want {
			t.Errorf("baseURL %q:\n got %s\nwant %s", tt.baseURL, got, tt.want)
		}
	}
	if got := problems("title = \"T\"\n", "//evil.example/"); !strings.Contains(got, "starts with //") {
		t.Errorf("--baseURL //evil.example/: %q", got)
	}
}
