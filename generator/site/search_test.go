package site

import (
	"encoding/json"
	"testing"
)

// hostileText is user text that a search script must hold as data.
var hostileText = []string{
	"", "年报", `</script><script>alert("x")</script>`, "<!-- & -->", `\ "q"`,
	"\x00\b\f\n\r\t\x1f", "\u2028\u2029", "bad \xff utf-8 \xe5\xb9", "😀",
}

func TestSearchDocsAreWrittenAsEncodingJSONWritesThem(t *testing.T) {
	for _, a := range hostileText {
		for _, b := range hostileText {
			for _, year := range []int{0, 2025} {
				d := searchDoc{Title: a, URL: "2025/" + b, Where: b, Year: year, Summary: a, Text: b, Keys: a, TitleLang: b, TextLang: a}
				old := d
				old.Summary, old.Text = "", join(d.Summary, d.Text)
				want, err := json.Marshal(old)
				if err != nil {
					t.Fatal(err)
				}
				if got := d.appendJSON(nil); string(got) != string(want) {
					t.Errorf("appendJSON(%+v)\n= %s\nwant %s", d, got, want)
				}
				if got, sz := len(d.appendJSON(nil)), d.size(); got > 6*sz {
					t.Errorf("size() = %d for %d bytes of JSON", sz, got)
				}
			}
		}
	}
}

func TestTheSearchListIsWrittenAsEncodingJSONWritesIt(t *testing.T) {
	docs := []searchDoc{{Title: "首页", URL: "", Text: "<b>&"}, {Title: "m", URL: "metrics/a.b/", Where: "指标", Summary: "s", Text: "t", Keys: "a.b"}}
	for _, years := range [][]searchYear{nil, {{Year: 2025, Title: "</script>", URL: "assets/search-zh-2025.0123456789.js", Pages: 51}, {Year: 2024, Title: "2024年报", URL: "x", Pages: 0}}} {
		old := make([]searchDoc, len(docs))
		for i, d := range docs {
			old[i] = d
			old[i].Summary, old[i].Text = "", join(d.Summary, d.Text)
		}
		js, err := json.Marshal(map[string]any{"pages": old, "years": years})
		if err != nil {
			t.Fatal(err)
		}
		want := "window.NIANBAO_SEARCH = " + string(js) + ";\n"
		if got := string(searchList(docs, years)); got != want {
			t.Errorf("searchList\n= %s\nwant %s", got, want)
		}
	}
}
