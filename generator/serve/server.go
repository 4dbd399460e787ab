// Package serve is nianbao serve: it builds the site into a temporary
// folder, serves it over HTTP under the path of baseURL, watches the site
// folder, rebuilds what a saved file changes, and tells open pages to
// reload.
//
// Pages get a small script at serve time only (built sites never carry
// it) that listens on /__nianbao/events, a stream of server-sent events:
// every build ends with an event named "reload". While the last build
// failed, every HTML page is a list of its errors as file:line:col.
package serve

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"nianbao/generator/build"
	"nianbao/generator/diag"
)

// Paths the server answers itself, outside the site.
const (
	EventsPath = "/__nianbao/events"
	ScriptPath = "/__nianbao/reload.js"
)

const reloadScript = `(function () {
  var es = new EventSource("` + EventsPath + `");
  es.addEventListener("reload", function () { location.reload(); });
})();
`

var scriptTag = []byte(`<script src="` + ScriptPath + `"></script>`)

// Server serves a session's last good build, or its errors.
type Server struct {
	sess  *build.Session
	hosts Hosts

	mu      sync.Mutex
	errs    []string // the last build's errors; empty after a good build
	clients map[chan int]bool
	builds  int
}

// NewServer returns a server for sess that answers the local Host names
// and IP addresses, and the names in allowed (see Hosts).
func NewServer(sess *build.Session, allowed ...string) *Server {
	return &Server{sess: sess, hosts: NewHosts(allowed...), clients: map[chan int]bool{}}
}

// Built records a finished build and tells every open page to reload.
func (s *Server) Built(r build.Result) {
	var errs []string
	var list diag.ErrorList
	switch {
	case errors.As(r.Err, &list):
		for _, d := range list {
			errs = append(errs, d.Error())
		}
	case r.Err != nil:
		errs = []string{r.Err.Error()}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.errs = errs
	s.builds++
	for c := range s.clients {
		select {
		case c <- s.builds:
		default: // the client has a reload pending already
		}
	}
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.hosts.Allows(r.Host) {
		http.Error(w, fmt.Sprintf("403 forbidden: the preview answers only localhost, *.localhost and IP addresses; to open it as %q, start nianbao serve --allowed-hosts %s", r.Host, hostOnly(r.Host)), http.StatusForbidden)
		return
	}
	switch r.URL.Path {
	case EventsPath:
		s.events(w, r)
		return
	case ScriptPath:
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		fmt.Fprint(w, reloadScript)
		return
	}
	base := s.sess.BasePath()
	p := r.URL.Path
	if !strings.HasPrefix(p, base) {
		if p == "/" || p+"/" == base {
			http.Redirect(w, r, base, http.StatusFound)
			return
		}
		http.Error(w, fmt.Sprintf("not found: the site is served under %s", base), http.StatusNotFound)
		return
	}
	s.file(w, r, strings.TrimPrefix(p, base))
}

// file serves rel, a slash path inside the site.
func (s *Server) file(w http.ResponseWriter, r *http.Request, rel string) {
	w.Header().Set("Cache-Control", "no-store")
	if errs := s.errors(); len(errs) > 0 && isPage(rel) {
		s.errorPage(w, errs)
		return
	}
	root := s.sess.Root()
	if root == "" {
		s.errorPage(w, []string{"the site has not been built yet"})
		return
	}
	name := path.Clean("/" + rel)[1:]
	if name == "" || strings.HasSuffix(rel, "/") {
		name = path.Join(name, "index.html")
	}
	full := filepath.Join(root, filepath.FromSlash(name))
	fi, err := os.Stat(full)
	if err == nil && fi.IsDir() {
		http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
		return
	}
	if err != nil {
		s.notFound(w, root, rel)
		return
	}
	if path.Ext(name) == ".html" {
		s.html(w, full, http.StatusOK)
		return
	}
	http.ServeFile(w, r, full)
}

func isPage(rel string) bool {
	return rel == "" || strings.HasSuffix(rel, "/") || path.Ext(rel) == ".html" || path.Ext(rel) == ""
}

func (s *Server) errors() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.errs
}

// html serves an HTML file with the reload script added.
func (s *Server) html(w http.ResponseWriter, full string, status int) {
	data, err := os.ReadFile(full)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(Inject(data))
}

// Inject adds the reload script before </body>, or at the end.
func Inject(page []byte) []byte {
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		return append(page[:len(page):len(page)], scriptTag...)
	}
	out := make([]byte, 0, len(page)+len(scriptTag)+1)
	out = append(out, page[:i]...)
	out = append(out, scriptTag...)
	out = append(out, '\n')
	return append(out, page[i:]...)
}

// notFound serves the site's 404 page in the language of rel's folder,
// else the default language's, else a line of text.
func (s *Server) notFound(w http.ResponseWriter, root, rel string) {
	var tries []string
	if lg, _, ok := strings.Cut(rel, "/"); ok {
		tries = append(tries, path.Join(lg, "404.html"))
	}
	tries = append(tries, "404.html")
	for _, t := range tries {
		full := filepath.Join(root, filepath.FromSlash(t))
		if _, err := fs.Stat(os.DirFS(root), t); err == nil {
			s.html(w, full, http.StatusNotFound)
			return
		}
	}
	http.Error(w, "404 page not found", http.StatusNotFound)
}

var errorPage = template.Must(template.New("errors").Funcs(template.FuncMap{
	"shown": func(errs []string) []string { return errs[:min(len(errs), diag.MaxShown)] },
	"more": func(errs []string) string {
		if n := len(errs) - diag.MaxShown; n > 0 {
			return fmt.Sprintf("… and %d more errors", n)
		}
		return ""
	},
}).Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Build failed · nianbao</title>
<style>
body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #222; }
h1 { font-size: 1.3rem; color: #a11; }
ol { padding-left: 1.5rem; }
li { font-family: ui-monospace, monospace; white-space: pre-wrap; margin: .4rem 0; }
</style>
</head>
<body>
<h1>The site has {{len .}} error(s)</h1>
<p>Fix them and save: this page reloads by itself.</p>
<ol class="errors">
{{range shown .}}<li>{{.}}</li>
{{end}}</ol>{{with more .}}
<p class="more">{{.}}</p>{{end}}
</body>
</html>
`))

func (s *Server) errorPage(w http.ResponseWriter, errs []string) {
	var buf bytes.Buffer
	errorPage.Execute(&buf, errs)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusInternalServerError)
	w.Write(Inject(buf.Bytes()))
}

// events streams an event named reload after every build.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	c := make(chan int, 1)
	s.mu.Lock()
	s.clients[c] = true
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.clients, c)
		s.mu.Unlock()
	}()
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	fmt.Fprint(w, "retry: 500\n: nianbao serve\n\n")
	flusher.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case n := <-c:
			fmt.Fprintf(w, "event: reload\ndata: %d\n\n", n)
			flusher.Flush()
		}
	}
}
