// Package pinned finds the front-end files that nianbao carries into the
// sites it builds: its build of the pinned ECharts (tools/echarts), either
// embedded in the program (make build) or made by npm ci in a checkout of
// nianbao, running npm ci there when the copy is missing. The commands call
// it and hand the file to the build; the build itself never looks for it.
package pinned

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"nianbao"
)

// EChartsFile is where npm ci puts nianbao's build of ECharts, relative to
// nianbao's checkout.
const EChartsFile = "node_modules/.nianbao/echarts.min.js"

// ErrNoECharts says how to get ECharts when neither the program nor a
// checkout carries it.
var ErrNoECharts = errors.New("ECharts not found: run `npm ci` in nianbao's folder (make site does it), build the program with `make build`, or set charts.echarts in site.toml to a local echarts.min.js")

// ECharts returns the ECharts the program carries and its version: the
// embedded copy, else the one in node_modules of the working folder (or a
// parent, where nianbao's package.json installs it) or of extra folders.
func ECharts(extra ...string) ([]byte, string, error) {
	if data, v := nianbao.ECharts(); data != nil {
		return data, v, nil
	}
	for _, d := range folders(extra) {
		data, err := os.ReadFile(filepath.Join(d, filepath.FromSlash(EChartsFile)))
		if err != nil {
			continue
		}
		version := ""
		if pj, err := os.ReadFile(filepath.Join(d, "node_modules", "echarts", "package.json")); err == nil {
			var p struct{ Version string }
			if json.Unmarshal(pj, &p) == nil {
				version = p.Version
			}
		}
		return data, version, nil
	}
	return nil, "", ErrNoECharts
}

// folders are where to look: extra, then the working folder and its
// parents.
func folders(extra []string) []string {
	var dirs []string
	for _, d := range extra {
		if d != "" {
			dirs = append(dirs, d)
		}
	}
	if wd, err := os.Getwd(); err == nil {
		for d := wd; ; d = filepath.Dir(d) {
			dirs = append(dirs, d)
			if filepath.Dir(d) == d {
				break
			}
		}
	}
	return dirs
}

// EChartsOrInstall is ECharts, but when the program runs from a checkout
// of nianbao (go run ./generator) that lacks the copy, it first runs npm ci
// there, as make would have: note says so, or why that failed.
func EChartsOrInstall(note func(string), extra ...string) ([]byte, error) {
	data, _, err := ECharts(extra...)
	if err == nil {
		return data, nil
	}
	dir := checkout()
	if dir == "" {
		return nil, err
	}
	if msg, ierr := install(dir); ierr != nil {
		note(fmt.Sprintf("npm ci in %s failed: %v\n%s", dir, ierr, msg))
		return nil, err
	}
	note("ECharts was not installed: ran npm ci in " + dir)
	data, _, err = ECharts(extra...)
	return data, err
}

// checkout is the folder of nianbao's source that holds the working
// folder, with its package-lock.json, or "".
func checkout() string {
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	for d := wd; ; d = filepath.Dir(d) {
		mod, err := os.ReadFile(filepath.Join(d, "go.mod"))
		if err == nil && strings.HasPrefix(string(mod), "module nianbao\n") {
			if _, err := os.Stat(filepath.Join(d, "package-lock.json")); err != nil {
				return ""
			}
			return d
		}
		if filepath.Dir(d) == d {
			return ""
		}
	}
}

// install runs npm ci in dir; its postinstall script builds ECharts.
func install(dir string) (string, error) {
	npm, err := exec.LookPath("npm")
	if err != nil {
		return "", errors.New("npm is not installed")
	}
	cmd := exec.Command(npm, "ci", "--no-audit", "--no-fund", "--loglevel=error")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	return string(out), err
}
