// Package lang holds what every step needs to know about languages: the
// site's languages and the one rule for translated text, where a field
// `name` is in the default language and `name_<lang>` is its translation.
package lang

// Text is a translatable text field: Base is in the site's default
// language; Tr holds translations by language code. A translation that is
// present but empty counts (an empty unit_en means "no unit in English").
type Text struct {
	Base string
	Tr   map[string]string
}

// Plain returns a Text with no translations.
func Plain(s string) Text { return Text{Base: s} }

// In returns the text in language code l, falling back to Base.
func (t Text) In(l string) string {
	if s, ok := t.Tr[l]; ok {
		return s
	}
	return t.Base
}

// Has reports whether the text is translated into l (or l's text is Base
// because l is the default language, signalled by an empty translation map
// lookup and isDefault).
func (t Text) Has(l string) bool {
	_, ok := t.Tr[l]
	return ok
}

// Set records the translation of t into l.
func (t *Text) Set(l, s string) {
	if t.Tr == nil {
		t.Tr = map[string]string{}
	}
	t.Tr[l] = s
}

// Language is one edition of the site.
type Language struct {
	Code    string // "zh", "en"
	Default bool   // served at the site root
	Prefix  string // "" for the default language, "en/" for the others
}

// Foreign returns the language the text shows in when a page in l asks for
// it, if that is not l: def (the site's default language) when the text
// has no translation into l, else "". Layouts put it in a lang attribute.
func (t Text) Foreign(l, def string) string {
	if l == def || t.Has(l) || t.Base == "" {
		return ""
	}
	return def
}
