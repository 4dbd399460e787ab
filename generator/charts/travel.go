package charts

import (
	"html"
)

// travel is what lets a figure leave its page: its own page for an
// <iframe>. (Its source line, drawn into exported images too, is the
// figure's own.)
type travel struct {
	Page  string // the figure page's URL, or "" when it has none
	Embed string // the URL for the iframe snippet
}

// travel writes the figure's link to itself and, for charts, the image
// buttons that nianbao.js shows and works (title, source and notes drawn
// into the image).
func (w *writer) travel(id string, chart bool, tr travel) {
	if chart {
		for _, f := range [...]struct{ format, key string }{{"png", "download_png"}, {"svg", "download_svg"}} {
			w.raw(` <button type="button" class="figure-image" data-format="`, f.format, `" hidden>`)
			w.esc(w.t(f.key))
			w.raw("</button>")
		}
	}
	w.raw(` <a class="figure-anchor" href="#`)
	w.esc(id)
	w.raw(`">`)
	w.esc(w.t("figure_link"))
	w.raw("</a>")
	if tr.Page != "" {
		w.raw(` <a class="figure-page" href="`)
		w.esc(tr.Page)
		w.raw(`">`)
		w.esc(w.t("figure_page"))
		w.raw("</a>")
	}
}

// embed writes the iframe snippet for the figure page, to copy.
func (w *writer) embed(id, title string, tr travel) {
	if tr.Page == "" {
		return
	}
	// The snippet is HTML the reader pastes elsewhere: its attributes are
	// escaped, and then the whole of it again for the textarea.
	snippet := `<iframe src="` + html.EscapeString(tr.Embed) + `" title="` + html.EscapeString(title) + `" width="100%" height="560" style="border:0" loading="lazy"></iframe>`
	w.raw("\n<details class=\"figure-embed\">\n<summary>")
	w.esc(w.t("figure_embed"))
	w.raw("</summary>\n<label for=\"")
	w.esc(id + "-embed")
	w.raw(`">`)
	w.esc(w.t("figure_embed_label"))
	w.raw("</label>\n<textarea id=\"")
	w.esc(id + "-embed")
	w.raw(`" class="figure-embed-code" rows="3" readonly data-src="`)
	w.esc(tr.Embed)
	w.raw(`">`)
	w.esc(snippet)
	w.raw("</textarea>\n<button type=\"button\" class=\"figure-copy\" data-done=\"")
	w.esc(w.t("copied"))
	w.raw(`" hidden>`)
	w.esc(w.t("copy"))
	w.raw("</button> <span class=\"figure-copy-status\" role=\"status\"></span>\n</details>")
}
