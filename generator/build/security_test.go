package build

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// injected matches a tag or attribute that came from the hostile text.
var (
	ourScript = regexp.MustCompile(`^<script src="(\./|(\.\./)+|/alliance/)assets/[\w.-]+\.js" defer></script>`)
	attrValue = regexp.MustCompile(`="[^"]*"`)
	injected  = regexp.MustCompile(`<script>alert|<img[ >]|<[^<>]*\sonerror=`)
)

const hostile = `</script><script>alert(1)</script>"'<img src=x onerror=alert(2)>`

// TestHostileTextIsEscaped puts markup in every text field a user writes
// (titles, metric names, units, notes, chart titles, the alliance's name)
// and checks that no page gains an element or attribute from it, in HTML
// or in chart JSON.
func TestHostileTextIsEscaped(t *testing.T) {
	a := readArchive(t, "sites/basic.txtar")
	q := func(s string) string { b, _ := json.Marshal(s); return string(b) } // a TOML basic string
	cat := strings.NewReplacer(
		`name = "订单班学生"`, `name = `+q("订单班"+hostile),
		`unit = "人"`, `unit = `+q("人"+hostile),
		`name_en = "Operating funds"`, `name_en = `+q("Funds"+hostile),
		`name = "人才培养"`, `name = `+q("人才"+hostile),
	).Replace(string(a.files["content/metrics.toml"]))
	changes := map[string]string{
		"content/metrics.toml": cat,
		"site.toml": strings.NewReplacer(
			`name = "示例市域产教联合体"`, `name = `+q("联合体"+hostile),
			`title = "Example Alliance Annual Report"`, `title = `+q("Report"+hostile),
		).Replace(string(a.files["site.toml"])),
		"content/2025/metrics.toml": strings.Replace(string(a.files["content/2025/metrics.toml"]),
			`note = "含升学"`, `note = `+q("含升学"+hostile), 1),
		"content/2025/02-talent.md": strings.NewReplacer(
			`title = "人才培养"`, `title = `+q("人才"+hostile),
			`title = "订单班规模"`, `title = `+q("规模"+hostile),
		).Replace(string(a.files["content/2025/02-talent.md"])) + "\n" + hostile + "\n\n[link](javascript:alert(3))\n",
	}
	out, _, err := buildArchive(t, "basic", changes, Options{})
	if err != nil {
		t.Fatal(err)
	}
	scriptTag := regexp.MustCompile(`<script[ >]`)
	tree := readTree(t, out)
	checked := 0
	for _, p := range sortedKeys(tree) {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		page := string(tree[p])
		// Escaped text may read "onerror=alert"; a tag may not.
		if strings.Contains(page, `href="javascript:`) {
			t.Errorf("%s: a javascript: link", p)
		}
		// Attribute values are quoted with " and cannot hold a raw ", so
		// blanking them leaves only markup.
		if m := injected.FindString(attrValue.ReplaceAllString(page, `=""`)); m != "" {
			t.Errorf("%s: injected markup %q", p, m)
		}
		// Every <script> element is one of ours: ECharts, nianbao.js, or a
		// chart option in JSON.
		for _, loc := range scriptTag.FindAllStringIndex(page, -1) {
			tag := page[loc[0]:min(len(page), loc[0]+80)]
			if !ourScript.MatchString(tag) && !strings.HasPrefix(tag, `<script type="application/json" id="`) {
				t.Errorf("%s: unexpected script element %q", p, tag)
			}
		}
		// Chart options are valid JSON whose strings carry the text intact.
		for _, m := range regexp.MustCompile(`(?s)<script type="application/json" id="[^"]+">(.*?)</script>`).FindAllStringSubmatch(page, -1) {
			var opt map[string]any
			if err := json.Unmarshal([]byte(m[1]), &opt); err != nil {
				t.Errorf("%s: chart option is not JSON: %v", p, err)
			}
			if strings.Contains(m[1], "</") {
				t.Errorf("%s: chart JSON contains an unescaped </", p)
			}
			checked++
		}
	}
	if checked == 0 {
		t.Fatal("no chart JSON checked")
	}
	// The hostile text reaches the reader as text.
	contains(t, out, "2025/talent/index.html", "人才&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&#34;&#39;&lt;img src=x onerror=alert(2)&gt;")
	data, _ := os.ReadFile(filepath.Join(out, "2025/talent/index.html"))
	if !strings.Contains(string(data), `\u003c/script\u003e\u003cscript\u003ealert(1)`) {
		t.Error("chart JSON does not carry the escaped metric name")
	}
}
