package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"

	"nianbao/generator/build"
	"nianbao/generator/diag"
)

// Options says what to serve and where.
type Options struct {
	Build build.Options // Site and Drafts; Out is never written
	Addr  string        // host:port to listen on; port 0 picks a free one
	Log   io.Writer     // one line per build, and its errors
	// Ready, when set, is called with the site's URL once the first
	// build is done and the server is listening.
	Ready func(url string)
	// Debounce is how long the watcher waits for more events of one
	// save; 0 means 10ms.
	Debounce time.Duration
	// AllowedHosts are Host names answered besides localhost, names under
	// .localhost and IP addresses (see Hosts).
	AllowedHosts []string
}

// Run builds the site, serves it and rebuilds on every change until ctx
// is done. Build errors do not stop it: they are shown in the pages.
func Run(ctx context.Context, o Options) error {
	ln, err := net.Listen("tcp", o.Addr)
	if err != nil {
		return err
	}
	defer ln.Close()
	if o.Build.Context == nil {
		o.Build.Context = ctx // Ctrl+C stops a build in progress
	}
	sess, err := build.NewSession(o.Build, ln.Addr().String())
	if err != nil {
		return err
	}
	defer sess.Close()
	srv := NewServer(sess, o.AllowedHosts...)

	out := o.Build.Out
	if out == "" {
		out = "public"
	}
	if o.Debounce == 0 {
		o.Debounce = 10 * time.Millisecond
	}
	w, err := Watch(o.Build.Site, []string{out}, o.Debounce)
	if err != nil {
		return fmt.Errorf("watching %s: %w", o.Build.Site, err)
	}
	defer w.Close()

	report(o.Log, sess.Build(), srv)
	hs := &http.Server{Handler: srv, BaseContext: func(net.Listener) context.Context { return ctx }}
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	url := "http://" + ln.Addr().String() + sess.BasePath()
	fmt.Fprintf(o.Log, "serving %s (Ctrl+C to stop)\n", url)
	if o.Ready != nil {
		o.Ready(url)
	}
	for {
		select {
		case <-ctx.Done():
			shut, cancel := context.WithTimeout(context.Background(), time.Second)
			defer cancel()
			hs.Shutdown(shut)
			return nil
		case err := <-served:
			if errors.Is(err, http.ErrServerClosed) {
				return nil
			}
			return err
		case err := <-w.Errors:
			fmt.Fprintf(o.Log, "watching: %v\n", err)
		case batch := <-w.Changes:
			var changed []string
			for _, f := range batch {
				if sess.Relevant(f) {
					changed = append(changed, f)
				}
			}
			if len(changed) > 0 {
				report(o.Log, sess.Rebuild(changed), srv)
				// After the pages reload: the search indexes.
				if r := sess.Settle(); r.Err != nil {
					report(o.Log, r, srv)
				}
			}
		}
	}
}

// report prints a build's line and its problems, and tells the pages.
func report(log io.Writer, r build.Result, srv *Server) {
	fmt.Fprintln(log, r)
	for _, d := range r.Warnings {
		if r.Full {
			fmt.Fprintln(log, d)
		}
	}
	var list diag.ErrorList
	if errors.As(r.Err, &list) {
		shown, more := diag.Shown(list)
		for _, d := range shown {
			fmt.Fprintln(log, d)
		}
		if more != "" {
			fmt.Fprintln(log, more)
		}
	}
	srv.Built(r)
}
