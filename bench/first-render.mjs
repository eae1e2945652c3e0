// First render: how long the drop-in script takes to evaluate, and how long from the start of its evaluation
// until every widget on a page with one of each has finished its first render (`updateComplete`).
//
//   npm run build:bundle && node bench/first-render.mjs        BENCH_LOADS=30  BENCH_CPU_SLOWDOWN=1
//
// Each load is a fresh page in a fresh browser context (no HTTP cache, no V8 code cache, no storage), in a
// phone-sized viewport, everything served from loopback. How the times are taken (see bench/README.md):
// the page loads the script as `import '/bench/t0.js'; import '/samleng.js'; import '/bench/t1.js'` from one
// inline module. A module graph evaluates depth-first in one go, with no task or microtask in between, so
// t0.js's one statement runs right before samleng.js's first and t1.js's right after its last: t1 − t0 is
// the script's own evaluation (its top level: Lit, the kit, `customElements.define` and the upgrade of the
// elements already in the page), without its download or compilation. Lit renders in microtasks that run
// after the evaluation; a Lit initializer added through a hooked `customElements.define` records when each
// widget's first `updateComplete` resolves and every later update.
import { DATA_URL, INSTRUMENT, WIDGETS, page } from './lib/page.mjs';
import { startServer } from './lib/server.mjs';
import { freshPage, launch, sleep, startTrace } from './lib/browser.mjs';
import { isMain, spread, summarize } from './lib/stats.mjs';

const loadScript = (src) =>
  `<script type="module">import '/bench/t0.js'; import '${src}'; import '/bench/t1.js';</script>`;
/** Loads of each reference page. */
const REFERENCE_LOADS = 6;

/** Waits until the page is quiet: script run, first frame done, every widget rendered, 300 ms without update. */
async function settle(tab, timeout = 6000) {
  const start = Date.now();
  for (;;) {
    const state = await tab.evaluate(() => {
      const b = window.__bench;
      const tags = [...new Set([...document.querySelectorAll('*')].map((el) => el.localName))].filter(
        (tag) => tag.startsWith('samleng-') && customElements.get(tag),
      );
      const last = Math.max(b.t1 ?? Infinity, ...b.updates.map((u) => u.t));
      const ready =
        b.frameDone !== undefined &&
        tags.every((tag) => b.first.some((f) => f.tag === tag)) &&
        performance.now() - last > 300;
      return { ready };
    });
    if (state.ready) return true;
    if (Date.now() - start > timeout) return false;
    await sleep(50);
  }
}

/** Reads what the instrumentation recorded in the page (wall-clock ms from the start of the evaluation). */
function collect(tab) {
  return tab.evaluate((dataUrls) => {
    const b = window.__bench;
    const tags = [...new Set(b.first.map((f) => f.tag))];
    const present = [
      ...new Set([...document.body.children].flatMap((s) => [...s.children]).map((el) => el.localName)),
    ];
    const resources = performance.getEntriesByType('resource');
    const content = {};
    for (const tag of tags) {
      const first = b.first.find((f) => f.tag === tag).t;
      const dataUrl = dataUrls[tag];
      const data = dataUrl && resources.find((r) => new URL(r.name).pathname.endsWith(dataUrl));
      // Content shown: the first update once the widget's data has arrived (its first render otherwise).
      const shown = data ? b.updates.find((u) => u.tag === tag && u.t >= data.responseEnd)?.t : first;
      content[tag] = (shown ?? NaN) - b.t0;
    }
    const atScript = b.loaf.find((l) => l.start <= b.t0 && b.t0 <= l.start + l.duration);
    return {
      undefinedTags: present.filter((tag) => tag.startsWith('samleng-') && !customElements.get(tag)),
      content,
      contentAll: Math.max(...Object.values(content)),
      inFirstFrame: Math.max(...b.first.map((f) => f.t)) <= b.frame,
      longFrame: atScript ? atScript.duration : 0,
    };
  }, DATA_URL);
}

