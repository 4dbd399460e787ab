// zrender/lib/svg/cssAnimation.js: CSS keyframes for an animation that is
// running while a chart is written out as an SVG string (server-side
// rendering, renderToSVGString). Pages draw into the live SVG, and
// nianbao's image downloads copy that SVG as it stands.
export var EASING_MAP = {};
export var ANIMATE_STYLE_MAP = {};
export function createCSSAnimation() {}
