// Layout shift: does the page jump when the drop-in script arrives late, or when a widget's data arrives?
//
//   npm run build:bundle && node bench/layout-shift.mjs
//
// The page of the first-render bench (text, then each widget followed by a paragraph) with the partner's one
// line `<script type="module" src=…/samleng.js>` (a module script is deferred, like `defer`) held back 1 s by
// the server, so the page is painted with the undefined elements first; the widgets' data (case feed, pledge
// count) is held back a further 1 s, so a shift when a widget is defined and one when its data arrives are
// told apart. Cumulative layout shift comes from a buffered PerformanceObserver('layout-shift'), without
// entries that follow an input (`hadRecentInput`), as the largest session window (shifts less than 1 s apart,
// at most 5 s: the Web Vitals definition), in a phone-sized viewport. Then the same for pages of one widget
// each, to tell which widget shifts and by how much.
//
// It then writes the `:not(:defined)` CSS a partner can paste (bench/README.md): each widget's height as
// measured here, reserved before the element is defined and, for the two feed widgets, through their own
// `--samleng-case-*-min-height` while the feed loads. And it loads every page again with that CSS, at the
// two widths it was measured at, to show what it achieves.
import { WIDGETS, page } from './lib/page.mjs';
import { startServer } from './lib/server.mjs';
import { PHONE, freshPage, launch, sleep } from './lib/browser.mjs';
import { isMain } from './lib/stats.mjs';

const SCRIPT_DELAY = 1000;
const DATA_DELAY = 1000;
const WIDE = { width: 1024, height: 768, deviceScaleFactor: 1 };
/** The feed widgets' own token for the height they keep while loading, and its default (px). */
const LOADING_TOKEN = {
  'samleng-case-alert': ['--samleng-case-alert-min-height', 224],
  'samleng-case-list': ['--samleng-case-list-min-height', 320],
};

/** Records shifts, when the kit defined its first element, and the widgets' heights while loading. */
const OBSERVE = `<script>
(() => {
  const ls = (window.__ls = { shifts: [], before: {}, loading: {} });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (!e.hadRecentInput) ls.shifts.push({ value: e.value, t: e.startTime });
    }
  }).observe({ type: 'layout-shift', buffered: true });
  const heights = () =>
    Object.fromEntries(
      [...document.querySelectorAll('section > *')]
        .filter((el) => el.localName.startsWith('samleng-'))
        .map((el) => [el.localName, el.getBoundingClientRect().height]),
    );
  ls.heights = heights;
  const define = CustomElementRegistry.prototype.define;
  CustomElementRegistry.prototype.define = function (...args) {
    if (ls.definedAt === undefined) {
      ls.definedAt = performance.now();
      setTimeout(() => (ls.loading = heights()), ${DATA_DELAY / 2});
    }
    return define.apply(this, args);
  };
})();
</script>`;

/** At the end of the body, before the deferred script runs: the heights as the page first shows them. */
const BEFORE = '<script>window.__ls.before = window.__ls.heights();</script>';

/** The Web Vitals CLS: the largest sum of shifts in a session window (gaps < 1 s, window ≤ 5 s). */
function cls(shifts) {
  let best = 0;
  let sum = 0;
  let start = -Infinity;
  let last = -Infinity;
  for (const s of shifts) {
    if (s.t - last > 1000 || s.t - start > 5000) {
      sum = 0;
      start = s.t;
    }
    sum += s.value;
    last = s.t;
    best = Math.max(best, sum);
  }
  return best;
}

async function load(browser, url, viewport = PHONE) {
  const { page: tab, close } = await freshPage(browser, viewport);
  try {
    await tab.goto(url, { waitUntil: 'domcontentloaded' });
    await tab.waitForFunction(() => window.__ls.definedAt !== undefined, { timeout: 15_000 });
    await sleep(DATA_DELAY + 700); // the data, its render, and the frames after it
    const result = await tab.evaluate(() => {
      const ls = window.__ls;
      const data = performance
        .getEntriesByType('resource')
        .filter((r) => /\/data\/|\/count/.test(r.name))
        .map((r) => r.responseEnd);
      const dataAt = data.length ? Math.min(...data) : Infinity;
      const when = (s) => (s.t < ls.definedAt ? 'before' : s.t < dataAt ? 'defined' : 'data');
      return {
        shifts: ls.shifts.map((s) => ({ ...s, when: when(s) })),
        heights: { before: ls.before, loading: ls.loading, after: ls.heights() },
        undefinedTags: Object.keys(ls.before).filter((tag) => !customElements.get(tag)),
      };
    });
    const sum = (phase) => result.shifts.filter((s) => s.when === phase).reduce((a, s) => a + s.value, 0);
    return {
      cls: cls(result.shifts),
      atDefinition: sum('defined'),
      atData: sum('data'),
      heights: result.heights,
      undefinedTags: result.undefinedTags,
    };
  } finally {
    await close();
  }
}

/**
 * Runs `tasks` (functions returning promises) `width` at a time. The workers start 0.6 s apart, so that the
 * pages' scripts do not all arrive at once: a main thread kept busy for more than the data's delay would draw
 * the definition and the data in one frame, and the two shifts could not be told apart (their sum is the same).
 */
async function pool(tasks, width) {
  const results = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async (_, worker) => {
      await sleep(worker * 600);
      while (next < tasks.length) {
        const i = next++;
        results[i] = await tasks[i]();
      }
    }),
  );
  return results;
}

const rem = (px) => `${Math.round(px / 2) / 8}rem`; // to the nearest eighth of a rem (2 px), at 16 px per rem

