package charts

import (
	"fmt"
	"math"
	"strconv"
	"testing"
)

// srgb decodes "#rrggbb" into linear-light red, green and blue.
func srgb(t *testing.T, hex string) [3]float64 {
	t.Helper()
	var c [3]float64
	for i := range c {
		v, err := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		if err != nil || len(hex) != 7 {
			t.Fatalf("bad colour %q", hex)
		}
		s := float64(v) / 255
		if s <= 0.04045 {
			c[i] = s / 12.92
		} else {
			c[i] = math.Pow((s+0.055)/1.055, 2.4)
		}
	}
	return c
}

func luminance(c [3]float64) float64 { return 0.2126*c[0] + 0.7152*c[1] + 0.0722*c[2] }

// contrast is WCAG's contrast ratio of two colours.
func contrast(a, b [3]float64) float64 {
	x, y := luminance(a), luminance(b)
	return (max(x, y) + 0.05) / (min(x, y) + 0.05)
}

// cvd holds Machado, Oliveira and Fernandes' (2009) matrices for complete
// protanopia, deuteranopia and tritanopia, on linear RGB.
var cvd = map[string][3][3]float64{
	"protanopia":   {{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}},
	"deuteranopia": {{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}},
	"tritanopia":   {{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}},
}

func simulate(m [3][3]float64, c [3]float64) [3]float64 {
	var out [3]float64
	for i := range out {
		out[i] = min(1, max(0, m[i][0]*c[0]+m[i][1]*c[1]+m[i][2]*c[2]))
	}
	return out
}

// lab converts linear RGB to CIELAB (D65).
func lab(c [3]float64) [3]float64 {
	x := (0.4124*c[0] + 0.3576*c[1] + 0.1805*c[2]) / 0.95047
	y := 0.2126*c[0] + 0.7152*c[1] + 0.0722*c[2]
	z := (0.0193*c[0] + 0.1192*c[1] + 0.9505*c[2]) / 1.08883
	f := func(t float64) float64 {
		if t > 0.008856 {
			return math.Cbrt(t)
		}
		return 7.787*t + 16.0/116
	}
	return [3]float64{116*f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))}
}

func deltaE(a, b [3]float64) float64 {
	p, q := lab(a), lab(b)
	return math.Sqrt((p[0]-q[0])*(p[0]-q[0]) + (p[1]-q[1])*(p[1]-q[1]) + (p[2]-q[2])*(p[2]-q[2]))
}

func TestPaletteContrastsWithThePage(t *testing.T) {
	white := srgb(t, "#ffffff")
	for _, c := range palette {
		if r := contrast(srgb(t, c), white); r < 3 {
			t.Errorf("series colour %s has contrast %.2f:1 on white; WCAG 1.4.11 asks 3:1", c, r)
		}
	}
}

// TestPaletteSurvivesColourBlindness checks every pair of series colours
// under each simulated colour vision deficiency: a CIELAB distance of 10
// is clearly visible side by side.
func TestPaletteSurvivesColourBlindness(t *testing.T) {
	const minDelta = 10
	for i, a := range palette {
		for _, b := range palette[i+1:] {
			ca, cb := srgb(t, a), srgb(t, b)
			if d := deltaE(ca, cb); d < minDelta {
				t.Errorf("%s and %s: ΔE %.1f with normal vision", a, b, d)
			}
			for name, m := range cvd {
				if d := deltaE(simulate(m, ca), simulate(m, cb)); d < minDelta {
					t.Errorf("%s and %s: ΔE %.1f under %s; they look alike", a, b, d, name)
				}
			}
		}
	}
}

// TestSeriesDifferByMoreThanHue checks that lines differ by dash and
// symbol, and bars and slices by decal, for as many series as the palette
// has colours.
func TestSeriesDifferByMoreThanHue(t *testing.T) {
	env := testEnv(t)
	fig := render(t, env, "chart", `type = "line"
metrics = ["talent.students", "talent.apprentices", "talent.teachers", "talent.ratio"]
years = [2023, 2025]`, "chart-1")
	opt := option(t, string(fig.HTML), "chart-1")
	seen := map[string]bool{}
	for i := range 4 {
		s := at(opt, "series", i)
		key := fmt.Sprint(at(s, "symbol"), at(s, "lineStyle", "type"))
		if seen[key] {
			t.Errorf("series %d repeats symbol and dash %s", i, key)
		}
		seen[key] = true
	}
	if len(decals) < len(palette) {
		t.Errorf("%d decals for %d colours", len(decals), len(palette))
	}
	seenDecal := map[string]bool{}
	for _, d := range decals {
		k := fmt.Sprint(d)
		if seenDecal[k] {
			t.Errorf("decal %s repeats", k)
		}
		seenDecal[k] = true
	}
	if len(lineSymbols) < len(palette) {
		t.Errorf("%d symbols for %d colours", len(lineSymbols), len(palette))
	}
}

func TestRadarNamesWrap(t *testing.T) {
	for in, want := range map[string]string{
		"本地就业率":                   "本地就业率",
		"用人单位满意度":                 "用人单位\n满意度",
		"企业教师授课课时占比":              "企业教师\n授课课时\n占比",
		"Graduate placement rate": "Graduate\nplacement\nrate",
		"Rate":                    "Rate",
	} {
		if got := wrapName(in, 4, 12); got != want {
			t.Errorf("wrapName(%q) = %q, want %q", in, got, want)
		}
	}
}
