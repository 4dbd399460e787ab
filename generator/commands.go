package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"nianbao/generator/build"
	"nianbao/generator/check"
	"nianbao/generator/diag"
	"nianbao/generator/pinned"
	"nianbao/generator/scaffold"
	"nianbao/generator/serve"
)

// parseArgs parses flags wherever they stand among the arguments
// ("new 2026 --site x" as well as "new --site x 2026") and returns the
// other arguments, or false after printing the problem.
func parseArgs(fl *flag.FlagSet, args []string) ([]string, bool) {
	var rest []string
	for {
		if err := fl.Parse(args); err != nil {
			return nil, false
		}
		if fl.NArg() == 0 {
			return rest, true
		}
		rest = append(rest, fl.Arg(0))
		args = fl.Args()[1:]
	}
}

func runServe(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("serve", flag.ContinueOnError)
	fl.SetOutput(stderr)
	var o serve.Options
	fl.StringVar(&o.Build.Site, "site", ".", "the site folder (holding site.toml and content/)")
	fl.BoolVar(&o.Build.Drafts, "drafts", false, "include sections marked draft = true")
	port := fl.Int("port", 1313, "the port to listen on")
	bind := fl.String("bind", "127.0.0.1", "the address to listen on (0.0.0.0 for every interface)")
	allowed := fl.String("allowed-hosts", "", "host names to answer besides localhost, *.localhost and IP addresses, comma-separated")
	rest, ok := parseArgs(fl, args)
	if !ok {
		return 2
	}
	if len(rest) > 0 {
		fmt.Fprintf(stderr, "nianbao serve: unexpected argument %q\n", rest[0])
		return 2
	}
	withECharts(&o.Build, stderr)
	o.Addr = net.JoinHostPort(*bind, strconv.Itoa(*port))
	for _, h := range strings.Split(*allowed, ",") {
		if h = strings.TrimSpace(h); h != "" {
			o.AllowedHosts = append(o.AllowedHosts, h)
		}
	}
	o.Log = stdout
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := serve.Run(ctx, o); err != nil {
		fmt.Fprintf(stderr, "nianbao serve: %v\n", err)
		return 1
	}
	return 0
}

func runNew(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("new", flag.ContinueOnError)
	fl.SetOutput(stderr)
	site := fl.String("site", ".", "the site folder (for new <year>)")
	rest, ok := parseArgs(fl, args)
	if !ok {
		return 2
	}
	var files []string
	var err error
	switch {
	case len(rest) == 2 && rest[0] == "site":
		files, err = scaffold.NewSite(rest[1], time.Now().Year()-1)
	case len(rest) == 1 && rest[0] != "site":
		year, perr := strconv.Atoi(rest[0])
		if perr != nil {
			fmt.Fprintf(stderr, "nianbao new: %q is not a year; write nianbao new 2026 or nianbao new site DIR\n", rest[0])
			return 2
		}
		files, err = scaffold.NewYear(*site, year)
	default:
		fmt.Fprint(stderr, "usage: nianbao new <year> [--site DIR] | nianbao new site <dir>\n")
		return 2
	}
	if err != nil {
		printErr(stderr, "nianbao new", err)
		return 1
	}
	for _, f := range files {
		fmt.Fprintf(stdout, "created %s\n", f)
	}
	return 0
}

func runCheck(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("check", flag.ContinueOnError)
	fl.SetOutput(stderr)
	var o build.Options
	fl.StringVar(&o.Site, "site", ".", "the site folder (holding site.toml and content/)")
	fl.BoolVar(&o.Drafts, "drafts", false, "include sections marked draft = true")
	strict := fl.Bool("strict", false, "treat warnings as errors (exit status 1)")
	rest, ok := parseArgs(fl, args)
	if !ok {
		return 2
	}
	if len(rest) > 0 {
		fmt.Fprintf(stderr, "nianbao check: unexpected argument %q\n", rest[0])
		return 2
	}
	withECharts(&o, stderr)
	l, err := check.Run(o)
	if err != nil {
		fmt.Fprintf(stderr, "check failed: %v\n", err)
		return 1
	}
	shown, more := diag.Shown(l.All())
	for _, d := range shown {
		fmt.Fprintln(stderr, d)
	}
	if more != "" {
		fmt.Fprintln(stderr, more)
	}
	errs, warns := len(l.Errors()), len(l.Warnings())
	fmt.Fprintf(stdout, "checked: %d error(s), %d warning(s)\n", errs, warns)
	if errs > 0 || *strict && warns > 0 {
		return 1
	}
	return 0
}

// printErr prints an error, one line per diagnostic.
func printErr(w io.Writer, prefix string, err error) {
	var list diag.ErrorList
	if errors.As(err, &list) {
		shown, more := diag.Shown(list)
		for _, d := range shown {
			fmt.Fprintln(w, d)
		}
		if more != "" {
			fmt.Fprintln(w, more)
		}
		return
	}
	fmt.Fprintf(w, "%s: %v\n", prefix, err)
}

// withECharts has the build give sites the program's own ECharts (package
// pinned), found once: embedded, or in nianbao's checkout, where npm ci
// runs first when it is missing.
func withECharts(o *build.Options, stderr io.Writer) {
	site := o.Site
	o.ECharts = sync.OnceValues(func() ([]byte, error) {
		return pinned.EChartsOrInstall(func(msg string) { fmt.Fprintf(stderr, "nianbao: %s\n", msg) }, site)
	})
}