/**
 * The CSS a partner pastes: every widget a block, its measured height reserved until it is defined, and the
 * feed widgets' loading height set to the same (their loading placeholder adds `offset` px of its own).
 */
export function partnerCss(phone, wide, offsets) {
  const rules = (heights, indent) =>
    Object.entries(heights)
      .flatMap(([tag, px]) => {
        const lines = [`${indent}${tag}:not(:defined) { min-height: ${rem(px)}; }`];
        const token = LOADING_TOKEN[tag];
        if (token) lines.push(`${indent}${tag} { ${token[0]}: ${rem(px - (offsets[tag] ?? 0))}; }`);
        return lines;
      })
      .join('\n');
  return `/* Samleng: keep each widget's place while the script loads, so that the page does not jump. */
${Object.keys(phone)
  .map((tag) => `${tag}:not(:defined)`)
  .join(',\n')} {
  display: block;
}
${rules(phone, '')}
@media (min-width: 48rem) {
${rules(wide, '  ')}
}`;
}

/** Runs the bench; returns the figures, printed with `print`. */
export async function layoutShift({ print = console.log, concurrency = 4 } = {}) {
  const tags = Object.keys(WIDGETS);
  let css = '';
  const pages = {};
  const addPage = (path, pageTags, { delayed = true, withCss = false } = {}) => {
    pages[path] = () =>
      page({
        tags: pageTags,
        script: `<script type="module" src="${delayed ? `/delay/${SCRIPT_DELAY}` : ''}/samleng.js"></script>`,
        head: OBSERVE + (withCss ? `<style>${css}</style>` : ''),
        tail: BEFORE,
        dataDelay: delayed ? DATA_DELAY : 0,
      });
  };
  const variants = [['all', tags], ...tags.map((tag) => [tag, [tag]])];
  for (const [name, pageTags] of variants) {
    addPage(`/${name}`, pageTags);
    addPage(`/${name}/css`, pageTags, { withCss: true });
  }
  addPage('/heights', tags, { delayed: false });
  const server = await startServer(pages);
  const browser = await launch();
  const url = (path) => `${server.origin}${path}`;
  let plain;
  let withCss;
  let heights;
  try {
    // The loaded heights at the two widths the CSS is written for.
    const [phone, wide] = await pool(
      [() => load(browser, url('/heights')), () => load(browser, url('/heights'), WIDE)],
      2,
    );
    heights = { phone: phone.heights.after, wide: wide.heights.after };
    plain = await pool(
      variants.map(
        ([name]) =>
          () =>
            load(browser, url(`/${name}`)),
      ),
      concurrency,
    );
    // The feed widgets' loading placeholder is taller than their token by its padding and border.
    const all = plain[0].heights;
    const offsets = Object.fromEntries(
      Object.entries(LOADING_TOKEN)
        .filter(([tag]) => all.loading[tag] !== undefined)
        .map(([tag, [, initial]]) => [tag, Math.max(0, all.loading[tag] - initial)]),
    );
    css = partnerCss(heights.phone, heights.wide, offsets);
    withCss = {};
    for (const [label, viewport] of [
      ['phone', PHONE],
      ['wide', WIDE],
    ]) {
      withCss[label] = await pool(
        variants.map(
          ([name]) =>
            () =>
              load(browser, url(`/${name}/css`), viewport),
        ),
        concurrency,
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const pending = tags.filter((tag) => plain[0].undefinedTags.includes(tag));
  const result = { css, heights, pending, pages: {} };
  variants.forEach(([name], i) => {
    if (pending.includes(name)) return;
    result.pages[name] = {
      cls: plain[i].cls,
      atDefinition: plain[i].atDefinition,
      atData: plain[i].atData,
      before: plain[i].heights.before,
      after: plain[i].heights.after,
      withCss: Object.fromEntries(Object.entries(withCss).map(([label, runs]) => [label, runs[i].cls])),
    };
  });

  const f = (v) => v.toFixed(4);
  print(
    `\nLayout shift: script held back ${SCRIPT_DELAY / 1000} s, data a further ${DATA_DELAY / 1000} s; ` +
      'CLS (largest session window), 412×915 unless said\n',
  );
  print(
    `  ${'page'.padEnd(22)}${'CLS'.padStart(8)}${'defined'.padStart(9)}${'data'.padStart(8)}` +
      `${'height before → after'.padStart(24)}    with the CSS: ${'412'.padStart(6)}${'1024'.padStart(8)}`,
  );
  for (const [name, r] of Object.entries(result.pages)) {
    const heights = name === 'all' ? '' : `${Math.round(r.before[name])} → ${Math.round(r.after[name])} px`;
    print(
      `  ${(name === 'all' ? 'all widgets' : name).padEnd(22)}${f(r.cls).padStart(8)}${f(r.atDefinition).padStart(9)}` +
        `${f(r.atData).padStart(8)}${heights.padStart(24)}${''.padEnd(18)}${f(r.withCss.phone).padStart(6)}` +
        `${f(r.withCss.wide).padStart(8)}`,
    );
  }
  print(
    '\n  defined: shifts between the definition and the data; data: once the data arrived (sums).' +
      '\n  Shifts below the fold do not count (the Web Vitals rule); the one-widget pages have it at the top.' +
      '\n  The CSS (printed with BENCH_PRINT_CSS=1; see bench/README.md) reserves the heights measured at 412' +
      '\n  and 1024 px wide, for this content in English.',
  );
  if (process.env.BENCH_PRINT_CSS) print(`\n${css}`);
  for (const tag of pending) print(`  pending: ${tag} not defined`);
  return result;
}

if (isMain(import.meta.url)) await layoutShift();
