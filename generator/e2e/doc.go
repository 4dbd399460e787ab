// Package e2e holds the end-to-end tests that open built sites in a real browser.
//
// The tests build the example site at the root of the repository, serve it
// under its sub-path /jianglan/ and open every page in headless Chromium.
// They skip when Chromium or a CJK font is missing, unless REQUIRE_BROWSER=1
// is set, in which case they fail. When NIANBAO_SCREENSHOTS names a folder,
// they save full-page screenshots of two pages there.
package e2e
