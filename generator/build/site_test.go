package build

import (
	"bytes"
	"encoding/base64"
	"html"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"nianbao/generator/theme"
)

// buildArchive builds the site in testdata/sites/<name>.txtar with changes
// applied and returns its output folder and the error.
func buildArchive(t *testing.T, name string, changes map[string]string, o Options) (string, Stats, error) {
	t.Helper()
	dir := writeSite(t, readArchive(t, "sites/"+name+".txtar"), changes)
	o.Site = dir
	if o.Out == "" {
		o.Out = filepath.Join(t.TempDir(), "public")
	}
	st, err := Run(o)
	return o.Out, st, err
}

// fingerprints matches fingerprinted asset names, which the golden files
// hold as name.HASH.ext so that a change to the theme's CSS does not
// touch every page there (TestAssetsAreFingerprinted checks the hashes).
var fingerprints = regexp.MustCompile(`(assets/[\w.-]+?)\.[0-9a-f]{10}(\.\w+)`)

// TestSiteGolden builds each fixture site and compares every page and CSV
// with testdata/golden/<name>.txtar; assets are compared by name only.
// go test ./generator/build -run TestSiteGolden -update rewrites them.
func TestSiteGolden(t *testing.T) {
	for _, name := range []string{"basic"} {
		t.Run(name, func(t *testing.T) {
			out, _, err := buildArchive(t, name, nil, Options{})
			if err != nil {
				t.Fatal(err)
			}
			tree := readTree(t, out)
			got := &archive{files: map[string][]byte{}}
			for _, p := range sortedKeys(tree) {
				if strings.HasPrefix(p, "assets/") {
					p := fingerprints.ReplaceAllString(p, "$1.HASH$2")
					got.names = append(got.names, p)
					got.files[p] = []byte("(asset)\n")
					continue
				}
				if strings.HasSuffix(p, ".xlsx") { // binary; read back in TestMetricsWorkbookDownload
					got.names = append(got.names, p)
					got.files[p] = []byte("(workbook)\n")
					continue
				}
				got.names = append(got.names, p)
				got.files[p] = fingerprints.ReplaceAll(tree[p], []byte("$1.HASH$2"))
			}
			golden := filepath.Join("testdata", "golden", name+".txtar")
			if *update {
				os.MkdirAll(filepath.Dir(golden), 0o755)
				if err := os.WriteFile(golden, got.format(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			wantA := parseArchive(want)
			for _, n := range wantA.names {
				if _, ok := got.files[n]; !ok {
					t.Errorf("missing output file %s", n)
				}
			}
			for _, n := range got.names {
				w, ok := wantA.files[n]
				if !ok {
					t.Errorf("unexpected output file %s", n)
					continue
				}
				if !bytes.Equal(normalize(got.files[n]), normalize(w)) {
					t.Errorf("%s differs from the golden file; run with -update and review the diff:\n%s", n, firstDiff(w, got.files[n]))
				}
			}
		})
	}
}

func normalize(b []byte) []byte {
	if len(b) > 0 && b[len(b)-1] != '\n' {
		return append(append([]byte(nil), b...), '\n')
	}
	return b
}

func firstDiff(want, got []byte) string {
	wl := strings.Split(string(want), "\n")
	gl := strings.Split(string(got), "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + itoa(i+1) + ":\n  want: " + w + "\n  got:  " + g
		}
	}
	return ""
}

func itoa(i int) string { return strings.TrimSpace(strings.Repeat(" ", 0) + fmtInt(i)) }

func fmtInt(i int) string {
	if i == 0 {
		return "0"
	}
	var b []byte
	for ; i > 0; i /= 10 {
		b = append([]byte{byte('0' + i%10)}, b...)
	}
	return string(b)
}

// contains asserts that the file at rel under out holds every snippet.
func contains(t *testing.T, out, rel string, snippets ...string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(rel)))
	if err != nil {
		t.Errorf("%s: %v", rel, err)
		return
	}
	for _, s := range snippets {
		if !strings.Contains(string(data), s) {
			t.Errorf("%s does not contain %q", rel, s)
		}
	}
}

