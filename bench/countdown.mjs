// How much main-thread time 100 countdowns cost a page, visible and hidden.
//
//   npm run build:bundle && node bench/countdown.mjs
//
// Opens a page holding 100 <samleng-countdown> counting to the second (the most demanding setting),
// loaded from the built drop-in script dist/samleng.js, in headless Chromium. It reads Chromium's own
// accounting (CDP Performance.getMetrics: TaskDuration = all main-thread tasks, ScriptDuration =
// JavaScript alone) before and after a few seconds, and prints the busy time per second of page time,
// plus how many timers the page set per second (setTimeout/setInterval calls, counted by a wrapper).
// Times are main-thread CPU time (timeDomain threadTicks), so a busy machine does not inflate them;
// BENCH_TIME_DOMAIN=timeTicks gives wall-clock time instead. BENCH_SECONDS sets the window (default 4).
//
// "Hidden" is the real thing: a second tab is brought to the front, as when a reader switches tabs,
// so the page's document.visibilityState becomes "hidden" and it receives `visibilitychange`.
// Chromium is started with background throttling turned off (scripts/browsers.mjs), so whatever
// runs in the hidden tab is our own doing and not hidden by the browser slowing timers down: the
// hidden figure measures the widget's rule "no timer while the page is hidden".
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, findBrowsers } from '../scripts/browsers.mjs';

const COUNT = 100;
const SECONDS = Number(process.env.BENCH_SECONDS) || 4;
const SCRIPT = fileURLToPath(new URL('../dist/samleng.js', import.meta.url));

/** The page: a fixed date three days ahead, so every countdown ticks every second. */
function page(count) {
  const date = new Date(Date.now() + 3 * 864e5).toISOString().replace(/\.\d+Z$/, 'Z');
  const widgets = Array.from(
    { length: count },
    (_, i) =>
      `<samleng-countdown heading="Event ${i + 1}" date="${date}" place="Geneva"></samleng-countdown>`,
  ).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<link rel="icon" href="data:,">
<script>
  // Counts the timers the page sets, before any other script runs.
  window.__timers = 0;
  for (const name of ['setTimeout', 'setInterval']) {
    const original = window[name];
    window[name] = function (...args) { window.__timers++; return original.apply(this, args); };
  }
</script>
<script type="module" src="/samleng.js"></script></head><body>${widgets}</body></html>`;
}

const script = await readFile(SCRIPT, 'utf8').catch(() => {
  console.error('dist/samleng.js is missing: run `npm run build:bundle` first.');
  process.exit(1);
});

const server = createServer((req, res) => {
  const count = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('count') ?? COUNT);
  if (req.url?.startsWith('/samleng.js')) {
    res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(script);
  } else {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(count));
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const executablePath = findBrowsers().chromium;
if (!executablePath) {
  console.error('No Chromium found (set CHROME_PATH).');
  process.exit(1);
}
const browser = await puppeteer.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });

/** Main-thread ms per second of page time, and timers set per second, over `SECONDS`. */
async function measure(tab, cdp) {
  const read = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (name) => metrics.find((m) => m.name === name)?.value ?? 0;
    const timers = await tab.evaluate(() => window.__timers);
    return { task: get('TaskDuration'), script: get('ScriptDuration'), timers, at: performance.now() };
  };
  const before = await read();
  await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
  const after = await read();
  const seconds = (after.at - before.at) / 1000;
  return {
    task: ((after.task - before.task) * 1000) / seconds,
    script: ((after.script - before.script) * 1000) / seconds,
    timers: (after.timers - before.timers) / seconds,
  };
}

const rows = [];
try {
  for (const count of [0, COUNT]) {
    const tab = await browser.newPage();
    const cdp = await tab.createCDPSession();
    await cdp.send('Performance.enable', { timeDomain: process.env.BENCH_TIME_DOMAIN ?? 'threadTicks' });
    await tab.goto(`${origin}/?count=${count}`, { waitUntil: 'load' });
    await tab.waitForFunction((n) => document.querySelectorAll('samleng-countdown').length === n, {}, count);
    await new Promise((resolve) => setTimeout(resolve, 1000)); // let the first render settle
    const label = count ? `${count} countdowns` : 'empty page';
    const visible = await measure(tab, cdp);
    if (count) {
      const ok = await tab.evaluate(() =>
        [...document.querySelectorAll('samleng-countdown')].every((el) =>
          el.shadowRoot?.querySelector('[part=digits]')?.textContent?.includes('second'),
        ),
      );
      if (!ok) throw new Error('the countdowns did not render their digits');
    }
    rows.push({ page: label, state: 'visible', ...visible });

    const other = await browser.newPage();
    await other.bringToFront();
    const state = await tab.evaluate(() => document.visibilityState);
    if (state !== 'hidden') throw new Error(`the page should be hidden, it is ${state}`);
    rows.push({ page: label, state: 'hidden', ...(await measure(tab, cdp)) });
    await other.close();
    await tab.close();
  }
} finally {
  await browser.close();
  server.close();
}

const fmt = (n, digits = 2) => n.toFixed(digits).padStart(8);
console.log(`\nMain-thread time per second of page time, over ${SECONDS} s each (headless Chromium)\n`);
console.log('page             state     all tasks ms/s   script ms/s   timers set/s');
for (const r of rows) {
  console.log(
    `${r.page.padEnd(16)} ${r.state.padEnd(8)}  ${fmt(r.task)}        ${fmt(r.script)}      ${fmt(r.timers, 1)}`,
  );
}
console.log(
  '\nall tasks: every main-thread task (script, style, layout, paint); script: JavaScript alone.' +
    '\nHidden: a second tab in front, so document.visibilityState is "hidden" (not a simulation).',
);
