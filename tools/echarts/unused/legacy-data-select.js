// echarts/lib/legacy/dataSelectAction.js: ECharts 4's pieToggleSelect and
// pieselectchanged action and event names; nianbao dispatches no actions
// and listens to no chart events.
export function createLegacyDataSelectAction() {}
export function handleLegacySelectEvents() {}
