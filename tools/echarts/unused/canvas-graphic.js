// zrender/lib/canvas/graphic.js: drawing on a canvas. nianbao draws every
// chart with the SVG renderer, where decal patterns are SVG too; only the
// canvas renderer (not in the copy) and decals on a canvas call these.
export function createCanvasPattern() { return null; }
export function brushSingle() {}
export function brush() {}
