package tomldoc

import (
	"strconv"
	"strings"
)

// pathJoin appends key to a dotted path, quoting it unless it is bare.
func pathJoin(path, key string) string {
	if path == "" {
		return keyText([]string{key})
	}
	return path + "." + keyText([]string{key})
}

// keyText writes a dotted key as TOML text: bare parts as they are, other
// parts quoted.
func keyText(parts []string) string {
	quoted := make([]string, len(parts))
	for i, p := range parts {
		quoted[i] = p
		if p == "" || strings.IndexFunc(p, func(r rune) bool { return !isBare(r) }) >= 0 {
			quoted[i] = strconv.Quote(p)
		}
	}
	return strings.Join(quoted, ".")
}

func isBare(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-'
}

// unescape decodes the escapes of a basic string key. Invalid escapes are
// kept as written; the library has rejected them already.
func unescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		if r := simpleEscape(s[i]); r >= 0 {
			b.WriteRune(r)
			continue
		}
		if n := hexDigits(s[i]); n > 0 && i+n < len(s) {
			if r, err := strconv.ParseUint(s[i+1:i+1+n], 16, 32); err == nil {
				b.WriteRune(rune(r))
				i += n
				continue
			}
		}
		b.WriteByte('\\')
		b.WriteByte(s[i])
	}
	return b.String()
}

// simpleEscape is the character escaped by a backslash and c, or -1.
func simpleEscape(c byte) rune {
	switch c {
	case 'b':
		return '\b'
	case 't':
		return '\t'
	case 'n':
		return '\n'
	case 'f':
		return '\f'
	case 'r':
		return '\r'
	case 'e':
		return '\x1b'
	case '"', '\\':
		return rune(c)
	}
	return -1
}

// hexDigits is how many hexadecimal digits follow the escape \c: \xHH,
// \uHHHH, \UHHHHHHHH.
func hexDigits(c byte) int {
	switch c {
	case 'x':
		return 2
	case 'u':
		return 4
	case 'U':
		return 8
	}
	return 0
}
