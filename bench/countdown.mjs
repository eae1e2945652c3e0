// How much main-thread time 100 countdowns cost a page, visible and hidden, side by side with 100 of GitHub's
// <relative-time> elements set to tick the same way.
//
//   npm run build:bundle && node bench/countdown.mjs
//
// Opens a page holding 100 <samleng-countdown> counting to the second (the most demanding setting), loaded
// from the built drop-in script dist/samleng.js, in headless Chromium; then a page holding 100
// <relative-time format="duration" precision="second"> (@github/relative-time-element, its own ES module
// bundle), which also counts down to the second ("3 days, 4 hours, 5 minutes, 6 seconds"), and an empty page
// for the browser's own floor. It reads Chromium's own accounting (CDP Performance.getMetrics: TaskDuration =
// all main-thread tasks, ScriptDuration = JavaScript run from tasks, which leaves out microtasks and so
// Lit's renders: compare TaskDuration) before and after a few seconds, and prints the
// busy time per second of page time, plus how many timers the page set per second (setTimeout/setInterval
// calls, counted by a wrapper) and how many of the elements showed a different text at the end of the window
// than at its start (read once at each end, not during it: reading the page costs main-thread time).
// Times are main-thread CPU time (timeDomain threadTicks), so a busy machine does not inflate them;
// BENCH_TIME_DOMAIN=timeTicks gives wall-clock time instead. BENCH_SECONDS sets the window (default 4).
//
// "Hidden" is the real thing: a second tab is brought to the front, as when a reader switches tabs,
// so the page's document.visibilityState becomes "hidden" and it receives `visibilitychange`.
// Chromium is started with background throttling turned off (scripts/browsers.mjs), so whatever
// runs in the hidden tab is our own doing and not hidden by the browser slowing timers down: the
// hidden figure measures the widget's rule "no timer while the page is hidden". <relative-time> has no
// such rule: in a real browser, Chromium's throttling would cut its hidden cost to about one wake-up a second
// (a minute after 5 minutes hidden).
import { startServer } from './lib/server.mjs';
import { launch, sleep } from './lib/browser.mjs';
import { isMain } from './lib/stats.mjs';

const COUNT = 100;

/** Counts the timers the page sets, before any other script runs; reads what the elements show. */
const COUNTERS = `<script>
  window.__timers = 0;
  for (const name of ['setTimeout', 'setInterval']) {
    const original = window[name];
    window[name] = function (...args) { window.__timers++; return original.apply(this, args); };
  }
  window.__texts = () =>
    [...document.querySelectorAll('samleng-countdown, relative-time')].map((el) => el.shadowRoot?.textContent);
</script>`;

