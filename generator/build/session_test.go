package build

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// startSession builds the fixture site in a session.
func startSession(t *testing.T, name string) (*Session, string) {
	t.Helper()
	dir := writeSite(t, readArchive(t, "sites/"+name+".txtar"), nil)
	s, err := NewSession(Options{Site: dir}, "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if r := s.Build(); r.Err != nil {
		t.Fatal(r.Err)
	}
	return s, dir
}

func edit(t *testing.T, dir, file string, f func(string) string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(file))
	old, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(f(string(old))), 0o644); err != nil {
		t.Fatal(err)
	}
}

// sameAsFullBuild checks that the session's output holds every file a
// fresh build writes, with the same bytes.
func sameAsFullBuild(t *testing.T, s *Session, dir string) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Run(Options{Site: dir, Out: out}); err != nil {
		t.Fatal(err)
	}
	got := readTree(t, s.Root())
	for name, want := range readTree(t, out) {
		if !bytes.Equal(got[name], want) {
			t.Errorf("%s differs from a full build", name)
		}
	}
}

func TestEditsRenderOnlyThePagesThatShowThem(t *testing.T) {
	for _, tt := range []struct {
		name, file string
		edit       func(string) string
		pages      []string
	}{
		{
			name:  "translated section",
			file:  "content/2025/01-operation.md",
			edit:  func(s string) string { return strings.Replace(s, "## 经费", "## 经费\n\n新增一段。", 1) },
			pages: []string{"2025/operation/", "2025/print/", "search/"},
		},
		{
			name:  "untranslated section shown in English too",
			file:  "content/2025/02-talent.md",
			edit:  func(s string) string { return strings.Replace(s, "脚注示例", "修改后的脚注示例", 1) },
			pages: []string{"2025/talent/", "en/2025/talent/", "2025/print/", "en/2025/print/", "search/", "en/search/"},
		},
		{
			name:  "translation",
			file:  "content/2025/01-operation.en.md",
			edit:  func(s string) string { return s + "\nOne more line.\n" },
			pages: []string{"en/2025/operation/", "en/2025/print/", "en/search/"},
		},
		{
			name: "a section cites one more metric",
			file: "content/2024/01-talent.md",
			edit: func(s string) string { return s + "\n落实率{{talent.placement_rate}}。\n" },
			pages: []string{"2024/talent/", "en/2024/talent/", "2024/print/", "en/2024/print/", "search/", "en/search/",
				"metrics/talent.placement_rate/", "en/metrics/talent.placement_rate/"},
		},
		{
			name:  "home introduction",
			file:  "content/_index.md",
			edit:  func(s string) string { return s + "\n更多介绍。\n" },
			pages: []string{"", "search/"},
		},
		{
			name: "a year's values",
			file: "content/2025/metrics.toml",
			edit: func(s string) string { return strings.Replace(s, "member_units = 86", "member_units = 90", 1) },
			pages: []string{"", "en/", "2025/", "en/2025/", "2025/charts/", "en/2025/charts/", "2025/print/", "en/2025/print/",
				"metrics/", "en/metrics/", "metrics/operation.member_units/", "en/metrics/operation.member_units/", "search/", "en/search/"},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s, dir := startSession(t, "basic")
			edit(t, dir, tt.file, tt.edit)
			r := s.Rebuild([]string{tt.file})
			if r.Err != nil || r.Full {
				t.Fatalf("rebuild: full %v, %v", r.Full, r.Err)
			}
			settled := s.Settle()
			if settled.Err != nil {
				t.Fatal(settled.Err)
			}
			got := slices.Sorted(slices.Values(append(r.Pages, settled.Pages...)))
			want := slices.Sorted(slices.Values(tt.pages))
			if !slices.Equal(got, want) {
				t.Errorf("rendered %q\nwant       %q", got, want)
			}
			sameAsFullBuild(t, s, dir)
		})
	}
}

func TestOtherChangesLoadTheSiteAgain(t *testing.T) {
	for _, tt := range []struct {
		name, file string
		edit       func(string) string
	}{
		{"front matter", "content/2025/01-operation.md", func(s string) string { return strings.Replace(s, "实体化运行", "实体化运行情况", 1) }},
		{"settings", "site.toml", func(s string) string { return strings.Replace(s, "示例联合体年度报告", "新标题", 1) }},
		{"catalogue", "content/metrics.toml", func(s string) string { return strings.Replace(s, "订单班学生", "订单班学员", 1) }},
		{"new section", "content/2025/05-new.md", func(string) string { return "+++\ntitle = \"新\"\n+++\n新。\n" }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s, dir := startSession(t, "basic")
			p := filepath.Join(dir, filepath.FromSlash(tt.file))
			old, _ := os.ReadFile(p)
			os.WriteFile(p, []byte(tt.edit(string(old))), 0o644)
			r := s.Rebuild([]string{tt.file})
			if r.Err != nil || !r.Full {
				t.Fatalf("rebuild: full %v, %v", r.Full, r.Err)
			}
			sameAsFullBuild(t, s, dir)
		})
	}
}

func TestAnErrorInAnEditIsReportedAndTheFixLoadsAgain(t *testing.T) {
	s, dir := startSession(t, "basic")
	file := "content/2025/01-operation.md"
	edit(t, dir, file, func(s string) string { return strings.Replace(s, "## 经费", "## 经费\n\n{{operation.nope}}", 1) })
	r := s.Rebuild([]string{file})
	if r.Err == nil || r.Full {
		t.Fatalf("rebuild: full %v, err %v", r.Full, r.Err)
	}
	if want := `content/2025/01-operation.md:7:1: unknown metric "operation.nope"`; r.Err.Error() != want {
		t.Errorf("error:\n%v\nwant:\n%s", r.Err, want)
	}
	if line := r.String(); !strings.HasPrefix(line, "content/2025/01-operation.md changed: 1 error(s) in ") {
		t.Errorf("line %q", line)
	}
	edit(t, dir, file, func(s string) string { return strings.Replace(s, "{{operation.nope}}", "", 1) })
	if r := s.Rebuild([]string{file}); r.Err != nil || !r.Full {
		t.Fatalf("after the fix: full %v, %v", r.Full, r.Err)
	}
	sameAsFullBuild(t, s, dir)
}
