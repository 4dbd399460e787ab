package charts

import (
	"bytes"
	"encoding/csv"
	"html"
	"math"
	"strconv"
	"testing"

	"nianbao/generator/diag"
	"nianbao/generator/metrics"
)

// hostileTexts break HTML, CSV or a template pattern where they are not
// escaped as they should be.
var hostileTexts = []string{
	"", "plain", "订单班学生", `</script><script>alert("x")</script>`, `'single' & "double"`,
	"a,b", "line\nbreak", "carriage\rreturn", "both\r\nends", ` leading space`, "\tleading tab",
	"\u3000ideographic space", `\.`, `\.x`, `""`, `"`, "trailing space ", "=1+1", "\u2028", "{value}", "\xff",
}

func TestFigureTextIsEscapedAsHTMLEscapeStringDoes(t *testing.T) {
	for _, s := range hostileTexts {
		if got, want := string(appendEscaped([]byte("x"), s)), "x"+html.EscapeString(s); got != want {
			t.Errorf("appendEscaped(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestCSVFieldsAreQuotedAsEncodingCSVQuotesThem(t *testing.T) {
	for _, s := range hostileTexts {
		var want bytes.Buffer
		w := csv.NewWriter(&want)
		w.UseCRLF = true
		w.Write([]string{"id", s, "z"})
		w.Flush()
		got := appendCSVField([]byte("id,"), s)
		got = append(append(got, ",z"...), "\r\n"...)
		if !bytes.Equal(got, want.Bytes()) {
			t.Errorf("field %q: %q, want %q", s, got, want.Bytes())
		}
	}
}

func TestDescriptionLeavesBracesInNamesAlone(t *testing.T) {
	var l diag.List
	c := metrics.ParseCatalogue("content/metrics.toml", []byte(`
[[group]]
id = "g"
name = "G"

[[metric]]
id = "g.braces"
name = "{values} {year}"
unit = "{value}"
`), nil, &l)
	d := metrics.NewData(c, []int{2024, 2025})
	d.ParseYear(2025, "content/2025/metrics.toml", []byte("[g]\nbraces = 3\n"), nil, &l)
	if err := l.Err(); err != nil {
		t.Fatal(err)
	}
	env := Env{Data: d, Year: 2025, Lang: "en", T: themeStrings(t, "en")}
	for typ, want := range map[string]string{
		"line": "{values} {year}, 2024–2025. {values} {year}: no data in 2024, 3 {value} in 2025.",
		"pie":  "{values} {year}, 2025. {values} {year}: 3 {value} (100.0%).",
	} {
		b := mustParse(t, env, "chart", "type = \""+typ+"\"\nmetrics = [\"g.braces\"]\n")
		if got := b.Describe(env); got != want {
			t.Errorf("%s: Describe = %q, want %q", typ, got, want)
		}
	}
}

func TestSeriesValuesAreRoundedAsTheyAreFormatted(t *testing.T) {
	for _, v := range []float64{0, math.Copysign(0, -1), 1380, -42, 1 << 52, 1<<53 + 2, 1e300, 93.25, 2.675, 0.125, -0.04, 1e-7} {
		for d := 0; d <= 3; d++ {
			want, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'f', d, 64), 64)
			got := round(&metrics.Metric{Decimals: d}, v)
			if math.Float64bits(got) != math.Float64bits(want) {
				t.Errorf("round(%v) with %d decimals = %v, want %v", v, d, got, want)
			}
		}
	}
}

func TestChartTextWithGoEChartsMarkerIsRefused(t *testing.T) {
	env := testEnv(t)
	// A pie's title names its series in the option; a line chart's is
	// only the figure's caption, which HTML escaping covers.
	b := mustParse(t, env, "chart", "type = \"pie\"\ntitle = \"x__f__function(){alert(1)}__f__\"\nmetrics = [\"talent.students\"]\n")
	_, err := b.Render("chart-1", env)
	want := `its text contains "__f__", which go-echarts reserves to mark JavaScript; remove it from the title and the metrics' names and units`
	if err == nil || err.Error() != want {
		t.Errorf("Render = %v, want %s", err, want)
	}
}

func TestBlockMadeInCodeWithThreeUnitsRenders(t *testing.T) {
	env := testEnv(t)
	b := mustParse(t, env, "table", "metrics = [\"talent.students\", \"talent.placement\", \"talent.ratio\"]\n")
	b.Kind, b.Type = "chart", "line" // Parse refuses a chart of three units; code may make one
	fig, err := b.Render("chart-1", env)
	if err != nil {
		t.Fatal(err)
	}
	opt := option(t, string(fig.HTML), "chart-1")
	want(t, "third series' axis", at(opt, "series", 2, "yAxisIndex"), "2")
	want(t, "value axes", len(at(opt, "yAxis").([]any)), "3")
}
