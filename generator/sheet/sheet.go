// Package sheet keeps text that the build writes into spreadsheets (CSV,
// XLSX) from being read as a formula. Spreadsheet programs treat a cell
// that begins with =, +, -, @ (and, in some, a tab or a carriage return
// before one of them) as a formula, so a metric named "=HYPERLINK(…)" would
// run when a reader opens the download. Text that could start a formula is
// written with a leading apostrophe, which the programs read as "this is
// text". Numbers are never passed through here: -3.5 stays a number.
package sheet

// Risky reports whether a spreadsheet program could read text as a
// formula: it begins with =, +, -, @, a tab or a carriage return.
func Risky(text string) bool {
	if text == "" {
		return false
	}
	switch text[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return true
	}
	return false
}

// Text returns text as it is safe to write in a spreadsheet's text cell:
// with a leading ' when it could start a formula, else unchanged.
func Text(text string) string {
	if Risky(text) {
		return "'" + text
	}
	return text
}
