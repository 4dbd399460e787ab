// Bundles entry.js into the ECharts file nianbao carries:
//
//   node tools/echarts/build.mjs [OUT]
//
// OUT defaults to node_modules/.nianbao/echarts.min.js, where the program
// and `make build` look for it. The output depends only on entry.js and the
// packages that package-lock.json pins: the same lock file gives the same
// bytes.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const out = process.argv[2] || join(root, 'node_modules', '.nianbao', 'echarts.min.js');
const pkg = (name) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8'));

await build({
  entryPoints: [join(here, 'entry.js')],
  outfile: out,
  absWorkingDir: root,
  bundle: true,
  minify: true,
  format: 'iife',
  globalName: 'echarts',
  target: 'es2017',
  charset: 'utf8',
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'none',
  banner: {
    js: `/*! Apache ECharts ${pkg('echarts').version} (Apache-2.0) with ZRender ${pkg('zrender').version} (BSD-3-Clause) and tslib (0BSD): ` +
      'the chart types and components nianbao uses, bundled by tools/echarts/build.mjs. */',
  },
  logLevel: 'warning',
});
