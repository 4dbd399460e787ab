// echarts/lib/loading/default.js: the spinner of showLoading(), which
// nianbao never calls (a chart's option is in the page when it starts).
import Group from 'zrender/lib/graphic/Group.js';
export default function defaultLoading() {
  var group = new Group();
  group.resize = function () {};
  return group;
}
