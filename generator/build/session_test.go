package build

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"nianbao/generator/publish"
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

// sameAsFullBuild checks that the session's output holds the files a
// fresh build writes, with the same bytes, and no others (but the
// manifest, which lists the files of the two last builds).
func sameAsFullBuild(t *testing.T, s *Session, dir string) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Run(Options{Site: dir, Out: out}); err != nil {
		t.Fatal(err)
	}
	got, want := readTree(t, s.Root()), readTree(t, out)
	for name, data := range want {
		if !bytes.Equal(got[name], data) {
			t.Errorf("%s differs from a full build", name)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok && name != publish.Manifest {
			t.Errorf("%s is not in a full build", name)
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

// TestAnEditRemovesTheFilesAPageNoLongerWrites deletes charts from a
// section: the figure pages of the charts that are gone (the last ones,
// as the others are numbered again) go too, as in a full build.
func TestAnEditRemovesTheFilesAPageNoLongerWrites(t *testing.T) {
	s, dir := startSession(t, "basic")
	file := "content/2025/03-charts.md"
	if _, err := os.Stat(filepath.Join(s.Root(), "2025/charts/figures/chart-6/index.html")); err != nil {
		t.Fatalf("the fixture's sixth chart has no figure page: %v", err)
	}
	edit(t, dir, file, func(s string) string {
		return strings.Replace(s, "```chart\ntype = \"horizontal-bar\"\nmetrics = [\"talent.order_class_students\"]\n```\n", "", 1)
	})
	if r := s.Rebuild([]string{file}); r.Err != nil || r.Full {
		t.Fatalf("rebuild: full %v, %v", r.Full, r.Err)
	}
	s.Settle()
	sameAsFullBuild(t, s, dir)
	if _, err := os.Stat(filepath.Join(s.Root(), "2025/charts/figures/chart-6")); err == nil {
		t.Error("the folder of the figure page that is gone is still there")
	}
	// Every chart gone: the figures folder goes.
	edit(t, dir, file, func(string) string { return "+++\ntitle = \"图表\"\n+++\n没有图表了。\n" })
	if r := s.Rebuild([]string{file}); r.Err != nil || r.Full {
		t.Fatalf("second rebuild: full %v, %v", r.Full, r.Err)
	}
	s.Settle()
	sameAsFullBuild(t, s, dir)
	if _, err := os.Stat(filepath.Join(s.Root(), "2025/charts/figures")); err == nil {
		t.Error("the figures folder of a section without figures is still there")
	}
}

// TestACancelledSessionBuildKeepsTheLastGoodOne stops a session's builds
// through Options.Context, as Ctrl+C does under serve.
func TestACancelledSessionBuildKeepsTheLastGoodOne(t *testing.T) {
	dir := writeSite(t, readArchive(t, "sites/basic.txtar"), nil)
	ctx, cancel := context.WithCancel(context.Background())
	s, err := NewSession(Options{Site: dir, Context: ctx}, "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if r := s.Build(); r.Err != nil {
		t.Fatal(r.Err)
	}
	root := s.Root()
	cancel()
	file := "content/2025/01-operation.md"
	edit(t, dir, file, func(s string) string { return s + "\n新增一段。\n" })
	if r := s.Rebuild([]string{file}); !errors.Is(r.Err, ErrInterrupted) {
		t.Errorf("an edit after the cancel: %v, want ErrInterrupted", r.Err)
	}
	if r := s.Build(); !errors.Is(r.Err, ErrInterrupted) {
		t.Errorf("a full build after the cancel: %v, want ErrInterrupted", r.Err)
	}
	if s.Root() != root {
		t.Errorf("the session serves %s, want the last good build %s", s.Root(), root)
	}
	if _, err := os.Stat(filepath.Join(root, "index.html")); err != nil {
		t.Errorf("the last good build is gone: %v", err)
	}
}
