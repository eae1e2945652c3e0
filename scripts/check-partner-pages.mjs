// Partner-proof checks of the built kit (issue 8), in the real Chromium and Firefox of this machine
// (both at once, each in its own browser):
//   1. demo/hostile.html (aggressive theme CSS, a "10px rem", a right-to-left page) looks like
//      demo/clean.html, widget by widget (one full-page screenshot of each, cut into widgets, compared
//      within a small pixel tolerance); every control in the widgets' shadow roots is reached by Tab with
//      a visible focus ring, is hit by a click at its center and is at least 24×24 px; the page does not
//      scroll sideways;
//   2. demo/csp.html, served with a strict Content-Security-Policy, works (every widget defined, rendered,
//      no error box; both calendar downloads, the checklist's actions, the case card's, a pledge sent to
//      the real receiver) with zero `securitypolicyviolation` events; then a partner page on a second
//      origin loading the script (with `integrity`), feeds and photos from a third and posting to the
//      receiver, under the policy docs/partners.md gives (default-src 'none' plus only what it lists);
//      and a module script from a host without Access-Control-Allow-Origin is refused;
//   3. demo/two-copies.html loads dist/samleng.js twice and dist/samleng.iife.js: no uncaught error,
//      exactly one console warning, every widget works;
//   Steps 1–3 run both ways (`--way drop-in|loader`, default both): the loader way opens the same pages with
//   `?samleng-way=loader`, which serves them with dist/samleng-loader.js in place of dist/samleng.js.
//   4. every demo/*.html page served by the receiver itself (`--static`, as `npm start` does) under the
//      receiver's own Content-Security-Policy (packages/receiver/src/static.ts): zero violations (once, in
//      the drop-in way: the loader's CSP case is step 2's);
//   5. dist/samleng-<version>.zip holds the two scripts, SHA384SUMS matching them, LICENSE and
//      HOW-TO-SELF-HOST.md with the right integrity values.
// It serves demo/ and dist/ with the real receiver (packages/receiver/dist, a temporary database) and two
// small static servers of its own, all on free ports. Run after `npm run build` and the receiver's build.
//
//   node scripts/check-partner-pages.mjs [--browser chromium|firefox] [--way drop-in|loader] [--only STEPS] [--shots DIR]
//     --only STEPS  some of zip,hostile,csp,cross-origin,two-copies,receiver-csp (comma-separated)
//     --shots DIR   also write every screenshot there (on a failed comparison they are always written to
//                   a temporary directory, with a diff image, and the path is printed)
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, findBrowsers } from './browsers.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEMO = path.join(ROOT, 'demo');
const DIST = path.join(ROOT, 'dist');
const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? undefined : args[i + 1];
};
const shotsDir = option('shots');

/** The policy of demo/csp.html, as the issue gives it. */
const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https:; connect-src 'self'";

const TAGS = [
  'samleng-countdown',
  'samleng-case-alert',
  'samleng-case-list',
  'samleng-checklist',
  'samleng-pledge',
  'samleng-pledge-count',
];

/** Screenshots may differ in this share of their pixels (anti-aliasing at other subpixel offsets). */
const PIXEL_TOLERANCE = 0.002;
/** A pixel differs when one of its channels differs by more than this (of 255). */
const CHANNEL_TOLERANCE = 48;

// ---------------------------------------------------------------------------------------------------
// Results

const failures = [];
let passed = 0;
/** Each browser runs at the same time as the other: its lines are kept and printed when it is done. */
const output = new AsyncLocalStorage();
function say(line) {
  const run = output.getStore();
  if (run) run.lines.push(line);
  else console.log(line);
}
function check(label, ok, detail = '') {
  if (ok) {
    passed += 1;
    say(`  ✔ ${label}`);
  } else {
    const run = output.getStore();
    failures.push(
      `${run ? `${run.name}${run.way ? ` (${run.way})` : ''}: ` : ''}${label}${detail ? `: ${detail}` : ''}`,
    );
    say(`  ✖ ${label}${detail ? `\n      ${detail.replaceAll('\n', '\n      ')}` : ''}`);
  }
  return ok;
}

// ---------------------------------------------------------------------------------------------------
// PNG: just enough to compare screenshots (8-bit RGB/RGBA, not interlaced) and to write a diff image.

function decodePng(buffer) {
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat = [];
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('latin1', offset + 4, offset + 8);
    const data = buffer.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const [depth, colorType, , , interlace] = data.subarray(8);
      channels = { 2: 3, 6: 4 }[colorType];
      if (depth !== 8 || !channels || interlace) throw new Error(`unsupported PNG (type ${colorType})`);
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(width * height * 4);
  let previous = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? line[x - channels] : 0;
      const b = previous[x];
      const c = x >= channels ? previous[x - channels] : 0;
      let add = 0;
      if (filter === 1) add = a;
      else if (filter === 2) add = b;
      else if (filter === 3) add = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
        add = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      line[x] = (line[x] + add) & 0xff;
    }
    for (let x = 0; x < width; x++) {
      for (let k = 0; k < 4; k++) {
        pixels[(y * width + x) * 4 + k] = k < channels ? line[x * channels + k] : 255;
      }
    }
    previous = line;
  }
  return { width, height, pixels };
}

