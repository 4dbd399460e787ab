// echarts/lib/theme/dark.js: the built-in "dark" theme. nianbao starts
// every chart with no theme name (echarts.init(el, null, ...)) and writes
// its colours into the options.
export default {};
