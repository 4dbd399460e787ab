package site

import (
	"html/template"
	"strconv"
	"sync"

	"nianbao/generator/metrics"
)

// memo keeps what the site makes once for a set of values and then
// reuses: each print edition's data appendix, and the version that names
// the set in the keys of the theme's cached partials (the scorecards).
// serve replaces the site's Data after an edit of a year's values; what
// was made of the old values is then forgotten.
type memo struct {
	mu         sync.Mutex
	data       *metrics.Data // the values the rest was made of
	version    int           // counts the sets of values seen
	appendices map[appendixKey]template.HTML
	forget     func() // drops the theme's cached partials made of old values
}

// appendixKey names a print edition's data appendix, for a set of values.
type appendixKey struct {
	year int
	lang string
}

// of makes data the memo's set of values, forgetting what was made of
// another. Call it with m.mu held.
func (m *memo) of(data *metrics.Data) {
	if m.data != data {
		if m.data != nil && m.forget != nil {
			m.forget()
		}
		m.data, m.version, m.appendices = data, m.version+1, map[appendixKey]template.HTML{}
	}
}

// appendix returns the appendix kept for k, if any.
func (m *memo) appendix(data *metrics.Data, k appendixKey) (template.HTML, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.of(data)
	h, ok := m.appendices[k]
	return h, ok && h != ""
}

// keepAppendix keeps an appendix made for k, but only the second time it
// is made: a build makes each once, and need not hold them all to its
// end (the large corpus's 40 would be 7 MB); serve renders a print
// edition again and again.
func (m *memo) keepAppendix(data *metrics.Data, k appendixKey, h template.HTML) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.of(data)
	if _, again := m.appendices[k]; again {
		m.appendices[k] = h
	} else {
		m.appendices[k] = "" // made once
	}
}

// valuesVersion returns the version of data in the memo.
func (m *memo) valuesVersion(data *metrics.Data) int {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.of(data)
	return m.version
}

// scorecardKey names the scorecard of a report in lg with the site's
// values (theme.Page.ScorecardKey).
func (s *Site) scorecardKey(year int, lg string) string {
	return lg + " " + strconv.Itoa(year) + " " + strconv.Itoa(s.memo.valuesVersion(s.Data))
}
