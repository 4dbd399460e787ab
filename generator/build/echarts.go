package build

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"nianbao"
	"nianbao/generator/diag"
	"nianbao/generator/site"
)

// echartsFile is where npm puts the pinned ECharts.
const echartsFile = "node_modules/echarts/dist/echarts.min.js"

// addECharts publishes ECharts as a fingerprinted asset: the file that
// charts.echarts names, else the copy built into the program, else the
// pinned copy in node_modules (next to the site, or in the working folder
// or one of its parents, where nianbao's own package.json installs it).
func addECharts(s *site.Site, fsys fs.FS, siteDir string, l *diag.List) {
	if s == nil {
		return
	}
	c := s.Config.Charts
	switch {
	case strings.HasPrefix(c.ECharts, "https://") || strings.HasPrefix(c.ECharts, "http://"):
		l.Warnf(c.ECHartsPos, "charts.echarts is a URL: readers without access to %s will see no charts; a local file is safer", c.ECharts)
		s.SetAssetURL("echarts.js", c.ECharts)
		return
	case c.ECharts != "":
		data, err := fs.ReadFile(fsys, filepath.ToSlash(filepath.Clean(c.ECharts)))
		if err != nil {
			l.Errorf(c.ECHartsPos, "charts.echarts: cannot read %s: %v", c.ECharts, unwrap(err))
			return
		}
		s.Theme.AddAsset("echarts.js", data)
		s.SetAssetURL("echarts.js", s.URL(s.Theme.Assets["echarts.js"].Path))
		return
	}
	data, _, err := PinnedECharts(siteDir)
	if err != nil {
		if dir, ok := installECharts(); ok {
			l.Warnf(diag.Pos{File: "site.toml"}, "ECharts was not installed: ran npm ci in %s", dir)
			data, _, err = PinnedECharts(siteDir)
		}
	}
	if err != nil {
		l.Errorf(diag.Pos{File: "site.toml"}, "%v", err)
		return
	}
	s.Theme.AddAsset("echarts.js", data)
	s.SetAssetURL("echarts.js", s.URL(s.Theme.Assets["echarts.js"].Path))
}

// PinnedECharts returns the ECharts the program carries and its version.
func PinnedECharts(siteDir string) ([]byte, string, error) {
	if data, v := nianbao.ECharts(); data != nil {
		return data, v, nil
	}
	var dirs []string
	if siteDir != "" {
		dirs = append(dirs, siteDir)
	}
	if wd, err := os.Getwd(); err == nil {
		for d := wd; ; d = filepath.Dir(d) {
			dirs = append(dirs, d)
			if filepath.Dir(d) == d {
				break
			}
		}
	}
	for _, d := range dirs {
		data, err := os.ReadFile(filepath.Join(d, echartsFile))
		if err != nil {
			continue
		}
		version := ""
		if pj, err := os.ReadFile(filepath.Join(d, "node_modules/echarts/package.json")); err == nil {
			var p struct{ Version string }
			json.Unmarshal(pj, &p)
			version = p.Version
		}
		return data, version, nil
	}
	return nil, "", errNoECharts
}

type noECharts struct{}

func (noECharts) Error() string {
	return "ECharts not found: run `npm ci` in nianbao's folder (make site does it), build the program with `make build`, or set charts.echarts in site.toml to a local echarts.min.js"
}

var errNoECharts error = noECharts{}

// installECharts runs `npm ci` in nianbao's own source folder, when the
// program runs from a checkout of it (go run ./generator) whose
// node_modules is missing: it does what make site would have done.
func installECharts() (string, bool) {
	npm, err := exec.LookPath("npm")
	if err != nil {
		return "", false
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", false
	}
	for d := wd; ; d = filepath.Dir(d) {
		mod, err := os.ReadFile(filepath.Join(d, "go.mod"))
		if err == nil && strings.HasPrefix(string(mod), "module nianbao\n") {
			if _, err := os.Stat(filepath.Join(d, "package-lock.json")); err != nil {
				return "", false
			}
			cmd := exec.Command(npm, "ci", "--no-audit", "--no-fund", "--loglevel=error")
			cmd.Dir = d
			if out, err := cmd.CombinedOutput(); err != nil {
				fmt.Fprintf(os.Stderr, "nianbao: npm ci in %s failed: %v\n%s", d, err, out)
				return "", false
			}
			return d, true
		}
		if filepath.Dir(d) == d {
			return "", false
		}
	}
}
