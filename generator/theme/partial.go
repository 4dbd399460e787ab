package theme

import (
	"bytes"
	"html/template"

	"nianbao/generator/diag"
)

// Partial renders the partial name (such as "partials/cited-by-item.html")
// with data as its dot, for a piece of HTML that the model makes once and
// many pages show alike: the item a metric page lists for each section
// that cites it is rendered once per section, not once per metric. The
// HTML comes without the white space around it, so that a partial may
// end its file with a newline; an error names the partial's file and line.
func (t *Theme) Partial(name string, data any) (template.HTML, *diag.Diagnostic) {
	var buf bytes.Buffer
	if err := t.base.ExecuteTemplate(&buf, name, data); err != nil {
		ly, _ := t.find("layouts/" + name)
		return "", templateError(err, ly.Prefix+"layouts/", name)
	}
	return template.HTML(bytes.TrimSpace(buf.Bytes())), nil
}
