package site

import (
	"slices"
	"strconv"

	"nianbao/generator/jsonstr"
	"nianbao/generator/lang"
	"nianbao/generator/theme"
)

// The search index of a language is a script per report year
// (search-<lang>-<year>.js) and one that lists them with the pages of no
// year (search-<lang>.js): the search page loads the list, then the years
// it needs, newest first, each by a <script> element, so search works
// from file:// and shows the newest report's results before the older
// ones have loaded.

// searchDoc is one page in the search index. URLs are relative to the
// site root, so the search script can open them from file:// too.
type searchDoc struct {
	Title string `json:"t"`
	URL   string `json:"u"`
	Where string `json:"w,omitempty"` // the report it belongs to
	Year  int    `json:"y,omitempty"`
	// Text is prose: searched and quoted in snippets. The script holds
	// the summary, when there is one, and the text, joined by a space.
	Summary string `json:"-"`
	Text    string `json:"x"`
	Keys    string `json:"k,omitempty"` // searched, never quoted: figure titles, metric ids
	// TitleLang and TextLang are the languages of the title and the text
	// when they are not the index's (an untranslated section).
	TitleLang string `json:"tl,omitempty"`
	TextLang  string `json:"xl,omitempty"`
}

// searchYear is one report year's part of the index, as the list names it.
type searchYear struct {
	Year  int    `json:"y"`
	Title string `json:"t"`
	URL   string `json:"u"` // relative to the site root
	Pages int    `json:"n"`
}

// searchPart is a report's search script and the texts it was made of:
// its pages' titles and summaries are the front matter's, which cannot
// change without the site being loaded again.
type searchPart struct {
	texts []*Text
	pages int
	docs  [][]byte // each page's JSON, in the order of texts (Site.KeepForEdits)
	asset theme.Asset
}

// searchIndex makes each language's search index from the converted
// texts, as theme assets. The reports' scripts, which hold every text,
// are made at once on the workers.
func (s *Site) searchIndex(each Each) {
	langs, n := s.Config.Languages, len(s.Content.Years)
	parts := make([]searchPart, len(langs)*n)
	each(len(parts), func(k int) { parts[k] = s.searchPart(langs[k/n], k%n) })
	for li, lg := range langs {
		home := s.textIn(s.Content.Home, lg)
		docs := []searchDoc{{Title: s.views[lg.Code].Title, URL: relPage(lg), Text: home.Prose, Keys: home.Keys}}
		var years []searchYear
		for i := n - 1; i >= 0; i-- {
			a := parts[li*n+i]
			if a.asset.Name == "" {
				return // the build was interrupted
			}
			s.Theme.Add(a.asset)
			if s.KeepForEdits {
				if s.searchParts == nil {
					s.searchParts = map[string]searchPart{}
				}
				s.searchParts[a.asset.Name] = a
			}
			years = append(years, searchYear{Year: s.Content.Years[i].Year, Title: s.reports[lg.Code][i].Title, URL: a.asset.Path, Pages: a.pages})
		}
		docs = append(docs, s.siteDocs(lg)...)
		a := s.Theme.AddAsset("search-"+lg.Code+".js", searchList(docs, years))
		s.assets[a.Name] = s.URL(a.Path)
	}
}

// searchList is a language's search script: the pages of no report, and
// the reports' scripts, newest first.
func searchList(docs []searchDoc, years []searchYear) []byte {
	js := []byte(`window.NIANBAO_SEARCH = {"pages":[`)
	for i, d := range docs {
		if i > 0 {
			js = append(js, ',')
		}
		js = d.appendJSON(js)
	}
	js = append(js, `],"years":`...)
	if years == nil {
		return append(js, "null};\n"...) // a site of no report
	}
	js = append(js, '[')
	for i, y := range years {
		if i > 0 {
			js = append(js, ',')
		}
		js = y.appendJSON(js)
	}
	return append(js, "]};\n"...)
}

// searchPart returns the search script of the report at index i in lg,
// made again only when one of its texts was converted again. It may run
// beside the other reports' (it reads the model and the last parts only).
func (s *Site) searchPart(lg lang.Language, i int) searchPart {
	y := s.Content.Years[i]
	texts := []*Text{s.textIn(y.Index, lg)}
	for _, sec := range y.Sections {
		texts = append(texts, s.textIn(sec.Pages, lg))
	}
	ys := strconv.Itoa(y.Year)
	name := "search-" + lg.Code + "-" + ys + ".js"
	old, ok := s.searchParts[name]
	if ok && slices.Equal(old.texts, texts) {
		return old
	}
	// The pages whose texts were not converted again keep their JSON: a
	// JSON array is its elements' JSON between commas.
	a := searchPart{texts: texts}
	docs := s.yearDocs(lg, i)
	size := 64
	for _, d := range docs {
		size += d.size()
	}
	js := make([]byte, 0, size)
	js = append(js, "(window.NIANBAO_SEARCH_YEARS = window.NIANBAO_SEARCH_YEARS || {})["+ys+"] = ["...)
	for j, d := range docs {
		if j > 0 {
			js = append(js, ',')
		}
		at := len(js)
		if j < len(old.docs) && old.texts[j] == texts[j] {
			js = append(js, old.docs[j]...)
		} else {
			js = d.appendJSON(js)
		}
		a.pages++
		if s.KeepForEdits {
			a.docs = append(a.docs, js[at:len(js):len(js)])
		}
	}
	a.asset = theme.NewAsset(name, append(js, "];\n"...))
	return a
}

