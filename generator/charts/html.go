package charts

import (
	"encoding/base64"
	"strconv"
	"strings"

	"nianbao/generator/metrics"
)

// writer writes figure HTML into one buffer. Every text that comes from
// content goes through esc; the markup around it is fixed. (html/template
// would do the same at about ten times the cost, for ~3,000 figures on a
// large site.)
type writer struct {
	buf []byte
	t   func(string) string
}

// esc writes s escaped for HTML text and quoted attribute values, as
// html.EscapeString does.
func (w *writer) esc(s string) { w.buf = appendEscaped(w.buf, s) }

// appendEscaped appends s with &, ', <, > and " escaped, as
// html.EscapeString writes them.
func appendEscaped(dst []byte, s string) []byte {
	for {
		i := strings.IndexAny(s, `&'<>"`)
		if i < 0 {
			return append(dst, s...)
		}
		dst = append(dst, s[:i]...)
		switch s[i] {
		case '&':
			dst = append(dst, "&amp;"...)
		case '\'':
			dst = append(dst, "&#39;"...)
		case '<':
			dst = append(dst, "&lt;"...)
		case '>':
			dst = append(dst, "&gt;"...)
		case '"':
			dst = append(dst, "&#34;"...)
		}
		s = s[i+1:]
	}
}

// lang writes a lang attribute, when l is set.
func (w *writer) lang(l string) {
	if l != "" {
		w.raw(` lang="`)
		w.esc(l)
		w.raw(`"`)
	}
}

// raw writes fixed markup.
func (w *writer) raw(parts ...string) {
	for _, p := range parts {
		w.buf = append(w.buf, p...)
	}
}

// status writes a status as the scorecard does: a sign and a word.
func (w *writer) status(st metrics.Status) {
	w.raw(`<span class="status status-`, string(st), `"><span aria-hidden="true">`, st.Icon(), "</span> ")
	w.esc(w.t(st.Key()))
	w.raw("</span>")
}

// source writes the line that ends every figure: its metrics' sources,
// then the notes of the values in the years shown. It is never empty: a
// figure whose metrics name no source says so.
func (w *writer) source(b *Block, env Env, vs values) {
	sep := w.t("source_separator")
	w.raw("\n<p class=\"figure-source\">")
	w.esc(w.t("source"))
	var names []string
	for _, m := range b.Metrics {
		s := strings.TrimSpace(m.Source.In(env.Lang))
		if s == "" || contains(names, s) {
			continue
		}
		if len(names) > 0 {
			w.esc(sep)
		}
		w.esc(s)
		names = append(names, s)
	}
	if len(names) == 0 {
		w.esc(w.t("source_unknown"))
	}
	notes := false
	for i, m := range b.Metrics {
		for j, y := range b.Years {
			n := strings.TrimSpace(vs.at(i, j).note)
			if n == "" {
				continue
			}
			if notes {
				w.esc(sep)
			} else {
				w.raw(`<span class="figure-source-notes"> `)
				w.esc(w.t("notes"))
				notes = true
			}
			w.note(y, m.Name.In(env.Lang), n)
		}
	}
	if notes {
		w.raw("</span>")
	}
	w.raw("</p>")
}

// note writes a value's note: "2024 成员单位：含新增企业".
func (w *writer) note(year int, name, note string) {
	w.buf = strconv.AppendInt(w.buf, int64(year), 10)
	w.raw(" ")
	w.esc(name)
	w.esc(w.t("note_colon"))
	w.esc(note)
}

func (w *writer) kpis(id string, cards []kpiCard) {
	w.raw(`<div class="kpis" id="`)
	w.esc(id)
	w.raw(`">`)
	for _, c := range cards {
		w.raw("\n<div class=\"kpi\">\n<div class=\"kpi-name\"")
		w.lang(c.NameLang)
		w.raw(">")
		w.esc(c.Name)
		w.raw("</div>\n<div class=\"kpi-value\"><span class=\"kpi-number\">")
		w.esc(c.Value)
		w.raw("</span>")
		if c.Unit != "" {
			w.raw(` <span class="kpi-unit">`)
			w.esc(c.Unit)
			w.raw("</span>")
		}
		w.raw("</div>")
		if c.Status != "" {
			w.raw("\n<div class=\"kpi-status\">")
			w.status(c.Status)
			w.raw("</div>")
		}
		if c.Change != "" {
			w.change(c)
		}
		if c.Target != "" {
			w.raw("\n<div class=\"kpi-target\">")
			w.esc(w.t("target"))
			w.raw(" ")
			w.esc(c.Target)
			if c.Progress != "" {
				w.raw(" · ")
				w.esc(w.t("progress"))
				w.raw(" ")
				w.esc(c.Progress)
				w.raw(`</div><progress class="kpi-progress" max="100" value="`)
				w.buf = strconv.AppendFloat(w.buf, c.Pct, 'f', 1, 64)
				w.raw(`" aria-label="`)
				w.esc(w.t("progress") + " " + c.Progress)
				w.raw(`"></progress>`)
			} else {
				w.raw("</div>")
			}
		}
		if c.Note != "" {
			w.raw("\n<div class=\"kpi-note\">")
			w.esc(c.Note)
			w.raw("</div>")
		}
		w.raw("\n</div>")
	}
	w.raw("\n</div>")
}

