// echarts/lib/theme/light.js: the built-in "light" theme, never named (see
// theme-dark.js).
export default {};
