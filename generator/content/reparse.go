package content

import (
	"io/fs"
	"maps"

	"nianbao/generator/diag"
	"nianbao/generator/lang"
)

// ParsePage reads one Markdown file of the site folder fsys as Load does:
// file is its slash path, langCode the language its name gives. serve
// uses it to read a saved file again without loading the whole site.
func ParsePage(fsys fs.FS, file, langCode string, o Options, l *diag.List) *Page {
	src := readFile(fsys, file, l)
	if src.Src == nil {
		return nil
	}
	return parsePage(file, langCode, src.Src, o, l)
}

// SameFrontMatter reports whether p and q have the same front matter:
// title, summary, weight and draft, with their translations. When they
// do, a page's body can change without changing any other page's links.
func (p *Page) SameFrontMatter(q *Page) bool {
	return p.File == q.File && p.Lang == q.Lang &&
		sameText(p.Title, q.Title) && sameText(p.Summary, q.Summary) &&
		p.Weight == q.Weight && p.HasWgt == q.HasWgt && p.Draft == q.Draft && p.Broken == q.Broken
}

func sameText(a, b lang.Text) bool { return a.Base == b.Base && maps.Equal(a.Tr, b.Tr) }