function encodePng({ width, height, pixels }) {
  const chunk = (type, data) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    pixels.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The part of `image` under `box` (CSS pixels at a device pixel ratio of 1). */
function crop(image, box) {
  const x = Math.max(0, Math.round(box.x));
  const y = Math.max(0, Math.round(box.y));
  const width = Math.min(image.width, Math.round(box.x + box.width)) - x;
  const height = Math.min(image.height, Math.round(box.y + box.height)) - y;
  const pixels = Buffer.alloc(Math.max(0, width * height * 4));
  for (let row = 0; row < height; row++) {
    image.pixels.copy(
      pixels,
      row * width * 4,
      ((y + row) * image.width + x) * 4,
      ((y + row) * image.width + x + width) * 4,
    );
  }
  return { width, height, pixels };
}

/** The share of pixels that differ, and a diff image (differences in red over a faded copy). */
function compareImages(one, two) {
  if (one.width !== two.width || one.height !== two.height) {
    return { sizeMismatch: `${one.width}×${one.height} vs ${two.width}×${two.height}` };
  }
  const diff = Buffer.alloc(one.pixels.length);
  let count = 0;
  for (let i = 0; i < one.pixels.length; i += 4) {
    let delta = 0;
    for (let k = 0; k < 3; k++) delta = Math.max(delta, Math.abs(one.pixels[i + k] - two.pixels[i + k]));
    const differs = delta > CHANNEL_TOLERANCE;
    if (differs) count += 1;
    const grey = 200 + ((one.pixels[i] + one.pixels[i + 1] + one.pixels[i + 2]) / 3) * (55 / 255);
    diff.set(differs ? [255, 0, 0, 255] : [grey, grey, grey, 255], i);
  }
  return { ratio: count / Math.max(1, one.width * one.height), count, diff: { ...one, pixels: diff } };
}

// ---------------------------------------------------------------------------------------------------
// Zip: reads the central directory of the self-hosting zip (stored or deflated entries).

function readZip(buffer) {
  const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('no end of central directory');
  const entries = new Map();
  let offset = buffer.readUInt32LE(end + 16);
  const total = buffer.readUInt16LE(end + 10);
  for (let i = 0; i < total; i++) {
    if (buffer.readUInt32LE(offset) !== 0x02014b50) throw new Error('bad central directory');
    const method = buffer.readUInt16LE(offset + 10);
    const crc = buffer.readUInt32LE(offset + 16);
    const compressed = buffer.readUInt32LE(offset + 20);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    const local = buffer.readUInt32LE(offset + 42);
    const name = buffer.toString('utf8', offset + 46, offset + 46 + nameLength);
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const data = buffer.subarray(start, start + compressed);
    const content = method === 8 ? zlib.inflateRawSync(data) : Buffer.from(data);
    if (zlib.crc32(content) !== crc) throw new Error(`${name}: CRC mismatch`);
    entries.set(name, content);
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

async function checkZip() {
  say('\n▶ the self-hosting zip');
  const { version } = JSON.parse(await readFile(path.join(ROOT, 'packages/samleng/package.json'), 'utf8'));
  const file = path.join(DIST, `samleng-${version}.zip`);
  if (!check(`dist/samleng-${version}.zip exists`, existsSync(file), 'run npm run build')) return;
  let entries;
  try {
    entries = readZip(await readFile(file));
  } catch (error) {
    check('the zip can be read', false, error.message);
    return;
  }
  const folder = `samleng-${version}/`;
  const chunks = (await readdir(path.join(DIST, 'chunks'))).filter((name) => name.endsWith('.js'));
  const scripts = [
    'samleng.js',
    'samleng.iife.js',
    'samleng-loader.js',
    ...chunks.map((name) => `chunks/${name}`),
  ];
  const names = [...scripts, 'SHA384SUMS', 'LICENSE', 'HOW-TO-SELF-HOST.md'];
  check(
    'it holds the scripts, the loader with its chunks, SHA384SUMS, LICENSE and HOW-TO-SELF-HOST.md',
    names.every((name) => entries.has(folder + name)),
    `entries: ${[...entries.keys()].join(', ')}`,
  );
  const sums = entries.get(`${folder}SHA384SUMS`)?.toString('utf8') ?? '';
  const howTo = entries.get(`${folder}HOW-TO-SELF-HOST.md`)?.toString('utf8') ?? '';
  for (const name of scripts) {
    const inZip = entries.get(folder + name);
    const built = await readFile(path.join(DIST, name));
    check(
      `${name} in the zip is dist/${name}`,
      inZip?.equals(built) ?? false,
      'stale: run node scripts/zip.mjs',
    );
    const hex = createHash('sha384').update(built).digest('hex');
    const sri = `sha384-${createHash('sha384').update(built).digest('base64')}`;
    check(`SHA384SUMS gives ${name}'s SHA-384`, sums.includes(`${hex}  ${name}`));
    if (!name.startsWith('chunks/'))
      check(`HOW-TO-SELF-HOST.md gives ${name}'s integrity`, howTo.includes(sri));
  }
  const license = await readFile(path.join(ROOT, 'LICENSE'));
  check('LICENSE is the repository license', entries.get(`${folder}LICENSE`)?.equals(license) ?? false);
}

// ---------------------------------------------------------------------------------------------------
// Servers

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/**
 * A static server on a free port. `routes` are `[prefix, target, headers]`: a directory served under
 * the prefix, or a function of the URL giving `{body, type}`; `headers` are sent with it.
 */
async function staticServer(routes) {
  const server = http.createServer(async (request, response) => {
    const url = new URL(request.url, 'http://x');
    for (const [prefix, target, headers = {}] of routes) {
      if (!url.pathname.startsWith(prefix)) continue;
      try {
        let body;
        let type;
        if (typeof target === 'function') ({ body, type } = await target(url));
        else {
          const file = path.join(target, decodeURIComponent(url.pathname.slice(prefix.length)));
          // Inside the folder itself: `dist-x/` also starts with `dist`.
          if (!file.startsWith(target.endsWith(path.sep) ? target : target + path.sep)) break;
          body = await readFile(file);
          type = TYPES[path.extname(file)] ?? 'application/octet-stream';
        }
        response.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache', ...headers });
        response.end(body);
        return;
      } catch {
        break;
      }
    }
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('not found');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

/** A free port, for the receiver: it must know its own origin (to accept posts from it) before it listens. */
async function freePort() {
  const probe = net.createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * The real receiver, as `npm start` runs it (demo/ at /, dist/ at /dist/), on a temporary database; it
 * also sends the strict policy with /csp.html. `partnerOrigin` may post too (the cross-origin page).
 */
async function startReceiver(partnerOrigin) {
  const serverModule = path.join(ROOT, 'packages/receiver/dist/src/server.js');
  if (!existsSync(serverModule)) {
    throw new Error('packages/receiver/dist is missing: run npm run build -w @samleng/receiver');
  }
  const { createServer } = await import(pathToFileURL(serverModule).href);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'samleng-partner-'));
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const app = await createServer({
    dbPath: path.join(dataDir, 'pledges.db'),
    allowedOrigins: [origin, partnerOrigin],
    logLevel: 'silent',
    static: [
      { root: DEMO, prefix: '/' },
      { root: DIST, prefix: '/dist/' },
    ],
  });
  // The loader way: a demo page asked with ?samleng-way=loader loads dist/samleng-loader.js instead.
  app.addHook('onRequest', async (request, reply) => {
    const url = new URL(request.url, origin);
    if (url.searchParams.get('samleng-way') !== 'loader' || !url.pathname.endsWith('.html')) return;
    const html = await readFile(path.join(DEMO, path.basename(url.pathname)), 'utf8');
    await reply.type('text/html; charset=utf-8').send(loaderWay(html));
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.split('?')[0] === '/csp.html') reply.header('content-security-policy', STRICT_CSP);
    return payload;
  });
  await app.listen({ port, host: '127.0.0.1' });
  return { app, origin, dataDir };
}

// ---------------------------------------------------------------------------------------------------
// In the page (these functions are serialized by puppeteer: they use nothing from this module)

/** Waits until every widget is defined, rendered and done loading (feeds, counts), and fonts are in. */
async function settleInPage(tags) {
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const deep = (root) =>
    [...root.querySelectorAll('*')].flatMap((el) => (el.shadowRoot ? [el, ...deep(el.shadowRoot)] : [el]));
  const present = tags.filter((tag) => document.querySelector(tag));
  await Promise.race([Promise.all(present.map((tag) => customElements.whenDefined(tag))), sleep(5000)]);
  for (let i = 0; i < 200; i++) {
    const widgets = deep(document).filter((el) => el.localName.startsWith('samleng-'));
    await Promise.all(widgets.map((el) => el.updateComplete));
    const busy = widgets.some((el) => el.shadowRoot?.querySelector('[aria-busy="true"], [part~="loading"]'));
    if (!busy) break;
    await sleep(50);
  }
  await document.fonts.ready;
  // A theme's `* { transition: all … }` animates each host from the page's styles to its own when it
  // upgrades: wait for the end of such transitions (and of any finite animation).
  const finite = (animation) => animation.effect?.getComputedTiming().endTime !== Infinity;
  await Promise.race([
    Promise.all(
      document
        .getAnimations()
        .filter(finite)
        .map((animation) => animation.finished.catch(() => {})),
    ),
    sleep(3000),
  ]);
  await new Promise((resolve) => window.requestAnimationFrame(() => window.requestAnimationFrame(resolve)));
}

/** What each widget shows: defined, its height, its text and any error box (`part~=error`). */
function describeWidgetsInPage(tags) {
  const deep = (root) =>
    [...root.querySelectorAll('*')].flatMap((el) => (el.shadowRoot ? [el, ...deep(el.shadowRoot)] : [el]));
  return [...document.querySelectorAll(tags.join(','))].map((el) => {
    const inside = el.shadowRoot ? deep(el.shadowRoot) : [];
    const errors = inside.filter((node) => node.part?.contains('error'));
    return {
      tag: el.localName,
      defined: Boolean(customElements.get(el.localName)) && el.matches(':defined'),
      height: el.getBoundingClientRect().height,
      text: el.shadowRoot ? el.shadowRoot.textContent.replace(/\s+/g, ' ').trim().slice(0, 300) : '',
      errors: errors.map((node) => node.textContent.replace(/\s+/g, ' ').trim()),
    };
  });
}

// ---------------------------------------------------------------------------------------------------
// Browsers

async function launch(name) {
  const found = findBrowsers();
  if (name === 'chromium') {
    return puppeteer.launch({ executablePath: found.chromium, headless: true, args: CHROMIUM_ARGS });
  }
  return puppeteer.launch({ browser: 'firefox', executablePath: found.firefox, headless: true });
}

/** The page's script tags for the loader way. */
const loaderWay = (html) => html.replaceAll('dist/samleng.js', 'dist/samleng-loader.js');

/** `url` as the way this run checks asks for it. */
function withWay(url) {
  if (output.getStore()?.way !== 'loader') return url;
  const asked = new URL(url);
  asked.searchParams.set('samleng-way', 'loader');
  return asked.href;
}

/** A new tab in its own context (own storage), recording console messages, errors and failed requests. */
async function openPage(browser, url, { downloads } = {}) {
  url = withWay(url);
  const context = await browser.createBrowserContext(
    downloads ? { downloadBehavior: { policy: 'allow', downloadPath: downloads } } : {},
  );
  const page = await context.newPage();
  const log = { messages: [], errors: [], failed: [] };
  page.on('console', (message) => log.messages.push({ type: message.type(), text: message.text() }));
  page.on('pageerror', (error) => {
    const message = String(error?.message ?? error);
    // Firefox reports each CSP violation this way too: those are counted as violations instead.
    if (!message.startsWith('Content-Security-Policy:')) log.errors.push(message);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) log.failed.push(`${response.status()} ${response.url()}`);
  });
  await page.setViewport({ width: 480, height: 900 });
  const response = await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(settleInPage, TAGS);
  return { page, context, log, response };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `test` (async) until it returns something truthy, or gives up after `ms`. */
async function waitFor(test, ms = 5000) {
  const until = Date.now() + ms;
  for (;;) {
    const value = await test();
    if (value || Date.now() > until) return value;
    await sleep(50);
  }
}

/** Checks that every widget is defined, drawn and shows no error box; returns the descriptions. */
async function checkWidgetsWork(page, label, expected = TAGS) {
  const widgets = await page.evaluate(describeWidgetsInPage, TAGS);
  if (output.getStore()?.way === 'loader') {
    const scripts = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname),
    );
    check(
      `${label}: the code came through the loader and its chunks, not samleng.js`,
      scripts.some((file) => file.endsWith('/samleng-loader.js')) &&
        scripts.some((file) => file.includes('/chunks/')) &&
        !scripts.some((file) => file.endsWith('/samleng.js')),
      scripts.join(', '),
    );
  }
  for (const tag of expected) {
    const found = widgets.filter((widget) => widget.tag === tag);
    const bad = found.find((widget) => !widget.defined || widget.height < 40 || widget.errors.length > 0);
    check(
      `${label}: <${tag}> works`,
      found.length > 0 && !bad,
      found.length === 0
        ? 'not on the page'
        : `defined ${bad?.defined}, height ${bad?.height}, errors ${JSON.stringify(bad?.errors)}`,
    );
  }
  return widgets;
}

// ---------------------------------------------------------------------------------------------------
// 1. The hostile page against its clean twin

/** Marks every control of the page's widgets (deep in their shadow roots) and describes it. */
function listControlsInPage(tags) {
  const deep = (root) =>
    [...root.querySelectorAll('*')].flatMap((el) => (el.shadowRoot ? [el, ...deep(el.shadowRoot)] : [el]));
  const controls = [];
  for (const host of document.querySelectorAll(tags.map((tag) => `main > ${tag}`).join(','))) {
    for (const el of host.shadowRoot ? deep(host.shadowRoot) : []) {
      if (!el.matches('a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]'))
        continue;
      if (el.matches('[tabindex="-1"]') || el.disabled || el.closest('[inert]')) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0 || window.getComputedStyle(el).visibility !== 'visible')
        continue;
      el.__partnerCheck = `${host.localName}/${controls.length}`;
      const name = (el.getAttribute('aria-label') || el.labels?.[0]?.textContent || el.textContent || '')
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, 40);
      controls.push({
        id: el.__partnerCheck,
        tag: host.localName,
        what: `${el.localName}${el.type && el.localName === 'input' ? `[${el.type}]` : ''} "${name}"`,
        inline: el.localName === 'a',
      });
    }
  }
  return controls;
}

