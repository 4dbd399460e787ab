// Package metrics holds the metric catalogue (content/metrics.toml), each
// year's values (content/<year>/metrics.toml) and the rules for showing
// them: units, decimals, thousands separators, changes and progress.
//
// The catalogue file has [[group]] tables (id, name, description) and
// [[metric]] tables:
//
//	id          "<group>.<key>", lowercase letters, digits and _
//	name        the metric's name; name_<lang> translates it
//	unit        shown after values; unit_<lang> ("" means no unit)
//	kind        count | percent | money | ratio | score | flag (yes/no)
//	decimals    digits after the point (default: as the value is written)
//	better      higher | lower | neutral
//	description, source   free text; description_<lang>, source_<lang>
//	targets     plan targets by year: { 2025 = 150, 2026 = 180 }
//	            (a flag's are true or false: { 2025 = true })
//	code        the indicator's number in the national standard or the plan ("2.3.1")
//	min, max    the values possible; a value outside them is an error
package metrics

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"nianbao/generator/diag"
	"nianbao/generator/lang"
	"nianbao/generator/tomldoc"
)

// Kind says how a metric's values are formatted.
type Kind string

const (
	Count   Kind = "count"
	Percent Kind = "percent"
	Money   Kind = "money"
	Ratio   Kind = "ratio"
	Score   Kind = "score"
	Flag    Kind = "flag" // a yes/no fact: values and targets are true (1) or false (0)
)

// Better says which direction of change is good.
type Better string

const (
	Higher  Better = "higher"
	Lower   Better = "lower"
	Neutral Better = "neutral"
)

// Group is a group of metrics, such as "operation".
type Group struct {
	ID          string
	Name        lang.Text
	Description lang.Text
	Metrics     []*Metric // in catalogue order
	Pos         diag.Pos
}

// Metric is one metric definition.
type Metric struct {
	ID          string // "operation.member_enterprises"
	Group       *Group
	Key         string // "member_enterprises"
	Name        lang.Text
	Unit        lang.Text
	Description lang.Text
	Source      lang.Text
	Kind        Kind
	Decimals    int // digits after the point; AsWritten to show values as written
	Better      Better
	Targets     map[int]float64
	Code        string   // the indicator's number in the national standard or the plan
	Min, Max    *float64 // the bounds of a possible value, when set
	Pos         diag.Pos
}

// TargetYears returns the years that have a target, ascending.
func (m *Metric) TargetYears() []int {
	ys := make([]int, 0, len(m.Targets))
	for y := range m.Targets {
		ys = append(ys, y)
	}
	sort.Ints(ys)
	return ys
}

// Catalogue is the parsed content/metrics.toml.
type Catalogue struct {
	Broken  bool // the file is not valid TOML (and that was reported)
	Groups  []*Group
	Metrics []*Metric // groups in order, metrics in catalogue order within each
	byID    map[string]*Metric
	groups  map[string]*Group
	failed  map[string]bool // ids whose definitions had errors
}

// fail notes a metric whose definition was in error (and reported), so
// that its uses are not reported again as unknown.
func (c *Catalogue) fail(id string) {
	if c.failed == nil {
		c.failed = map[string]bool{}
	}
	c.failed[id] = true
	c.failed[strings.ToLower(id)] = true
}

// Failed reports whether id was defined in the catalogue with an error
// that was reported there.
func (c *Catalogue) Failed(id string) bool { return c.failed[id] }

// Metric returns the metric with the given id.
func (c *Catalogue) Metric(id string) (*Metric, bool) {
	m, ok := c.byID[id]
	return m, ok
}

// Group returns the group with the given id.
func (c *Catalogue) Group(id string) (*Group, bool) {
	g, ok := c.groups[id]
	return g, ok
}

var (
	groupIDRe = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	keyRe     = regexp.MustCompile(`^[a-z0-9_]+$`)
)

// AsWritten is the Decimals of a metric that does not set them: each value
// is shown with the digits it was written with (92.5 → 92.5%, 1380 → 1,380).
const AsWritten = -1

var kinds = map[Kind]bool{Count: true, Money: true, Percent: true, Score: true, Ratio: true, Flag: true}

