package site

import (
	"html/template"
	"slices"
	"sort"

	"nianbao/generator/charts"
	"nianbao/generator/content"
	"nianbao/generator/diag"
	"nianbao/generator/lang"
	"nianbao/generator/metrics"
	"nianbao/generator/theme"
)

func (s *Site) members(p *Page, v *theme.Page, l *diag.List) Output {
	lg := p.Lang.Code
	t := s.Theme.Strings(lg)
	v.Title = t["members_title"]
	mp := &theme.MembersPage{Total: len(s.Members)}
	for _, typ := range content.MemberTypes {
		g := theme.MemberGroup{Type: typ, Name: t["member_"+typ]}
		for _, m := range s.Members {
			if m.Type == typ {
				g.Members = append(g.Members, theme.Member{Name: m.Name.In(lg), Joined: m.Joined, URL: m.URL, Note: m.Note.In(lg)})
			}
		}
		sort.SliceStable(g.Members, func(i, j int) bool { return g.Members[i].Joined < g.Members[j].Joined })
		if len(g.Members) > 0 {
			mp.Groups = append(mp.Groups, g)
		}
	}
	data, latest := s.memberData(lg)
	out := Output{}
	if data != nil {
		env := charts.Env{Data: data, Year: latest, Lang: lg, T: s.translator(lg)} // the names are theme strings in lg
		comp := &charts.Block{Kind: "chart", Type: "donut", Title: t["member_composition"], Metrics: data.Catalogue.Metrics, Years: []int{latest}}
		growth := &charts.Block{Kind: "chart", Type: "stacked-bar", Title: t["member_growth"], Metrics: data.Catalogue.Metrics, Years: data.Years}
		for _, c := range []struct {
			b   *charts.Block
			id  string
			dst *template.HTML
		}{{comp, "composition", &mp.Composition}, {growth, "growth", &mp.Growth}} {
			fig, err := c.b.Render(c.id, env)
			if err != nil {
				l.Errorf(diag.Pos{File: "content/members.toml"}, "%s chart: %v", c.id, err)
				continue
			}
			*c.dst = template.HTML(fig.HTML)
			out.Charts++
		}
	}
	v.Members = mp
	return out
}

// memberData counts members by type as metrics, one per type, whose value
// in a year is how many members of that type had joined by then, so the
// chart code can draw the composition and the growth.
func (s *Site) memberData(lg string) (*metrics.Data, int) {
	t := s.Theme.Strings(lg)
	var years []int
	seen := map[int]bool{}
	for _, m := range s.Members {
		if m.Joined > 0 && !seen[m.Joined] {
			seen[m.Joined] = true
			years = append(years, m.Joined)
		}
	}
	if len(years) == 0 {
		return nil, 0
	}
	sort.Ints(years)
	var ms []*metrics.Metric
	for _, typ := range content.MemberTypes {
		if !slices.ContainsFunc(s.Members, func(m *content.Member) bool { return m.Type == typ }) {
			continue // nine types: a chart of the ones the alliance has
		}
		ms = append(ms, &metrics.Metric{ID: "members." + typ, Key: typ, Name: lang.Plain(t["member_"+typ]), Unit: lang.Plain(t["members_unit"]), Kind: metrics.Count, Better: metrics.Neutral,
			Source: lang.Plain(t["members_source"])})
	}
	cat := metrics.NewCatalogue(ms)
	d := metrics.NewData(cat, years)
	for _, m := range ms {
		for _, y := range years {
			n := 0
			for _, mem := range s.Members {
				if "members."+mem.Type == m.ID && mem.Joined > 0 && mem.Joined <= y {
					n++
				}
			}
			if n > 0 {
				d.Set(m, y, metrics.Value{V: float64(n)})
			}
		}
	}
	return d, years[len(years)-1]
}

// leadUnits returns the lead units of [alliance] leads in language lg;
// ids that are not members were reported when the members were read.
func (s *Site) leadUnits(lg string) []theme.LeadUnit {
	t := s.Theme.Strings(lg)
	var out []theme.LeadUnit
	for _, id := range s.Config.Alliance.Leads {
		for _, m := range s.Members {
			if m.ID == id {
				out = append(out, theme.LeadUnit{ID: id, Name: m.Name.In(lg), Type: t["type_"+m.Type], URL: m.URL})
			}
		}
	}
	return out
}
