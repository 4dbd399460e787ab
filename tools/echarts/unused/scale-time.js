// echarts/lib/scale/Time.js: time axes (axis type "time"). nianbao's axes
// are categories (the years) and values; the date formatting that tooltips
// use is in echarts/lib/util/time.js, which stays.
export default function TimeScale() {
  throw new Error('nianbao\'s ECharts has no time axes: set charts.echarts to a full copy');
}
