package build

import (
	"io/fs"
	"sort"
	"strings"
	"testing"

	"nianbao"
	"nianbao/generator/diag"
	"nianbao/generator/tomldoc"
)

// TestEveryThemeStringInEveryLanguage reads the built-in theme's i18n
// files: each must have exactly the same keys.
func TestEveryThemeStringInEveryLanguage(t *testing.T) {
	th := nianbao.DefaultTheme()
	files, err := fs.Glob(th, "i18n/*.toml")
	if err != nil || len(files) < 2 {
		t.Fatalf("i18n files: %v, %v", files, err)
	}
	keys := map[string][]string{}
	for _, f := range files {
		src, _ := fs.ReadFile(th, f)
		doc, d := tomldoc.Parse(f, src, 1)
		if d != nil {
			t.Fatal(d)
		}
		var l diag.List
		for _, k := range doc.Keys() {
			if s, ok := doc.String(k, &l); !ok || strings.TrimSpace(s) == "" {
				t.Errorf("%s: %q is empty or not a string", f, k)
			}
			keys[f] = append(keys[f], k)
		}
		sort.Strings(keys[f])
	}
	first := files[0]
	for _, f := range files[1:] {
		if a, b := strings.Join(keys[first], " "), strings.Join(keys[f], " "); a != b {
			t.Errorf("%s and %s have different keys:\n%s\n%s", first, f, a, b)
		}
	}
}

// TestUntranslatedSectionFallsBack checks the English edition of a section
// written only in Chinese: the page exists, says so in English with a link
// to the original, and marks the Chinese text as such.
func TestUntranslatedSectionFallsBack(t *testing.T) {
	out, _, err := buildArchive(t, "basic", nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	contains(t, out, "en/2025/talent/index.html",
		`<html lang="en"`,
		`<p class="fallback-notice" role="note">This section has not been translated into English yet; it is shown in the original Chinese. <a href="/alliance/2025/talent/" hreflang="zh">View the original page</a></p>`,
		`<div class="prose" lang="zh">`,
		`<h1 lang="zh">`, // the Chinese title; the English kicker above it is not marked zh
		`>1,380 人<`,      // numbers as in the original
		`<link rel="alternate" hreflang="zh" href="https://reports.example.org/alliance/2025/talent/">`, // absolute: baseURL has a host
		`<a href="/alliance/2025/talent/" hreflang="zh" lang="zh">中文</a>`)
	lacks(t, out, "en/2025/operation/index.html", "fallback-notice") // translated
	lacks(t, out, "2025/talent/index.html", "fallback-notice")       // the original
	// Crawlers are not told that the Chinese text is English.
	lacks(t, out, "en/2025/talent/index.html", `<link rel="alternate" hreflang="en"`)
	lacks(t, out, "2025/talent/index.html", `<link rel="alternate" hreflang="en"`)
	contains(t, out, "2025/talent/index.html", `<link rel="alternate" hreflang="x-default" href="https://reports.example.org/alliance/2025/talent/">`)
	contains(t, out, "2025/operation/index.html", `<link rel="alternate" hreflang="en" href="https://reports.example.org/alliance/en/2025/operation/">`)
}

// TestLanguageWithoutThemeStrings builds a French edition: the theme has
// no French strings, so its pages use the English ones, with a warning.
func TestLanguageWithoutThemeStrings(t *testing.T) {
	a := readArchive(t, "sites/basic.txtar")
	site := strings.Replace(string(a.files["site.toml"]), "[languages.en]", "[languages.fr]\ntitle = \"Rapports\"\n\n[languages.en]", 1)
	out, st, err := buildArchive(t, "basic", map[string]string{
		"site.toml":                    site,
		"content/2025/02-talent.fr.md": "+++\ntitle = \"Formation\"\n+++\nÉlèves : {{talent.order_class_students}}.\n",
	}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := `i18n/fr.toml: warning: the theme has no strings for language "fr"; its pages use English ones until you add i18n/fr.toml (copy the theme's i18n/en.toml)`
	found := false
	for _, w := range st.Warnings {
		found = found || w.Error() == want
	}
	if !found {
		t.Errorf("warnings %v lack %q", st.Warnings, want)
	}
	contains(t, out, "fr/2025/talent/index.html", `<html lang="fr"`, `<h1>Formation</h1>`, `Skip to content`, "1,380 人")
	contains(t, out, "fr/2025/operation/index.html", `This section has not been translated`)
}
