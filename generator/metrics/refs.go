package metrics

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Form is what an inline reference shows.
type Form string

const (
	FormValue    Form = ""
	FormChange   Form = "change"
	FormTarget   Form = "target"
	FormProgress Form = "progress"
	FormName     Form = "name"
)

// Ref is an inline reference such as {{talent.apprentices@2024:change}}.
type Ref struct {
	ID   string
	Year int // 0: the page's year
	Form Form
}

var refRe = regexp.MustCompile(`^([a-z][a-z0-9_]*\.[a-z0-9_]+)(?:@([0-9]{4}))?(?::([a-z]+))?$`)

// ParseRef parses the text between {{ and }}; spaces around it are allowed.
func ParseRef(s string) (Ref, error) {
	s = strings.TrimSpace(s)
	m := refRe.FindStringSubmatch(s)
	if m == nil {
		return Ref{}, fmt.Errorf("malformed reference {{%s}}: write {{group.key}}, {{group.key@2024}} or {{group.key:change}} (forms: change, target, progress, name)", s)
	}
	r := Ref{ID: m[1], Form: Form(m[3])}
	if m[2] != "" {
		r.Year, _ = strconv.Atoi(m[2])
	}
	switch r.Form {
	case FormValue, FormChange, FormTarget, FormProgress, FormName:
	default:
		return r, fmt.Errorf("unknown form %q in {{%s}}; expected change, target, progress or name", ":"+m[3], s)
	}
	return r, nil
}

// Resolve returns the text of r on a page of the given year, in language l,
// and the metric it names.
func (d *Data) Resolve(r Ref, pageYear int, l string) (string, *Metric, error) {
	m, ok := d.Catalogue.Metric(r.ID)
	if !ok && d.Catalogue.Failed(r.ID) {
		return "", nil, ErrReported
	}
	if !ok {
		return "", nil, fmt.Errorf("unknown metric %q%s", r.ID, suggest(r.ID, d.ids()))
	}
	year := pageYear
	if r.Year != 0 {
		year = r.Year
	}
	if r.Form == FormName {
		return m.Name.In(l), m, nil
	}
	if r.Form == FormTarget {
		t, ok := m.Targets[year]
		if !ok {
			return "", m, fmt.Errorf("no target for %q in %d (%s)", r.ID, year, targetList(m))
		}
		return m.Format(t, l), m, nil
	}
	if m.Kind == Flag && (r.Form == FormChange || r.Form == FormProgress) {
		return "", m, fmt.Errorf("{{%s:%s}}: %q is a yes/no metric (kind = \"flag\"), which has no %s; write {{%s}} for 是/否 (Yes/No)", r.ID, r.Form, r.ID, r.Form, r.ID)
	}
	v, ok := d.Value(m, year)
	if !ok {
		if d.broken[year] {
			return "", m, ErrReported
		}
		return "", m, fmt.Errorf("no value for %q in %d", r.ID, year)
	}
	switch r.Form {
	case FormChange:
		prev, ok := d.Value(m, year-1)
		if !ok && d.broken[year-1] {
			return "", m, ErrReported
		}
		if !ok {
			return "", m, fmt.Errorf("no value for %q in %d, so there is no change to show for %d", r.ID, year-1, year)
		}
		delta, err := m.Change(v.V, prev.V)
		if err != nil {
			return "", m, fmt.Errorf("change of %q in %d: %v", r.ID, year, err)
		}
		return delta.Format(l), m, nil
	case FormProgress:
		t, ok := m.Targets[year]
		if !ok {
			return "", m, fmt.Errorf("no target for %q in %d, so there is no progress to show (%s)", r.ID, year, targetList(m))
		}
		p, err := m.Progress(v.V, t)
		if err != nil {
			return "", m, fmt.Errorf("progress of %q in %d: %v", r.ID, year, err)
		}
		return Percent1(p), m, nil
	}
	return m.Format(v.V, l), m, nil
}

func targetList(m *Metric) string {
	ys := m.TargetYears()
	if len(ys) == 0 {
		return "it has no targets"
	}
	s := make([]string, len(ys))
	for i, y := range ys {
		s[i] = strconv.Itoa(y)
	}
	return "targets are set for " + strings.Join(s, ", ")
}

// Suggest returns `; did you mean "x"?` for the catalogue metric closest
// to an unknown id, else "".
func (d *Data) Suggest(id string) string { return suggest(id, d.ids()) }

func (d *Data) ids() []string {
	out := make([]string, len(d.Catalogue.Metrics))
	for i, m := range d.Catalogue.Metrics {
		out[i] = m.ID
	}
	return out
}
