// Bundles entry.js into the ECharts file nianbao carries:
//
//   node tools/echarts/build.mjs [OUT]
//
// OUT defaults to node_modules/.nianbao/echarts.min.js, where the program
// and `make build` look for it. The output depends only on entry.js, the
// files in unused/ and the packages that package-lock.json pins: the same
// lock file gives the same bytes.
//
// Three steps make it small (see the README for the figures):
//  1. esbuild bundles only the chart types and components that entry.js
//     installs, with the modules listed in `unused` below replaced by the
//     stand-ins in unused/ (ECharts' core imports them whatever the chart).
//  2. It renames ECharts' and zrender's internal properties (those whose
//     names start with "_": `this._model`, `el.__dirty`) to short names.
//     A property whose name is also written as a string in their source
//     (`'__flagInMainProcess'`, `['_approximateExtent']`, `'_ec_' + id`)
//     may be reached by that string, so every name that starts with such a
//     string keeps its name.
//  3. terser minifies the result; on this code it writes about 2% less
//     than esbuild's own minifier, which is what keeps the copy under
//     500 KB. Only its safe transformations: none of the "unsafe" ones,
//     which assume (for example) that no function expression is ever
//     called with new.
import { build } from 'esbuild';
import { minify } from 'terser';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const out = process.argv[2] || join(root, 'node_modules', '.nianbao', 'echarts.min.js');
const pkg = (name) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8'));

// The modules left out, each with the stand-in that keeps its exports;
// unused/README.md and each stand-in's comment say why nianbao never needs
// the original.
const unused = {
  'zrender/lib/canvas/graphic.js': 'canvas-graphic.js',
  'zrender/lib/svg/cssAnimation.js': 'svg-css-animation.js',
  'zrender/lib/svg/cssEmphasis.js': 'svg-css-emphasis.js',
  'zrender/lib/graphic/IncrementalDisplayable.js': 'incremental-displayable.js',
  'zrender/lib/mixin/Draggable.js': 'draggable.js',
  'echarts/lib/component/tooltip/TooltipRichContent.js': 'tooltip-rich-content.js',
  'echarts/lib/theme/dark.js': 'theme-dark.js',
  'echarts/lib/theme/light.js': 'theme-light.js',
  'echarts/lib/loading/default.js': 'loading.js',
  'echarts/lib/scale/Time.js': 'scale-time.js',
  'echarts/lib/scale/Log.js': 'scale-log.js',
  'echarts/lib/processor/dataSample.js': 'data-sample.js',
  'echarts/lib/data/helper/transform.js': 'data-transform.js',
  'echarts/lib/legacy/dataSelectAction.js': 'legacy-data-select.js',
  'echarts/lib/preprocessor/backwardCompat.js': 'backward-compat.js',
};

const replaced = new Set();
const leaveOut = {
  name: 'nianbao-unused',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/](echarts|zrender)[\\/]lib[\\/].*\.js$/ }, (args) => {
      const mod = relative(join(root, 'node_modules'), args.path).split(sep).join('/');
      if (!unused[mod]) return undefined;
      replaced.add(mod);
      return { contents: readFileSync(join(here, 'unused', unused[mod]), 'utf8'), resolveDir: join(here, 'unused'), loader: 'js' };
    });
  },
};

const common = {
  entryPoints: [join(here, 'entry.js')],
  absWorkingDir: root,
  bundle: true,
  write: false,
  format: 'iife',
  globalName: 'echarts',
  // ECharts itself runs on ES5; the copy asks for ES2017 (Chrome 58,
  // Firefox 52, Safari 11, Edge 79 and every browser since), as it did
  // before.
  target: 'es2017',
  charset: 'utf8',
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'none',
  plugins: [leaveOut],
  logLevel: 'warning',
};

// Step 1 lists the source files that end up in the copy; their strings
// name the properties that keep their names: a string on its own is one
// name, a string that text is added to ('_ec_' + id) starts names, a
// string added to other text ends them. (A string that starts a name with
// "_" alone, as '_' + dim + 'Axis' would, keeps every name.)
const first = await build({ ...common, outfile: out, metafile: true });
for (const mod of Object.keys(unused)) {
  if (!replaced.has(mod)) {
    throw new Error(`tools/echarts/build.mjs: ${mod} is no longer in the bundle: take it out of \`unused\``);
  }
}
const names = new Set(['__proto__']), starts = new Set(), ends = new Set();
const inputs = Object.values(first.metafile.outputs)[0].inputs;
for (const [file, { bytesInOutput }] of Object.entries(inputs)) {
  if (bytesInOutput === 0 || !/^node_modules\/(echarts|zrender|tslib)\//.test(file)) continue;
  const text = readFileSync(join(root, file), 'utf8');
  for (const m of text.matchAll(/(\+\s*)?(['"])(_[A-Za-z0-9_$]*)\2(\s*\+)?/g)) {
    if (m[1] && m[4]) continue; // a separator: the name starts with what comes before
    if (m[4]) starts.add(m[3]);
    else if (m[1]) ends.add(m[3]);
    else names.add(m[3]);
  }
}
const alt = (set) => '(?:' + [...set].sort().map((s) => s.replace(/\$/g, '\\$')).join('|') + ')';
const reserveProps = new RegExp([
  '^' + alt(names) + '$',
  starts.size > 0 ? '^' + alt(starts) : '',
  ends.size > 0 ? alt(ends) + '$' : '',
].filter(Boolean).join('|'));

// Step 2.
const second = await build({ ...common, mangleProps: /^_/, reserveProps, mangleQuoted: false });

// Step 3.
const banner = `/*! Apache ECharts ${pkg('echarts').version} (Apache-2.0) with ZRender ${pkg('zrender').version} (BSD-3-Clause) and tslib (0BSD): ` +
  'the chart types and components nianbao uses, bundled by tools/echarts/build.mjs. */';
const small = await minify(second.outputFiles[0].text, {
  ecma: 2017,
  compress: { passes: 2 }, // a third pass saves 0.03%
  mangle: true,
  format: { comments: false, preamble: banner },
});
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, small.code + '\n');
