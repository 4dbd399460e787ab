package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"
)

// NewSite writes a minimal site into dir, which must be empty or absent:
// settings, a catalogue of one group and one metric, and one report with
// a foreword and a section that shows the metric in prose and a chart,
// in Chinese and English.
// It builds with the theme and ECharts built into the program.
func NewSite(dir string, year int) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	if len(entries) > 0 {
		return nil, fmt.Errorf("%s is not empty; nianbao new site writes into a new or empty folder", dir)
	}
	y := strconv.Itoa(year)
	files := map[string]string{}
	for name, text := range siteFiles {
		files[strings.ReplaceAll(name, "YEAR", y)] = strings.ReplaceAll(text, "YEAR", y)
	}
	return writeNew(dir, files)
}

var siteFiles = map[string]string{
	"site.toml": `title = "示例市域产教联合体年度报告"
baseURL = "/"
language = "zh"

[languages.en]
title = "Example Alliance Annual Report"

[alliance]
name = "示例市域产教联合体"
name_en = "Example Municipal Industry-Education Alliance"
founded = YEAR
`,
	"content/_index.md": `+++
title = "示例市域产教联合体年度报告"
+++
联合体由政府、院校、企业和科研机构共同组成，每年发布一份进展报告。
`,
	"content/_index.en.md": `+++
title = "Example Alliance Annual Report"
+++
The alliance brings together the city government, colleges, enterprises and research institutes, and reports on its progress every year.
`,
	"content/YEAR/_index.en.md": `+++
title = "YEAR Annual Report"
+++
This year the alliance counted {{operation.member_units}} member units.
`,
	"content/YEAR/01-operation.en.md": `+++
title = "Substantive operation"
summary = "Members and how the alliance works"
+++
## Member units

At the end of the year the alliance had {{operation.member_units}} member units, {{operation.member_units:progress}} of the year's target.

` + "```" + `chart
type = "bar"
metrics = ["operation.member_units"]
` + "```" + `
`,
	"content/metrics.toml": `[[group]]
id = "operation"
name = "实体化运行"
name_en = "Substantive operation"

[[metric]]
id = "operation.member_units"
name = "成员单位"
name_en = "Member units"
unit = "家"
unit_en = ""
kind = "count"
better = "higher"
description = "年末在册、签订章程的成员单位数量"
targets = { YEAR = 100 }
`,
	"content/YEAR/_index.md": `+++
title = "YEAR年度报告"
+++
本年度，联合体成员单位达到{{operation.member_units}}。
`,
	"content/YEAR/metrics.toml": `[operation]
member_units = 86
`,
	"content/YEAR/01-operation.md": `+++
title = "实体化运行"
summary = "成员单位与运行机制"
+++
## 成员单位

年末在册成员单位{{operation.member_units}}，完成年度目标的{{operation.member_units:progress}}。

` + "```" + `chart
type = "bar"
metrics = ["operation.member_units"]
` + "```" + `
`,
}

// tomlString quotes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}