/** The pages: a fixed date three days ahead, so every element ticks every second. */
function page(kind, count) {
  const date = new Date(Date.now() + 3 * 864e5).toISOString().replace(/\.\d+Z$/, 'Z');
  const element =
    kind === 'relative-time'
      ? (i) =>
          `<p>Event ${i + 1}: <relative-time datetime="${date}" format="duration" precision="second">in 3 days</relative-time></p>`
      : (i) =>
          `<samleng-countdown heading="Event ${i + 1}" date="${date}" place="Geneva"></samleng-countdown>`;
  const script = kind === 'relative-time' ? '/relative-time.js' : '/samleng.js';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<link rel="icon" href="data:,">
${COUNTERS}
<script type="module" src="${script}"></script></head><body>
${Array.from({ length: count }, (_, i) => element(i)).join('\n')}</body></html>`;
}

/** Main-thread ms per second of page time, timers set per second, and how many elements changed, over `seconds`. */
async function measure(tab, cdp, seconds) {
  const read = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (name) => metrics.find((m) => m.name === name)?.value ?? 0;
    const timers = await tab.evaluate(() => window.__timers);
    return { task: get('TaskDuration'), script: get('ScriptDuration'), timers, at: performance.now() };
  };
  const before = await read();
  const textsBefore = await tab.evaluate(() => window.__texts());
  await sleep(seconds * 1000);
  const textsAfter = await tab.evaluate(() => window.__texts());
  const after = await read();
  const elapsed = (after.at - before.at) / 1000;
  return {
    task: ((after.task - before.task) * 1000) / elapsed,
    script: ((after.script - before.script) * 1000) / elapsed,
    timers: (after.timers - before.timers) / elapsed,
    changed: textsAfter.filter((text, i) => text !== textsBefore[i]).length,
  };
}

/** Runs the bench; returns the figures, printed with `print`. */
export async function runningCost({
  seconds = Number(process.env.BENCH_SECONDS) || 4,
  print = console.log,
} = {}) {
  const server = await startServer({
    '/empty': () => page('countdown', 0),
    '/countdown': () => page('countdown', COUNT),
    '/relative-time': () => page('relative-time', COUNT),
  });
  const browser = await launch();
  const rows = [];
  try {
    for (const [path, label] of [
      ['/empty', 'empty page'],
      ['/countdown', `${COUNT} countdowns`],
      ['/relative-time', `${COUNT} relative-time`],
    ]) {
      const tab = await browser.newPage();
      const cdp = await tab.createCDPSession();
      await cdp.send('Performance.enable', { timeDomain: process.env.BENCH_TIME_DOMAIN ?? 'threadTicks' });
      await tab.goto(`${server.origin}${path}`, { waitUntil: 'load' });
      await sleep(1000); // let the first render settle
      if (path !== '/empty') {
        const ok = await tab.evaluate(() =>
          [...document.querySelectorAll('samleng-countdown, relative-time')].every((el) =>
            /second/.test(
              (el.localName === 'samleng-countdown'
                ? el.shadowRoot?.querySelector('[part=digits]')
                : el.shadowRoot
              )?.textContent ?? '',
            ),
          ),
        );
        if (!ok) throw new Error(`${label}: the elements did not render their seconds`);
      }
      rows.push({ page: label, state: 'visible', ...(await measure(tab, cdp, seconds)) });

      const other = await browser.newPage();
      await other.bringToFront();
      const state = await tab.evaluate(() => document.visibilityState);
      if (state !== 'hidden') throw new Error(`the page should be hidden, it is ${state}`);
      rows.push({ page: label, state: 'hidden', ...(await measure(tab, cdp, seconds)) });
      await other.close();
      await tab.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const fmt = (n, digits = 2) => n.toFixed(digits).padStart(8);
  print(
    `\nRunning cost: main-thread time per second of page time, over ${seconds} s each (headless Chromium)\n`,
  );
  print('  page                state     all tasks ms/s   script ms/s   timers set/s   elements changed');
  for (const r of rows) {
    print(
      `  ${r.page.padEnd(18)}  ${r.state.padEnd(8)}  ${fmt(r.task)}        ${fmt(r.script)}      ${fmt(r.timers, 1)}` +
        `        ${String(r.changed).padStart(8)}`,
    );
  }
  const find = (page, state) => rows.find((r) => r.page.startsWith(page) && r.state === state);
  const floor = find('empty', 'visible');
  const ratio = {};
  for (const state of ['visible', 'hidden']) {
    const ours = find(`${COUNT} countdowns`, state);
    const theirs = find(`${COUNT} relative-time`, state);
    const floorState = find('empty', state);
    ratio[state] = {
      task: ours.task / theirs.task,
      // Above the empty page's floor: what the elements themselves add.
      taskAboveFloor: (ours.task - floorState.task) / (theirs.task - floorState.task),
      script: ours.script / theirs.script,
    };
  }
  print(
    `\n  countdowns ÷ relative-time, visible: ${ratio.visible.task.toFixed(2)}× ` +
      `(${ratio.visible.taskAboveFloor.toFixed(2)}× above the empty page's ${floor.task.toFixed(2)} ms/s)` +
      `\n  countdowns ÷ relative-time, hidden:  ${ratio.hidden.task.toFixed(2)}×` +
      '\n\n  all tasks: every main-thread task (script, style, layout, paint); the ratios compare these.' +
      '\n  script: JavaScript run from tasks, without microtasks: Lit renders in microtasks, so it misses' +
      "\n  most of the countdowns' JavaScript; <relative-time> updates inside its timer, so it counts." +
      '\n  Hidden: a second tab in front, so document.visibilityState is "hidden" (not a simulation).' +
      '\n  A countdown draws a card (heading, four numbers, a sentence, a link, a calendar button);' +
      '\n  a <relative-time> one line of text: the ratio compares the cost of ticking, not equal work.',
  );
  return { seconds, rows, ratio };
}

if (isMain(import.meta.url)) await runningCost();
