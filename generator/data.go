package main

import (
	"flag"
	"fmt"
	"io"
	"strconv"

	"nianbao/generator/datadesk"
)

const dataUsage = `usage:
  nianbao data template <year> [--site DIR] [--out FILE.xlsx]
  nianbao data import FILE --year Y [--site DIR]
`

func runData(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, dataUsage)
		return 2
	}
	switch args[0] {
	case "template":
		return runTemplate(args[1:], stdout, stderr)
	case "import":
		return runImport(args[1:], stdout, stderr)
	}
	fmt.Fprintf(stderr, "nianbao data: unknown command %q%s\n\n%s", args[0], suggestion(args[0], []string{"template", "import"}), dataUsage)
	return 2
}

func runTemplate(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("data template", flag.ContinueOnError)
	fl.SetOutput(stderr)
	var o datadesk.TemplateOptions
	fl.StringVar(&o.Site, "site", ".", "the site folder (holding site.toml and content/)")
	fl.StringVar(&o.Out, "out", "", "the workbook to write (default <year>-metrics.xlsx)")
	rest, ok := parseArgs(fl, args)
	if !ok {
		return 2
	}
	if len(rest) != 1 {
		fmt.Fprint(stderr, dataUsage)
		return 2
	}
	y, err := strconv.Atoi(rest[0])
	if err != nil || y < 1900 || y > 2999 {
		fmt.Fprintf(stderr, "nianbao data template: %q is not a year; write nianbao data template 2026\n", rest[0])
		return 2
	}
	o.Year = y
	path, err := datadesk.Template(o)
	if err != nil {
		printErr(stderr, "nianbao data template", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %s: fill in the %d values, then run nianbao data import %s --year %d\n", path, y, path, y)
	return 0
}

func runImport(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("data import", flag.ContinueOnError)
	fl.SetOutput(stderr)
	var o datadesk.ImportOptions
	fl.StringVar(&o.Site, "site", ".", "the site folder (holding site.toml and content/)")
	fl.IntVar(&o.Year, "year", 0, "the year the values are for (required)")
	rest, ok := parseArgs(fl, args)
	if !ok {
		return 2
	}
	if len(rest) == 1 && o.Year == 0 {
		fmt.Fprintf(stderr, "nianbao data import: say which year the values are for: nianbao data import %s --year 2026\n", rest[0])
		return 2
	}
	if len(rest) != 1 {
		fmt.Fprint(stderr, dataUsage)
		return 2
	}
	o.File = rest[0]
	res, err := datadesk.Import(o)
	for _, w := range res.Warnings {
		fmt.Fprintln(stderr, w.Error())
	}
	if err != nil {
		printErr(stderr, "nianbao data import", err)
		fmt.Fprintf(stderr, "nothing was written\n")
		return 1
	}
	for _, id := range res.Dropped {
		fmt.Fprintf(stderr, "%s: %s had a value there and has none in %s, so it is no longer there\n", res.Path, id, o.File)
	}
	fmt.Fprintf(stdout, "wrote %s: %d values, %d notes; run nianbao check next\n", res.Path, res.Values, res.Notes)
	if res.NewYear {
		fmt.Fprintf(stdout, "%d is a data year (its values count for changes and charts, and no report is published) until it has an _index.md\n", o.Year)
	}
	return 0
}
