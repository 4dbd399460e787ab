package charts

import (
	"encoding/base64"
	"html"
	"strconv"
	"strings"

	"nianbao/generator/metrics"
)

// writer writes figure HTML. Every text that comes from content goes
// through esc; the markup around it is fixed. (html/template would do the
// same at about ten times the cost, for ~3,000 figures on a large site.)
type writer struct {
	strings.Builder
	t func(string) string
}

// esc writes s escaped for HTML text and quoted attribute values.
func (w *writer) esc(s string) { w.WriteString(html.EscapeString(s)) }

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
		w.WriteString(p)
	}
}

// status writes a status as the scorecard does: a sign and a word.
func (w *writer) status(st metrics.Status) {
	w.raw(`<span class="status status-`, string(st), `"><span aria-hidden="true">`, st.Icon(), "</span> ")
	w.esc(w.t(st.Key()))
	w.raw("</span>")
}

// source writes the line that ends every figure: its sources, and the
// notes of its values.
func (w *writer) source(src, notes string) {
	w.raw("\n<p class=\"figure-source\">")
	w.esc(src)
	if notes != "" {
		w.raw(`<span class="figure-source-notes"> `)
		w.esc(notes)
		w.raw("</span>")
	}
	w.raw("</p>")
}

func (w *writer) kpis(id string, cards []kpiCard, src, notes string) {
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
			arrow := map[string]string{"up": "▲", "down": "▼"}[c.Dir]
			if arrow == "" {
				arrow = "▬"
			}
			w.raw("\n<div class=\"kpi-change kpi-", c.Mood, " kpi-", c.Dir, `"><span class="kpi-arrow" aria-hidden="true">`, arrow, "</span> ")
			w.esc(w.t("vs_previous_year"))
			w.raw(" ")
			w.esc(c.Change)
			if c.Mood != "neutral" {
				w.raw(` <span class="kpi-mood">`)
				w.esc(w.t(map[string]string{"good": "improving", "bad": "worsening"}[c.Mood]))
				w.raw("</span>")
			}
			w.raw("</div>")
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
				w.raw(`</div><progress class="kpi-progress" max="100" value="`, strconv.FormatFloat(c.Pct, 'f', 1, 64), `" aria-label="`)
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
	w.source(src, notes)
}

// figure writes a chart or table block: caption, the chart's element and
// JSON option, the data table, and the CSV download.
func (w *writer) figure(id string, b *Block, title, desc string, option []byte, t Table, csv []byte, tr travel) {
	span := yearSpan(b.Years)
	w.raw(`<figure class="figure figure-`, b.Kind)
	if b.Type != "" {
		w.raw(" chart-", b.Type)
	}
	w.raw(`" id="`)
	w.esc(id)
	w.raw("\">\n<figcaption><span class=\"figure-title\">")
	w.esc(title)
	w.raw(`</span> <span class="figure-span">`, span, "</span></figcaption>")
	chart := b.Kind == "chart"
	if chart {
		// The option is JSON with <, > and & escaped, so it cannot end the
		// script element.
		w.raw("\n<div class=\"chart\" data-option=\"")
		w.esc(id + "-option")
		w.raw(`" role="img" aria-label="`)
		w.esc(desc)
		w.raw("\"></div>\n<script type=\"application/json\" id=\"")
		w.esc(id + "-option")
		w.raw(`">`, string(option), "</script>")
	}
	w.raw("\n<div class=\"figure-data")
	if chart {
		w.raw(" chart-data")
	}
	w.raw(`" id="`)
	w.esc(id + "-data")
	w.raw("\">\n<table>")
	if chart {
		w.raw("<caption>")
		w.esc(w.t("data_table") + w.t("note_colon") + t.Caption)
		w.raw("</caption>")
	}
	w.raw("\n<thead><tr><th scope=\"col\">")
	w.esc(t.Corner)
	w.raw("</th>")
	for _, y := range t.Years {
		w.raw(`<th scope="col">`, y, "</th>")
	}
	w.raw("</tr></thead>\n<tbody>")
	for _, r := range t.Rows {
		w.raw("\n<tr><th scope=\"row\"")
		w.lang(r.Lang)
		w.raw(">")
		w.esc(r.Head)
		w.raw("</th>")
		for _, c := range r.Cells {
			if c.NoTarget {
				w.raw(`<td class="missing">`)
			} else if c.Missing {
				w.raw(`<td class="missing" title="`)
				w.esc(w.t("not_collected"))
				w.raw(`">`)
			} else {
				w.raw("<td>")
			}
			w.esc(c.Text)
			if c.Note {
				w.raw("<sup>*</sup>")
			}
			w.raw("</td>")
		}
		w.raw("</tr>")
	}
	w.raw("\n</tbody>\n</table>")
	if len(t.Notes) > 0 {
		w.raw("\n<ul class=\"figure-notes\">")
		for _, n := range t.Notes {
			w.raw("<li>* ")
			w.esc(n)
			w.raw("</li>")
		}
		w.raw("</ul>")
	}
	w.raw("\n</div>")
	if t.Target != "" {
		w.raw("\n<p class=\"figure-target\">")
		w.esc(t.Target)
		w.raw("</p>")
	}
	w.source(t.Source, t.Notes2)
	w.raw("\n<p class=\"figure-links\">")
	if chart {
		w.raw(`<button type="button" class="show-data" aria-controls="`)
		w.esc(id + "-data")
		w.raw(`" aria-expanded="false" data-hide="`)
		w.esc(w.t("hide_data"))
		w.raw(`" hidden>`)
		w.esc(w.t("show_data"))
		w.raw("</button> ")
	}
	w.raw(`<a href="data:text/csv;charset=utf-8;base64,`, base64.StdEncoding.EncodeToString(csv), `" download="`)
	w.esc(id + ".csv")
	w.raw(`">`)
	w.esc(w.t("download_csv"))
	w.raw("</a>")
	w.travel(id, chart, tr)
	w.raw("</p>")
	w.embed(id, title, tr)
	w.raw("\n</figure>")
}