// ParseCatalogue reads the metric catalogue. langs are the site's extra
// (non-default) language codes. Problems are added to l; the catalogue
// returned holds every metric that could be read.
func ParseCatalogue(file string, src []byte, langs []string, l *diag.List) *Catalogue {
	c := &Catalogue{byID: map[string]*Metric{}, groups: map[string]*Group{}}
	root, err := tomldoc.Parse(file, src, 1)
	if err != nil {
		err.Cause = true
		c.Broken = true
		l.Add(err)
		return c
	}
	root.Unknown(l, "the metric catalogue", "group", "metric")
	groups, _ := root.Tables("group", l)
	for _, t := range groups {
		c.parseGroup(t, langs, l)
	}
	metrics, _ := root.Tables("metric", l)
	for _, t := range metrics {
		c.parseMetric(t, langs, l)
	}
	for _, g := range c.Groups {
		c.Metrics = append(c.Metrics, g.Metrics...)
	}
	return c
}

func (c *Catalogue) parseGroup(t *tomldoc.Table, langs []string, l *diag.List) {
	t.Unknown(l, "[[group]]", append(tomldoc.Translated("name", "description"), "id")...)
	id, ok := t.String("id", l)
	switch {
	case !t.Has("id"):
		l.Errorf(t.Pos(), "group has no id")
		return
	case !ok:
		return
	case !groupIDRe.MatchString(id):
		l.Errorf(t.ValuePos("id"), "group id %q must be lowercase letters, digits and _, starting with a letter", id)
		return
	case c.groups[id] != nil:
		l.Errorf(t.ValuePos("id"), "duplicate group %q (first defined at %s)", id, c.groups[id].Pos)
		return
	}
	g := &Group{ID: id, Pos: t.ValuePos("id")}
	g.Name = t.Text("name", langs, l)
	if g.Name.Base == "" {
		g.Name.Base = id
	}
	g.Description = t.Text("description", langs, l)
	c.Groups = append(c.Groups, g)
	c.groups[id] = g
}

func (c *Catalogue) parseMetric(t *tomldoc.Table, langs []string, l *diag.List) {
	t.Unknown(l, "[[metric]]", append(tomldoc.Translated("name", "unit", "description", "source"), "id", "kind", "decimals", "better", "targets", "code", "min", "max")...)
	id, ok := t.String("id", l)
	if !t.Has("id") {
		l.Errorf(t.Pos(), "metric has no id")
		return
	}
	if !ok {
		return
	}
	idPos := t.ValuePos("id")
	gid, key, found := strings.Cut(id, ".")
	if !found || !keyRe.MatchString(key) || !groupIDRe.MatchString(gid) {
		l.Errorf(idPos, "metric id %q must be <group>.<key> in lowercase letters, digits and _", id)
		c.fail(id)
		return
	}
	g := c.groups[gid]
	if g == nil {
		l.Errorf(idPos, "metric %q names group %q, which is not defined%s", id, gid, suggest(gid, c.groupIDs()))
		c.fail(id)
		return
	}
	if prev := c.byID[id]; prev != nil {
		l.Errorf(idPos, "duplicate metric %q (first defined at %s)", id, prev.Pos)
		return
	}
	m := &Metric{ID: id, Group: g, Key: key, Pos: idPos, Targets: map[int]float64{}}
	m.Name = t.Text("name", langs, l)
	if m.Name.Base == "" {
		l.Errorf(idPos, "metric %q has no name", id)
	}
	m.Unit = t.Text("unit", langs, l)
	m.Description = t.Text("description", langs, l)
	m.Source = t.Text("source", langs, l)
	m.Kind = Count
	if k, ok := t.String("kind", l); ok {
		m.Kind = Kind(k)
		if !kinds[m.Kind] {
			l.Errorf(t.ValuePos("kind"), "unknown kind %q for metric %q; expected count, percent, money, ratio, score or flag", k, id)
		}
	}
	m.Decimals = AsWritten
	if d, ok := t.Int("decimals", l); ok {
		if d < 0 || d > 6 {
			l.Errorf(t.ValuePos("decimals"), "decimals must be between 0 and 6, not %d", d)
		} else {
			m.Decimals = int(d)
		}
	}
	m.Better = Higher
	if b, ok := t.String("better", l); ok {
		m.Better = Better(b)
		if m.Better != Higher && m.Better != Lower && m.Better != Neutral {
			l.Errorf(t.ValuePos("better"), "better must be higher, lower or neutral, not %q", b)
		}
	}
	if tt, ok := t.Table("targets", l); ok {
		parseTargets(m, tt, l)
	}
	m.Code, _ = t.String("code", l)
	parseBounds(m, t, l)
	g.Metrics = append(g.Metrics, m)
	c.byID[id] = m
}

