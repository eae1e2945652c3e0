// The benchmarks' own web server, on loopback and an ephemeral port: the built drop-in script, the
// reference element, the demo's case feed, a pledge count endpoint and the pages each benchmark writes.
// Every answer can be held back by prefixing its path with `/delay/<ms>` (`/delay/1000/samleng.js`: how the
// layout-shift bench makes the script late), and every request is logged with its time, so a bench can count
// what reached the server.
import { createServer } from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const file = (path) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/** Reads a built file, or stops with what to run when it is missing. */
export function readBuilt(path) {
  try {
    return readFileSync(file(path));
  } catch {
    console.error(`${path} is missing: run \`npm run build:bundle\` first.`);
    process.exit(1);
  }
}

/** The count every pledge-count endpoint answers. */
export const PLEDGE_COUNT = 1234;

/**
 * Starts the server. `pages` maps a path (`/first-render`) to a function of the request's URL that returns
 * the page's HTML. Resolves to `{ origin, hits, close }`; `hits` is the request log: `{ path, search, at }`
 * with `at` in `performance.now()` ms of this process.
 */
export async function startServer(pages = {}) {
  const assets = {
    '/samleng.js': ['text/javascript', readBuilt('dist/samleng.js')],
    '/samleng.iife.js': ['text/javascript', readBuilt('dist/samleng.iife.js')],
    // The loader way: the loader and its chunks, as in dist/ (bench/ways.mjs).
    '/samleng-loader.js': ['text/javascript', readBuilt('dist/samleng-loader.js')],
    ...Object.fromEntries(
      readdirSync(file('dist/chunks'))
        .filter((name) => name.endsWith('.js'))
        .map((name) => [`/chunks/${name}`, ['text/javascript', readBuilt(`dist/chunks/${name}`)]]),
    ),
    // The reference element as its package ships it: one ES module bundle made by its authors (esbuild).
    '/relative-time.js': [
      'text/javascript',
      readFileSync(file('node_modules/@github/relative-time-element/dist/bundle.js')),
    ],
    '/data/cases.json': ['application/json', readFileSync(file('demo/data/cases.json'))],
    // Instrumentation for the first-render bench: two one-line modules imported right before and right
    // after the drop-in script, so their statements run just before its first and after its last one.
    '/bench/t0.js': ['text/javascript', 'window.__bench.evalStart();'],
    '/bench/t1.js': ['text/javascript', 'window.__bench.evalEnd();'],
    // The reference for the first render: the first date formatter of a fresh page, which starts ICU's
    // date and time-zone machinery (what the countdown's first `time-zone` check pays).
    '/bench/icu.js': [
      'text/javascript',
      "new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Zurich' }).format(0);",
    ],
  };
  const hits = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://bench');
    const delayed = /^\/delay\/(\d+)(\/.*)$/.exec(url.pathname);
    const delay = delayed ? Number(delayed[1]) : 0;
    if (delayed) url.pathname = delayed[2];
    hits.push({ path: url.pathname, search: url.search, at: performance.now() });
    const answer = () => {
      if (url.pathname.endsWith('/count')) {
        // As the receiver answers GET /api/pledges/count (packages/receiver/README.md).
        const campaign = url.searchParams.get('campaign') ?? '';
        res
          .writeHead(200, {
            'content-type': 'application/json',
            'cache-control': 'public, max-age=5',
            'access-control-allow-origin': '*',
          })
          .end(JSON.stringify({ campaign, count: PLEDGE_COUNT }));
      } else if (assets[url.pathname]) {
        const [type, body] = assets[url.pathname];
        res
          .writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' })
          .end(body);
      } else if (pages[url.pathname]) {
        res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
          .end(pages[url.pathname](url));
      } else {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      }
    };
    if (delay) setTimeout(answer, delay);
    else answer();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    hits,
    close: () =>
      new Promise((resolve) => {
        server.close(resolve);
        server.closeAllConnections();
      }),
  };
}
