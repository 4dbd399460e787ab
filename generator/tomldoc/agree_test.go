package tomldoc

import (
	"testing"

	"github.com/BurntSushi/toml"

	"nianbao/generator/diag"
)

// The scanner must see the same tables and keys as BurntSushi in every
// valid document, however its strings, numbers and dates are written.
func TestScannerAgreesWithDecoder(t *testing.T) {
	docs := map[string]string{
		"string ends":        "a = \"\"\"x\"\"\"\"\nb = '''y''''\nc = \"\"\"\\\\\"\"\"\nd = \"\\\\\"\ne = 1\n",
		"line-end backslash": "a = \"\"\"one \\\n   two = [\"\"\"\nb = 1\n",
		"hash in strings":    "a = \"#\"\nb = '#' # c\nc = \"\"\"#\n#\"\"\"\n",
		"odd keys":           "\"a.b\" = 1\n'a\"b' = 2\n\"\" = 3\n1-2 = 4\n-- = 5\n\"\\x41\\u00e9\" = 6\n",
		"spaced dots":        "a . b = 1\n[ c . d ]\ne = 2\n[[ f . g ]]\nh = 3\n",
		"nested inline":      "a = { b = { c = [1, {d = 2}, [{e = 3}]] }, f = [] }\n",
		"comments in arrays": "a = [ # ] x = 1\n  1, # ,\n  [2, # ]\n  3],\n]\nb = 2\n",
		"dates":              "a = 1979-05-27T00:32:00.999999-07:00\nb = 1979-05-27 07:32\nc = 07:32\nd = 1979-05-27 # c\ne = [1979-05-27 07:32:00, 1]\n",
		"numbers":            "a = 0xDEAD_BEEF\nb = 0o755\nc = 0b1101\nd = +inf\ne = -nan\nf = 1e06\ng = -0.0\n",
		"tabs and headers":   "\t[a] # c [b]\n\tk\t=\t1\n[[x]] # [[y]]\n[x.z]\n[[x]]\n",
		"implicit tables":    "[a.b.c]\nx = 1\n[a]\ny = 2\n[a.d]\nz = 3\n",
	}
	for name, src := range docs {
		t.Run(name, func(t *testing.T) {
			var decoded map[string]any
			if _, err := toml.Decode(src, &decoded); err != nil {
				t.Fatalf("not valid TOML: %v", err)
			}
			shapes := newTable("f.toml", diag.Pos{})
			s := newScanner("f.toml", src, 1)
			s.document(shapes)
			if s.err != nil {
				t.Fatalf("scanner: %v", s.err)
			}
			if msg := sameKeys("", shapes, decoded); msg != "" {
				t.Error(msg)
			}
		})
	}
}