/** The element that has the focus, through shadow roots, and whether its focus ring shows. */
function focusInPage() {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  if (!el || el === document.body) return null;
  const style = window.getComputedStyle(el);
  const outline =
    style.outlineStyle !== 'none' &&
    parseFloat(style.outlineWidth) >= 2 &&
    !/rgba\(\d+, \d+, \d+, 0\)|transparent/.test(style.outlineColor);
  return { id: el.__partnerCheck ?? null, ring: outline || style.boxShadow !== 'none' };
}

/** For each marked control: does a click at its center land on it (through shadow roots)? Its size. */
function hitTestInPage() {
  const deep = (root) =>
    [...root.querySelectorAll('*')].flatMap((el) => (el.shadowRoot ? [el, ...deep(el.shadowRoot)] : [el]));
  const describe = (el) =>
    el
      ? `${el.localName}${el.id ? `#${el.id}` : ''}${el.className ? `.${String(el.className).split(' ')[0]}` : ''}`
      : 'nothing';
  return deep(document)
    .filter((el) => el.__partnerCheck)
    .map((el) => {
      el.scrollIntoView({ block: 'center', inline: 'center' });
      // A link that wraps is several boxes, and the middle of their bounding box may be between them.
      const rect = el.getClientRects()[0] ?? el.getBoundingClientRect();
      const x = rect.left + rect.width / 2;
      const y = rect.top + rect.height / 2;
      let hit = document.elementFromPoint(x, y);
      while (hit?.shadowRoot) {
        const inner = hit.shadowRoot.elementFromPoint(x, y);
        if (!inner || inner === hit) break;
        hit = inner;
      }
      let ok = false;
      for (let node = hit; node && !ok; node = node.assignedSlot ?? node.parentNode ?? node.host) {
        ok = node === el || (node.localName === 'label' && node.control === el);
      }
      return { id: el.__partnerCheck, ok, hit: describe(hit), width: rect.width, height: rect.height };
    });
}

