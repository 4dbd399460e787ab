// echarts/lib/component/tooltip/TooltipRichContent.js: tooltips drawn
// into the chart, for tooltip.renderMode "richText" or a renderer with no
// DOM. nianbao's tooltips are HTML (the default in a browser).
export default function TooltipRichContent() {
  throw new Error('nianbao\'s ECharts has no richText tooltips: set charts.echarts to a full copy');
}
