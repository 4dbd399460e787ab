package build

import (
	"errors"
	"io/fs"
	"path/filepath"
	"strings"

	"nianbao/generator/diag"
	"nianbao/generator/site"
)

// errNoECharts is the error of a build that has no ECharts to give.
var errNoECharts = errors.New("no ECharts: set charts.echarts in site.toml to a local echarts.min.js")

// addECharts publishes ECharts as a fingerprinted asset: the file that
// charts.echarts names, else the program's copy (Options.ECharts).
func addECharts(s *site.Site, fsys fs.FS, o Options, l *diag.List) {
	if s == nil {
		return
	}
	c := s.Config.Charts
	var data []byte
	switch {
	case strings.HasPrefix(c.ECharts, "https://") || strings.HasPrefix(c.ECharts, "http://"):
		l.Warnf(c.ECHartsPos, "charts.echarts is a URL: readers without access to %s will see no charts; a local file is safer", c.ECharts)
		s.SetAssetURL("echarts.js", c.ECharts)
		return
	case c.ECharts != "" && !filepath.IsLocal(c.ECharts):
		l.Errorf(c.ECHartsPos, "charts.echarts must name a file inside the site folder or an https URL, not %q", c.ECharts)
		return
	case c.ECharts != "":
		var err error
		if data, err = fs.ReadFile(fsys, filepath.ToSlash(filepath.Clean(c.ECharts))); err != nil {
			l.Errorf(c.ECHartsPos, "charts.echarts: cannot read %s: %v", c.ECharts, unwrap(err))
			return
		}
	default:
		err := errNoECharts
		if o.ECharts != nil {
			data, err = o.ECharts()
		}
		if err != nil {
			l.Errorf(diag.Pos{File: "site.toml"}, "%v", err)
			return
		}
	}
	s.Theme.AddAsset("echarts.js", data)
	s.SetAssetURL("echarts.js", s.URL(s.Theme.Assets["echarts.js"].Path))
}