func parseTargets(m *Metric, t *tomldoc.Table, l *diag.List) {
	for _, k := range t.Keys() {
		y, err := strconv.Atoi(k)
		if err != nil || y < 1900 || y > 2999 {
			l.Errorf(t.KeyPos(k), "target year %q of metric %q is not a four-digit year", k, m.ID)
			continue
		}
		if m.Kind == Flag {
			if b, ok := flagValue(t, k, "target "+k+" of yes/no metric "+strconv.Quote(m.ID), l); ok {
				m.Targets[y] = b
			}
			continue
		}
		if t.Kind(k) == "boolean" {
			l.Errorf(t.ValuePos(k), "target %s of metric %q is true or false, but the metric is a %s; set kind = \"flag\" for a yes/no metric, or write a number", k, m.ID, m.Kind)
			continue
		}
		if v, ok := t.Number(k, l); ok {
			m.Targets[y] = v
		}
	}
}

// flagValue reads a yes/no value (true → 1, false → 0) of key in t; what
// names the value in the message when it is something else.
func flagValue(t *tomldoc.Table, key, what string, l *diag.List) (float64, bool) {
	b, ok := t.Raw(key).(bool)
	if !ok {
		l.Errorf(t.ValuePos(key), "%s must be true or false, not %s", what, article(t.Kind(key)))
		return 0, false
	}
	if b {
		return 1, true
	}
	return 0, true
}

// parseBounds reads min and max, and checks the targets against them.
func parseBounds(m *Metric, t *tomldoc.Table, l *diag.List) {
	for _, k := range []string{"min", "max"} {
		if v, ok := t.Number(k, l); ok {
			if k == "min" {
				m.Min = &v
			} else {
				m.Max = &v
			}
		}
	}
	if m.Min != nil && m.Max != nil && *m.Min > *m.Max {
		l.Errorf(t.ValuePos("max"), "max %s of metric %q is below its min %s", FormatNumber(*m.Max, AsWritten, false), m.ID, FormatNumber(*m.Min, AsWritten, false))
		m.Min, m.Max = nil, nil
		return
	}
	tt, _ := t.Table("targets", nil)
	for _, y := range m.TargetYears() {
		if msg := m.OutOfBounds(m.Targets[y]); msg != "" {
			l.Errorf(tt.ValuePos(strconv.Itoa(y)), "target %s", msg)
		}
	}
}

// OutOfBounds says how v lies outside m's min and max ("…"), or "".
func (m *Metric) OutOfBounds(v float64) string {
	f := func(x float64) string { return FormatNumber(x, AsWritten, false) }
	switch {
	case m.Min != nil && v < *m.Min:
		return fmt.Sprintf("%s of %q is below its min %s", f(v), m.ID, f(*m.Min))
	case m.Max != nil && v > *m.Max:
		return fmt.Sprintf("%s of %q is above its max %s", f(v), m.ID, f(*m.Max))
	}
	return ""
}

func (c *Catalogue) groupIDs() []string {
	ids := make([]string, len(c.Groups))
	for i, g := range c.Groups {
		ids[i] = g.ID
	}
	return ids
}

// suggest returns `; did you mean "x"?` for the closest of candidates when
// one is close to s, else "".
func suggest(s string, candidates []string) string {
	best := diag.Closest(s, candidates, len(s)/2+1)
	if best == "" {
		return ""
	}
	return fmt.Sprintf("; did you mean %q?", best)
}

// NewCatalogue returns a catalogue of the given metrics, for figures that
// are not in content/metrics.toml (such as member counts).
func NewCatalogue(ms []*Metric) *Catalogue {
	c := &Catalogue{Metrics: ms, byID: map[string]*Metric{}, groups: map[string]*Group{}}
	for _, m := range ms {
		c.byID[m.ID] = m
	}
	return c
}
