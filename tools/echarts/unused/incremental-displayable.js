// zrender/lib/graphic/IncrementalDisplayable.js: progressive drawing of
// large scatter and lines series; nianbao's charts have a few points each.
export default function IncrementalDisplayable() {
  throw new Error('nianbao\'s ECharts has no progressive rendering: set charts.echarts to a full copy');
}
