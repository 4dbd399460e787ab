package charts

import (
	"strconv"
	"strings"

	"nianbao/generator/metrics"
)

// Describe is a chart's accessible name: what a screen reader says for the
// picture, in the language of the page's text. It names the title and the
// years, then every series with its values and units, year by year, and
// says "no data" for a gap:
//
//	成员单位（2023–2025 年）。成员单位：2023 年 58 家，2024 年 71 家，2025 年 86 家。
//	Member units, 2023–2025. Member units: 58 in 2023, 71 in 2024, 86 in 2025.
//
// Pie, donut and gauge charts show one year: each slice says its value
// and share of the whole. The sentence patterns are theme strings
// (chart_desc_title, chart_desc_point, chart_desc_series, …), so a site
// can word them for another language.
func (b *Block) Describe(env Env) string { return b.describe(env, b.lookUp(env)) }

func (b *Block) describe(env Env, vs values) string {
	var buf []byte
	buf = appendFill(buf, env.T("chart_desc_title"), "title", b.title(env), "years", yearSpan(b.Years))
	var values []byte // one series' values, reused
	pie := b.Type == "pie" || b.Type == "donut"
	total := 0.0 // a pie's whole
	for _, m := range b.Metrics {
		if v, ok := env.Data.Value(m, env.Year); pie && ok {
			total += round(m, v.V)
		}
	}
	for i, m := range b.Metrics {
		if i > 0 {
			buf = append(buf, env.T("chart_desc_series_sep")...)
		}
		values = values[:0]
		if pie {
			values = b.appendShare(values, env, m, total)
		} else {
			for j, y := range b.Years {
				if j > 0 {
					values = append(values, env.T("chart_desc_point_sep")...)
				}
				values = appendPoint(values, env, m, y, vs.at(i, j))
			}
		}
		buf = appendFill(buf, env.T("chart_desc_series"), "name", m.Name.In(env.Lang), "values", string(values))
	}
	return string(append(buf, env.T("chart_desc_end")...))
}

// appendPoint says m's value v in year y, or that it has none.
func appendPoint(dst []byte, env Env, m *metrics.Metric, y int, v value) []byte {
	value := env.T("chart_desc_no_data")
	if v.ok {
		value = m.Format(v.v, env.Lang)
	}
	return appendFill(dst, env.T("chart_desc_point"), "year", strconv.Itoa(y), "value", value)
}

// appendShare says a slice of a pie with its value and share of the
// whole, or that it has no value.
func (b *Block) appendShare(dst []byte, env Env, m *metrics.Metric, total float64) []byte {
	v, ok := env.Data.Value(m, env.Year)
	if !ok {
		return append(dst, env.T("chart_desc_no_data")...)
	}
	value := m.Format(v.V, env.Lang)
	if total <= 0 {
		return append(dst, value...)
	}
	return appendFill(dst, env.T("chart_desc_share"), "value", value, "share", metrics.Percent1(round(m, v.V)/total*100))
}

// appendFill appends pattern with each {key} in it replaced by its value;
// keys and values come in pairs. Only the pattern's own braces are read:
// a value that holds "{name}" is written as it is.
func appendFill(dst []byte, pattern string, kv ...string) []byte {
	for {
		open := strings.IndexByte(pattern, '{')
		if open < 0 {
			break
		}
		end := strings.IndexByte(pattern[open:], '}')
		if end < 0 {
			break
		}
		dst = append(dst, pattern[:open]...)
		key := pattern[open+1 : open+end]
		value, known := "", false
		for i := 0; i+1 < len(kv); i += 2 {
			if kv[i] == key {
				value, known = kv[i+1], true
				break
			}
		}
		if !known {
			dst = append(dst, '{')
			pattern = pattern[open+1:]
			continue
		}
		dst = append(dst, value...)
		pattern = pattern[open+end+1:]
	}
	return append(dst, pattern...)
}

// Heading is the block's title as its figure shows it: the title and its
// years.
func (b *Block) Heading(env Env) string {
	return b.title(env) + " " + yearSpan(b.Years)
}