// yearDocs are the pages of the report at index i: its front page and its
// sections.
func (s *Site) yearDocs(lg lang.Language, i int) []searchDoc {
	y := s.Content.Years[i]
	yv := s.reports[lg.Code][i]
	ys := strconv.Itoa(y.Year)
	front := s.textIn(y.Index, lg)
	docs := []searchDoc{{Title: yv.Title, URL: relPage(lg, ys), Year: y.Year, Summary: yv.Summary, Text: front.Prose, Keys: front.Keys}}
	for j, sec := range y.Sections {
		link := yv.Sections[j]
		k := s.textIn(sec.Pages, lg)
		d := searchDoc{Title: link.Title, URL: relPage(lg, ys, sec.Slug), Where: yv.Title, Year: y.Year,
			Summary: link.Summary, Text: k.Prose, Keys: k.Keys, TitleLang: link.TextLang}
		if k.Lang != "" && k.Lang != lg.Code {
			d.TextLang = k.Lang
		}
		docs = append(docs, d)
	}
	return docs
}

// siteDocs are the pages that belong to no report: metrics and members.
func (s *Site) siteDocs(lg lang.Language) []searchDoc {
	t := s.Theme.Strings(lg.Code)
	var docs []searchDoc
	for _, m := range s.Data.Catalogue.Metrics {
		docs = append(docs, searchDoc{Title: m.Name.In(lg.Code), TitleLang: m.Name.Foreign(lg.Code, s.defaultLang().Code), URL: relPage(lg, "metrics", m.ID), Where: t["metrics_title"],
			Text: join(m.Description.In(lg.Code), m.Source.In(lg.Code)), Keys: join(m.Group.Name.In(lg.Code), m.ID)})
	}
	if s.Members != nil {
		text := ""
		for _, m := range s.Members {
			text = join(text, m.Name.In(lg.Code))
		}
		docs = append(docs, searchDoc{Title: t["members_title"], URL: relPage(lg, "members"), Text: text})
	}
	return docs
}

// join joins two texts with a space, leaving out empty ones.
func join(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + " " + b
}

// appendJSON appends d's JSON, as encoding/json writes the struct (the
// tests hold them to it): the index holds every text of the site, which
// reflection took most of the model step's last, serial, part to write.
func (d searchDoc) appendJSON(b []byte) []byte {
	b = append(b, `{"t":`...)
	b = jsonstr.Append(b, d.Title)
	b = append(b, `,"u":`...)
	b = jsonstr.Append(b, d.URL)
	if d.Where != "" {
		b = append(b, `,"w":`...)
		b = jsonstr.Append(b, d.Where)
	}
	if d.Year != 0 {
		b = append(b, `,"y":`...)
		b = strconv.AppendInt(b, int64(d.Year), 10)
	}
	b = append(b, `,"x":"`...)
	b = jsonstr.AppendChars(b, d.Summary)
	if d.Summary != "" && d.Text != "" {
		b = append(b, ' ')
	}
	b = jsonstr.AppendChars(b, d.Text)
	b = append(b, '"')
	for _, f := range [...]struct{ key, s string }{{`,"k":`, d.Keys}, {`,"tl":`, d.TitleLang}, {`,"xl":`, d.TextLang}} {
		if f.s != "" {
			b = append(b, f.key...)
			b = jsonstr.Append(b, f.s)
		}
	}
	return append(b, '}')
}

// size is about the length of d's JSON: what its texts take unescaped.
func (d searchDoc) size() int {
	return 64 + len(d.Title) + len(d.URL) + len(d.Where) + len(d.Summary) + len(d.Text) + len(d.Keys) + len(d.TitleLang) + len(d.TextLang)
}

func (y searchYear) appendJSON(b []byte) []byte {
	b = append(b, `{"y":`...)
	b = strconv.AppendInt(b, int64(y.Year), 10)
	b = append(b, `,"t":`...)
	b = jsonstr.Append(b, y.Title)
	b = append(b, `,"u":`...)
	b = jsonstr.Append(b, y.URL)
	b = append(b, `,"n":`...)
	b = strconv.AppendInt(b, int64(y.Pages), 10)
	return append(b, '}')
}

func (s *Site) search(p *Page, v *theme.Page) {
	v.Title = s.Theme.Strings(p.Lang.Code)["search_title"]
	v.Search = &theme.Search{Index: v.Root + s.Theme.Assets["search-"+p.Lang.Code+".js"].Path}
	for i := len(s.reports[p.Lang.Code]) - 1; i >= 0; i-- {
		y := s.reports[p.Lang.Code][i]
		v.Search.Years = append(v.Search.Years, theme.SearchYear{Year: s.Content.Years[i].Year, Title: y.Title})
	}
}
