// The loader way, beside the drop-in script (rollup.config.mjs), built after it by `npm run build:bundle`:
//   dist/chunks/*.js                 one entry chunk per tag, Lit + core shared, strings per language and package
//   dist/chunks/loader-manifest.json which chunks each tag needs (and the ones to preload)
//   dist/samleng-loader.js           the small script a partner puts on the page; it reads the table above
// Same plugins and minifier as the drop-in script, so both ways run the same code.
import { rmSync } from 'node:fs';
import dropIn from './rollup.config.mjs';
import { loaderInput, loaderManifest, manualChunks, splitKit, STRINGS } from './scripts/loader-plugins.mjs';
import { sizeReport } from './scripts/size-report.mjs';

const [minifier] = dropIn.output[0].plugins.slice(1, 2);
const fail = (warning, warn) => {
  throw new Error(`rollup: ${warning.message}`, { cause: warn });
};

/** `strings-km-pledge`, from the virtual id of a string chunk; else rollup's name. */
const chunkName = (chunk) =>
  chunk.facadeModuleId?.startsWith(STRINGS)
    ? `chunks/strings-${chunk.facadeModuleId.slice(STRINGS.length).replace(':', '-')}-[hash].js`
    : 'chunks/[name]-[hash].js';

/** @type {import('rollup').RollupOptions[]} */
export default [
  {
    input: loaderInput,
    // An entry chunk may export more than its entry (the base tag's chunk exports its package's shared code):
    // no extra facade chunk, one request less.
    preserveEntrySignatures: 'allow-extension',
    plugins: [
      // Chunks are named by hash: last build's would stay beside this one's (and go into the zip).
      {
        name: 'samleng-clean-chunks',
        buildStart: () => rmSync('dist/chunks', { recursive: true, force: true }),
      },
      splitKit(),
      ...dropIn.plugins,
    ],
    onwarn: fail,
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: 'chunks/[name]-[hash].js',
      chunkFileNames: chunkName,
      manualChunks,
      plugins: [minifier],
    },
  },
  {
    input: 'packages/samleng/loader.ts',
    plugins: [loaderManifest(), ...dropIn.plugins],
    onwarn: fail,
    output: {
      file: 'dist/samleng-loader.js',
      format: 'es',
      plugins: [sizeReport.before(), minifier, sizeReport.after()],
    },
  },
];
