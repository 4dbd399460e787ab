package datadesk

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"nianbao/generator/diag"
	"nianbao/generator/metrics"
	"nianbao/generator/workbook"
)

// TemplateOptions says which template to write.
type TemplateOptions struct {
	Site string // the site folder
	Year int
	Out  string // the workbook to write; "" means <year>-metrics.xlsx
}

// Template writes the data template of a year and returns its path. It
// never replaces a file: a filled-in template is someone's work.
func Template(o TemplateOptions) (string, error) {
	var l diag.List
	d := load(o.Site, "", &l)
	if err := l.Err(); err != nil {
		return "", err
	}
	if o.Out == "" {
		o.Out = fmt.Sprintf("%d-metrics.xlsx", o.Year)
	}
	if !strings.EqualFold(filepath.Ext(o.Out), ".xlsx") {
		return "", fmt.Errorf("%s: the template is an Excel workbook; name it FILE.xlsx", o.Out)
	}
	if inside(o.Out, filepath.Join(o.Site, "content")) {
		return "", fmt.Errorf("%s is inside content/, whose files are published; write the template elsewhere", o.Out)
	}
	if _, err := os.Lstat(o.Out); err == nil {
		return "", fmt.Errorf("%s exists already; nothing was written (remove it, or choose another name with --out)", o.Out)
	} else if !errors.Is(err, os.ErrNotExist) {
		return "", err
	}
	data, err := d.template(o.Year)
	if err != nil {
		return "", err
	}
	return o.Out, writeAtomic(o.Out, data)
}

func inside(path, dir string) bool {
	p, err1 := filepath.Abs(path)
	q, err2 := filepath.Abs(dir)
	if err1 != nil || err2 != nil {
		return false
	}
	rel, err := filepath.Rel(q, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// template is the workbook: the year's sheet and a sheet of instructions.
func (d *desk) template(year int) ([]byte, error) {
	lb := labelsFor(d.cfg.Language)
	extra := d.cfg.Extra()
	head := []string{lb.group, lb.id, lb.code, lb.name, lb.unit, lb.value(year - 1), lb.value(year), fmt.Sprintf("%d%s", year, targetSuffix(lb)), lb.note}
	for _, lg := range extra {
		head = append(head, lb.noteIn(lg))
	}
	rows := [][]workbook.Cell{cells(head...)}
	def := d.cfg.Language
	for _, m := range d.data.Catalogue.Metrics {
		unit := m.UnitIn(def)
		if m.Kind == metrics.Percent {
			unit = "%"
		}
		row := cells(m.Group.Name.In(def), m.ID, m.Code, m.Name.In(def), unit)
		cur, _ := d.data.Value(m, year)
		row = append(row, d.valueCell(m, year-1), d.valueCell(m, year), targetCell(m, year))
		row = append(row, workbook.T(cur.Note.Base))
		for _, lg := range extra {
			row = append(row, workbook.T(cur.Note.Tr[lg]))
		}
		rows = append(rows, row)
	}
	widths := []float64{14, 34, 9, 30, 10, 12, 12, 12, 30}
	return workbook.Write([]workbook.Sheet{
		{Name: lb.sheet(year), Rows: rows, Widths: widths},
		{Name: lb.guide, Rows: guide(lb, year), Widths: []float64{100}},
	}, workbook.Props{Title: lb.sheet(year), Time: fmt.Sprintf("%04d-12-31T00:00:00Z", year)})
}

func targetSuffix(lb labels) string {
	if lb.target == "目标" {
		return "年目标"
	}
	return " target"
}

func (d *desk) valueCell(m *metrics.Metric, year int) workbook.Cell {
	v, ok := d.data.Value(m, year)
	if !ok {
		return workbook.T("")
	}
	return numberCell(m, v.V)
}

func targetCell(m *metrics.Metric, year int) workbook.Cell {
	t, ok := m.Targets[year]
	if !ok {
		return workbook.T("")
	}
	return numberCell(m, t)
}

func numberCell(m *metrics.Metric, v float64) workbook.Cell {
	if m.Kind == metrics.Flag {
		return workbook.Cell{Kind: workbook.Bool, Number: v}
	}
	return workbook.N(v)
}

func cells(ss ...string) []workbook.Cell {
	out := make([]workbook.Cell, len(ss))
	for i, s := range ss {
		out[i] = workbook.T(s)
	}
	return out
}

func guide(lb labels, year int) [][]workbook.Cell {
	var lines []string
	if lb.guide == labelsZh.guide {
		lines = []string{
			"填写说明",
			fmt.Sprintf("1. 在“%s”列填写各指标 %d 年的数值；未采集的留空，不要填 0。", lb.value(year), year),
			"2. 百分比指标（单位为 %）填 94.6，或在设置为百分比格式的单元格中填 94.6%；不要填 0.946。",
			"3. 数值单元格只填数字，不带单位和文字；需要说明的写在“备注”列（各语言一列）。",
			"4. 不要修改“指标ID”列和表头；行的先后顺序不影响导入。",
			fmt.Sprintf("5. 交回后由管理员执行：nianbao data import 本文件 --year %d，再执行 nianbao check。", year),
		}
	} else {
		lines = []string{
			"How to fill in",
			fmt.Sprintf("1. Enter each metric's %d value in the column \"%s\"; leave a value that was not collected empty (not 0).", year, lb.value(year)),
			"2. Percent metrics (unit %): enter 94.6, or 94.6% in a cell formatted as a percentage; not 0.946.",
			"3. Numbers only: no units or words in value cells; explanations go in the Note columns.",
			"4. Do not change the Metric ID column or the columns; the order of the rows does not matter.",
			fmt.Sprintf("5. Then: nianbao data import THIS-FILE --year %d, and nianbao check.", year),
		}
	}
	rows := make([][]workbook.Cell, len(lines))
	for i, s := range lines {
		rows[i] = cells(s)
	}
	return rows
}
