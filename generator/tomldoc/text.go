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

// Translated returns keys followed by key_<lang> for each key and language,
// for Unknown's list of known fields.
func Translated(langs []string, keys ...string) []string {
	out := append([]string(nil), keys...)
	for _, k := range keys {
		for _, lg := range langs {
			out = append(out, k+"_"+lg)
		}
	}
	return out
}
