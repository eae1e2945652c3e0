// Network cost of pledge counts: 20 <samleng-pledge-count> on one page, one endpoint, one campaign. How many
// requests to the count URL per refresh (the target is one for the whole page), while the page is visible,
// while it is hidden (none expected), and when the reader comes back (one, at once).
//
//   npm run build:bundle && node bench/pledge-count.mjs
//
// The counts refresh every 5 s (`refresh="5"`, the shortest the element honours). Requests are counted twice:
// as the page sends them (CDP Network.requestWillBeSent, which also sees answers from the HTTP cache) and as
// they reach the bench server. A refresh is a group of requests less than a second apart.
import { startServer, PLEDGE_COUNT } from './lib/server.mjs';
import { launch, sleep } from './lib/browser.mjs';
import { isMain } from './lib/stats.mjs';

const COUNT = 20;
const REFRESH = 5;

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<link rel="icon" href="data:,">
<script type="module" src="/samleng.js"></script></head><body>
${Array.from(
  { length: COUNT },
  () =>
    `<samleng-pledge-count endpoint="/api/pledges" campaign="upr-2029" goal="5000" refresh="${REFRESH}"></samleng-pledge-count>`,
).join('\n')}
</body></html>`;

/** Groups request times (ms) into refreshes: a gap of more than a second starts a new one. */
function rounds(times) {
  const groups = [];
  for (const t of [...times].sort((a, b) => a - b)) {
    const last = groups.at(-1);
    if (last && t - last.at(-1) < 1000) last.push(t);
    else groups.push([t]);
  }
  return groups.map((g) => g.length);
}

/** Runs the bench; returns the figures, printed with `print`. */
export async function pledgeCount({ print = console.log, visible = 11, hidden = 6 } = {}) {
  const server = await startServer({ '/': () => PAGE });
  const browser = await launch();
  let result;
  try {
    const tab = await browser.newPage();
    const cdp = await tab.createCDPSession();
    await cdp.send('Network.enable');
    const sent = [];
    cdp.on('Network.requestWillBeSent', (e) => {
      if (new URL(e.request.url).pathname.endsWith('/count')) sent.push(e.timestamp * 1000);
    });
    const t0 = performance.now();
    await tab.goto(`${server.origin}/`, { waitUntil: 'load' });
    if (!(await tab.evaluate(() => Boolean(customElements.get('samleng-pledge-count'))))) {
      print('\nPledge counts:\n  pending: samleng-pledge-count not defined');
      return { pending: ['samleng-pledge-count'] };
    }
    const phase = () => ({
      sent: sent.length,
      server: server.hits.filter((h) => h.path.endsWith('/count')).length,
    });
    await sleep(visible * 1000);
    const shown = await tab.evaluate(
      (n) =>
        [...document.querySelectorAll('samleng-pledge-count')].filter((el) =>
          el.shadowRoot?.textContent?.replace(/\D/g, '').includes(String(n)),
        ).length,
      PLEDGE_COUNT,
    );
    const afterVisible = phase();
    const visibleRounds = rounds(sent);
    const other = await browser.newPage();
    await other.bringToFront();
    if ((await tab.evaluate(() => document.visibilityState)) !== 'hidden')
      throw new Error('the page is not hidden');
    await sleep(hidden * 1000);
    const afterHidden = phase();
    await tab.bringToFront();
    await sleep(1500);
    const afterBack = phase();
    await other.close();
    result = {
      elements: COUNT,
      refresh: REFRESH,
      shown,
      visible: {
        seconds: visible,
        requests: afterVisible.sent,
        reachedServer: afterVisible.server,
        perRefresh: visibleRounds,
      },
      hidden: { seconds: hidden, requests: afterHidden.sent - afterVisible.sent },
      back: { requests: afterBack.sent - afterHidden.sent },
      loadedIn: performance.now() - t0,
    };
  } finally {
    await browser.close();
    await server.close();
  }
  const max = Math.max(...result.visible.perRefresh);
  print(
    `\nPledge counts: ${COUNT} <samleng-pledge-count> on one endpoint and campaign, refresh="${REFRESH}"\n` +
      `\n  visible ${visible} s: ${result.visible.requests} requests to the count URL in ` +
      `${result.visible.perRefresh.length} refreshes (${result.visible.perRefresh.join(', ')} per refresh; ` +
      `${result.visible.reachedServer} reached the server); the count shown by ${result.shown}/${COUNT}` +
      `\n  hidden ${hidden} s: ${result.hidden.requests} requests;  back in front: ${result.back.requests} ` +
      `request(s) within 1.5 s` +
      `\n  requests per refresh: ${max} (target: 1)`,
  );
  return { ...result, requestsPerRefresh: max };
}

if (isMain(import.meta.url)) await pledgeCount();
