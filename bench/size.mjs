// Size of the drop-in script and of each widget built alone, measured the same way as a reference
// element (GitHub's relative-time-element): raw (bundled, unminified), minified, gzip -9 and brotli, plus
// each part's share of the whole kit. Builds in memory with the project's own rollup plugins.
//   node bench/size.mjs
import { readFileSync } from 'node:fs';
import { rollup } from 'rollup';
import config from '../rollup.config.mjs';
import { brotliSize, gzipSize } from '../scripts/size-report.mjs';

const [resolveTs, minifyLiterals, esbuild] = config.plugins;
const minifier = config.output[0].plugins[1];

/** Entries built alone; each is one line of code, resolved through a virtual module. */
const ENTRIES = {
  'kit, rebuilt here': "import 'samleng';",
  'countdown alone': "import '@samleng/countdown/samleng-countdown.js';",
  'case alert + list alone':
    "import '@samleng/case-alert/samleng-case-alert.js'; import '@samleng/case-alert/samleng-case-list.js';",
  'checklist alone': "import '@samleng/checklist/samleng-checklist.js';",
  'pledge alone': "import '@samleng/pledge/samleng-pledge.js';",
  'core, every export, + Lit': "export * from '@samleng/core';",
  'relative-time-element (reference)': "import '@github/relative-time-element';",
};

const virtual = (code) => ({
  name: 'virtual-entry',
  resolveId: (id) => (id === '\0entry' ? id : null),
  load: (id) => (id === '\0entry' ? code : null),
});

/** Which part of the kit a module belongs to, for the shares. */
function partOf(id) {
  if (/node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element)\//.test(id)) return 'Lit';
  if (id.includes('node_modules/@lit/localize/')) return '@lit/localize';
  if (id.includes('packages/core/src/generated/')) return 'translations (km, fr)';
  if (id.includes('packages/core/src/format/')) return 'core: formatting (Khmer data)';
  const pkg = /packages\/([^/]+)\//.exec(id)?.[1];
  return pkg ? (pkg === 'core' ? 'core: the rest' : `widget: ${pkg}`) : 'other';
}

async function build(code) {
  const bundle = await rollup({
    input: '\0entry',
    plugins: [virtual(code), resolveTs, minifyLiterals, esbuild],
    onwarn: () => {},
  });
  const raw = (await bundle.generate({ format: 'es', inlineDynamicImports: true })).output[0];
  const min = (await bundle.generate({ format: 'es', inlineDynamicImports: true, plugins: [minifier] }))
    .output[0];
  await bundle.close();
  return { raw, min: Buffer.from(min.code) };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;
const rows = [];
let shares;
for (const [name, code] of Object.entries(ENTRIES)) {
  const { raw, min } = await build(code);
  rows.push({ name, raw: raw.code.length, min: min.length, gzip: gzipSize(min), brotli: brotliSize(min) });
  if (!shares) {
    const totals = {};
    for (const [id, info] of Object.entries(raw.modules)) {
      totals[partOf(id)] = (totals[partOf(id)] ?? 0) + info.renderedLength;
    }
    const sum = Object.values(totals).reduce((a, b) => a + b, 0);
    shares = Object.entries(totals)
      .sort((a, b) => b[1] - a[1])
      .map(([part, bytes]) => ({ part, bytes, percent: (100 * bytes) / sum }));
  }
}
// The files `npm run build` wrote, as partners get them, first in the table.
for (const file of ['dist/samleng.iife.js', 'dist/samleng.js']) {
  const built = readFileSync(new URL(`../${file}`, import.meta.url));
  rows.unshift({
    name: `${file} (as built)`,
    raw: NaN,
    min: built.length,
    gzip: gzipSize(built),
    brotli: brotliSize(built),
  });
}

console.log(
  `\n${'build'.padEnd(36)}${'raw'.padStart(11)}${'minified'.padStart(11)}${'gzip -9'.padStart(11)}${'brotli'.padStart(11)}`,
);
for (const r of rows) {
  const raw = Number.isNaN(r.raw) ? '—' : kb(r.raw);
  console.log(
    `${r.name.padEnd(36)}${raw.padStart(11)}${kb(r.min).padStart(11)}${kb(r.gzip).padStart(11)}${kb(r.brotli).padStart(11)}`,
  );
}
console.log("\nShare of the kit (bundled, before minification, so comments in Lit's sources count):");
for (const s of shares)
  console.log(`  ${s.part.padEnd(32)}${kb(s.bytes).padStart(11)}${`${s.percent.toFixed(1)}%`.padStart(8)}`);
console.log(
  '\n"alone" builds include core, Lit and every language\'s strings of every widget (they live in core).',
);
