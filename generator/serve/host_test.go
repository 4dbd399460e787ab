package serve

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

func TestOnlyLocalHostNamesAreAnswered(t *testing.T) {
	h := NewHosts("preview.intranet.example", "Docs.Example:8080")
	for host, want := range map[string]bool{
		"localhost":                     true,
		"localhost:1313":                true,
		"LOCALHOST.:1313":               true,
		"report.localhost:1313":         true,
		"a.b.localhost":                 true,
		"127.0.0.1":                     true,
		"127.0.0.1:1313":                true,
		"192.168.1.20:80":               true,
		"[::1]:1313":                    true,
		"[::1]":                         true,
		"[fe80::1%25eth0]:1313":         true,
		"preview.intranet.example:1313": true,
		"docs.example":                  true,
		"":                              false,
		"evil.example":                  false,
		"evil.example:1313":             false,
		"localhost.evil.example":        false,
		"evillocalhost":                 false,
		"127.0.0.1.nip.io":              false,
		"0x7f000001":                    false,
		"intranet.example":              false,
		"preview.intranet.example.evil": false,
	} {
		if got := h.Allows(host); got != want {
			t.Errorf("Allows(%q) = %v, want %v", host, got, want)
		}
	}
}

// TestARebindingPageGets403 sends requests as a DNS-rebinding page would,
// with its own name in Host, to a running serve: pages, the event stream
// and files all answer 403; the same paths answer for localhost.
func TestARebindingPageGets403(t *testing.T) {
	dir := writeFiles(t, tinySite)
	siteURL := startServe(t, dir, io.Discard)
	for _, path := range []string{"", "2025/a/", "data/metrics.csv", "../__nianbao/events"} {
		for host, want := range map[string]int{"evil.example": 403, "attacker.example:1313": 403, "localhost": 200} {
			req, _ := http.NewRequest("GET", siteURL+path, nil)
			req.Host = host
			if strings.HasSuffix(path, "events") {
				req.URL.Path = EventsPath
				if want == 200 {
					continue // the stream stays open
				}
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != want {
				t.Errorf("GET %s with Host %s: %d, want %d", req.URL.Path, host, resp.StatusCode, want)
			}
			if want == 403 && strings.Contains(string(body), "共") {
				t.Errorf("403 for %s carries the page", path)
			}
		}
	}
}
