package charts

import (
	"encoding/json"
	"math"
	"strconv"

	"nianbao/generator/jsonstr"
)

// jsonw writes JSON text by hand, byte for byte as encoding/json's
// Marshal writes it (HTML escaping on): the chart options are marshalled
// some 4,000 times a build, and reflection took most of their time.
// Commas are its own: after an object or array opens, the first field
// or element writes none.
type jsonw struct {
	buf   []byte
	first bool  // nothing written yet in the innermost object or array
	err   error // the first value JSON cannot hold (NaN, an infinity)
}

// open starts an object or array.
func (e *jsonw) open(c byte) {
	e.buf = append(e.buf, c)
	e.first = true
}

// close ends an object or array, which is a value of the one around it.
func (e *jsonw) close(c byte) {
	e.buf = append(e.buf, c)
	e.first = false
}

// key starts a field; name is a plain ASCII key, written as it is.
func (e *jsonw) key(name string) {
	if !e.first {
		e.buf = append(e.buf, ',')
	}
	e.first = false
	e.buf = append(e.buf, '"')
	e.buf = append(e.buf, name...)
	e.buf = append(e.buf, '"', ':')
}

// elem starts an array element.
func (e *jsonw) elem() {
	if !e.first {
		e.buf = append(e.buf, ',')
	}
	e.first = false
}

func (e *jsonw) null() { e.buf = append(e.buf, "null"...) }

func (e *jsonw) str(s string) { e.buf = jsonstr.Append(e.buf, s) }

func (e *jsonw) int(i int) { e.buf = strconv.AppendInt(e.buf, int64(i), 10) }

func (e *jsonw) bool(b bool) { e.buf = strconv.AppendBool(e.buf, b) }

func (e *jsonw) float(f float64) { e.number(f, 64) }

func (e *jsonw) float32(f float32) { e.number(float64(f), 32) }

// number writes f as encoding/json does: like ES6's number to string,
// with exponents only below 1e-6 and from 1e21.
func (e *jsonw) number(f float64, bits int) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		if e.err == nil {
			e.err = &json.UnsupportedValueError{Str: strconv.FormatFloat(f, 'g', -1, bits)}
		}
		e.null()
		return
	}
	abs := math.Abs(f)
	exact := 1e15 // below 2⁵³: a whole number is its own shortest form
	if bits == 32 {
		exact = 1 << 24
	}
	if abs < exact && f == math.Trunc(f) && (f != 0 || !math.Signbit(f)) {
		e.buf = strconv.AppendInt(e.buf, int64(f), 10)
		return
	}
	format := byte('f')
	if abs != 0 && (bits == 64 && (abs < 1e-6 || abs >= 1e21) || bits == 32 && (float32(abs) < 1e-6 || float32(abs) >= 1e21)) {
		format = 'e'
	}
	e.buf = strconv.AppendFloat(e.buf, f, format, -1, bits)
	if format == 'e' {
		// e-09 is written e-9.
		if n := len(e.buf); n >= 4 && e.buf[n-4] == 'e' && e.buf[n-3] == '-' && e.buf[n-2] == '0' {
			e.buf[n-2] = e.buf[n-1]
			e.buf = e.buf[:n-1]
		}
	}
}

// strs writes a list of strings; nil is null.
func (e *jsonw) strs(ss []string) {
	if ss == nil {
		e.null()
		return
	}
	e.open('[')
	for _, s := range ss {
		e.elem()
		e.str(s)
	}
	e.close(']')
}

// ints writes a list of integers; nil is null.
func (e *jsonw) ints(is []int) {
	if is == nil {
		e.null()
		return
	}
	e.open('[')
	for _, i := range is {
		e.elem()
		e.int(i)
	}
	e.close(']')
}

// appender is an option part that writes itself.
type appender interface{ appendJSON(e *jsonw) }

// any writes a value of one of the types the options hold in an any
// field (a number, "-", a dash pattern, a part that writes itself);
// anything else goes through encoding/json.
func (e *jsonw) any(v any) {
	switch v := v.(type) {
	case nil:
		e.null()
	case string:
		e.str(v)
	case float64:
		e.float(v)
	case float32:
		e.float32(v)
	case int:
		e.int(v)
	case bool:
		e.bool(v)
	case []int:
		e.ints(v)
	case [][]int:
		if v == nil {
			e.null()
			return
		}
		e.open('[')
		for _, x := range v {
			e.elem()
			e.ints(x)
		}
		e.close(']')
	case []string:
		e.strs(v)
	case []any:
		e.anys(v)
	case appender:
		v.appendJSON(e)
	default:
		e.marshal(v)
	}
}

func (e *jsonw) anys(vs []any) {
	if vs == nil {
		e.null()
		return
	}
	e.open('[')
	for _, x := range vs {
		e.elem()
		e.any(x)
	}
	e.close(']')
}

// marshal writes v with encoding/json: the way for what jsonw does not
// know.
func (e *jsonw) marshal(v any) {
	out, err := json.Marshal(v)
	if err != nil {
		if e.err == nil {
			e.err = err
		}
		e.null()
		return
	}
	e.buf = append(e.buf, out...)
	e.first = false
}

// The fields that encoding/json leaves out when empty (omitempty).

func (e *jsonw) optStr(name, s string) {
	if s != "" {
		e.key(name)
		e.str(s)
	}
}

func (e *jsonw) optInt(name string, i int) {
	if i != 0 {
		e.key(name)
		e.int(i)
	}
}

func (e *jsonw) optBool(name string, b *bool) {
	if b != nil {
		e.key(name)
		e.bool(*b)
	}
}

func (e *jsonw) optAny(name string, v any) {
	if v != nil {
		e.key(name)
		e.any(v)
	}
}