func lacks(t *testing.T, out, rel string, snippets ...string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(rel)))
	if err != nil {
		t.Errorf("%s: %v", rel, err)
		return
	}
	for _, s := range snippets {
		if strings.Contains(string(data), s) {
			t.Errorf("%s contains %q", rel, s)
		}
	}
}

func exists(t *testing.T, out, rel string, want bool) {
	t.Helper()
	_, err := os.Stat(filepath.Join(out, filepath.FromSlash(rel)))
	if (err == nil) != want {
		t.Errorf("%s exists = %v, want %v", rel, err == nil, want)
	}
}

// TestNumbersInProse checks references against hand-computed values.
func TestNumbersInProse(t *testing.T) {
	out, _, err := buildArchive(t, "basic", nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	contains(t, out, "2025/talent/index.html",
		">1,380 人<",         // value with unit
		">1,228 人<",         // @2024
		">+12.4%<",          // (1380-1228)/1228 = 12.38%
		">1,500 人<",         // target
		">92.0%<",           // 1380/1500
		">93.2%<",           // percent value
		">+2.1 个百分点<",       // 93.2-91.1 points
		">18.4<",            // ratio without unit
		`id="talent-kpi-1"`, // blocks are numbered per page, after the section's slug
		`id="talent-chart-2"`,
		`id="talent-table-3"`,
		`<th scope="row">订单班学生（人）</th>`,
	)
	contains(t, out, "2025/operation/index.html",
		">1,480 万元<", ">+27.6%<", // 1480/1160-1 = 27.59%
		"<code>{{operation.operating_funds}}</code>", // code spans stay as written
	)
	lacks(t, out, "2025/operation/index.html", `<script>alert("raw html")</script>`)
	contains(t, out, "en/2025/operation/index.html", ">1,480 10k CNY<", ">+27.6%<")
	contains(t, out, "en/2025/index.html", `reached <span class="ref" title="Member organisations">86</span>.`) // empty unit_en: no unit
	contains(t, out, "2025/index.html", ">86 家<")
}

func TestWeightOrdersSections(t *testing.T) {
	out, _, err := buildArchive(t, "basic", nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(filepath.Join(out, "2025/index.html"))
	s := string(data)
	talent, op, charts := strings.Index(s, `href="/alliance/2025/talent/"`), strings.Index(s, `href="/alliance/2025/operation/"`), strings.Index(s, `href="/alliance/2025/charts/"`)
	if !(talent >= 0 && talent < op && op < charts) {
		t.Errorf("contents order: talent at %d, operation at %d, charts at %d; want talent (weight 1) first", talent, op, charts)
	}
}

func TestDraftsAndIgnoredFiles(t *testing.T) {
	out, _, err := buildArchive(t, "basic", nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	exists(t, out, "2025/plan/index.html", false)
	exists(t, out, "en/2025/plan/index.html", false)
	exists(t, out, "2025/_notes/index.html", false)
	lacks(t, out, "2025/index.html", "计划（草稿）")

	out, _, err = buildArchive(t, "basic", nil, Options{Drafts: true})
	if err != nil {
		t.Fatal(err)
	}
	contains(t, out, "2025/plan/index.html", "计划（草稿）")
	contains(t, out, "en/2025/plan/index.html", "Plan (draft)")
}

func TestSubPathLinks(t *testing.T) {
	out, _, err := buildArchive(t, "basic", nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	tree := readTree(t, out)
	for _, p := range sortedKeys(tree) {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		for _, link := range links(tree[p]) {
			if strings.HasPrefix(link, "#") || strings.HasPrefix(link, "data:") || strings.HasPrefix(link, "https://reports.example.org/alliance/") {
				continue
			}
			if !strings.HasPrefix(link, "/") {
				// Relative (assets): resolve against the page's folder.
				link = path.Join("/alliance", path.Dir(p), link)
			}
			if !strings.HasPrefix(link, "/alliance/") {
				t.Errorf("%s: link %q is outside the base path /alliance/", p, link)
				continue
			}
			target := strings.TrimPrefix(strings.SplitN(link, "#", 2)[0], "/alliance/")
			if target == "" || strings.HasSuffix(target, "/") {
				target += "index.html"
			}
			if _, ok := tree[target]; !ok {
				t.Errorf("%s: link %q leads nowhere", p, link)
			}
		}
	}
	// The same site with another base URL.
	out, _, err = buildArchive(t, "basic", nil, Options{BaseURL: "/"})
	if err != nil {
		t.Fatal(err)
	}
	contains(t, out, "index.html", `href="/2025/"`)
}

// links returns the href and src attribute values of an HTML page.
func links(page []byte) []string {
	var out []string
	s := string(page)
	for _, attr := range []string{`href="`, `src="`} {
		for i := strings.Index(s, attr); i >= 0; {
			rest := s[i+len(attr):]
			end := strings.IndexByte(rest, '"')
			if end < 0 {
				break
			}
			out = append(out, html.UnescapeString(rest[:end]))
			next := strings.Index(rest[end:], attr)
			if next < 0 {
				break
			}
			i += len(attr) + end + next
		}
	}
	return out
}

// TestTranslationsWithoutTheLanguage builds a one-language site whose
// files carry name_en and title_en, as the content contract's examples
// do: translations for a language the site does not publish are kept, not
// errors.
func TestTranslationsWithoutTheLanguage(t *testing.T) {
	a := readArchive(t, "sites/basic.txtar")
	site := strings.Replace(string(a.files["site.toml"]), "[languages.en]", "[unused]", 1)
	site = strings.Replace(site, "[unused]\ntitle = \"Example Alliance Annual Report\"\ndescription = \"Annual progress reports of the Example alliance\"\n", "", 1)
	out, _, err := buildArchive(t, "basic", map[string]string{
		"site.toml":                       site,
		"content/_index.en.md":            "\x00delete",
		"content/2025/_index.en.md":       "\x00delete",
		"content/2025/01-operation.en.md": "\x00delete",
		"content/2025/04-plan.en.md":      "\x00delete",
	}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	exists(t, out, "en/index.html", false)
	contains(t, out, "2025/talent/index.html", ">1,380 人<")
}

// TestCSVDownloads checks the CSV each chart and table carries.
func TestCSVDownloads(t *testing.T) {
	out, _, err := buildArchive(t, "basic", nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(filepath.Join(out, "2025/talent/index.html"))
	m := regexp.MustCompile(`<a href="data:text/csv;charset=utf-8;base64,([^"]+)" download="talent-table-3.csv">`).FindSubmatch(data)
	if m == nil {
		t.Fatal("no CSV link for table-3")
	}
	csv, err := base64.StdEncoding.DecodeString(html.UnescapeString(string(m[1])))
	if err != nil {
		t.Fatal(err)
	}
	want := "\ufeffmetric,name,unit,source,2024,2025\r\ntalent.placement_rate,毕业去向落实率,%,,91.1,93.2\r\ntalent.student_teacher_ratio,生师比,,,19.2,18.4\r\n" +
		"talent.placement_rate,目标 毕业去向落实率,%,,,95.0\r\ntalent.student_teacher_ratio,目标 生师比,,,,18.0\r\n"
	if string(csv) != want {
		t.Errorf("CSV =\n%q\nwant\n%q", csv, want)
	}
}

// TestAssetsAreFingerprinted checks that asset names carry a hash of
// their content, and that pages link the names that were written.
func TestAssetsAreFingerprinted(t *testing.T) {
	out, _, err := buildArchive(t, "basic", nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	tree := readTree(t, out)
	n := 0
	for _, p := range sortedKeys(tree) {
		if !strings.HasPrefix(p, "assets/") {
			continue
		}
		n++
		m := regexp.MustCompile(`^assets/(.+)\.([0-9a-f]{10})(\.\w+)$`).FindStringSubmatch(p)
		if m == nil {
			t.Errorf("%s: not a fingerprinted name", p)
			continue
		}
		if want := theme.Fingerprint(m[1]+m[3], tree[p]); "assets/"+want != p {
			t.Errorf("%s: hash does not match its content (want %s)", p, want)
		}
		if !strings.HasPrefix(p, "assets/search") {
			contains(t, out, "2025/talent/index.html", `"../../`+p+`"`)
		}
	}
	contains(t, out, "search/index.html", `"../assets/search-zh.`)
	if n != 11 {
		t.Errorf("%d assets, want 11 (CSS, two scripts, icon, ECharts, two search indexes and their two reports each)", n)
	}
}
