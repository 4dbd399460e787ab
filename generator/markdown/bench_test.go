package markdown

import (
	"fmt"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"nianbao/generator/diag"
	"nianbao/generator/metrics"
)

// benchSection is a report section as the medium benchmark corpus has
// them: four headings, Chinese paragraphs with references, a kpi block,
// a line chart and a bar chart.
func benchSection() string {
	para := strings.Repeat("在此基础上，市教育局坚持产教融合、校企合作，大力实施实训基地共建共享，实现了资源共享和优势互补。", 4)
	var b strings.Builder
	b.WriteString("## 一、总体情况\n\n" + para + "\n\n```kpi\nmetrics = [\"g0.m0\", \"g0.m1\", \"g0.m2\"]\n```\n\n")
	b.WriteString(para + "全年共建实训基地为{{g0.m3}}。" + para + "\n\n## 二、主要举措\n\n" + para + "\n\n")
	b.WriteString("```chart\ntype = \"line\"\ntitle = \"资源共享率与企业参与率等变化趋势\"\nmetrics = [\"g0.m1\", \"g0.m4\", \"g0.m7\"]\n```\n\n")
	b.WriteString(para + "\n\n## 三、工作成效\n\n" + para + "成员企业为{{g0.m0}}。\n\n" + para + "\n\n")
	b.WriteString("```chart\ntype = \"bar\"\ntitle = \"近年论文发表等指标对比\"\nmetrics = [\"g1.m8\", \"g1.m9\"]\nyears = [2021, 2025]\n```\n\n")
	b.WriteString("## 四、存在问题与下一步打算\n\n" + para + "据统计，理事会会议{{g1.m10}}。\n\n" + para + "\n")
	return b.String()
}

// benchData is a catalogue of 16 metrics in two groups, with values in
// 2021–2025 and targets for some.
func benchData(b *testing.B) *metrics.Data {
	var cat strings.Builder
	kinds := []string{"count", "percent", "money", "count"}
	for i := range 16 {
		if i%8 == 0 {
			fmt.Fprintf(&cat, "[[group]]\nid = \"g%d\"\nname = \"分组%d\"\nname_en = \"Group %d\"\n\n", i/8, i/8, i/8)
		}
		fmt.Fprintf(&cat, "[[metric]]\nid = \"g%d.m%d\"\nname = \"指标名称%d\"\nname_en = \"Metric %d\"\nunit = \"人\"\nkind = %q\nsource = \"联合体秘书处\"\n", i/8, i, i, i, kinds[i%4])
		if i%2 == 0 {
			fmt.Fprintf(&cat, "targets = { 2025 = %d }\n", 900+i)
		}
		cat.WriteString("\n")
	}
	var l diag.List
	c := metrics.ParseCatalogue("content/metrics.toml", []byte(cat.String()), []string{"en"}, &l)
	years := []int{2021, 2022, 2023, 2024, 2025}
	d := metrics.NewData(c, years)
	for yi, y := range years {
		var src strings.Builder
		for i := range 16 {
			if i%8 == 0 {
				fmt.Fprintf(&src, "[g%d]\n", i/8)
			}
			fmt.Fprintf(&src, "m%d = %d.5\n", i, 40+i+yi)
		}
		d.ParseYear(y, fmt.Sprintf("content/%d/metrics.toml", y), []byte(src.String()), []string{"en"}, &l)
	}
	if err := l.Err(); err != nil {
		b.Fatal(err)
	}
	return d
}

// BenchmarkConvertSection converts one corpus-like section, with its
// figure pages' blocks, as a build does.
func BenchmarkConvertSection(b *testing.B) {
	var strs map[string]string
	if _, err := toml.DecodeFile("../../themes/default/i18n/zh.toml", &strs); err != nil {
		b.Fatal(err)
	}
	src := []byte(benchSection())
	data := benchData(b)
	c := New()
	b.ReportAllocs()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		var l diag.List
		res := c.Convert(&Page{
			File: "content/2025/01-operation.md", Src: src, FirstLine: 5, Year: 2025, Lang: "zh", Default: "zh",
			Data: data, T: func(k string) string { return strs[k] }, Reserved: map[string]bool{"main": true},
			FigureBase: "/2025/01-operation/", FigureEmbed: "https://example.org/2025/01-operation/",
		}, &l)
		if l.HasErrors() || res.Charts != 2 || len(res.Blocks) != 2 {
			b.Fatalf("%d charts, %d blocks: %v", res.Charts, len(res.Blocks), l.Err())
		}
	}
}
