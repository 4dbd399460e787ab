package site

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"nianbao/generator/diag"
	"nianbao/generator/metrics"
	"nianbao/generator/sheet"
)

// Files returns the files that are not pages: the data downloads, the
// sitemap, each language's feed and robots.txt. Paths are relative to the
// site root. A download that cannot be made is reported to l.
func (s *Site) Files(pages []*Page, l *diag.List) []File {
	xlsx, err := s.metricsXLSX()
	if err != nil {
		l.Errorf(diag.Pos{File: "/data/metrics.xlsx"}, "%v", err)
	}
	files := []File{
		{Name: "data/metrics.csv", Data: s.metricsCSV()},
		{Name: "data/metrics.xlsx", Data: xlsx},
		{Name: "data/metrics.json", Data: s.metricsJSON()},
		{Name: "sitemap.xml", Data: s.sitemap(pages)},
		{Name: "robots.txt", Data: []byte("User-agent: *\nAllow: /\n\nSitemap: " + s.Permalink("sitemap.xml") + "\n")},
	}
	for _, lg := range s.Config.Languages {
		files = append(files, File{Name: lg.Prefix + "feed.xml", Data: s.feed(lg.Code, lg.Prefix)})
	}
	return files
}

// metricsCSV is every value and target that exists, for spreadsheets:
// RFC 4180 with CRLF line ends, UTF-8 with a byte order mark so that
// spreadsheet programs read Chinese correctly. Text that could start a
// formula gets a leading ' (package sheet); numbers are written as they
// are. `nianbao data import` reads it back (metric, year, value, note_*).
func (s *Site) metricsCSV() []byte {
	var buf bytes.Buffer
	buf.WriteString("\ufeff")
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	for _, row := range s.DataRows() {
		rec := make([]string, len(row))
		for i, c := range row {
			if c.IsNumber {
				rec[i] = c.Text
			} else {
				rec[i] = sheet.Text(c.Text)
			}
		}
		w.Write(rec)
	}
	w.Flush()
	return buf.Bytes()
}

// Cell is one cell of the data downloads: a number (written as the text
// shows it, with the metric's decimals) or text.
type Cell struct {
	Text     string
	Number   float64
	IsNumber bool
	IsBool   bool // a yes/no value: Text is true or false, Number 1 or 0
}

func textCell(s string) Cell { return Cell{Text: s} }

// valueCell is a value or target of m: a number, or true/false as text
// for a yes/no metric.
func valueCell(m *metrics.Metric, v float64) Cell {
	if m.Kind == metrics.Flag {
		return Cell{Text: m.Plain(v), Number: v, IsBool: true}
	}
	return Cell{Text: m.Plain(v), Number: v, IsNumber: true}
}

// DataRows are the rows of /data/metrics.csv and of the values sheet of
// /data/metrics.xlsx: a header, then one row per metric and year that has
// a value or a target, metrics in catalogue order.
func (s *Site) DataRows() [][]Cell {
	extra := s.Config.Extra()
	header := []Cell{textCell("metric"), textCell("group"), textCell("name"), textCell("year"), textCell("value"), textCell("target"), textCell("unit"), textCell("code"), textCell("note")}
	for _, lg := range extra {
		header = append(header, textCell("note_"+lg))
	}
	rows := [][]Cell{header}
	for _, m := range s.Data.Catalogue.Metrics {
		unit := m.UnitIn(s.Config.Language)
		if m.Kind == metrics.Percent {
			unit = "%"
		}
		for _, y := range s.metricYears(m) {
			v, hasValue := s.Data.Value(m, y)
			t, hasTarget := m.Targets[y]
			if !hasValue && !hasTarget {
				continue
			}
			value, target := textCell(""), textCell("")
			if hasValue {
				value = valueCell(m, v.V)
			}
			if hasTarget {
				target = valueCell(m, t)
			}
			row := []Cell{textCell(m.ID), textCell(m.Group.ID), textCell(m.Name.Base), {Text: strconv.Itoa(y), Number: float64(y), IsNumber: true}, value, target, textCell(unit), textCell(m.Code), textCell(v.Note.Base)}
			for _, lg := range extra {
				row = append(row, textCell(v.Note.Tr[lg]))
			}
			rows = append(rows, row)
		}
	}
	return rows
}

// metricYears are the report years and m's target years, ascending.
func (s *Site) metricYears(m *metrics.Metric) []int {
	set := map[int]bool{}
	for _, y := range s.Data.Years {
		set[y] = true
	}
	for y := range m.Targets {
		set[y] = true
	}
	return slices.Sorted(maps.Keys(set))
}

type jsonText map[string]string

func (s *Site) text(base string, tr map[string]string) jsonText {
	t := jsonText{s.Config.Language: base}
	for k, v := range tr {
		t[k] = v
	}
	return t
}

