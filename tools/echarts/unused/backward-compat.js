// echarts/lib/preprocessor/backwardCompat.js: rewrites option names of
// ECharts 2 to 4 (itemStyle.normal, clockWise, x/y for left/top, ...) into
// today's. nianbao writes ECharts 5 options; only this step, which every
// option needs, is kept: series becomes a list.
import { normalizeToArray } from 'echarts/lib/util/model.js';
export default function globalBackwardCompat(option) {
  option.series = normalizeToArray(option.series);
}