async function hostileAndClean(browser, name, receiver, shots) {
  say(`\n▶ ${name}: demo/hostile.html against demo/clean.html`);
  const block = (html) =>
    html
      .split('<!-- /widgets -->')[0]
      .split(/<!-- widgets[^>]*-->/)[1]
      ?.trim();
  const [hostileHtml, cleanHtml] = await Promise.all(
    ['hostile.html', 'clean.html'].map((file) => readFile(path.join(DEMO, file), 'utf8')),
  );
  check(
    'the two pages hold the same widgets',
    Boolean(block(hostileHtml)) && block(hostileHtml) === block(cleanHtml),
  );

  const clean = await openPage(browser, `${receiver.origin}/clean.html`);
  const hostile = await openPage(browser, `${receiver.origin}/hostile.html`);
  try {
    await checkWidgetsWork(clean.page, 'clean page');
    await checkWidgetsWork(hostile.page, 'hostile page');
    // One full-page screenshot of each page, cut into widgets (faster than one capture per element).
    // Text lands on other pixels when a widget starts at another fraction of a pixel (the hostile
    // page's headings are 17.6px lines): each clean widget is moved by that fraction, without changing
    // the layout, before the capture.
    const boxes = (page) =>
      page.evaluate(
        (tags) =>
          tags.map((tag) => {
            const rect = document.querySelector(`main > ${tag}`)?.getBoundingClientRect();
            return (
              rect && {
                x: rect.left + window.scrollX,
                y: rect.top + window.scrollY,
                width: rect.width,
                height: rect.height,
              }
            );
          }),
        TAGS,
      );
    const hostileBoxes = await boxes(hostile.page);
    await clean.page.evaluate(
      (tags, tops) =>
        tags.forEach((tag, i) => {
          const el = document.querySelector(`main > ${tag}`);
          if (!el || tops[i] === undefined) return;
          const by = (((tops[i] - (el.getBoundingClientRect().top + window.scrollY)) % 1) + 1) % 1;
          el.style.position = 'relative';
          el.style.top = `${by}px`;
        }),
      TAGS,
      hostileBoxes.map((box) => box?.y),
    );
    const cleanBoxes = await boxes(clean.page);
    const [cleanShot, hostileShot] = [
      decodePng(await clean.page.screenshot({ fullPage: true })),
      decodePng(await hostile.page.screenshot({ fullPage: true })),
    ];
    const dir = shots ?? (await mkdtemp(path.join(os.tmpdir(), 'samleng-shots-')));
    await mkdir(dir, { recursive: true });
    let kept = false;
    for (const [i, tag] of TAGS.entries()) {
      if (!cleanBoxes[i] || !hostileBoxes[i]) continue;
      const a = crop(cleanShot, cleanBoxes[i]);
      const b = crop(hostileShot, hostileBoxes[i]);
      const result = compareImages(a, b);
      const ok = !result.sizeMismatch && result.ratio <= PIXEL_TOLERANCE;
      let where = '';
      if (!ok || shots) {
        kept = true;
        await writeFile(path.join(dir, `${name}-${tag}-clean.png`), encodePng(a));
        await writeFile(path.join(dir, `${name}-${tag}-hostile.png`), encodePng(b));
        if (result.diff) await writeFile(path.join(dir, `${name}-${tag}-diff.png`), encodePng(result.diff));
        where = ` (screenshots in ${dir})`;
      }
      check(
        `<${tag}> looks the same on both pages`,
        ok,
        result.sizeMismatch
          ? `sizes differ: clean ${result.sizeMismatch} hostile${where}`
          : `${(result.ratio * 100).toFixed(2)}% of pixels differ (tolerance ${PIXEL_TOLERANCE * 100}%)${where}`,
      );
    }
    if (!kept && !shots) await rm(dir, { recursive: true, force: true });

    const overflow = await hostile.page.evaluate(() => {
      const { scrollWidth, clientWidth } = document.documentElement;
      return scrollWidth - clientWidth;
    });
    check(
      'the widgets do not widen the hostile page',
      overflow <= 0,
      `${overflow}px of horizontal overflow (the screenshots of a right-to-left page are cut wrong while it lasts)`,
    );

    // Keyboard: Tab from the top of the page through everything; each control must get the focus with
    // a visible ring (the theme removes every focus outline it can reach).
    const { page } = hostile;
    const controls = await page.evaluate(listControlsInPage, TAGS);
    await page.evaluate(() => {
      document.activeElement?.blur();
      window.scrollTo(0, 0);
    });
    const reached = new Map();
    for (let i = 0; i < controls.length + 15; i++) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(focusInPage);
      if (focus?.id && !reached.has(focus.id)) reached.set(focus.id, focus);
      if (reached.size === controls.length) break;
    }
    const pointer = new Map((await page.evaluate(hitTestInPage)).map((hit) => [hit.id, hit]));
    for (const tag of TAGS) {
      const own = controls.filter((control) => control.tag === tag);
      const missed = own.filter((control) => !reached.has(control.id)).map((control) => control.what);
      const ringless = own.filter((control) => reached.get(control.id)?.ring === false).map((c) => c.what);
      const unhit = own
        .filter((control) => !pointer.get(control.id)?.ok)
        .map((control) => `${control.what} (a click hits ${pointer.get(control.id)?.hit})`);
      const small = own
        .filter((control) => !control.inline)
        .filter((control) => {
          const hit = pointer.get(control.id);
          return hit && (hit.width < 24 || hit.height < 24);
        })
        .map((control) => {
          const hit = pointer.get(control.id);
          return `${control.what} ${hit.width.toFixed(1)}×${hit.height.toFixed(1)}`;
        });
      const label = `<${tag}> (${own.length} controls)`;
      if (own.length === 0) {
        // The count alone has nothing to operate; every other widget has.
        if (tag !== 'samleng-pledge-count') check(`<${tag}> has controls`, false, 'none found');
        continue;
      }
      check(`${label}: Tab reaches every control`, missed.length === 0, `not reached: ${missed.join(', ')}`);
      check(`${label}: the focus ring shows`, ringless.length === 0, `no ring: ${ringless.join(', ')}`);
      check(`${label}: a click at the center hits each control`, unhit.length === 0, unhit.join(', '));
      check(`${label}: targets are at least 24×24 px`, small.length === 0, small.join(', '));
    }
    for (const { log } of [clean, hostile]) {
      if (log.errors.length) check('no uncaught error', false, log.errors.join('\n'));
    }
  } finally {
    await clean.context.close();
    await hostile.context.close();
  }
}

