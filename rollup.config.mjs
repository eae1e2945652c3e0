// The drop-in script: one self-contained, minified file per format, every widget and language inside.
//   dist/samleng.js       ES module   <script type="module" src=".../samleng.js">
//   dist/samleng.iife.js  classic     <script src=".../samleng.iife.js" defer>
// Per-package ES modules with .d.ts come from `npm run build:types` (tsc) instead.
import { fileURLToPath } from 'node:url';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import minifyLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { sizeReport } from './scripts/size-report.mjs';

const tsconfig = fileURLToPath(new URL('./tsconfig.base.json', import.meta.url));

const minify = () =>
  terser({
    ecma: 2021,
    module: true,
    compress: { passes: 2, unsafe_arrows: true },
    // Lit's private fields are safe to mangle; keep class names for readable stack traces.
    mangle: { properties: { regex: /^__/ } },
    format: { comments: false },
  });

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
    esbuild({ target: 'es2021', tsconfig, minify: false }),
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
      plugins: [sizeReport.before(), minify(), sizeReport.after()],
    },
    {
      file: 'dist/samleng.iife.js',
      format: 'iife',
      name: 'Samleng',
      inlineDynamicImports: true,
      plugins: [sizeReport.before(), minify(), sizeReport.after()],
    },
  ],
};
