// The ECharts that nianbao carries into every site it builds: the pinned
// npm package with only the chart types and components that the default
// theme's charts use (build.mjs bundles it; npm ci and make run that).
// A site that needs more sets charts.echarts in site.toml to its own copy.
//
// Keep this list in step with what generator/charts writes into chart
// options and what themes/default/assets/nianbao.js calls (init,
// setOption, resize, getInstanceByDom): the browser test
// TestBuiltInEChartsDrawsEveryFeature draws each of them with this build,
// and TestBuiltInEChartsDrawsLikeTheWholeLibrary draws every option of the
// example and golden sites with it and with the whole library, and
// requires the same. Not here, because no chart nianbao writes has them:
// title (figure titles are HTML, and the image downloads draw their own;
// go-echarts' empty "title" and "toolbox" draw nothing), markLine and
// markArea (targets are series and marked points), dataZoom, visualMap,
// dataset, graphic, the canvas renderer. build.mjs also leaves out the
// core modules listed in its `unused` table (see unused/README.md).
import { init, getInstanceByDom, dispose, use, version } from 'echarts/core';
import { BarChart, GaugeChart, LineChart, PieChart, RadarChart } from 'echarts/charts';
import {
  AriaComponent, // decal patterns (the label is nianbao's own)
  GridComponent,
  LegendComponent, // plain and scroll
  MarkPointComponent, // plan targets on grouped bars
  RadarComponent,
  TooltipComponent,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

use([
  BarChart, GaugeChart, LineChart, PieChart, RadarChart,
  AriaComponent, GridComponent, LegendComponent, MarkPointComponent,
  RadarComponent, TooltipComponent,
  SVGRenderer,
]);

// window.echarts: what the theme's scripts call.
export { init, getInstanceByDom, dispose, use, version };
