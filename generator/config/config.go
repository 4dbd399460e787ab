// Package config reads site.toml, the site settings:
//
//	title       the site's title (default language); title_<lang> or
//	            [languages.<lang>] title translates it
//	description one line about the site, for search engines and feeds
//	baseURL     where the site is published, may carry a sub-path
//	language    the default language, served at / (default "zh")
//	theme       the theme folder under themes/ (default "default")
//	[languages.<lang>]  each extra language, served at /<lang>/: title,
//	            description, label (the switcher's text, e.g. "English")
//	[alliance]  name, founded, lead (and their _<lang> translations);
//	            leads: the lead units (牵头单位) as ids of content/members.toml
//	[charts]    echarts: a local ECharts file, relative to the site folder,
//	            or an https URL (allowed, with a warning)
package config

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strings"

	"nianbao/generator/diag"
	"nianbao/generator/lang"
	"nianbao/generator/tomldoc"
)

// File is the name of the settings file in the site folder.
const File = "site.toml"

// Config is the parsed site.toml.
type Config struct {
	Broken      bool // site.toml is not valid TOML (and that was reported)
	Title       lang.Text
	Description lang.Text
	BaseURL     string // absolute URL or path, always ending in "/"
	BasePath    string // BaseURL's path: "/" or "/alliance/"
	Language    string // the default language code
	Languages   []lang.Language
	Labels      map[string]string // language code → switcher label
	Theme       string
	Alliance    Alliance
	Charts      Charts
}

// Alliance describes the alliance the reports are about.
type Alliance struct {
	Name    lang.Text
	Lead    lang.Text
	Founded int
	// Leads are the lead units (牵头单位: the park's government or
	// committee, the lead college, the lead enterprise) as member ids,
	// in the order written; LeadsPos holds where each was written.
	Leads    []string
	LeadsPos []diag.Pos
}

// Charts holds chart settings.
type Charts struct {
	ECharts    string   // as written; "" means the copy the program carries
	ECHartsPos diag.Pos // where it was written
}

// Extra returns the codes of the non-default languages.
func (c *Config) Extra() []string {
	var out []string
	for _, l := range c.Languages {
		if !l.Default {
			out = append(out, l.Code)
		}
	}
	return out
}

var langCodeRe = regexp.MustCompile(`^[a-z]{2,3}(-[a-z0-9]+)?$`)

// iso639 lists the two-letter language codes (ISO 639-1), so that a
// country code such as "cn" is caught: Chinese is "zh".
const iso639 = "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu"

// codeError says what is wrong with a language code, or "".
func codeError(code string) string {
	if !langCodeRe.MatchString(code) {
		return fmt.Sprintf("%q is not a language code such as \"zh\" or \"en\"", code)
	}
	main, _, _ := strings.Cut(code, "-")
	if len(main) == 2 && !strings.Contains(" "+iso639+" ", " "+main+" ") {
		hint := ""
		if c, ok := map[string]string{"cn": "zh", "jp": "ja", "kr": "ko", "gb": "en", "us": "en", "cz": "cs", "dk": "da", "gr": "el"}[main]; ok {
			hint = fmt.Sprintf("; did you mean %q?", c)
		}
		return fmt.Sprintf("%q is not a language code (ISO 639-1)%s", code, hint)
	}
	return ""
}

var defaultLabels = map[string]string{"zh": "中文", "en": "English", "ja": "日本語", "ko": "한국어", "fr": "Français", "de": "Deutsch", "ru": "Русский", "es": "Español"}