/**
 * The marks' times from the trace, for one load: `ts` is wall-clock, `tts` the main thread's CPU clock (µs).
 * Returns, per interval, `{ wall, cpu }` in ms.
 */
function intervals(traceEvents, load, tags) {
  const marks = {};
  const suffix = `#${load}`;
  for (const e of traceEvents) {
    if (e.cat === 'blink.user_timing' && e.name.startsWith('bench:') && e.name.endsWith(suffix)) {
      marks[e.name.slice(0, -suffix.length)] = e;
    }
  }
  const span = (from, to) =>
    marks[from] && marks[to]
      ? { wall: (marks[to].ts - marks[from].ts) / 1000, cpu: (marks[to].tts - marks[from].tts) / 1000 }
      : { wall: NaN, cpu: NaN };
  const last = tags.reduce(
    (latest, tag) =>
      marks[`bench:first:${tag}`]?.ts > (marks[latest]?.ts ?? -1) ? `bench:first:${tag}` : latest,
    undefined,
  );
  return {
    evaluation: span('bench:t0', 'bench:t1'),
    firstRender: span('bench:t0', last),
    frameDone: span('bench:t0', 'bench:frame-done'),
    ownUpdate: Object.fromEntries(
      tags.map((tag) => [tag, span(`bench:update-start:${tag}`, `bench:update-end:${tag}`)]),
    ),
  };
}

