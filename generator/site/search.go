package site

import (
	"encoding/json"
	"strconv"

	"nianbao/generator/theme"
)

// searchDoc is one page in the search index. URLs are relative to the
// site root, so the search script can open them from file:// too.
type searchDoc struct {
	Title string `json:"t"`
	URL   string `json:"u"`
	Where string `json:"w,omitempty"` // the report it belongs to
	Text  string `json:"x"`
}

// Prepare runs between the phases: it builds what phase-2 pages link to
// (each language's search index) from what phase 1 kept. It must not run
// concurrently with rendering.
func (s *Site) Prepare() {
	for _, lg := range s.Config.Languages {
		var docs []searchDoc
		home := s.keptAt(relPage(lg))
		docs = append(docs, searchDoc{Title: s.views[lg.Code].Title, URL: relPage(lg), Text: home.Text})
		for i, y := range s.Content.Years {
			yv := s.reports[lg.Code][i]
			ys := strconv.Itoa(y.Year)
			docs = append(docs, searchDoc{Title: yv.Title, URL: relPage(lg, ys), Text: yv.Summary + " " + s.keptAt(relPage(lg, ys)).Text})
			for j, sec := range y.Sections {
				link := yv.Sections[j]
				k := s.keptAt(relPage(lg, ys, sec.Slug))
				docs = append(docs, searchDoc{Title: link.Title, URL: relPage(lg, ys, sec.Slug), Where: yv.Title, Text: link.Summary + " " + k.Text})
			}
		}
		t := s.Theme.Strings(lg.Code)
		for _, m := range s.Data.Catalogue.Metrics {
			docs = append(docs, searchDoc{Title: m.Name.In(lg.Code), URL: relPage(lg, "metrics", m.ID), Where: t["metrics_title"],
				Text: m.Group.Name.In(lg.Code) + " " + m.Description.In(lg.Code) + " " + m.Source.In(lg.Code) + " " + m.ID})
		}
		if s.Members != nil {
			text := ""
			for _, m := range s.Members {
				text += m.Name.In(lg.Code) + " "
			}
			docs = append(docs, searchDoc{Title: t["members_title"], URL: relPage(lg, "members"), Text: text})
		}
		data, _ := json.Marshal(map[string]any{"pages": docs})
		js := append([]byte("window.NIANBAO_SEARCH = "), data...)
		js = append(js, ";\n"...)
		a := s.Theme.AddAsset("search-"+lg.Code+".js", js)
		s.assets[a.Name] = s.URL(a.Path)
	}
}

func (s *Site) search(p *Page, v *theme.Page) {
	v.Title = s.Theme.Strings(p.Lang.Code)["search_title"]
	v.Search = &theme.Search{Index: v.Root + s.Theme.Assets["search-"+p.Lang.Code+".js"].Path}
}
