// The drop-in script: one self-contained, minified file per format, every widget and language inside.
//   dist/samleng.js       ES module   <script type="module" src=".../samleng.js">
//   dist/samleng.iife.js  classic     <script src=".../samleng.iife.js" defer>
// Per-package ES modules with .d.ts come from `npm run build:types` (tsc) instead.
import { fileURLToPath } from 'node:url';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import minifyLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import terser from '@rollup/plugin-terser';
import esbuild, { minify as esbuildMinify } from 'rollup-plugin-esbuild';
import { sizeReport } from './scripts/size-report.mjs';
import { msgIds, sharedDecorators, staticBlocksOut } from './scripts/rollup-plugins.mjs';

const tsconfig = fileURLToPath(new URL('./tsconfig.base.json', import.meta.url));

// esbuild's minifier first (whitespace and syntax: it folds what terser leaves, −0.2 KB gzip over the kit;
// names are left to terser, which keeps class names), then terser.
// `module` only for the ES module: with it, terser drops the classic script's `var Samleng =` as unused.
const minify = ({ module }) => [
  esbuildMinify({ minifyWhitespace: true, minifySyntax: true, minifyIdentifiers: false, target: 'es2022' }),
  terser({
    ecma: 2022,
    module,
    compress: { passes: 2, unsafe_arrows: true },
    // Lit's private fields are safe to mangle; keep class names for readable stack traces.
    mangle: { properties: { regex: /^__/ } },
    format: { comments: false },
  }),
];

/** @type {import('rollup').RollupOptions} */
export default {
  input: 'packages/samleng/samleng.ts',
  // Lit's production build: the `development` condition is for tests only.
  plugins: [
    nodeResolve({ exportConditions: ['source'], extensions: ['.ts', '.mjs', '.js'] }),
    // Lit's own minifier for the CSS and HTML inside css`` and html`` templates, which terser leaves
    // as written (indentation, comments). It must see the templates before esbuild rewrites them.
    minifyLiterals({
      include: ['packages/**/*.ts'],
      failOnError: true,
    }),
    // ES2022 keeps `#private` members native instead of WeakMap helpers (~2.3 KB gzip): the script needs
    // Safari 15 (iOS 15, every iPhone from the 6s), Chrome/Edge 85, Firefox 90. The class static blocks esbuild
    // writes for `static styles` (Safari 16.4) are moved out of their classes by staticBlocksOut().
    esbuild({ target: 'es2022', tsconfig, minify: false }),
    sharedDecorators(),
    staticBlocksOut(),
    // Short message ids, no automatic id code: see scripts/rollup-plugins.mjs.
    msgIds(),
  ],
  onwarn(warning, warn) {
    // Fail the build on anything unexpected (a circular import, an unresolved one) rather than ship it.
    throw new Error(`rollup: ${warning.message}`, { cause: warn });
  },
  output: [
    {
      file: 'dist/samleng.js',
      format: 'es',
      inlineDynamicImports: true,
      plugins: [sizeReport.before(), minify({ module: true }), sizeReport.after()],
    },
    {
      file: 'dist/samleng.iife.js',
      format: 'iife',
      name: 'Samleng',
      inlineDynamicImports: true,
      plugins: [sizeReport.before(), minify({ module: false }), sizeReport.after()],
    },
  ],
};
