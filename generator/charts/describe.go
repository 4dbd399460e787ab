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
func (b *Block) Describe(env Env) string {
	var parts []string
	switch b.Type {
	case "pie", "donut":
		parts = b.describeShares(env)
	default:
		for _, m := range b.Metrics {
			var pts []string
			for _, y := range b.Years {
				pts = append(pts, b.describePoint(env, m, y))
			}
			parts = append(parts, fill(env.T("chart_desc_series"), "name", m.Name.In(env.Lang), "values", strings.Join(pts, env.T("chart_desc_point_sep"))))
		}
	}
	head := fill(env.T("chart_desc_title"), "title", b.title(env), "years", yearSpan(b.Years))
	return head + strings.Join(parts, env.T("chart_desc_series_sep")) + env.T("chart_desc_end")
}

// describePoint says one metric's value in year y, or that it has none.
func (b *Block) describePoint(env Env, m *metrics.Metric, y int) string {
	value := env.T("chart_desc_no_data")
	if v, ok := env.Data.Value(m, y); ok {
		value = m.Format(v.V, env.Lang)
	}
	return fill(env.T("chart_desc_point"), "year", strconv.Itoa(y), "value", value)
}

// describeShares says each slice of a pie with its value and share.
func (b *Block) describeShares(env Env) []string {
	total := 0.0
	for _, m := range b.Metrics {
		if v, ok := env.Data.Value(m, env.Year); ok {
			total += round(m, v.V)
		}
	}
	var out []string
	for _, m := range b.Metrics {
		v, ok := env.Data.Value(m, env.Year)
		if !ok {
			out = append(out, fill(env.T("chart_desc_series"), "name", m.Name.In(env.Lang), "values", env.T("chart_desc_no_data")))
			continue
		}
		value := m.Format(v.V, env.Lang)
		if total > 0 {
			value = fill(env.T("chart_desc_share"), "value", value, "share", metrics.Percent1(round(m, v.V)/total*100))
		}
		out = append(out, fill(env.T("chart_desc_series"), "name", m.Name.In(env.Lang), "values", value))
	}
	return out
}

// fill replaces each {key} in pattern with its value; keys and values come
// in pairs.
func fill(pattern string, kv ...string) string {
	for i := 0; i+1 < len(kv); i += 2 {
		pattern = strings.ReplaceAll(pattern, "{"+kv[i]+"}", kv[i+1])
	}
	return pattern
}

// Heading is the block's title as its figure shows it: the title and its
// years.
func (b *Block) Heading(env Env) string {
	return b.title(env) + " " + yearSpan(b.Years)
}