// change writes a card's change from the previous year: an arrow, the
// change, and whether it is good news.
func (w *writer) change(c kpiCard) {
	arrow := "▬"
	switch c.Dir {
	case "up":
		arrow = "▲"
	case "down":
		arrow = "▼"
	}
	w.raw("\n<div class=\"kpi-change kpi-", c.Mood, " kpi-", c.Dir, `"><span class="kpi-arrow" aria-hidden="true">`, arrow, "</span> ")
	w.esc(w.t("vs_previous_year"))
	w.raw(" ")
	w.esc(c.Change)
	if c.Mood != "neutral" {
		mood := "improving"
		if c.Mood == "bad" {
			mood = "worsening"
		}
		w.raw(` <span class="kpi-mood">`)
		w.esc(w.t(mood))
		w.raw("</span>")
	}
	w.raw("</div>")
}

// figure writes a chart or table block: caption, the chart's element and
// JSON option, the data table, and the CSV download.
func (w *writer) figure(id string, b *Block, env Env, vs values, title, desc string, option, csv []byte, tr travel) {
	w.raw(`<figure class="figure figure-`, b.Kind)
	if b.Type != "" {
		w.raw(" chart-", b.Type)
	}
	w.raw(`" id="`)
	w.esc(id)
	w.raw("\">\n<figcaption><span class=\"figure-title\">")
	w.esc(title)
	w.raw(`</span> <span class="figure-span">`)
	w.buf = appendYearSpan(w.buf, b.Years)
	w.raw("</span></figcaption>")
	chart := b.Kind == "chart"
	if chart {
		w.chart(id, desc, option)
	}
	w.raw("\n<div class=\"figure-data")
	if chart {
		w.raw(" chart-data")
	}
	w.raw(`" id="`)
	w.esc(id)
	w.raw("-data\">")
	w.dataTable(b, env, vs, title, chart)
	w.raw("\n</div>")
	if b.Type == "gauge" {
		if target := b.gaugeTargetLine(env); target != "" {
			w.raw("\n<p class=\"figure-target\">")
			w.esc(target)
			w.raw("</p>")
		}
	}
	w.source(b, env, vs)
	w.links(id, chart, csv, tr)
	w.embed(id, title, tr)
	w.raw("\n</figure>")
}

// chart writes the chart's element, named by its description, and its
// option. The option is JSON with <, > and & escaped, so it cannot end
// the script element.
func (w *writer) chart(id, desc string, option []byte) {
	w.raw("\n<div class=\"chart\" data-option=\"")
	w.esc(id)
	w.raw(`-option" role="img" aria-label="`)
	w.esc(desc)
	w.raw("\"></div>\n<script type=\"application/json\" id=\"")
	w.esc(id)
	w.raw(`-option">`)
	w.buf = append(w.buf, option...)
	w.raw("</script>")
}

// links writes the line of the figure's buttons and links: the data
// table, the CSV download, the images and the figure's own page.
func (w *writer) links(id string, chart bool, csv []byte, tr travel) {
	w.raw("\n<p class=\"figure-links\">")
	if chart {
		w.raw(`<button type="button" class="show-data" aria-controls="`)
		w.esc(id)
		w.raw(`-data" aria-expanded="false" data-hide="`)
		w.esc(w.t("hide_data"))
		w.raw(`" hidden>`)
		w.esc(w.t("show_data"))
		w.raw("</button> ")
	}
	w.raw(`<a href="data:text/csv;charset=utf-8;base64,`)
	w.buf = base64.StdEncoding.AppendEncode(w.buf, csv)
	w.raw(`" download="`)
	w.esc(id)
	w.raw(`.csv">`)
	w.esc(w.t("download_csv"))
	w.raw("</a>")
	w.travel(id, chart, tr)
	w.raw("</p>")
}
