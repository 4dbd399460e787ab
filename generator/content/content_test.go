package content

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"nianbao/generator/diag"
)

var zhEn = Options{Default: "zh", Extra: []string{"en"}}

// load loads a site made of files and returns it with every diagnostic,
// one a line.
func load(files map[string]string, o Options) (*Content, string) {
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	var l diag.List
	c := Load(fsys, o, &l)
	return c, diag.ErrorList(l.All()).Error()
}

// mustLoad is load for sites without problems.
func mustLoad(t *testing.T, files map[string]string, o Options) *Content {
	t.Helper()
	c, problems := load(files, o)
	if problems != "" {
		t.Fatalf("Load:\n%s", problems)
	}
	return c
}

func section(title string) string { return "+++\ntitle = \"" + title + "\"\n+++\n正文。\n" }

// slugs lists a year's sections as slug or slug[lang,lang].
func slugs(y *Year) string {
	var out []string
	for _, s := range y.Sections {
		name := s.Slug
		if len(s.Pages) > 1 {
			var ls []string
			for _, lg := range []string{"zh", "en", "ja"} {
				if s.Pages[lg] != nil {
					ls = append(ls, lg)
				}
			}
			name += "[" + strings.Join(ls, ",") + "]"
		}
		out = append(out, name)
	}
	return strings.Join(out, " ")
}

func TestFrontMatterFieldsAreRead(t *testing.T) {
	c := mustLoad(t, map[string]string{
		"content/2025/01-operation.md": "+++\ntitle = \"实体化运行\"\ntitle_en = \"Operation\"\nsummary = \"概要\"\nsummary_en = \"Summary\"\nweight = 3\n+++\n正文第一行。\n",
	}, zhEn)
	p := c.Years[0].Sections[0].Pages["zh"]
	if p.Title.Base != "实体化运行" || p.Title.In("en") != "Operation" || p.Summary.Base != "概要" || p.Summary.In("en") != "Summary" {
		t.Errorf("Title %+v, Summary %+v", p.Title, p.Summary)
	}
	if p.Weight != 3 || !p.HasWgt || p.Draft || p.Broken {
		t.Errorf("Weight %d, HasWgt %v, Draft %v, Broken %v; want 3, true, false, false", p.Weight, p.HasWgt, p.Draft, p.Broken)
	}
	if p.File != "content/2025/01-operation.md" || p.Lang != "zh" {
		t.Errorf("File %q, Lang %q", p.File, p.Lang)
	}
	if string(p.Body) != "正文第一行。\n" || p.BodyLine != 8 {
		t.Errorf("Body %q at line %d, want %q at line 8", p.Body, p.BodyLine, "正文第一行。\n")
	}
	if p.TitleIn("en") != "Operation" || p.TitleIn("zh") != "实体化运行" || p.SummaryIn("en") != "Summary" {
		t.Errorf("TitleIn(en) %q, TitleIn(zh) %q, SummaryIn(en) %q", p.TitleIn("en"), p.TitleIn("zh"), p.SummaryIn("en"))
	}
}

func TestBodyStartsOnTheFileLineAfterTheFrontMatter(t *testing.T) {
	tests := []struct {
		name, src string
		body      string
		line      int
	}{
		{"no front matter", "# 标题\n正文。\n", "# 标题\n正文。\n", 1},
		{"front matter", "+++\ntitle = \"A\"\n+++\n正文。\n", "正文。\n", 4},
		{"blank lines kept", "+++\ntitle = \"A\"\n\n+++\n\n正文。\n", "\n正文。\n", 5},
		{"CRLF and trailing blanks", "+++ \r\ntitle = \"A\"\r\n+++\t\r\n正文。\r\n", "正文。\r\n", 4},
		{"byte order mark", "\ufeff+++\ntitle = \"A\"\n+++\n正文。\n", "正文。\n", 4},
		{"no body", "+++\ntitle = \"A\"\n+++", "", 4},
		{"plus lines in the body stay", "+++\ntitle = \"A\"\n+++\n+++\n", "+++\n", 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := mustLoad(t, map[string]string{"content/_index.md": tt.src}, zhEn)
			p := c.Home["zh"]
			if string(p.Body) != tt.body || p.BodyLine != tt.line {
				t.Errorf("Body %q at line %d, want %q at line %d", p.Body, p.BodyLine, tt.body, tt.line)
			}
		})
	}
}

