package build

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDataDownloads parses /data/metrics.csv and /data/metrics.json and
// compares them with the fixture's values.
func TestDataDownloads(t *testing.T) {
	out, _, err := buildArchive(t, "basic", nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join(out, "data/metrics.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(raw, []byte("\ufeff")) {
		t.Error("metrics.csv has no byte order mark")
	}
	if !bytes.Contains(raw, []byte("\r\n")) {
		t.Error("metrics.csv lines do not end in CRLF")
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(raw, []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// Only the years that have a value or a target (SPEC §11): member_units
	// has neither in 2024.
	want := [][]string{
		{"metric", "group", "name", "year", "value", "target", "unit", "code", "note", "note_en"},
		{"talent.order_class_students", "talent", "订单班学生", "2024", "1228", "", "人", "", "", ""},
		{"talent.order_class_students", "talent", "订单班学生", "2025", "1380", "1500", "人", "", "", ""},
		{"talent.placement_rate", "talent", "毕业去向落实率", "2024", "91.1", "", "%", "", "", ""},
		{"talent.placement_rate", "talent", "毕业去向落实率", "2025", "93.2", "95.0", "%", "", "含升学", "includes further study"},
		{"talent.student_teacher_ratio", "talent", "生师比", "2024", "19.2", "", "", "", "", ""},
		{"talent.student_teacher_ratio", "talent", "生师比", "2025", "18.4", "18.0", "", "", "", ""},
		{"operation.operating_funds", "operation", "年度运行经费", "2024", "1160", "", "万元", "", "", ""},
		{"operation.operating_funds", "operation", "年度运行经费", "2025", "1480", "", "万元", "", "", ""},
		{"operation.member_units", "operation", "成员单位", "2025", "86", "", "家", "", "", ""},
	}
	if got, w := strings.Join(flatten(rows), "\n"), strings.Join(flatten(want), "\n"); got != w {
		t.Errorf("metrics.csv:\n%s\nwant:\n%s", got, w)
	}

	raw, err = os.ReadFile(filepath.Join(out, "data/metrics.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Years   []int
		Groups  []struct{ ID string }
		Metrics []struct {
			ID      string
			Group   string
			Name    map[string]string
			Unit    map[string]string
			Kind    string
			Better  string
			Targets map[string]float64
			Values  map[string]struct {
				Value float64
				Note  map[string]string
			}
		}
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Years) != 2 || doc.Years[0] != 2024 || len(doc.Groups) != 2 || len(doc.Metrics) != 5 {
		t.Fatalf("metrics.json: years %v, %d groups, %d metrics", doc.Years, len(doc.Groups), len(doc.Metrics))
	}
	m := doc.Metrics[1] // talent.placement_rate
	if m.ID != "talent.placement_rate" || m.Name["en"] != "Graduate placement rate" || m.Kind != "percent" ||
		m.Targets["2025"] != 95 || m.Values["2025"].Value != 93.2 || m.Values["2025"].Note["en"] != "includes further study" || m.Values["2024"].Value != 91.1 {
		t.Errorf("metrics.json placement rate: %+v", m)
	}
	if r := doc.Metrics[2]; r.Better != "lower" {
		t.Errorf("student-teacher ratio better = %q", r.Better)
	}
}

func flatten(rows [][]string) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = strings.Join(r, "|")
	}
	return out
}

// TestFeedsAndSitemapAreWellFormed parses the XML files and checks what
// crawlers and feed readers rely on.
func TestFeedsAndSitemapAreWellFormed(t *testing.T) {
	out, _, err := buildArchive(t, "basic", nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var sitemap struct {
		URLs []struct {
			Loc   string `xml:"loc"`
			Links []struct {
				Hreflang string `xml:"hreflang,attr"`
				Href     string `xml:"href,attr"`
			} `xml:"link"`
		} `xml:"url"`
	}
	parseXML(t, filepath.Join(out, "sitemap.xml"), &sitemap)
	locs := map[string]bool{}
	for _, u := range sitemap.URLs {
		locs[u.Loc] = true
		if len(u.Links) != 2 {
			t.Errorf("%s: %d alternates, want 2", u.Loc, len(u.Links))
		}
	}
	for _, want := range []string{
		"https://reports.example.org/alliance/",
		"https://reports.example.org/alliance/2025/talent/",
		"https://reports.example.org/alliance/en/2025/print/",
		"https://reports.example.org/alliance/metrics/talent.placement_rate/",
		"https://reports.example.org/alliance/members/",
	} {
		if !locs[want] {
			t.Errorf("sitemap lacks %s", want)
		}
	}
	if locs["https://reports.example.org/alliance/404.html"] {
		t.Error("the sitemap lists the 404 page")
	}
	for _, feed := range []string{"feed.xml", "en/feed.xml"} {
		var f struct {
			Title   string `xml:"title"`
			Updated string `xml:"updated"`
			Entries []struct {
				Title   string `xml:"title"`
				ID      string `xml:"id"`
				Updated string `xml:"updated"`
			} `xml:"entry"`
		}
		parseXML(t, filepath.Join(out, feed), &f)
		if len(f.Entries) != 2 || f.Updated != "2025-12-31T00:00:00Z" || f.Entries[0].Updated != "2025-12-31T00:00:00Z" {
			t.Errorf("%s: %+v", feed, f)
		}
	}
	contains(t, out, "robots.txt", "Sitemap: https://reports.example.org/alliance/sitemap.xml")
	contains(t, out, "404.html", `href="/alliance/assets/nianbao.`, `<html lang="zh"`)
	contains(t, out, "en/404.html", `<html lang="en"`)
}

func parseXML(t *testing.T, file string, v any) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := xml.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
}