// ---------------------------------------------------------------------------------------------------
// 2. Strict Content-Security-Policy

/** A control inside a widget's shadow roots (deep), by CSS selector and optionally by its text. */
async function control(page, host, selector, text) {
  const handle = await page.evaluateHandle(
    (hostSelector, wanted, words) => {
      const deep = (root) =>
        [...root.querySelectorAll('*')].flatMap((el) =>
          el.shadowRoot ? [el, ...deep(el.shadowRoot)] : [el],
        );
      const el = document.querySelector(hostSelector);
      if (!el?.shadowRoot) return null;
      return deep(el.shadowRoot).find(
        (node) => node.matches(wanted) && (!words || node.textContent.includes(words)),
      );
    },
    host,
    selector,
    text ?? '',
  );
  return handle.asElement();
}

/** The text of a widget's shadow root (deep), whitespace collapsed. */
function shadowText(page, host) {
  return page.evaluate((hostSelector) => {
    const text = (root) =>
      [...root.childNodes]
        .map((node) =>
          node.nodeType === 3 ? node.data : `${node.shadowRoot ? text(node.shadowRoot) : ''} ${text(node)}`,
        )
        .join(' ');
    const el = document.querySelector(hostSelector);
    return el?.shadowRoot ? text(el.shadowRoot).replace(/\s+/g, ' ').trim() : '';
  }, host);
}

/** Clicks the control, or fails the check saying it is missing. */
async function click(page, label, host, selector, text) {
  const handle = await control(page, host, selector, text);
  if (!check(label, Boolean(handle), `no ${selector}${text ? ` "${text}"` : ''} in <${host}>`)) return false;
  await handle.click();
  return true;
}

/**
 * Waits for a new, complete download in `dir` whose name ends with `suffix`; returns its text. (Firefox
 * first creates an empty file under the final name and writes a `.part` beside it.)
 */
async function downloaded(dir, suffix, before) {
  const text = await waitFor(async () => {
    const files = await readdir(dir);
    if (files.some((file) => file.endsWith('.part') || file.endsWith('.crdownload'))) return '';
    const name = files.find((file) => file.endsWith(suffix) && !before.includes(file));
    return name ? readFile(path.join(dir, name), 'utf8') : '';
  }, 15_000);
  return text || '';
}

async function countOf(receiver, campaign) {
  const response = await fetch(`${receiver.origin}/api/pledges/count?campaign=${campaign}`);
  return (await response.json()).count;
}

