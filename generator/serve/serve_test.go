package serve

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"nianbao/generator/build"
)

var tinySite = map[string]string{
	"site.toml":                 "title = \"T\"\nbaseURL = \"https://example.org/r/\"\n\n[charts]\necharts = \"e.js\"\n",
	"e.js":                      "window.echarts = {};\n",
	"content/metrics.toml":      "[[group]]\nid = \"g\"\nname = \"组\"\n\n[[metric]]\nid = \"g.m\"\nname = \"指标\"\nunit = \"个\"\n",
	"content/2025/metrics.toml": "[g]\nm = 3\n",
	"content/2025/01-a.md":      "+++\ntitle = \"A\"\n+++\n共{{g.m}}。\n",
	"content/2025/02-b.md":      "+++\ntitle = \"B\"\n+++\n乙。\n",
}

func writeFiles(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// saveByRename saves as vim and many IDEs do: write a new file beside
// the old one, then rename it over.
func saveByRename(t testing.TB, file, text string) {
	t.Helper()
	tmp := filepath.Join(filepath.Dir(file), "."+filepath.Base(file)+".tmp")
	if err := os.WriteFile(tmp, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, file); err != nil {
		t.Fatal(err)
	}
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startServe runs serve on a free port until the test ends and returns
// the site's URL.
func startServe(t testing.TB, dir string, log io.Writer) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, Options{Build: build.Options{Site: dir}, Addr: "127.0.0.1:0", Log: log, Ready: func(u string) { ready <- u }})
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	})
	select {
	case u := <-ready:
		return u
	case err := <-done:
		t.Fatalf("serve stopped: %v", err)
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not start")
	}
	return ""
}

// events connects to the reload stream and returns a channel of the
// events' names.
func events(t testing.TB, siteURL string) <-chan string {
	t.Helper()
	u := strings.SplitAfterN(siteURL, "/", 4)
	host := strings.Join(u[:3], "")
	resp, err := http.Get(strings.TrimSuffix(host, "/") + EventsPath)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	out := make(chan string, 16)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if name, ok := strings.CutPrefix(sc.Text(), "event: "); ok {
				out <- name
			}
		}
		close(out)
	}()
	return out
}

func waitEvent(t testing.TB, ev <-chan string) {
	t.Helper()
	select {
	case name := <-ev:
		if name != "reload" {
			t.Fatalf("event %q, want reload", name)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no reload event within 10s")
	}
}

func get(t testing.TB, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

func TestServeReloadsOnSaveAndShowsErrors(t *testing.T) {
	dir := writeFiles(t, tinySite)
	var log syncBuffer
	siteURL := startServe(t, dir, &log)
	if !strings.HasSuffix(siteURL, "/r/") {
		t.Fatalf("site URL %s does not end in the base path /r/", siteURL)
	}
	code, page := get(t, siteURL+"2025/a/")
	if code != 200 || !strings.Contains(page, ">3 个<") || !strings.Contains(page, `<script src="`+ScriptPath+`"></script>`) {
		t.Fatalf("GET 2025/a/: %d\n%s", code, page)
	}
	ev := events(t, siteURL)

	file := filepath.Join(dir, "content", "2025", "01-a.md")
	saveByRename(t, file, "+++\ntitle = \"A\"\n+++\n共{{g.m}}，新的一句。\n")
	waitEvent(t, ev)
	if _, page = get(t, siteURL+"2025/a/"); !strings.Contains(page, "新的一句") {
		t.Errorf("the page does not show the edit:\n%s", page)
	}

	os.WriteFile(file, []byte("+++\ntitle = \"A\"\n+++\n共{{g.x}}{{<b>}}。\n"), 0o644)
	waitEvent(t, ev)
	code, page = get(t, siteURL+"2025/b/")
	for _, want := range []string{
		`<li>content/2025/01-a.md:4:2: unknown metric &#34;g.x&#34;; did you mean &#34;g.m&#34;?</li>`,
		`<li>content/2025/01-a.md:4:9: malformed reference {{&lt;b&gt;}}`,
	} {
		if code != 500 || !strings.Contains(page, want) || !strings.Contains(page, ScriptPath) {
			t.Errorf("error page: %d, want 500 with %s:\n%s", code, want, page)
		}
	}

	os.WriteFile(file, []byte("+++\ntitle = \"A\"\n+++\n修好了{{g.m}}。\n"), 0o644)
	waitEvent(t, ev)
	if code, page = get(t, siteURL+"2025/a/"); code != 200 || !strings.Contains(page, "修好了") {
		t.Errorf("after the fix: %d\n%s", code, page)
	}
	for _, re := range []string{
		`(?m)^full build, \d+ pages in `,
		`(?m)^content/2025/01-a\.md changed: \d+ pages in `,
		`(?m)^content/2025/01-a\.md changed: 2 error\(s\) in .*\ncontent/2025/01-a\.md:4:2: unknown metric "g\.x"; did you mean "g\.m"\?$`,
	} {
		if !regexp.MustCompile(re).MatchString(log.String()) {
			t.Errorf("log does not match %s:\n%s", re, log.String())
		}
	}
}

func TestServeRedirectsToTheBasePath(t *testing.T) {
	dir := writeFiles(t, tinySite)
	siteURL := startServe(t, dir, io.Discard)
	root := strings.TrimSuffix(siteURL, "r/")
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(root)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusFound || resp.Header.Get("Location") != "/r/" {
		t.Errorf("GET /: %d to %q, want 302 to /r/", resp.StatusCode, resp.Header.Get("Location"))
	}
	resp, err = client.Get(siteURL + "2025/a")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != "/r/2025/a/" {
		t.Errorf("GET /r/2025/a: %d to %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	if code, page := get(t, siteURL); code != 200 || !strings.Contains(page, `href="`+siteURL) && !strings.Contains(page, `href="/r/`) {
		t.Errorf("home: %d\n%s", code, page)
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); err == nil {
		t.Error("serve wrote public/ in the site folder")
	}
}
