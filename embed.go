// Package nianbao carries the files the program is built with: the default
// theme (themes/default) and, in release builds, the pinned ECharts.
//
// It lives at the module root because //go:embed cannot reach above its
// own package's folder.
package nianbao

import (
	"embed"
	"io/fs"
)

//go:embed themes/default
var themeFS embed.FS

// DefaultTheme returns the built-in default theme, rooted at its folder
// (layouts/, i18n/, assets/, static/).
func DefaultTheme() fs.FS {
	sub, err := fs.Sub(themeFS, "themes/default")
	if err != nil {
		panic(err) // the embed pattern above guarantees the folder
	}
	return sub
}

// ECharts is the pinned ECharts build and its version, when this binary
// was built with it embedded (make build); otherwise both are empty and
// the program reads node_modules/echarts at run time.
func ECharts() (data []byte, version string) {
	return echartsJS, echartsVersion
}