/** Uses every widget of a page that carries the pledge form, the checklist and the countdown. */
async function exercise(page, label, receiver, downloads, email) {
  // The countdown's "Add to calendar": an .ics file made in the page (a blob: URL) and downloaded.
  let before = await readdir(downloads);
  if (
    await click(
      page,
      `${label}: the countdown's calendar button is there`,
      'samleng-countdown',
      'button',
      'calendar',
    )
  ) {
    const ics = await downloaded(downloads, '.ics', before);
    check(
      `${label}: the countdown's calendar file downloads`,
      ics.includes('BEGIN:VCALENDAR'),
      `no .ics file arrived: ${(await readdir(downloads)).join(', ') || 'nothing'} in ${downloads}`,
    );
  }

  // The checklist: tick a step (kept in localStorage), its calendar, then "Start over" and confirm.
  const list = 'samleng-checklist';
  if (await click(page, `${label}: a checklist step can be ticked`, list, 'input[type=checkbox]')) {
    const text = await waitFor(async () => ((await shadowText(page, list)).includes('1 of 4') ? 'ok' : ''));
    check(`${label}: the checklist counts the tick`, Boolean(text), await shadowText(page, list));
    const stored = await page.evaluate(() =>
      Object.keys(window.localStorage).some(
        (key) => key.startsWith('samleng-checklist:') && window.localStorage[key].includes('upr'),
      ),
    );
    check(`${label}: the tick is kept in localStorage`, stored);
  }
  before = await readdir(downloads);
  if (await click(page, `${label}: the checklist's calendar button is there`, list, 'button.calendar')) {
    const ics = await downloaded(downloads, '.ics', before);
    check(
      `${label}: the checklist's calendar file downloads`,
      ics.includes('BEGIN:VCALENDAR'),
      `no .ics file arrived: ${(await readdir(downloads)).join(', ') || 'nothing'} in ${downloads}`,
    );
  }
  if (await click(page, `${label}: "Start over" is offered`, list, 'button.start-over')) {
    if (await click(page, `${label}: "Start over" asks to confirm`, list, 'button.yes')) {
      const text = await waitFor(async () => ((await shadowText(page, list)).includes('0 of 4') ? 'ok' : ''));
      check(`${label}: the checklist starts over`, Boolean(text));
    }
  }

  // The case card: "Read more", the letter, "Copy the letter".
  const card = 'samleng-case-alert';
  await click(page, `${label}: the case's "Read more" is there`, card, 'button[part~=toggle]');
  await click(page, `${label}: the letter opens`, card, 'summary');
  if (await click(page, `${label}: "Copy the letter" is there`, card, 'button', 'Copy the letter')) {
    const said = await waitFor(async () =>
      page.evaluate(() => {
        const el = document.querySelector('samleng-case-alert');
        return el.shadowRoot.querySelector('[part~=confirmation]')?.textContent.trim();
      }),
    );
    check(`${label}: copying the letter is confirmed`, Boolean(said));
  }

  // The pledge, sent to the real receiver; the count widget follows.
  // A campaign of its own: the hostile and clean pages' counts must not move between their screenshots.
  const form = 'samleng-pledge';
  const count = await countOf(receiver, 'csp-demo');
  const name = await control(page, form, '#name');
  const mail = await control(page, form, '#email');
  const consent = await control(page, form, '#consent');
  if (check(`${label}: the pledge form is there`, Boolean(name && mail && consent))) {
    await name.type('Sok Dara');
    await mail.type(email);
    await consent.click();
    await click(page, `${label}: the pledge can be sent`, form, 'button[type=submit]');
    const thanks = await waitFor(() => control(page, form, '[part~=thanks]'), 10_000);
    check(`${label}: the pledge is thanked`, Boolean(thanks), await shadowText(page, form));
    // At least one more: the other browser may be pledging at the same time. The receiver sorts its
    // intake a few hundred ms after answering (so no answer's timing tells a known address), hence the wait.
    const counted = await waitFor(async () => (await countOf(receiver, 'csp-demo')) > count);
    check(`${label}: the receiver counted the pledge`, counted);
  }
}

async function strictCsp(browser, name, receiver) {
  say(`\n▶ ${name}: demo/csp.html under ${STRICT_CSP}`);
  const downloads = await mkdtemp(path.join(os.tmpdir(), 'samleng-downloads-'));
  const { page, context, log, response } = await openPage(browser, `${receiver.origin}/csp.html`, {
    downloads,
  });
  try {
    check(
      'csp.html is served with the strict policy',
      response.headers()['content-security-policy'] === STRICT_CSP,
    );
    await checkWidgetsWork(page, 'under the policy');
    await exercise(
      page,
      'under the policy',
      receiver,
      downloads,
      `csp-${name}-${output.getStore()?.way}@example.org`,
    );
    const violations = await page.evaluate(() => window.samlengCspViolations);
    check(
      'no securitypolicyviolation event',
      Array.isArray(violations) && violations.length === 0,
      violations ? violations.map((v) => JSON.stringify(v)).join('\n') : 'the recorder did not run',
    );
    check('no uncaught error', log.errors.length === 0, log.errors.join('\n'));
  } finally {
    await context.close();
    await rm(downloads, { recursive: true, force: true });
  }
}

/**
 * Every demo page as the receiver serves it (`npm start`), under the receiver's own policy: no violation.
 * The recorder is put in before any of the page's scripts (evaluateOnNewDocument is not subject to the
 * page's policy), so pages without demo/csp-violations.js are watched too.
 */
