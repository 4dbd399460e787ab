package datadesk

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/text/width"
)

// A column of the template, and of what import reads.
type column int

const (
	colOther column = iota // shown for reference, not read
	colID
	colYear
	colValue
	colNote
)

// labels are the template's headers in the languages it knows; the
// template uses the site's default language, English for any other.
type labels struct {
	group, id, code, name, unit, target, note string
	value                                     func(year int) string
	noteIn                                    func(lang string) string
	sheet                                     func(year int) string
	guide                                     string
}

var labelsZh = labels{
	group: "分组", id: "指标ID", code: "体系编号", name: "指标名称", unit: "单位", note: "备注",
	target: "目标",
	value:  func(y int) string { return fmt.Sprintf("%d年数值", y) },
	noteIn: func(lg string) string { return "备注（" + lg + "）" },
	sheet:  func(y int) string { return fmt.Sprintf("%d年数据", y) },
	guide:  "填写说明",
}

var labelsEn = labels{
	group: "Group", id: "Metric ID", code: "Code", name: "Metric", unit: "Unit", note: "Note",
	target: "target",
	value:  func(y int) string { return fmt.Sprintf("%d value", y) },
	noteIn: func(lg string) string { return "Note (" + lg + ")" },
	sheet:  func(y int) string { return fmt.Sprintf("%d data", y) },
	guide:  "How to fill in",
}

func labelsFor(lang string) labels {
	if lang == "zh" || strings.HasPrefix(lang, "zh-") {
		return labelsZh
	}
	return labelsEn
}

var (
	valueHeaderRe = regexp.MustCompile(`^(\d{4})\s*(?:年数值|年值|value)$`)
	noteHeaderRe  = regexp.MustCompile(`^(?:备注|note)\s*[（(_]?\s*([a-z]{2,3}(?:-[a-z0-9]+)?)\s*[)）]?$`)
)

// header is what a header cell names: the column, and for a note its
// language ("" for the default language), for a value its year.
type header struct {
	col  column
	lang string
	year int
}

// parseHeader reads a header cell of the template (in any language it
// knows) or of /data/metrics.csv.
func parseHeader(text, defLang string) header {
	h := strings.ToLower(strings.Join(strings.Fields(width.Narrow.String(text)), " "))
	switch h {
	case "metric", "id", "metric id", "指标id", "指标 id":
		return header{col: colID}
	case "year", "年份", "年度":
		return header{col: colYear}
	case "value", "数值", "值":
		return header{col: colValue}
	case "note", "备注":
		return header{col: colNote, lang: ""}
	}
	if m := valueHeaderRe.FindStringSubmatch(h); m != nil {
		y, _ := strconv.Atoi(m[1])
		return header{col: colValue, year: y}
	}
	if m := noteHeaderRe.FindStringSubmatch(h); m != nil {
		lg := m[1]
		if lg == defLang {
			lg = ""
		}
		return header{col: colNote, lang: lg}
	}
	return header{}
}