/** Runs the bench; returns the figures, printed with `print`. */
export async function firstRender({
  loads = Number(process.env.BENCH_LOADS) || 30,
  print = console.log,
} = {}) {
  const cpuSlowdown = Number(process.env.BENCH_CPU_SLOWDOWN) || 1;
  const tags = Object.keys(WIDGETS);
  // BENCH_PER_WIDGET=1: also the evaluation with one widget alone in the page, to tell whose upgrade costs.
  const perWidget = process.env.BENCH_PER_WIDGET ? tags : [];
  const server = await startServer({
    ...Object.fromEntries(
      perWidget.map((tag) => [
        `/only/${tag}`,
        () => page({ tags: [tag], head: INSTRUMENT, script: loadScript('/samleng.js') }),
      ]),
    ),
    '/first-render': () => page({ head: INSTRUMENT, script: loadScript('/samleng.js') }),
    // References: the same script on a page without widgets (its top level alone: Lit and the kit's
    // definitions), and a script that only makes the page's first date formatter (ICU's start-up).
    '/no-widgets': () => page({ tags: [], head: INSTRUMENT, script: loadScript('/samleng.js') }),
    '/icu': () => page({ tags: [], head: INSTRUMENT, script: loadScript('/bench/icu.js') }),
  });
  const browser = await launch();
  const runs = [];
  const reference = {
    '/no-widgets': [],
    '/icu': [],
    ...Object.fromEntries(perWidget.map((tag) => [`/only/${tag}`, []])),
  };
  let unsettled = 0;
  const collected = [];
  // One trace of the whole browser for every load, with the user-timing category alone (the marks, next to no
  // overhead). Marks are named per load; a closed context's marks stay in the trace.
  const trace = await startTrace(browser, ['blink.user_timing']);
  let events = [];
  try {
    // One load first, not counted: it starts the browser's network service and renderer machinery.
    for (let i = -1; i < loads; i++) {
      const { page: tab, close } = await freshPage(browser);
      if (cpuSlowdown > 1) {
        const cdp = await tab.createCDPSession();
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
      }
      await tab.goto(`${server.origin}/first-render?load=${i}`, { waitUntil: 'load' });
      if (!(await settle(tab))) unsettled++;
      if (i >= 0) collected.push({ load: i, run: await collect(tab) });
      await close();
    }
    for (let i = 0; i < REFERENCE_LOADS; i++) {
      for (const path of Object.keys(reference)) {
        const { page: tab, close } = await freshPage(browser);
        const load = `${path}-${i}`;
        await tab.goto(`${server.origin}${path}?load=${load}`, { waitUntil: 'load' });
        await tab.waitForFunction(() => window.__bench.t1 !== undefined);
        await close();
        reference[path].push(load);
      }
    }
    events = await trace.stop();
  } finally {
    await browser.close();
    await server.close();
  }

  for (const { load, run } of collected) runs.push({ ...run, ...intervals(events, load, tags) });
  for (const path of Object.keys(reference)) {
    reference[path] = reference[path].map((load) => intervals(events, load, []).evaluation);
  }
  const pending = tags.filter((tag) => runs[0].undefinedTags.includes(tag));
  const defined = tags.filter((tag) => !pending.includes(tag));
  const both = (list, pick) => ({
    wall: summarize(list.map((r) => pick(r).wall)),
    cpu: summarize(list.map((r) => pick(r).cpu)),
  });
  const result = {
    loads,
    cpuSlowdown,
    evaluation: both(runs, (r) => r.evaluation),
    firstRender: both(runs, (r) => r.firstRender),
    frameDone: both(runs, (r) => r.frameDone),
    ownUpdate: Object.fromEntries(defined.map((tag) => [tag, both(runs, (r) => r.ownUpdate[tag])])),
    content: summarize(runs.map((r) => r.contentAll)),
    contentPerWidget: Object.fromEntries(
      defined.filter((tag) => DATA_URL[tag]).map((tag) => [tag, summarize(runs.map((r) => r.content[tag]))]),
    ),
    inFirstFrame: runs.filter((r) => r.inFirstFrame).length,
    longFrames: runs.filter((r) => r.longFrame > 0).length,
    longFrame: summarize(runs.filter((r) => r.longFrame > 0).map((r) => r.longFrame)),
    noWidgets: both(reference['/no-widgets'], (r) => r),
    icuStart: both(reference['/icu'], (r) => r),
    evaluationAlone: Object.fromEntries(
      perWidget.map((tag) => [tag, both(reference[`/only/${tag}`], (r) => r)]),
    ),
    pending,
    unsettled,
  };

  print(
    `\nFirst render: a page with one of each widget, ${loads} fresh loads (new browser context each), ` +
      `412×915 viewport${cpuSlowdown > 1 ? `, CPU slowed ${cpuSlowdown}×` : ''}`,
  );
  print("ms from the start of the script's evaluation; median [min p25–p75 max]\n");
  print(`  ${''.padEnd(54)}${'wall-clock'.padEnd(38)}main-thread CPU`);
  const row = (label, s) =>
    print(`  ${label.padEnd(54)}${spread(s.wall ?? s).padEnd(38)}${s.cpu ? spread(s.cpu) : ''}`);
  row("script's own evaluation", result.evaluation);
  row("every widget's first updateComplete", result.firstRender);
  print("  each widget's own first update (render + commit):");
  for (const tag of defined) row(`  ${tag}`, result.ownUpdate[tag]);
  row('first frame after the script, painted', result.frameDone);
  row('content shown (data from the local server)', result.content);
  for (const tag of Object.keys(result.contentPerWidget)) row(`  ${tag}`, result.contentPerWidget[tag]);
  print(
    `\n  every widget rendered before the first frame after the script: ${result.inFirstFrame}/${loads} loads` +
      `\n  a long animation frame (> 50 ms) around the script: ${result.longFrames}/${loads} loads` +
      (result.longFrames ? ` (${spread(result.longFrame)})` : ''),
  );
  print(`\n  references, ${REFERENCE_LOADS} fresh loads each (the evaluation of one script):`);
  row('  samleng.js on a page without widgets', result.noWidgets);
  row("  a page's first Intl.DateTimeFormat (ICU start-up)", result.icuStart);
  for (const tag of perWidget) row(`  samleng.js on a page with only ${tag}`, result.evaluationAlone[tag]);
  for (const tag of pending) print(`  pending: ${tag} not defined`);
  if (unsettled) print(`  warning: ${unsettled} loads did not settle within 6 s`);
  return result;
}

if (isMain(import.meta.url)) await firstRender();
