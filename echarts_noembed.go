//go:build !echarts

package nianbao

// Without -tags echarts the program finds ECharts in node_modules at run
// time (see generator/build).
var (
	echartsJS      []byte
	echartsVersion string
)
