// The ECharts that nianbao carries into every site it builds: the pinned
// npm package with only the chart types and components that the default
// theme's charts use (build.mjs bundles it; npm ci and make run that).
// A site that needs more sets charts.echarts in site.toml to its own copy.
//
// Keep this list in step with what generator/charts writes into chart
// options and what themes/default/assets/nianbao.js calls: the browser test
// TestBuiltInEChartsDrawsEveryFeature draws each of them with this build.
import { init, getInstanceByDom, dispose, use, version } from 'echarts/core';
import { BarChart, GaugeChart, LineChart, PieChart, RadarChart } from 'echarts/charts';
import {
  AriaComponent, // aria labels and decal patterns
  GridComponent,
  LegendComponent, // plain and scroll
  MarkAreaComponent,
  MarkLineComponent, // plan targets
  MarkPointComponent,
  RadarComponent,
  TitleComponent, // titles drawn into exported images
  TooltipComponent,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

use([
  BarChart, GaugeChart, LineChart, PieChart, RadarChart,
  AriaComponent, GridComponent, LegendComponent,
  MarkAreaComponent, MarkLineComponent, MarkPointComponent,
  RadarComponent, TitleComponent, TooltipComponent,
  SVGRenderer,
]);

// window.echarts: what the theme's scripts call.
export { init, getInstanceByDom, dispose, use, version };
