package charts

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/go-echarts/go-echarts/v2/opts"

	"nianbao/generator/jsonstr"
)

// marshalled is what encoding/json writes for v.
func marshalled(t testing.TB, v any) string {
	t.Helper()
	out, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// TestOptionsWriteAsEncodingJSON holds the hand-written JSON of every
// chart of the golden files, and of charts of many series, to what
// encoding/json writes for the same option.
func TestOptionsWriteAsEncodingJSON(t *testing.T) {
	check := func(t *testing.T, b *Block, env Env) {
		t.Helper()
		opt := b.option(env, b.lookUp(env))
		got, err := appendOption([]byte("x"), &opt)
		if err != nil {
			t.Fatal(err)
		}
		if want := "x" + marshalled(t, &opt); string(got) != want {
			i := 0
			for i < len(got) && i < len(want) && got[i] == want[i] {
				i++
			}
			t.Errorf("differs at byte %d:\n got …%s…\nwant …%s…", i, excerpt(got, i), excerpt([]byte(want), i))
		}
	}
	charts := 0
	for _, c := range goldenCases {
		if c.kind != "chart" {
			continue
		}
		charts++
		t.Run(c.name, func(t *testing.T) {
			env := goldenEnv(t, c.lang)
			b, problems := parse(env, c.kind, c.body)
			if b == nil {
				t.Fatalf("Parse: %s", problems)
			}
			check(t, b, env)
		})
	}
	env, ms := benchEnv(t, 40, 12)
	for _, c := range manySeries(ms, env) {
		if c.b.Kind == "chart" {
			charts++
			t.Run(c.name, func(t *testing.T) { check(t, c.b, env) })
		}
	}
	if charts < 20 {
		t.Fatalf("only %d charts compared", charts)
	}
}

// jsonHostile are strings that break a JSON string, or the <script>
// element that holds it, where they are not escaped.
var jsonHostile = append(slicesOf(hostileTexts),
	"</script><!--", "<!-- -->", "</SCRIPT>", "a\u2029b", "\x00\x01\x07\x08\x0b\x0c\x1f\x7f", `back\slash`,
	"\xe2\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80", "ok\xc3", "€𝄞", "&amp;", "__f__",
)

func slicesOf(s []string) []string { return append([]string(nil), s...) }

func TestJSONStringsAreEscapedAsEncodingJSONEscapesThem(t *testing.T) {
	for _, s := range jsonHostile {
		if got, want := string(jsonstr.Append(nil, s)), marshalled(t, s); got != want {
			t.Errorf("%q: %s, want %s", s, got, want)
		}
	}
	// Every byte, alone and between letters.
	for c := range 256 {
		for _, s := range []string{string([]byte{byte(c)}), "a" + string([]byte{byte(c)}) + "b"} {
			if got, want := string(jsonstr.Append(nil, s)), marshalled(t, s); got != want {
				t.Errorf("%q: %s, want %s", s, got, want)
			}
		}
	}
}

func TestJSONStringCannotEndTheScriptElement(t *testing.T) {
	for _, s := range jsonHostile {
		out := jsonstr.Append(nil, s)
		if bytes.ContainsAny(out, "<>&\u2028\u2029") || bytes.Contains(out, []byte("</")) {
			t.Errorf("%q written as %s", s, out)
		}
	}
}

func FuzzJSONString(f *testing.F) {
	for _, s := range jsonHostile {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(jsonstr.Append(nil, s)), marshalled(t, s); got != want {
			t.Errorf("%q: %s, want %s", s, got, want)
		}
	})
}

func TestJSONNumbersAreWrittenAsEncodingJSONWritesThem(t *testing.T) {
	values := []float64{0, math.Copysign(0, -1), 1, -1, 0.1, 1.5, 2.5, 1e-6, 9.99999e-7, 1e-7, 1e20, 1e21, 1.5e21, 123456789.125,
		math.MaxFloat64, math.SmallestNonzeroFloat64, -1e-9, 0.785398, 1.5708, 1 << 53, 1<<53 + 2, 99.999, 12345678.5}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		values = append(values, math.Float64frombits(r.Uint64()), r.NormFloat64()*math.Pow(10, float64(r.IntN(50)-25)),
			math.Trunc(r.NormFloat64()*math.Pow(10, float64(r.IntN(20)))))
	}
	for _, p := range []float64{1 << 24, 1e15, 1 << 53, 1e16, 1e21} {
		values = append(values, p-2, p-1, p, p+1, p+2, -p)
	}
	for _, v := range values {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			continue
		}
		var e jsonw
		e.float(v)
		if got, want := string(e.buf), marshalled(t, v); got != want {
			t.Fatalf("%v: %s, want %s", v, got, want)
		}
		e = jsonw{}
		e.float32(float32(v))
		if f := float32(v); !math.IsInf(float64(f), 0) {
			if got, want := string(e.buf), marshalled(t, f); got != want {
				t.Fatalf("float32 %v: %s, want %s", f, got, want)
			}
		}
	}
}

func TestJSONRefusesWhatEncodingJSONRefuses(t *testing.T) {
	for _, v := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		opt := chartOption{Series: []any{&lineSeries{Data: []opts.LineData{{Value: v}}}}}
		_, want := json.Marshal(&opt)
		_, err := appendOption(nil, &opt)
		if err == nil || want == nil || err.Error() != want.Error() {
			t.Errorf("%v: error %v, want %v", v, err, want)
		}
	}
}

// TestGoEChartsPartsWriteEveryField sets each field of the go-echarts
// parts the options use, one at a time, and holds the hand-written JSON
// to encoding/json's: a field the writer forgot would show.
func TestGoEChartsPartsWriteEveryField(t *testing.T) {
	yes, no := true, false
	parts := []struct {
		name  string
		write func(e *jsonw, v any)
		zero  any
	}{
		{"Legend", func(e *jsonw, v any) { appendLegend(e, v.(*opts.Legend)) }, &opts.Legend{}},
		{"Tooltip", func(e *jsonw, v any) { appendTooltip(e, v.(*opts.Tooltip)) }, &opts.Tooltip{}},
		{"Grid", func(e *jsonw, v any) { appendGrid(e, v.(*opts.Grid)) }, &opts.Grid{}},
		{"TextStyle", func(e *jsonw, v any) { appendTextStyle(e, v.(*opts.TextStyle)) }, &opts.TextStyle{}},
		{"Progress", func(e *jsonw, v any) { appendProgress(e, v.(*opts.Progress)) }, &opts.Progress{}},
		{"LineData", func(e *jsonw, v any) { appendLineData(e, []opts.LineData{*v.(*opts.LineData)}) }, &opts.LineData{}},
		{"BarData", func(e *jsonw, v any) { appendBarData(e, []opts.BarData{*v.(*opts.BarData)}) }, &opts.BarData{}},
		{"GaugeData", func(e *jsonw, v any) { appendGaugeData(e, []opts.GaugeData{*v.(*opts.GaugeData)}) }, &opts.GaugeData{}},
		{"RadarData", func(e *jsonw, v any) { appendRadarData(e, []opts.RadarData{*v.(*opts.RadarData)}) }, &opts.RadarData{}},
	}
	for _, p := range parts {
		for i, sample := range fieldSamples(t, p.zero, &yes, &no) {
			var e jsonw
			p.write(&e, sample)
			want := marshalled(t, sample)
			if strings.HasSuffix(p.name, "Data") {
				want = "[" + want + "]"
			}
			if string(e.buf) != want {
				t.Errorf("%s sample %d: %s, want %s", p.name, i, e.buf, want)
			}
		}
	}
}
