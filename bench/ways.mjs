// Both ways side by side: the drop-in script (dist/samleng.js, one file) and the loader (dist/samleng-loader.js
// and its chunks). For each widget alone in en and km, and for the four widgets together:
//  - bytes (gzip -9) and requests of every script the page fetches before any interaction, against the
//    issue's targets; where one is missed, by how much and which files make up the page (what is in the way);
//  - first render in Chromium: from the start of the script's evaluation to the widget's first
//    `updateComplete` (wall clock, loopback server; the loader way includes fetching its chunks, preloaded
//    with the `<link rel="modulepreload">` lines of the snippet), against the reference of a script holding
//    one date formatter (target: ≤ 2× the reference for a one-widget page).
//   node bench/ways.mjs        (dist/ must be built; BENCH_WAYS_LOADS=n loads per page, default 12;
//                              BENCH_WAYS_SIZES_ONLY=1 for the sizes alone)
import { readFileSync } from 'node:fs';
import { transform } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { INSTRUMENT, WIDGETS, page as pageHtml } from './lib/page.mjs';
import { startServer } from './lib/server.mjs';
import { freshPage, launch } from './lib/browser.mjs';
import { isMain, summarize } from './lib/stats.mjs';
import { gzipSize } from '../scripts/size-report.mjs';
import {
  PAGES,
  TARGETS,
  gzipOf,
  page,
  preloadLines,
  readManifest,
  targetOf,
} from '../scripts/loader-pages.mjs';

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const dropIn = gzipSize(readFileSync(fileURLToPath(new URL('../dist/samleng.js', import.meta.url))));

/**
 * What each chunk is made of: the chunks built again in memory (the loader build's first config, without its
 * minifier), each module's share of its chunk's code (each module minified alone) applied to the chunk's gzip bytes in dist/.
 * Shares of one gzip stream are estimates (compression does not add up), good enough to name what weighs.
 * @returns {Promise<Map<string, {module: string, bytes: number}[]>>} chunk file → its modules, largest first
 */