async function receiverCsp(browser, name, receiver) {
  const { CONTENT_SECURITY_POLICY } = await import(
    pathToFileURL(path.join(ROOT, 'packages/receiver/dist/src/static.js')).href
  );
  const pages = (await readdir(DEMO)).filter((file) => file.endsWith('.html') && file !== 'csp.html');
  say(`\n▶ ${name}: ${pages.length} demo pages served by the receiver under its own policy`);
  for (const file of pages) {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    const messages = [];
    page.on('console', (message) => messages.push(message.text()));
    page.on('pageerror', (error) => messages.push(String(error?.message ?? error)));
    try {
      await page.evaluateOnNewDocument(() => {
        window.samlengReceiverCsp = [];
        document.addEventListener('securitypolicyviolation', (event) => {
          window.samlengReceiverCsp.push(
            `${event.effectiveDirective || event.violatedDirective} ${event.blockedURI} ${event.sourceFile ?? ''}:${event.lineNumber ?? ''}`,
          );
        });
      });
      const response = await page.goto(`${receiver.origin}/${file}`, { waitUntil: 'load' });
      check(
        `${file} is served with the receiver's policy`,
        response.headers()['content-security-policy'] === CONTENT_SECURITY_POLICY,
      );
      await page.evaluate(settleInPage, TAGS);
      const violations = await page.evaluate(() => window.samlengReceiverCsp);
      const logged = messages.filter((text) => /Content[- ]Security[- ]Policy/i.test(text));
      check(
        `${file}: no violation of the receiver's policy`,
        Array.isArray(violations) && violations.length === 0 && logged.length === 0,
        [...(violations ?? ['the recorder did not run']), ...logged].join('\n'),
      );
    } finally {
      await context.close();
    }
  }
}

/**
 * The policy docs/partners.md gives a partner whose page loads the script, the feeds and the photos from
 * `assets` and talks to the receiver at `receiver`: nothing else is allowed (no style-src at all).
 * 'self' is only for this test page's own violation recorder and favicon.
 */
const partnerCsp = (assets, receiver) =>
  `default-src 'none'; script-src 'self' ${assets}; connect-src ${assets} ${receiver}; img-src 'self' ${assets}`;