func TestFrontMatterProblemsNameFileAndLine(t *testing.T) {
	const fields = "draft, summary, summary_<lang>, title, title_<lang>, weight"
	tests := []struct {
		name, file, src string
		want            string
	}{
		{"YAML", "content/2025/01-a.md", "---\ntitle: A\n---\n",
			"content/2025/01-a.md:1:1: front matter must be TOML between +++ lines; YAML front matter (---) is not supported"},
		{"never closed", "content/2025/01-a.md", "+++\ntitle = \"A\"\n正文。\n",
			"content/2025/01-a.md:1:1: front matter opened with +++ is never closed"},
		{"invalid TOML", "content/2025/01-a.md", "+++\ntitle = \"A\"\nweight = x\n+++\n",
			`content/2025/01-a.md:3:10: invalid TOML: expected value but found "x"`},
		{"invalid TOML after Chinese", "content/2025/01-a.md", "+++\ntitle = \"人才培养\" x\n+++\n",
			`content/2025/01-a.md:2:16: invalid TOML: expected a top-level item to end with a newline, comment, or EOF, but got 'x'`},
		{"unknown field", "content/2025/01-a.md", "+++\ntitle = \"A\"\nauthor = \"秘书处\"\n+++\n",
			`content/2025/01-a.md:3:1: unknown field "author" in front matter; expected one of: ` + fields},
		{"misspelt field", "content/2025/01-a.md", "+++\ntitle = \"A\"\nweigth = 2\n+++\n",
			`content/2025/01-a.md:3:1: unknown field "weigth" in front matter; did you mean "weight"?`},
		{"translation fields in a translation", "content/2025/01-a.en.md", "+++\ntitle = \"A\"\ntitle_en = \"A\"\n+++\n",
			`content/2025/01-a.en.md:3:1: unknown field "title_en" in front matter; expected one of: draft, summary, title, weight`},
		{"weight not an integer", "content/2025/01-a.md", "+++\ntitle = \"A\"\nweight = \"2\"\n+++\n",
			`content/2025/01-a.md:3:10: weight must be an integer, not a string`},
		{"draft not a boolean", "content/2025/01-a.md", "+++\ntitle = \"A\"\ndraft = \"yes\"\n+++\n",
			`content/2025/01-a.md:3:9: draft must be a boolean, not a string`},
		{"a date outside _index.md", "content/2025/01-a.md", "+++\ntitle = \"A\"\ndate = 2026-01-15\n+++\n",
			`content/2025/01-a.md:3:1: unknown field "date" in front matter; expected one of: ` + fields},
		{"date not a date", "content/2025/_index.md", "+++\ntitle = \"A\"\ndate = \"15 January\"\n+++\n",
			`content/2025/_index.md:3:8: date must be the report's date, such as date = 2026-01-15`},
		{"date with a time", "content/2025/_index.md", "+++\ntitle = \"A\"\ndate = 2026-01-15T10:00:00Z\n+++\n",
			`content/2025/_index.md:3:8: date must be the report's date, such as date = 2026-01-15`},
		{"no title", "content/2025/01-a.md", "正文。\n",
			`content/2025/01-a.md:1:1: section has no title; add title = "…" to its front matter`},
		{"no title in a translation", "content/2025/01-a.en.md", "+++\nsummary = \"S\"\n+++\n",
			`content/2025/01-a.en.md:1:1: section has no title; add title = "…" to its front matter`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"content/2025/01-a.md": section("A")}
			files[tt.file] = tt.src
			if _, got := load(files, zhEn); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestReportDateIsRead(t *testing.T) {
	for _, src := range []string{"date = 2026-01-15", `date = "2026-01-15"`} {
		c := mustLoad(t, map[string]string{
			"content/2025/_index.md": "+++\ntitle = \"R\"\n" + src + "\n+++\n",
			"content/2025/01-a.md":   section("A"),
		}, zhEn)
		if got := c.Years[0].Index["zh"].Date.Format("2006-01-02"); got != "2026-01-15" {
			t.Errorf("%s: Date %s", src, got)
		}
	}
}

func TestSectionsAreOrderedByPrefixThenWeight(t *testing.T) {
	c := mustLoad(t, map[string]string{
		"content/2025/02-b.md":      section("B"),
		"content/2025/01-c.md":      section("C"),
		"content/2025/10-a.md":      section("A"),
		"content/2025/unordered.md": section("U"),
		"content/2025/09-d.md":      "+++\ntitle = \"D\"\nweight = 2\n+++\n",
		"content/2025/3_e.md":       section("E"),
	}, zhEn)
	if got, want := slugs(c.Years[0]), "c d b e a unordered"; got != want {
		t.Errorf("sections %q, want %q", got, want)
	}
	if s := c.Years[0].Sections[1]; s.Order != 2 || !s.Weighted {
		t.Errorf("weighted section: Order %d, Weighted %v", s.Order, s.Weighted)
	}
}

func TestDraftsAreSkippedUnlessAsked(t *testing.T) {
	files := map[string]string{
		"content/2025/01-a.md":    section("A"),
		"content/2025/01-a.en.md": "+++\ntitle = \"A\"\ndraft = true\n+++\n",
		"content/2025/02-b.md":    "+++\ntitle = \"B\"\ndraft = true\n+++\n",
		"content/2025/02-b.en.md": section("B"),
	}
	c := mustLoad(t, files, zhEn)
	if got, want := slugs(c.Years[0]), "a"; got != want {
		t.Errorf("without drafts: %q, want %q", got, want)
	}
	c = mustLoad(t, files, Options{Default: "zh", Extra: []string{"en"}, Drafts: true})
	if got, want := slugs(c.Years[0]), "a[zh,en] b[zh,en]"; got != want {
		t.Errorf("with drafts: %q, want %q", got, want)
	}
}

func TestFileNameProblemsAreReported(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"translation of a missing section",
			map[string]string{"content/2025/03-z.en.md": section("Z")},
			"content/2025/03-z.en.md: translation of a missing section: there is no content/2025/03-z.md"},
		{"language not configured",
			map[string]string{"content/2025/01-a.fr.md": section("A")},
			`content/2025/01-a.fr.md: language "fr" is not configured in site.toml (add [languages.fr] or rename the file)`},
		{"home page in a language not configured",
			map[string]string{"content/_index.ja.md": "介绍\n"},
			`content/_index.ja.md: language "ja" is not configured in site.toml (add [languages.ja] or rename the file)`},
		{"folder that is not a year",
			map[string]string{"content/2025-draft/01-a.md": section("A")},
			`content/2025-draft: folder "2025-draft" under content/ is not a four-digit year; rename it (such as content/2025) or start its name with _ to ignore it`},
		{"duplicate slug",
			map[string]string{"content/2025/02-a.md": section("A2")},
			`content/2025/02-a.md: duplicate section "a": content/2025/01-a.md has the same slug`},
		{"duplicate slug without prefix",
			map[string]string{"content/2025/a.md": section("A2")},
			`content/2025/a.md: duplicate section "a": content/2025/01-a.md has the same slug`},
		{"slug that differs only in letter case",
			map[string]string{"content/2025/02-A.md": section("A2")},
			`content/2025/02-A.md: duplicate section "A": content/2025/01-a.md has the same slug but for letter case, and hosts on Windows or macOS keep the two pages in one folder; rename one of the files`},
		{"reserved slug",
			map[string]string{"content/2025/05-print.md": section("P")},
			`content/2025/05-print.md: section slug "print" is reserved or empty; rename the file`},
		{"empty slug",
			map[string]string{"content/2025/05-.md": section("P")},
			`content/2025/05-.md: section slug "" is reserved or empty; rename the file`},
		{"dot slug",
			map[string]string{"content/2025/05-..md": section("P")},
			`content/2025/05-..md: section slug "." is reserved or empty; rename the file`},
		{"dot-dot slug",
			map[string]string{"content/2025/05-...md": section("P")},
			`content/2025/05-...md: section slug ".." is reserved or empty; rename the file`},
		{"slug with a hash",
			map[string]string{"content/2025/05-a#b.md": section("P")},
			`content/2025/05-a#b.md: section slug "a#b" holds '#', which cannot stand in a page's address; rename the file`},
		{"slug with a space",
			map[string]string{"content/2025/05-年度 总结.md": section("P")},
			`content/2025/05-年度 总结.md: section slug "年度 总结" holds ' ', which cannot stand in a page's address; rename the file`},
		{"year before 1900",
			map[string]string{"content/0000/01-a.md": section("A")},
			`content/0000: folder "0000" under content/ is not a year from 1900 to 2999; rename it or start its name with _ to ignore it`},
		{"year after 2999",
			map[string]string{"content/3025/01-a.md": section("A")},
			`content/3025: folder "3025" under content/ is not a year from 1900 to 2999; rename it or start its name with _ to ignore it`},
		{"year 1899",
			map[string]string{"content/1899/01-a.md": section("A")},
			`content/1899: folder "1899" under content/ is not a year from 1900 to 2999; rename it or start its name with _ to ignore it`},
		{"text saved as GBK",
			map[string]string{"content/2025/02-b.md": "+++\ntitle = \"B\"\n+++\n第一行\n第二行\xb5\xda\n"},
			`content/2025/02-b.md:5:4: the text is not valid UTF-8 (byte 0xb5); save the file as UTF-8 (it may have been saved as GBK)`},
		{"invalid UTF-8 in front matter",
			map[string]string{"content/2025/02-b.md": "+++\ntitle = \"\xff\"\n+++\n"},
			`content/2025/02-b.md:2:10: the text is not valid UTF-8 (byte 0xff); save the file as UTF-8 (it may have been saved as GBK)`},
		{"stray file in content",
			map[string]string{"content/README.md": "说明\n"},
			"content/README.md: warning: ignored: content/ holds _index.md, metrics.toml, members.toml and year folders"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"content/2025/01-a.md": section("A")}
			for n, d := range tt.files {
				files[n] = d
			}
			if _, got := load(files, zhEn); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestNoContentFolderIsAnError(t *testing.T) {
	_, got := load(map[string]string{"site.toml": ""}, zhEn)
	if want := "content: cannot read the content folder: file does not exist"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestIgnoredNamesAreLeftOut(t *testing.T) {
	c := mustLoad(t, map[string]string{
		"content/_drafts/01-a.md":     "no front matter, no title",
		"content/.git/config":         "x",
		"content/_notes.md":           "x",
		"content/2025/01-a.md":        section("A"),
		"content/2025/_x.md":          "no title",
		"content/2025/.x.md":          "no title",
		"content/2025/_folder/y.md":   "no title",
		"content/2025/.DS_Store":      "x",
		"content/2025/img/_draft.svg": "x",
		"content/2025/img/.hidden/a":  "x",
	}, zhEn)
	y := c.Years[0]
	if got := slugs(y); got != "a" {
		t.Errorf("sections %q, want only a", got)
	}
	if len(y.Static) != 0 {
		t.Errorf("Static = %q, want none", y.Static)
	}
}

func TestYearFoldersHoldIndexMetricsAndStaticFiles(t *testing.T) {
	c := mustLoad(t, map[string]string{
		"content/_index.md":           "首页介绍\n",
		"content/_index.en.md":        "Introduction\n",
		"content/metrics.toml":        "# catalogue\n",
		"content/members.toml":        "# members\n",
		"content/2025/_index.md":      "+++\ntitle = \"2025年度报告\"\n+++\n前言\n",
		"content/2025/_index.en.md":   "+++\ntitle = \"2025 Report\"\n+++\nForeword\n",
		"content/2025/metrics.toml":   "[talent]\n",
		"content/2025/01-a.md":        section("A"),
		"content/2025/logo.png":       "png",
		"content/2025/img/a.svg":      "svg",
		"content/2025/data/t.csv":     "csv",
		"content/2023/01-a.md":        section("A"),
		"content/2023/members.toml":   "static, not members",
		"content/2023/notes.markdown": "static",
	}, zhEn)
	if string(c.Home["zh"].Body) != "首页介绍\n" || string(c.Home["en"].Body) != "Introduction\n" || c.Home["en"].Lang != "en" {
		t.Errorf("Home = %+v", c.Home)
	}
	if c.Catalogue.Name != "content/metrics.toml" || string(c.Catalogue.Src) != "# catalogue\n" || string(c.Members.Src) != "# members\n" {
		t.Errorf("Catalogue %+v, Members %+v", c.Catalogue, c.Members)
	}
	if len(c.Years) != 2 || c.Years[0].Year != 2023 || c.Years[1].Year != 2025 || c.Years[1].Dir != "content/2025" {
		t.Fatalf("Years = %+v", c.Years)
	}
	y23, y25 := c.Years[0], c.Years[1]
	if y25.Index["zh"].Title.Base != "2025年度报告" || y25.Index["en"].Title.Base != "2025 Report" || y25.Index["en"].BodyLine != 4 {
		t.Errorf("2025 Index = %+v", y25.Index)
	}
	if y25.Metrics.Name != "content/2025/metrics.toml" || string(y25.Metrics.Src) != "[talent]\n" {
		t.Errorf("2025 Metrics = %+v", y25.Metrics)
	}
	if y23.Metrics.Name != "content/2023/metrics.toml" || y23.Metrics.Src != nil {
		t.Errorf("2023 Metrics = %+v, want name only", y23.Metrics)
	}
	if want := []string{"content/2025/data/t.csv", "content/2025/img/a.svg", "content/2025/logo.png"}; !reflect.DeepEqual(y25.Static, want) {
		t.Errorf("2025 Static = %q, want %q", y25.Static, want)
	}
	if want := []string{"content/2023/members.toml", "content/2023/notes.markdown"}; !reflect.DeepEqual(y23.Static, want) {
		t.Errorf("2023 Static = %q, want %q", y23.Static, want)
	}
}
