// Package e2e holds the end-to-end tests that open built sites in a real browser.
//
// The tests build the example site at the root of the repository, serve it
// under its sub-path /jianglan/ and open every page in headless Chromium,
// two tabs at a time, failing on console errors, failed loads and charts
// that do not render. On every page they also run axe-core (the npm package
// pinned in package.json) for WCAG 2.0 and 2.1 A and AA violations and best practices, and a probe
// (probe_test.go) reads each chart's accessible name and colours, the language
// of every text node, ids, meta tags and hreflang links. They
// search in both languages, over HTTP and from file://, print the print
// edition to PDF and read it back with pdftotext (poppler-utils), and show
// 404.html for missing pages.
//
// They skip when Chromium or a CJK font is missing, unless REQUIRE_BROWSER=1
// is set, in which case they fail; without pdftotext they only log that the
// PDF's text is not checked, unless REQUIRE_BROWSER=1. When
// NIANBAO_SCREENSHOTS names a folder, they save full-page screenshots of two
// pages there.
package e2e
