//go:build echarts

package nianbao

import (
	_ "embed"
	"encoding/json"
)

// Built with -tags echarts (make build): nianbao's build of the pinned
// ECharts (tools/echarts, made by npm ci) is part of the binary, so it
// builds sites anywhere.

//go:embed node_modules/.nianbao/echarts.min.js
var echartsJS []byte

//go:embed node_modules/echarts/package.json
var echartsPackage []byte

var echartsVersion = func() string {
	var p struct{ Version string }
	json.Unmarshal(echartsPackage, &p)
	return p.Version
}()
