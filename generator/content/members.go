package content

import (
	"regexp"
	"slices"
	"strings"

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

// MemberTypes are the kinds of member, in the order they are shown: the
// national standard tells the park's government or committee from the
// city government, and secondary vocational schools (中职), higher
// vocational colleges (高职, vocational bachelor programmes included) and
// universities (普通本科) from one another; "college" is any other school.
var MemberTypes = []string{"government", "park", "secondary-vocational", "higher-vocational", "university", "college", "enterprise", "institute", "association"}

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
				l.Errorf(t.ValuePos("type"), "member type %q must be one of %s%s", typ, strings.Join(MemberTypes, ", "), diag.DidYouMean(typ, MemberTypes))
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

// CheckLeads reports each lead unit id (of [alliance] leads, written at
// poss) that is not a member; hasFile tells whether members.toml exists.
func CheckLeads(ids []string, poss []diag.Pos, members []*Member, hasFile bool, l *diag.List) {
	if len(ids) == 0 {
		return
	}
	if !hasFile {
		l.Errorf(poss[0], "leads names members, but there is no content/members.toml: list the lead units there as [[member]] tables")
		return
	}
	known := make([]string, len(members))
	for i, m := range members {
		known[i] = m.ID
	}
	for i, id := range ids {
		if !slices.Contains(known, id) {
			l.Errorf(poss[i], "lead unit %q is not a member in content/members.toml%s", id, diag.DidYouMean(id, known))
		}
	}
}
