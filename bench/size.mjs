// Size of the drop-in script and of each widget built alone, measured the same way as a reference
// element (GitHub's relative-time-element): raw (bundled, unminified), minified, gzip -9 and brotli, plus
// each part's share of the whole kit. Builds in memory with the project's own rollup plugins.
//   node bench/size.mjs
import { existsSync, readFileSync } from 'node:fs';
import { rollup } from 'rollup';
import { transform } from 'esbuild';
import config from '../rollup.config.mjs';
import { brotliSize, gzipSize } from '../scripts/size-report.mjs';
import { isMain } from './lib/stats.mjs';

const [resolveTs, minifyLiterals, esbuild] = config.plugins;
const minifier = config.output[0].plugins[1];

const hasCount = existsSync(new URL('../packages/pledge/samleng-pledge-count.ts', import.meta.url));

/** Entries built alone; each is one line of code, resolved through a virtual module. */
const ENTRIES = {
  // Built unminified only, for its raw size and the parts' shares: the minified kit is dist/samleng.js.
  'kit, rebuilt here (raw only)': "import 'samleng';",
  'countdown alone': "import '@samleng/countdown/samleng-countdown.js';",
  'case alert + list alone':
    "import '@samleng/case-alert/samleng-case-alert.js'; import '@samleng/case-alert/samleng-case-list.js';",
  'checklist alone': "import '@samleng/checklist/samleng-checklist.js';",
  [hasCount ? 'pledge + count alone' : 'pledge alone']:
    "import '@samleng/pledge/samleng-pledge.js';" +
    (hasCount ? " import '@samleng/pledge/samleng-pledge-count.js';" : ''),
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

async function build(code, minify = true) {
  const bundle = await rollup({
    input: '\0entry',
    plugins: [virtual(code), resolveTs, minifyLiterals, esbuild],
    onwarn: () => {},
  });
  const raw = (await bundle.generate({ format: 'es', inlineDynamicImports: true })).output[0];
  const min = minify
    ? (await bundle.generate({ format: 'es', inlineDynamicImports: true, plugins: [minifier] })).output[0]
    : undefined;
  await bundle.close();
  return { raw, min: min && Buffer.from(min.code) };
}

/**
 * Each part's share of the kit: its modules' code as bundled (so Lit's comments count), and the same code
 * minified (esbuild) and gzipped on its own. Parts compressed apart add up to more than the whole, so the
 * gzip column is for comparing parts, not for adding up.
 */
async function shares(modules) {
  const code = {};
  for (const [id, info] of Object.entries(modules)) {
    code[partOf(id)] = (code[partOf(id)] ?? '') + (info.code ?? '') + '\n';
  }
  const rows = [];
  for (const [part, text] of Object.entries(code)) {
    let minified = text;
    try {
      minified = (await transform(text, { minify: true, format: 'esm', target: 'es2021' })).code;
    } catch {
      // A fragment esbuild cannot parse alone is counted unminified.
    }
    rows.push({
      part,
      bytes: Buffer.byteLength(text),
      min: Buffer.byteLength(minified),
      gzip: gzipSize(minified),
    });
  }
  const sum = (key) => rows.reduce((a, r) => a + r[key], 0);
  const total = { bytes: sum('bytes'), gzip: sum('gzip') };
  return rows
    .sort((a, b) => b.gzip - a.gzip)
    .map((r) => ({ ...r, percent: (100 * r.bytes) / total.bytes, gzipPercent: (100 * r.gzip) / total.gzip }));
}

const kb = (bytes) => (Number.isNaN(bytes) ? '—' : `${(bytes / 1024).toFixed(2)} KB`);

/** Runs the bench; returns the figures, printed with `print`. */
export async function measureSize({ print = console.log } = {}) {
  const rows = [];
  let parts;
  for (const [name, code] of Object.entries(ENTRIES)) {
    const { raw, min } = await build(code, Boolean(parts));
    if (!parts) {
      rows.push({ name, raw: raw.code.length, min: NaN, gzip: NaN, brotli: NaN });
      parts = await shares(raw.modules);
      continue;
    }
    rows.push({ name, raw: raw.code.length, min: min.length, gzip: gzipSize(min), brotli: brotliSize(min) });
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

  print(
    `\nSize\n\n  ${'build'.padEnd(38)}${'raw'.padStart(11)}${'minified'.padStart(11)}${'gzip -9'.padStart(11)}${'brotli'.padStart(11)}`,
  );
  for (const r of rows) {
    print(
      `  ${r.name.padEnd(38)}${kb(r.raw).padStart(11)}${kb(r.min).padStart(11)}${kb(r.gzip).padStart(11)}${kb(r.brotli).padStart(11)}`,
    );
  }
  print(
    `\n  Share of the kit: bundled (comments in Lit's sources count), then minified and gzipped part by part\n` +
      `  ${'part'.padEnd(32)}${'bundled'.padStart(11)}${'share'.padStart(8)}${'min+gzip'.padStart(11)}${'share'.padStart(8)}`,
  );
  for (const s of parts) {
    print(
      `  ${s.part.padEnd(32)}${kb(s.bytes).padStart(11)}${`${s.percent.toFixed(1)}%`.padStart(8)}` +
        `${kb(s.gzip).padStart(11)}${`${s.gzipPercent.toFixed(1)}%`.padStart(8)}`,
    );
  }
  print(
    '\n  "alone" builds include core, Lit and every language\'s strings of every widget (they live in core).',
  );
  return { rows, shares: parts };
}

if (isMain(import.meta.url)) await measureSize();
