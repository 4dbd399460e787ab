// echarts/lib/scale/Log.js: logarithmic axes (axis type "log"), which
// nianbao never writes; axis code only asks whether a scale is one.
export default function LogScale() {
  throw new Error('nianbao\'s ECharts has no log axes: set charts.echarts to a full copy');
}
