package charts

import (
	"reflect"
	"testing"
)

// fieldSamples returns copies of the struct zero points at, each with
// one field set: every exported field, with each kind of value it can
// hold (for an any field, those the options put in one).
func fieldSamples(t *testing.T, zero any, yes, no *bool) []any {
	t.Helper()
	typ := reflect.TypeOf(zero).Elem()
	var out []any
	for i := range typ.NumField() {
		f := typ.Field(i)
		if !f.IsExported() {
			continue
		}
		for _, v := range sampleValues(t, f.Type, yes, no) {
			s := reflect.New(typ)
			s.Elem().Field(i).Set(v)
			out = append(out, s.Interface())
		}
	}
	return out
}

func sampleValues(t *testing.T, typ reflect.Type, yes, no *bool) []reflect.Value {
	t.Helper()
	of := func(vs ...any) []reflect.Value {
		out := make([]reflect.Value, len(vs))
		for i, v := range vs {
			out[i] = reflect.ValueOf(v).Convert(typ)
		}
		return out
	}
	switch typ.Kind() {
	case reflect.String:
		return of("x</script>&\u2028", "0")
	case reflect.Int:
		return of(7, -1)
	case reflect.Pointer:
		if typ.Elem().Kind() == reflect.Bool {
			return of(yes, no)
		}
		return []reflect.Value{reflect.New(typ.Elem())}
	case reflect.Interface:
		return []reflect.Value{
			reflect.ValueOf("-"), reflect.ValueOf(1.5), reflect.ValueOf([]string{"a", "<b>"}), reflect.ValueOf([]string(nil)),
			reflect.ValueOf([]int{1, 2}), reflect.ValueOf([]any{"-", 2.5}), reflect.ValueOf(map[string]int{"a": 1}),
		}
	case reflect.Map:
		m := reflect.MakeMap(typ)
		m.SetMapIndex(reflect.Zero(typ.Key()), reflect.Zero(typ.Elem()))
		return []reflect.Value{m}
	case reflect.Slice:
		return []reflect.Value{reflect.MakeSlice(typ, 1, 1)}
	}
	t.Fatalf("no sample of %s", typ)
	return nil
}
