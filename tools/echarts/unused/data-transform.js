// echarts/lib/data/helper/transform.js: dataset transforms (filter, sort,
// registerTransform). nianbao writes each series' data and no dataset.
export function ExternalSource() {}
export function registerExternalTransform() {}
export function applyDataTransform() {
  throw new Error('nianbao\'s ECharts has no dataset transforms: set charts.echarts to a full copy');
}