// metricsJSON is the catalogue and every value, for programs.
func (s *Site) metricsJSON() []byte {
	type value struct {
		Value float64  `json:"value"`
		Note  jsonText `json:"note,omitempty"`
	}
	type metric struct {
		ID          string             `json:"id"`
		Code        string             `json:"code,omitempty"`
		Group       string             `json:"group"`
		Name        jsonText           `json:"name"`
		Unit        jsonText           `json:"unit"`
		Kind        string             `json:"kind"`
		Decimals    *int               `json:"decimals,omitempty"`
		Better      string             `json:"better"`
		Description jsonText           `json:"description,omitempty"`
		Source      jsonText           `json:"source,omitempty"`
		Targets     map[string]float64 `json:"targets"`
		Values      map[string]value   `json:"values"`
	}
	type group struct {
		ID   string   `json:"id"`
		Name jsonText `json:"name"`
	}
	doc := struct {
		Years   []int    `json:"years"`
		Groups  []group  `json:"groups"`
		Metrics []metric `json:"metrics"`
	}{Years: s.Data.Years}
	for _, g := range s.Data.Catalogue.Groups {
		doc.Groups = append(doc.Groups, group{ID: g.ID, Name: s.text(g.Name.Base, g.Name.Tr)})
	}
	for _, m := range s.Data.Catalogue.Metrics {
		jm := metric{ID: m.ID, Code: m.Code, Group: m.Group.ID, Name: s.text(m.Name.Base, m.Name.Tr), Unit: s.text(m.Unit.Base, m.Unit.Tr),
			Kind: string(m.Kind), Better: string(m.Better), Targets: map[string]float64{}, Values: map[string]value{}}
		if m.Decimals != metrics.AsWritten {
			d := m.Decimals
			jm.Decimals = &d
		}
		if m.Description.Base != "" {
			jm.Description = s.text(m.Description.Base, m.Description.Tr)
		}
		if m.Source.Base != "" {
			jm.Source = s.text(m.Source.Base, m.Source.Tr)
		}
		for y, t := range m.Targets {
			jm.Targets[strconv.Itoa(y)] = t
		}
		for _, y := range s.Data.Years {
			if v, ok := s.Data.Value(m, y); ok {
				jv := value{Value: v.V}
				if v.Note.Base != "" || len(v.Note.Tr) > 0 {
					jv.Note = s.text(v.Note.Base, v.Note.Tr)
				}
				jm.Values[strconv.Itoa(y)] = jv
			}
		}
		doc.Metrics = append(doc.Metrics, jm)
	}
	data, _ := json.MarshalIndent(doc, "", "  ")
	return append(data, '\n')
}

// sitemap lists every page with its other-language editions.
func (s *Site) sitemap(pages []*Page) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">` + "\n")
	multi := len(s.Config.Languages) > 1
	for _, p := range pages {
		if p.Kind == NotFoundPage || p.Kind == SearchPage {
			continue
		}
		fmt.Fprintf(&b, "<url><loc>%s</loc>", xmlEscape(s.Permalink(p.Rel)))
		if multi {
			for _, t := range s.translations(p) {
				fmt.Fprintf(&b, `<xhtml:link rel="alternate" hreflang="%s" href="%s"/>`, xmlEscape(t.Lang), xmlEscape(s.absolute(t.URL)))
			}
		}
		b.WriteString("</url>\n")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

// absolute turns a URL path of this site into an absolute URL when the
// base URL has a host.
func (s *Site) absolute(path string) string {
	return strings.TrimSuffix(s.Config.BaseURL, "/") + "/" + path[len(s.Config.BasePath):]
}

func xmlEscape(s string) string {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// feed is an Atom feed with one entry per report, newest first. Dates are
// the last day of each report's year, so that the feed is the same at
// every build.
func (s *Site) feed(lg, prefix string) []byte {
	v := s.views[lg]
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<feed xmlns="http://www.w3.org/2005/Atom"` + ` xml:lang="` + xmlEscape(lg) + `">` + "\n")
	fmt.Fprintf(&b, "<title>%s</title>\n<id>%s</id>\n", xmlEscape(v.Title), xmlEscape(s.Permalink(prefix)))
	fmt.Fprintf(&b, "<link href=\"%s\"/>\n<link rel=\"self\" href=\"%s\"/>\n", xmlEscape(s.Permalink(prefix)), xmlEscape(s.Permalink(prefix+"feed.xml")))
	updated := "1970-01-01T00:00:00Z"
	if v.Latest != nil {
		updated = fmt.Sprintf("%04d-12-31T00:00:00Z", v.Latest.Year)
	}
	fmt.Fprintf(&b, "<updated>%s</updated>\n<author><name>%s</name></author>\n", updated, xmlEscape(v.Alliance))
	for _, y := range v.Reports {
		link := s.absolute(y.URL)
		fmt.Fprintf(&b, "<entry>\n<title>%s</title>\n<id>%s</id>\n<link href=\"%s\"/>\n<updated>%04d-12-31T00:00:00Z</updated>\n", xmlEscape(y.Title), xmlEscape(link), xmlEscape(link), y.Year)
		if y.Summary != "" {
			fmt.Fprintf(&b, "<summary>%s</summary>\n", xmlEscape(y.Summary))
		}
		b.WriteString("</entry>\n")
	}
	b.WriteString("</feed>\n")
	return b.Bytes()
}
