// Package pdf prints pages of a built site to PDF with the local Chromium,
// for build --pdf: each year's print edition becomes /<year>/report.pdf.
package pdf

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"time"
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

// Print serves the built site in dir under basePath on a loopback port and
// prints each job's page with Chromium. The pages load nothing from other
// hosts, so printing needs no network.
func Print(ctx context.Context, dir, basePath string, jobs []Job) error {
	bin, err := Chromium()
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: http.StripPrefix(strings.TrimSuffix(basePath, "/"), http.FileServer(http.Dir(dir)))}
	go srv.Serve(ln)
	defer srv.Close()
	profile, err := os.MkdirTemp("", "nianbao-chromium-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(profile)
	for _, j := range jobs {
		url := fmt.Sprintf("http://%s%s%s", ln.Addr(), basePath, j.Page)
		out := filepath.Join(dir, filepath.FromSlash(j.PDF))
		if err := printPage(ctx, bin, profile, url, out); err != nil {
			return fmt.Errorf("printing /%s: %w", j.Page, err)
		}
		if err := fixDates(out, j.Year); err != nil {
			return err
		}
	}
	return nil
}

func printPage(ctx context.Context, bin, profile, url, out string) error {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin,
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+profile, "--no-pdf-header-footer", "--run-all-compositor-stages-before-draw",
		"--virtual-time-budget=15000", "--print-to-pdf="+out, url)
	msg, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%v: %s", err, lastLine(msg))
	}
	if fi, err := os.Stat(out); err != nil || fi.Size() == 0 {
		return fmt.Errorf("chromium wrote no PDF: %s", lastLine(msg))
	}
	return nil
}

func lastLine(b []byte) string {
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	return lines[len(lines)-1]
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
	stamp := fmt.Sprintf("%04d1231000000", year%10000)
	data = pdfDate.ReplaceAllFunc(data, func(m []byte) []byte {
		out := append([]byte(nil), m[:len(m)-14]...)
		return append(out, stamp...)
	})
	return os.WriteFile(file, data, 0o644)
}
