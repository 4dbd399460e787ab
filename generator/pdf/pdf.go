// Package pdf prints pages of a built site to PDF with the local Chromium,
// for build --pdf: each year's print edition becomes /<year>/report.pdf,
// tagged, with a bookmark for every heading, and with the page numbers
// of its contents filled in from where Chromium put each section.
package pdf

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"regexp"
)

// Chromium returns the path of a Chromium or Chrome binary: $CHROMIUM_PATH,
// else the first of the usual names found on PATH.
func Chromium() (string, error) {
	if p := os.Getenv("CHROMIUM_PATH"); p != "" {
		return p, nil
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", errors.New("build --pdf needs Chromium or Chrome to print the reports: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH to its path")
}

// Job is one page to print.
type Job struct {
	Page string // the page's folder inside the site, e.g. "2025/print/"
	PDF  string // where to write, inside the site, e.g. "2025/report.pdf"
	Year int    // the report's year, for the PDF's dates
}

var pdfDate = regexp.MustCompile(`/(CreationDate|ModDate) \(D:[0-9]{14}`)

// fixDates replaces the time of printing in the PDF's metadata with the
// last day of the report's year, so that the same site gives the same
// bytes. The dates keep their length, so the file's offsets stay valid.
func fixDates(file string, year int) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	return os.WriteFile(file, fixDateBytes(data, year), 0o644)
}

// fixDateBytes is fixDates on the PDF's bytes.
func fixDateBytes(data []byte, year int) []byte {
	stamp := fmt.Sprintf("%04d1231000000", year%10000)
	return pdfDate.ReplaceAllFunc(data, func(m []byte) []byte {
		out := append([]byte(nil), m[:len(m)-14]...)
		return append(out, stamp...)
	})
}
