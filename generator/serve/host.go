package serve

import (
	"net"
	"net/netip"
	"strings"
)

// Hosts decides which Host headers the preview answers: localhost, names
// under .localhost and IP addresses, with any port, plus the names an
// editor allows (serve --allowed-hosts). Any other name is refused, so a
// web page that points its own name at 127.0.0.1 (DNS rebinding) cannot
// read the preview, drafts included.
type Hosts struct {
	allowed map[string]bool
}

// NewHosts allows names besides the local ones; each is a host name,
// compared without case, and may carry a port, which is ignored.
func NewHosts(names ...string) Hosts {
	h := Hosts{allowed: map[string]bool{}}
	for _, n := range names {
		if n = hostOnly(n); n != "" {
			h.allowed[n] = true
		}
	}
	return h
}

// Allows reports whether a request with this Host header is answered.
func (h Hosts) Allows(hostHeader string) bool {
	host := hostOnly(hostHeader)
	switch {
	case host == "":
		return false
	case host == "localhost" || strings.HasSuffix(host, ".localhost"):
		return true
	case h.allowed[host]:
		return true
	}
	_, err := netip.ParseAddr(host)
	return err == nil
}

// hostOnly returns the host of a Host header, lower case, without port,
// brackets or a final dot.
func hostOnly(hostport string) string {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	return strings.TrimSuffix(strings.ToLower(host), ".")
}