/** A partner's page on its own origin, as docs/partners.md tells partners to write it. */
function partnerPage({ assets, receiver, integrity, script = `${assets}/dist/samleng.js` }) {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>A partner's page</title>
    <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
    <script src="/csp-violations.js"></script>
    <script type="module" src="${script}"${integrity ? ` integrity="${integrity}" crossorigin="anonymous"` : ''}></script>
  </head>
  <body>
    <samleng-countdown heading="Cambodia's 5th UN human-rights review" date="2029-05-01" time-zone="Europe/Zurich"
      place="Geneva" estimated href="https://www.ohchr.org/en/hr-bodies/upr/kh-index"></samleng-countdown>
    <samleng-case-alert src="${assets}/data/cases.json" case-id="kem-sokha"></samleng-case-alert>
    <!-- A made-up card, only to load a photo from the assets' origin. -->
    <samleng-case-alert id="photo-card" name="Sample Person" status="detained" photo="${assets}/photo.svg"
      photo-alt="A sample photo">A sample card.</samleng-case-alert>
    <samleng-case-list src="${assets}/data/cases.json" status="detained"></samleng-case-list>
    <samleng-checklist heading="Four steps you can take now" storage-key="partner">
      <ol>
        <li data-id="upr" data-due="2028-11-01"><strong>Take part in the UN's Universal Periodic Review of Cambodia.</strong></li>
        <li data-id="case-alerts"><strong>Support the Khmer Urgent Action Case Alert System.</strong></li>
        <li data-id="economic-pressure"><strong>Put economic pressure where it hurts.</strong></li>
        <li data-id="meetings"><strong>Join international meetings on Cambodia.</strong></li>
      </ol>
    </samleng-checklist>
    <samleng-pledge endpoint="${receiver}/api/pledges" campaign="csp-demo">
      I pledge to write to my representative before Cambodia's next UN review.
    </samleng-pledge>
    <samleng-pledge-count endpoint="${receiver}/api/pledges" campaign="csp-demo" goal="5000"></samleng-pledge-count>
  </body>
</html>`;
}

async function crossOrigin(browser, name, receiver, servers) {
  const { partner } = servers;
  say(`\n▶ ${name}: a partner page on another origin, with ${partnerCsp('<assets>', '<receiver>')}`);
  const downloads = await mkdtemp(path.join(os.tmpdir(), 'samleng-downloads-'));
  const { page, context, log, response } = await openPage(browser, `${partner.origin}/partner.html`, {
    downloads,
  });
  try {
    check(
      'the page is served with the partner policy',
      /default-src 'none'/.test(response.headers()['content-security-policy']),
    );
    await checkWidgetsWork(page, 'cross-origin');
    const photo = await page.evaluate(() => {
      const img = document.querySelector('#photo-card').shadowRoot.querySelector('img');
      return img ? img.complete && img.naturalWidth > 0 : false;
    });
    check('cross-origin: the case photo loads from the assets origin', photo);
    await exercise(
      page,
      'cross-origin',
      receiver,
      downloads,
      `partner-${name}-${output.getStore()?.way}@example.org`,
    );
    const violations = await page.evaluate(() => window.samlengCspViolations);
    check(
      'cross-origin: no securitypolicyviolation event',
      Array.isArray(violations) && violations.length === 0,
      violations ? violations.map((v) => JSON.stringify(v)).join('\n') : 'the recorder did not run',
    );
    check('cross-origin: no uncaught error', log.errors.length === 0, log.errors.join('\n'));
  } finally {
    await context.close();
    await rm(downloads, { recursive: true, force: true });
  }

  // The failure partners met before: an `integrity` attribute on a script whose host sends no
  // Access-Control-Allow-Origin. And a module script is always fetched with CORS: without `integrity`
  // too, the browser refuses it.
  for (const [file, what] of [
    ['no-cors.html', 'with integrity'],
    ['no-cors-plain.html', 'without integrity'],
  ]) {
    const refused = await openPage(browser, `${partner.origin}/${file}`);
    try {
      const defined = await refused.page.evaluate(() => Boolean(customElements.get('samleng-countdown')));
      check(`a module script (${what}) from a host without Access-Control-Allow-Origin is refused`, !defined);
    } finally {
      await refused.context.close();
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// 3. Two copies of the script (and the classic build)

async function twoCopies(browser, name, receiver) {
  say(`\n▶ ${name}: demo/two-copies.html (samleng.js twice, then samleng.iife.js)`);
  const { page, context, log } = await openPage(browser, `${receiver.origin}/two-copies.html`);
  try {
    const scripts = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((entry) => new URL(entry.name).pathname + new URL(entry.name).search)
        .filter((url) => url.startsWith('/dist/')),
    );
    check(
      'the page loaded the three scripts',
      ['/dist/samleng.js?copy=1', '/dist/samleng.js?copy=2', '/dist/samleng.iife.js'].every((url) =>
        scripts.includes(
          output.getStore()?.way === 'loader' ? url.replace('samleng.js', 'samleng-loader.js') : url,
        ),
      ),
      scripts.join(', '),
    );
    await sleep(300); // the classic script runs last (defer)
    await checkWidgetsWork(page, 'three copies');
    // The widgets still work: a tick counts.
    if (
      await click(
        page,
        'three copies: a checklist step can be ticked',
        'samleng-checklist',
        'input[type=checkbox]',
      )
    ) {
      const counted = await waitFor(async () =>
        (await shadowText(page, 'samleng-checklist')).includes('1 of 4'),
      );
      check('three copies: the checklist counts the tick', counted);
    }
    check(
      'the classic build ran too (window.Samleng)',
      await page.evaluate(() => typeof window.Samleng === 'object'),
    );
    check('no uncaught error', log.errors.length === 0, log.errors.join('\n'));
    const warnings = log.messages.filter((message) => message.type === 'warn' || message.type === 'warning');
    check(
      'exactly one console warning, saying Samleng is loaded more than once',
      warnings.length === 1 && warnings[0].text.includes('loaded more than once'),
      warnings.map((warning) => warning.text).join('\n') || 'none',
    );
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------------
// Main

const only = option('only')?.split(',');
const wanted = (step) => !only || only.includes(step);
const started = Date.now();
const browsers = option('browser') ? [option('browser')] : ['chromium', 'firefox'];
const ways = option('way') ? [option('way')] : ['drop-in', 'loader'];
if (!browsers.every((name) => name === 'chromium' || name === 'firefox')) {
  console.error('--browser is chromium or firefox');
  process.exit(2);
}
const found = findBrowsers();
const timings = [];

if (wanted('zip')) await checkZip();

// The assets' host (the script, the feeds, a photo), as a static host or CDN serves them: with
// Access-Control-Allow-Origin: *; and under /no-cors/ the same script without it.
const cors = { 'access-control-allow-origin': '*' };
const assets = await staticServer([
  ['/dist/', DIST, cors],
  ['/data/', path.join(DEMO, 'data'), cors],
  ['/no-cors/dist/', DIST],
  [
    '/photo.svg',
    async () => ({
      type: 'image/svg+xml',
      body: '<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96"><rect width="96" height="96" fill="#79747e"/></svg>',
    }),
    cors,
  ],
]);
const integrity = `sha384-${createHash('sha384')
  .update(await readFile(path.join(DIST, 'samleng.js')))
  .digest('base64')}`;
// The partner's own page, on its own origin; it must know the receiver's origin, known only later.
const partnerState = {};
const loaderIntegrity = `sha384-${createHash('sha384')
  .update(await readFile(path.join(DIST, 'samleng-loader.js')))
  .digest('base64')}`;
const page = (options) => async (url) => {
  const loader = url.searchParams.get('samleng-way') === 'loader';
  const script = options?.script ?? `${assets.origin}/dist/samleng.js`;
  const way = loader
    ? { script: loaderWay(script), integrity: options?.integrity === null ? null : loaderIntegrity }
    : {};
  return { type: TYPES['.html'], body: partnerPage({ ...partnerState, integrity, ...options, ...way }) };
};
const partner = await staticServer([
  [
    '/partner.html',
    page(),
    {
      get 'content-security-policy'() {
        return partnerCsp(assets.origin, partnerState.receiver);
      },
    },
  ],
  ['/no-cors.html', page({ script: `${assets.origin}/no-cors/dist/samleng.js` })],
  ['/no-cors-plain.html', page({ script: `${assets.origin}/no-cors/dist/samleng.js`, integrity: null })],
  [
    '/csp-violations.js',
    async () => ({ type: TYPES['.js'], body: await readFile(path.join(DEMO, 'csp-violations.js')) }),
  ],
  [
    '/favicon.svg',
    async () => ({ type: TYPES['.svg'], body: await readFile(path.join(DEMO, 'favicon.svg')) }),
  ],
]);
const receiver = await startReceiver(partner.origin);
Object.assign(partnerState, { assets: assets.origin, receiver: receiver.origin });
try {
  const runs = browsers.map((name) =>
    output.run({ name, lines: [] }, async () => {
      const t0 = Date.now();
      if (!found[name]) check(`${name} is installed`, false, 'see scripts/ensure-browsers.mjs');
      else {
        const browser = await launch(name);
        const steps = [
          ['hostile', () => hostileAndClean(browser, name, receiver, shotsDir)],
          ['csp', () => strictCsp(browser, name, receiver)],
          ['cross-origin', () => crossOrigin(browser, name, receiver, { assets, partner })],
          ['two-copies', () => twoCopies(browser, name, receiver)],
          ['receiver-csp', () => receiverCsp(browser, name, receiver)],
        ];
        try {
          for (const way of ways) {
            output.getStore().way = way;
            say(`\n■ ${name}, the ${way} way`);
            for (const [step, run] of steps) {
              if (!wanted(step)) continue;
              if (step === 'receiver-csp' && way === 'loader') continue;
              try {
                await run();
              } catch (error) {
                check(`${step} ran to the end (${way})`, false, String(error?.stack ?? error));
              }
            }
          }
        } finally {
          await browser.close();
        }
      }
      timings.push(`${name} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      return output.getStore().lines;
    }),
  );
  for (const lines of await Promise.all(runs)) console.log(lines.join('\n'));
} finally {
  await receiver.app.close();
  await rm(receiver.dataDir, { recursive: true, force: true });
  assets.server.close();
  partner.server.close();
}

const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (failures.length) {
  console.error(
    `\n✖ ${failures.length} partner-page check(s) failed, ${passed} passed (${seconds} s: ${timings.join(', ')}):`,
  );
  for (const failure of failures) console.error(`  - ${failure}`);
  process.exit(1);
}
console.log(`\n✔ ${passed} partner-page checks passed in ${seconds} s (${timings.join(', ')})`);
