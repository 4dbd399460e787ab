package content

import (
	"regexp"
	"slices"

	"nianbao/generator/diag"
	"nianbao/generator/lang"
	"nianbao/generator/tomldoc"
)

// Member is one alliance member from content/members.toml.
type Member struct {
	ID     string
	Name   lang.Text
	Type   string // one of MemberTypes
	Joined int
	Note   lang.Text
	URL    string
	Pos    diag.Pos
}

// MemberTypes are the kinds of member, in the order they are shown.
var MemberTypes = []string{"government", "college", "enterprise", "institute", "association"}

var memberIDRe = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// ParseMembers reads content/members.toml: [[member]] tables with id, name,
// type, joined and optional note and url. extra are the site's other
// languages, for name_<lang> and note_<lang>.
func ParseMembers(f File, extra []string, l *diag.List) []*Member {
	root, err := tomldoc.Parse(f.Name, f.Src, 1)
	if err != nil {
		l.Add(err)
		return nil
	}
	root.Unknown(l, "members.toml", "member")
	tables, _ := root.Tables("member", l)
	known := append(tomldoc.Translated("name", "note"), "id", "type", "joined", "url")
	seen := map[string]diag.Pos{}
	var out []*Member
	for _, t := range tables {
		t.Unknown(l, "[[member]]", known...)
		m := &Member{Pos: t.Pos()}
		id, ok := t.String("id", l)
		switch {
		case !t.Has("id"):
			l.Errorf(t.Pos(), "member has no id")
			continue
		case !ok:
			continue
		case !memberIDRe.MatchString(id):
			l.Errorf(t.ValuePos("id"), "member id %q must be lowercase letters, digits and -", id)
			continue
		}
		if p, dup := seen[id]; dup {
			l.Errorf(t.ValuePos("id"), "duplicate member %q (first defined at %s)", id, p)
			continue
		}
		seen[id] = t.ValuePos("id")
		m.ID = id
		m.Name = t.Text("name", extra, l)
		if m.Name.Base == "" {
			l.Errorf(t.ValuePos("id"), "member %q has no name", id)
		}
		m.Note = t.Text("note", extra, l)
		m.URL, _ = t.String("url", l)
		if typ, ok := t.String("type", l); ok {
			if !slices.Contains(MemberTypes, typ) {
				l.Errorf(t.ValuePos("type"), "member type %q must be government, college, enterprise, institute or association", typ)
			}
			m.Type = typ
		} else if !t.Has("type") {
			l.Errorf(t.ValuePos("id"), "member %q has no type", id)
		}
		if y, ok := t.Int("joined", l); ok {
			m.Joined = int(y)
		}
		out = append(out, m)
	}
	return out
}
