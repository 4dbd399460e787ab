package tomldoc

import (
	"nianbao/generator/diag"
	"nianbao/generator/lang"
)

// Text reads a translatable field: key in the default language and
// key_<lang> for each of langs (the site's other languages).
func (t *Table) Text(key string, langs []string, l *diag.List) lang.Text {
	var tx lang.Text
	tx.Base, _ = t.String(key, l)
	for _, lg := range langs {
		if s, ok := t.String(key+"_"+lg, l); ok {
			tx.Set(lg, s)
		}
	}
	return tx
}

// Translated returns keys followed by key_* for each, for Unknown's list
// of known fields: key_<lang> is accepted for any language code.
func Translated(keys ...string) []string {
	out := append([]string(nil), keys...)
	for _, k := range keys {
		out = append(out, k+"_*")
	}
	return out
}
