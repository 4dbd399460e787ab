// zrender/lib/svg/cssEmphasis.js: CSS hover styles in an SVG string
// (server-side rendering, renderToSVGString); pages highlight on hover
// through the live SVG.
export function createCSSEmphasis() {}