// Parse reads site.toml. baseURL, when not empty, overrides the file's.
func Parse(src []byte, baseURL string, l *diag.List) *Config {
	c := &Config{Language: "zh", Theme: "default", BaseURL: "/", BasePath: "/", Labels: map[string]string{}}
	root, err := tomldoc.Parse(File, src, 1)
	if err != nil {
		err.Cause = true
		c.Broken = true
		l.Add(err)
		c.Languages = []lang.Language{{Code: c.Language, Default: true}}
		c.finish(baseURL, diag.Pos{File: "--baseURL"}, l)
		return c
	}
	if s, ok := root.String("language", l); ok {
		if msg := codeError(s); msg != "" {
			l.Errorf(root.ValuePos("language"), "language %s", msg)
		} else {
			c.Language = s
		}
	}
	var extra []string
	langs, _ := root.Table("languages", l)
	if langs != nil {
		for _, code := range langs.Keys() {
			if msg := codeError(code); msg != "" {
				l.Errorf(langs.KeyPos(code), "language %s", msg)
				continue
			}
			if code == c.Language {
				l.Errorf(langs.KeyPos(code), "[languages.%s] is the default language; set its title at the top of site.toml", code)
				continue
			}
			extra = append(extra, code)
		}
	}
	sort.Strings(extra)
	root.Unknown(l, "site.toml", append(tomldoc.Translated("title", "description"), "baseURL", "language", "theme", "languages", "alliance", "charts")...)
	c.Title = root.Text("title", extra, l)
	c.Description = root.Text("description", extra, l)
	for _, code := range extra {
		c.parseLanguage(langs, code, l)
	}
	c.Languages = append(c.Languages, lang.Language{Code: c.Language, Default: true})
	for _, code := range extra {
		c.Languages = append(c.Languages, lang.Language{Code: code, Prefix: code + "/"})
	}
	for _, lg := range c.Languages {
		if c.Labels[lg.Code] == "" {
			c.Labels[lg.Code] = defaultLabels[lg.Code]
		}
		if c.Labels[lg.Code] == "" {
			c.Labels[lg.Code] = lg.Code
		}
	}
	if s, ok := root.String("theme", l); ok {
		if s == "" || strings.ContainsAny(s, `/\.`) {
			l.Errorf(root.ValuePos("theme"), "theme %q must be the name of a folder under themes/", s)
		} else {
			c.Theme = s
		}
	}
	if a, ok := root.Table("alliance", l); ok {
		a.Unknown(l, "[alliance]", append(tomldoc.Translated("name", "lead"), "founded", "leads")...)
		c.Alliance.Name = a.Text("name", extra, l)
		c.Alliance.Lead = a.Text("lead", extra, l)
		c.parseLeads(a, l)
		if y, ok := a.Int("founded", l); ok {
			c.Alliance.Founded = int(y)
		}
	}
	if ch, ok := root.Table("charts", l); ok {
		ch.Unknown(l, "[charts]", "echarts")
		if s, ok := ch.String("echarts", l); ok {
			c.Charts.ECharts = s
			c.Charts.ECHartsPos = ch.ValuePos("echarts")
		}
	}
	if c.Title.Base == "" {
		c.Title.Base = c.Alliance.Name.Base
	}
	pos := root.ValuePos("baseURL")
	if s, ok := root.String("baseURL", l); ok && baseURL == "" {
		baseURL = s
	} else if baseURL != "" {
		pos = diag.Pos{File: "--baseURL"} // the flag, not the file, is wrong
	}
	c.finish(baseURL, pos, l)
	return c
}

// parseLeads reads [alliance] leads, the member ids of the lead units;
// whether each is a member is checked once members.toml is read.
func (c *Config) parseLeads(a *tomldoc.Table, l *diag.List) {
	ids, ok := a.Strings("leads", l)
	if !ok {
		return
	}
	seen := map[string]bool{}
	for i, id := range ids {
		if seen[id] {
			l.Errorf(a.ElemPos("leads", i), "lead unit %q is listed twice", id)
			continue
		}
		seen[id] = true
		c.Alliance.Leads = append(c.Alliance.Leads, id)
		c.Alliance.LeadsPos = append(c.Alliance.LeadsPos, a.ElemPos("leads", i))
	}
}

func (c *Config) parseLanguage(langs *tomldoc.Table, code string, l *diag.List) {
	t, ok := langs.Table(code, l)
	if !ok {
		return
	}
	t.Unknown(l, "[languages."+code+"]", "title", "description", "label")
	if s, ok := t.String("title", l); ok {
		c.Title.Set(code, s)
	}
	if s, ok := t.String("description", l); ok {
		c.Description.Set(code, s)
	}
	if s, ok := t.String("label", l); ok {
		c.Labels[code] = s
	}
}

// finish checks and normalises the base URL.
func (c *Config) finish(baseURL string, pos diag.Pos, l *diag.List) {
	if pos.File == "" {
		pos = diag.Pos{File: File}
	}
	if baseURL == "" {
		baseURL = "/"
	}
	u, err := url.Parse(baseURL)
	switch {
	case err != nil:
		l.Errorf(pos, "baseURL %q is not a URL: %v", baseURL, err)
		return
	case u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https":
		l.Errorf(pos, "baseURL %q must start with https://, http:// or /", baseURL)
		return
	case u.Scheme != "" && (u.Host == "" || u.Opaque != ""):
		l.Errorf(pos, "baseURL %q has no host; write it as https://host/path/", baseURL)
		return
	case strings.ContainsRune(baseURL, '\\'):
		l.Errorf(pos, "baseURL %q holds a backslash, which browsers read as /; write it with / only", baseURL)
		return
	case u.Scheme == "" && (u.Host != "" || strings.HasPrefix(baseURL, "//")):
		l.Errorf(pos, "baseURL %q starts with //, which browsers read as another host; write https://host/path/ or a path with a single leading /", baseURL)
		return
	case u.Scheme == "" && !strings.HasPrefix(u.Path, "/"):
		l.Errorf(pos, "baseURL %q must start with https://, http:// or /", baseURL)
		return
	case u.User != nil:
		l.Errorf(pos, "baseURL %q carries a user name or password, which every page would show; leave them out", baseURL)
		return
	case u.RawQuery != "" || u.Fragment != "":
		l.Errorf(pos, "baseURL %q must not have a query or fragment", baseURL)
		return
	case slices.ContainsFunc(strings.Split(u.Path, "/"), func(seg string) bool { return seg == "." || seg == ".." }):
		l.Errorf(pos, "baseURL %q has a . or .. folder, which browsers drop, so the site would not be where its links say; write the path as readers reach it", baseURL)
		return
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	u.RawPath = ""
	c.BaseURL = u.String()
	c.BasePath = u.EscapedPath()
}
