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
func (b *Block) Describe(env Env) string { return b.describe(env, b.lookUp(env), b.title(env)) }

func (b *Block) describe(env Env, vs values, title string) string {
	buf := make([]byte, 0, 128+48*len(b.Metrics)*len(b.Years))
	buf = appendPattern(buf, env.T("chart_desc_title"), func(dst []byte, key string) ([]byte, bool) {
		switch key {
		case "title":
			return append(dst, title...), true
		case "years":
			return appendYearSpan(dst, b.Years), true
		}
		return dst, false
	})
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
		buf = appendPattern(buf, env.T("chart_desc_series"), func(dst []byte, key string) ([]byte, bool) {
			switch key {
			case "name":
				return append(dst, m.Name.In(env.Lang)...), true
			case "values":
				if pie {
					return b.appendShare(dst, env, m, total), true
				}
				for j, y := range b.Years {
					if j > 0 {
						dst = append(dst, env.T("chart_desc_point_sep")...)
					}
					dst = appendPoint(dst, env, m, y, vs.at(i, j))
				}
				return dst, true
			}
			return dst, false
		})
	}
	return string(append(buf, env.T("chart_desc_end")...))
}

// appendPoint says m's value v in year y, or that it has none.
func appendPoint(dst []byte, env Env, m *metrics.Metric, y int, v value) []byte {
	return appendPattern(dst, env.T("chart_desc_point"), func(dst []byte, key string) ([]byte, bool) {
		switch {
		case key == "year":
			return strconv.AppendInt(dst, int64(y), 10), true
		case key == "value" && v.ok:
			return m.AppendFormat(dst, v.v, env.Lang), true
		case key == "value":
			return append(dst, env.T("chart_desc_no_data")...), true
		}
		return dst, false
	})
}

// appendShare says a slice of a pie with its value and share of the
// whole, or that it has no value.
func (b *Block) appendShare(dst []byte, env Env, m *metrics.Metric, total float64) []byte {
	v, ok := env.Data.Value(m, env.Year)
	if !ok {
		return append(dst, env.T("chart_desc_no_data")...)
	}
	if total <= 0 {
		return m.AppendFormat(dst, v.V, env.Lang)
	}
	return appendPattern(dst, env.T("chart_desc_share"), func(dst []byte, key string) ([]byte, bool) {
		switch key {
		case "value":
			return m.AppendFormat(dst, v.V, env.Lang), true
		case "share":
			return append(dst, metrics.Percent1(round(m, v.V)/total*100)...), true
		}
		return dst, false
	})
}

// appendPattern appends a theme string's pattern, calling put for each
// {key} in it: put appends the key's value, or reports false for a key it
// does not know, which stays as written. Only the pattern's own braces
// are read: a value that holds "{name}" is written as it is.
func appendPattern(dst []byte, pattern string, put func(dst []byte, key string) ([]byte, bool)) []byte {
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
		var known bool
		if dst, known = put(dst, pattern[open+1:open+end]); !known {
			dst = append(dst, '{')
			pattern = pattern[open+1:]
			continue
		}
		pattern = pattern[open+end+1:]
	}
	return append(dst, pattern...)
}

// Heading is the block's title as its figure shows it: the title and its
// years.
func (b *Block) Heading(env Env) string {
	return b.title(env) + " " + yearSpan(b.Years)
}
