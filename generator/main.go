// Command nianbao builds the yearly progress-report sites of municipal
// industry-education alliances from Markdown and TOML.
//
//	nianbao build [--site DIR] [--out DIR] [--drafts] [--baseURL URL] [--pdf]
//	nianbao serve [--site DIR] [--port 1313] [--bind 127.0.0.1] [--drafts]
//	nianbao new <year> [--site DIR]
//	nianbao new site <dir>
//	nianbao check [--site DIR] [--strict] [--drafts]
//	nianbao data template <year> [--site DIR] [--out FILE.xlsx]
//	nianbao data import FILE --year Y [--site DIR]
//	nianbao version
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"nianbao/generator/build"
	"nianbao/generator/diag"
	"nianbao/generator/pinned"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `nianbao builds yearly report sites from Markdown and TOML.

Usage:
  nianbao build [--site DIR] [--out DIR] [--drafts] [--baseURL URL] [--pdf]
  nianbao serve [--site DIR] [--port 1313] [--bind 127.0.0.1] [--drafts]
  nianbao new <year> [--site DIR]   start a year from the previous one
  nianbao new site <dir>            a minimal site that builds
  nianbao check [--site DIR] [--strict] [--drafts]
  nianbao data template <year> [--site DIR] [--out FILE.xlsx]
  nianbao data import FILE --year Y [--site DIR]
  nianbao version

Run "nianbao <command> -h" for a command's options.
`

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "build":
		return runBuild(args[1:], stdout, stderr)
	case "serve":
		return runServe(args[1:], stdout, stderr)
	case "new":
		return runNew(args[1:], stdout, stderr)
	case "check":
		return runCheck(args[1:], stdout, stderr)
	case "data":
		return runData(args[1:], stdout, stderr)
	case "version", "--version", "-v":
		_, v, err := pinned.ECharts()
		if err != nil {
			v = "not found"
		}
		fmt.Fprintf(stdout, "nianbao %s (ECharts %s)\n", build.Version, v)
		return 0
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "nianbao: unknown command %q%s\n\n%s", args[0], suggestion(args[0], commands), usage)
	return 2
}

// commands are the program's commands, for suggestions.
var commands = []string{"build", "serve", "new", "check", "data", "version", "help"}

// suggestion is "; did you mean "x"?" for a mistyped command: the nearest
// one, or the one it starts (serve for server, build for builds).
func suggestion(s string, known []string) string {
	for _, k := range known {
		if len(s) > len(k) && strings.HasPrefix(s, k) || len(s) >= 3 && strings.HasPrefix(k, s) {
			return fmt.Sprintf("; did you mean %q?", k)
		}
	}
	return diag.DidYouMean(s, known)
}

func runBuild(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("build", flag.ContinueOnError)
	fl.SetOutput(stderr)
	var o build.Options
	fl.StringVar(&o.Site, "site", ".", "the site folder (holding site.toml and content/)")
	fl.StringVar(&o.Out, "out", "", "the output folder (default: public/ in the site folder)")
	fl.BoolVar(&o.Drafts, "drafts", false, "include sections marked draft = true")
	fl.StringVar(&o.BaseURL, "baseURL", "", "publish under this URL instead of site.toml's baseURL")
	fl.BoolVar(&o.PDF, "pdf", false, "also print each year's edition to /<year>/report.pdf (needs Chromium)")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "nianbao build: unexpected argument %q\n", fl.Arg(0))
		return 2
	}
	// Ctrl+C or SIGTERM stops the build, which removes its scratch files;
	// a second one ends the program at once (the next build cleans up).
	// Caught before anything else, so that no early moment is unguarded.
	sigs := onStopSignals()
	defer sigs.stop()
	o.Context = sigs
	withECharts(&o, stderr)
	pr := newProgress(stdout, stderr)
	if pr != nil {
		o.Progress = pr.report
	}
	st, err := build.Run(o)
	if pr != nil {
		pr.clear()
	}
	for _, w := range st.Warnings {
		fmt.Fprintln(stderr, w.Error())
	}
	if err != nil {
		var list diag.ErrorList
		switch {
		case errors.As(err, &list):
			shown, more := diag.Shown(list)
			for _, d := range shown {
				fmt.Fprintln(stderr, d.Error())
			}
			if more != "" {
				fmt.Fprintln(stderr, more)
			}
			fmt.Fprintf(stderr, "build failed: %d error(s); the output folder was not changed\n", len(list))
		case errors.Is(err, build.ErrInterrupted):
			fmt.Fprintf(stderr, "build %v\n", err)
			return sigs.status()
		default:
			fmt.Fprintf(stderr, "build failed: %v\n", err)
		}
		return 1
	}
	fmt.Fprintf(stdout, "built %s\n", st)
	return 0
}