export async function chunkContents() {
  const [{ rollup }, { default: configs }] = await Promise.all([
    import('rollup'),
    import('../rollup.loader.config.mjs'),
  ]);
  const [config] = configs;
  const plugins = config.plugins.filter((plugin) => plugin.name !== 'samleng-clean-chunks');
  const bundle = await rollup({ ...config, plugins, onwarn: () => {} });
  const { output } = await bundle.generate({ ...config.output, plugins: [] });
  await bundle.close();
  const unhashed = (file) => file.replace(/-[\w-]{8}\.js$/, '');
  const built = new Map(
    Object.values(readManifest())
      .flatMap((tag) => [tag.entry, ...tag.imports])
      .map((file) => [unhashed(file), file]),
  );
  const contents = new Map();
  for (const chunk of output) {
    const file = chunk.type === 'chunk' ? built.get(unhashed(chunk.fileName)) : undefined;
    if (!file) continue;
    // Each module's rendered code minified on its own, so Lit's shipped-minified code and the kit's
    // unminified TypeScript output weigh alike.
    const modules = await Promise.all(
      Object.entries(chunk.modules)
        .filter(([, m]) => m.code)
        .map(async ([id, m]) => {
          const minified = await transform(m.code, { minify: true, format: 'esm', target: 'es2022' }).then(
            (result) => result.code,
            () => m.code,
          );
          return [id, { renderedLength: Buffer.byteLength(minified) }];
        }),
    );
    const total = modules.reduce((sum, [, m]) => sum + m.renderedLength, 0);
    const name = (id) =>
      id
        .replace(/^.*?node_modules\//, '')
        .replace(/^.*?packages\//, '')
        .replace(/\.samleng-copy-[a-z-]+/, '');
    contents.set(
      file,
      modules
        .map(([id, m]) => ({ module: name(id), bytes: (m.renderedLength / total) * gzipOf(file) }))
        .sort((x, y) => y.bytes - x.bytes),
    );
  }
  return contents;
}

/** Bytes and requests of each page, both ways. */
export function pageSizes() {
  const manifest = readManifest();
  const rows = [];
  for (const [name, tags] of Object.entries(PAGES)) {
    for (const locale of ['en', 'km']) {
      const loader = page(tags, locale, manifest);
      const target = targetOf(name, locale);
      rows.push({
        name,
        locale,
        target,
        dropIn: { bytes: dropIn, requests: 1 },
        loader: { bytes: loader.bytes, requests: loader.requests },
        files: loader.files.map((file) => ({ file, bytes: gzipOf(file) })),
        over: loader.bytes - target,
        tooManyRequests: name !== 'all four' && loader.requests > TARGETS.requests,
      });
    }
  }
  return rows;
}

/** The script element(s) of a page, each way; the loader's with the preload lines of its page. */
const script = {
  'drop-in': () => `<script type="module">import '/bench/t0.js'; import '/samleng.js';</script>`,
  loader: (tags, locale) =>
    `${preloadLines(tags, locale, '/').join('\n')}\n` +
    `<script type="module">import '/bench/t0.js'; import '/samleng-loader.js';</script>`,
};

/** Runs one page `loads` times; the first-render wall times (ms after the evaluation start) of `tag`. */
async function renders(browser, origin, path, tag, loads) {
  const times = [];
  for (let i = -1; i < loads; i++) {
    const { page: tab, close } = await freshPage(browser);
    await tab.goto(`${origin}${path}?load=${i}`, { waitUntil: 'load' });
    const t = await tab.waitForFunction(
      (wanted) => {
        const b = window.__bench;
        const first = b.first.find((f) => f.tag === wanted);
        return first && first.t - b.t0;
      },
      { timeout: 10_000 },
      tag,
    );
    if (i >= 0) times.push(await t.jsonValue());
    await close();
  }
  return summarize(times);
}

/** First render of each widget alone, both ways, in en (and the countdown in km), and the reference. */
export async function firstRenders(loads = Number(process.env.BENCH_WAYS_LOADS) || 12) {
  const cases = [
    ...Object.keys(WIDGETS).map((tag) => ({ tag, locale: 'en' })),
    { tag: 'samleng-countdown', locale: 'km' },
  ];
  const routes = {
    '/icu': () =>
      pageHtml({
        tags: [],
        head: INSTRUMENT,
        script: `<script type="module">import '/bench/t0.js'; import '/bench/icu.js'; import '/bench/t1.js';</script>`,
      }),
  };
  for (const { tag, locale } of cases) {
    for (const way of Object.keys(script)) {
      const head = `${INSTRUMENT}${locale === 'km' ? '<meta name="samleng-locale" content="km">' : ''}`;
      routes[`/${way}/${locale}/${tag}`] = () =>
        pageHtml({ tags: [tag], head, script: script[way]([tag], locale) });
    }
  }
  const server = await startServer(routes);
  const browser = await launch();
  const rows = [];
  let reference;
  try {
    const icu = [];
    for (let i = -1; i < loads; i++) {
      const { page: tab, close } = await freshPage(browser);
      await tab.goto(`${server.origin}/icu?load=${i}`, { waitUntil: 'load' });
      const t = await tab.waitForFunction(
        () => window.__bench.t1 !== undefined && window.__bench.t1 - window.__bench.t0,
      );
      if (i >= 0) icu.push(await t.jsonValue());
      await close();
    }
    reference = summarize(icu);
    for (const { tag, locale } of cases) {
      const row = { tag, locale };
      for (const way of Object.keys(script)) {
        row[way] = await renders(browser, server.origin, `/${way}/${locale}/${tag}`, tag, loads);
      }
      rows.push(row);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return { reference, rows };
}

/** Runs the bench; returns the figures, printed with `print`. */
export async function ways({ print = console.log } = {}) {
  const sizes = pageSizes();
  const contents = await chunkContents();
  print('\nBoth ways: gzip bytes and requests of every script a page fetches before any interaction\n');
  print(
    `  ${'page'.padEnd(22)}${'drop-in'.padStart(16)}${'loader'.padStart(16)}${'target'.padStart(10)}  loader vs target`,
  );
  for (const r of sizes) {
    const status = r.over > 0 ? `${kb(r.over)} over` : 'met';
    const requests = r.tooManyRequests
      ? `; ${r.loader.requests} requests (target ≤ ${TARGETS.requests})`
      : '';
    print(
      `  ${`${r.name} (${r.locale})`.padEnd(22)}${`${kb(r.dropIn.bytes)}, ${r.dropIn.requests} req`.padStart(16)}` +
        `${`${kb(r.loader.bytes)}, ${r.loader.requests} req`.padStart(16)}${kb(r.target).padStart(10)}  ${status}${requests}`,
    );
    if (r.over > 0) {
      print(
        `      in the way: ${r.files.map(({ file, bytes }) => `${file.replace(/^chunks\//, '')} ${kb(bytes)}`).join(', ')}`,
      );
      // The widget's own chunks (not the shared core, the loader or the strings): their largest modules.
      const largest = r.files
        .filter(({ file }) => /^chunks\/samleng-/.test(file))
        .flatMap(({ file }) => contents.get(file) ?? [])
        .sort((x, y) => y.bytes - x.bytes)
        .slice(0, 5);
      if (largest.length) {
        print(
          `      its own largest modules (≈ gzip): ${largest.map((m) => `${m.module} ${kb(m.bytes)}`).join(', ')}`,
        );
      }
    }
  }
  const core = [...contents.entries()].find(([file]) => file.startsWith('chunks/core-'));
  if (core) {
    const top = core[1].slice(0, 6).map((m) => `${m.module} ${kb(m.bytes)}`);
    print(`  the core chunk every page loads, ${kb(gzipOf(core[0]))}; largest (≈ gzip): ${top.join(', ')}`);
  }
  // BENCH_WAYS_SIZES_ONLY=1: the sizes alone, without the browser part.
  if (process.env.BENCH_WAYS_SIZES_ONLY) return { sizes };
  const render = await firstRenders();
  const ref = render.reference.median;
  print(`\n  First render, eval start → the widget's first updateComplete (wall, median of loads)`);
  print(`  reference, a script of one date formatter: ${ref.toFixed(1)} ms`);
  print(`  ${'widget'.padEnd(28)}${'drop-in'.padStart(18)}${'loader'.padStart(18)}   target ≤ 2×`);
  for (const r of render.rows) {
    const cell = (s) => `${s.median.toFixed(1)} ms ${(s.median / ref).toFixed(1)}×`;
    const worst = Math.max(r['drop-in'].median, r.loader.median) / ref;
    print(
      `  ${`${r.tag} (${r.locale})`.padEnd(28)}${cell(r['drop-in']).padStart(18)}${cell(r.loader).padStart(18)}   ${worst <= 2 ? 'met' : `NOT met (${(worst - 2).toFixed(1)}× over)`}`,
    );
  }
  return { sizes, render };
}

if (isMain(import.meta.url)) await ways();
