// Opens every story of the static Storybook in headless Chromium, in every language (en, km, fr) and
// theme (light, dark) (PAIRS), and fails on what a reader or a partner would hit: an accessibility violation
// (axe-core, WCAG 2.0/2.1/2.2 A and AA, color contrast included), a console error, an uncaught
// exception, a failed request or HTTP error, or a story that did not render.
//
//   npm run analyze && npm run build-storybook && npm run test:stories
//
// Each run is a fresh page load of `iframe.html?id=…&viewMode=story&globals=locale:km;theme:dark`,
// as a reader would land on it; the check then waits for every `samleng-*` element's `updateComplete`
// and for entrance animations to end, and runs axe on `#storybook-root`. A story that pins a global
// (`globals: { locale: 'km' }`) renders the same whatever is asked for: those repeats are skipped.
//
// Console warnings: the widgets warn (once, prefixed with their tag) when an attribute is wrong. A
// story that shows such a state on purpose carries the tag `bad-input` (`tags: ['bad-input']` in the
// story): there, warnings are allowed, and at least one `<samleng-…>` warning is required, since a bad
// input that goes unreported is a bug too. Everywhere else a warning fails the story. The tag is read
// from index.json, so nothing has to be loaded to know it.
//
// Output: one line per story, language and theme, then `N passed, M failed`; exit code 1 when a check
// failed, 2 when there was nothing to check. Options (environment): STORIES=<substring> checks only
// the story ids containing it; STORY_CHECK_ALL=1 every language in every theme (see PAIRS); STORY_CHECK_JOBS=<n> stories at once (default: the number of cores, at
// least 2); CHROME_PATH picks the browser.
//
// The loader pass: each story is also opened once (in Khmer, light) with `&samleng-way=loader`, where the
// preview registers the tags through the built dist/samleng-loader.js and its chunks (served here at
// /__samleng-dist/) instead of the sources, so the loader way meets the same checks. It needs `npm run
// build:bundle` first; STORY_CHECK_LOADER=0 skips it.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, findBrowsers } from './browsers.mjs';

const ROOT = fileURLToPath(new URL('../storybook-static/', import.meta.url));
const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const DIST_PATH = '/__samleng-dist/';
/** The loader pass: one language and theme (Khmer fetches the most: strings per package). */
const LOADER_PAIR = process.env.STORY_CHECK_LOADER === '0' ? undefined : ['km', 'light'];
/**
 * The language and theme pairs each story is opened in. Every language and every theme is there, and
 * Khmer in both (with the loader pass's Khmer light); what axe checks depends on either the colors
 * (contrast: the theme) or the text (names, labels, lang: the language), not on the pair, so the other
 * pairs add time, not findings (CI has 20 minutes). STORY_CHECK_ALL=1 opens all six.
 */
const PAIRS = process.env.STORY_CHECK_ALL
  ? ['en', 'km', 'fr'].flatMap((locale) => ['light', 'dark'].map((theme) => [locale, theme]))
  : [
      ['en', 'light'],
      ['km', 'dark'],
      ['fr', 'dark'],
    ];
const BAD_INPUT_TAG = 'bad-input';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const JOBS = Math.max(1, Number(process.env.STORY_CHECK_JOBS) || Math.max(2, availableParallelism()));
const TIMEOUT = 30_000;

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** Where the server hands out axe-core, outside anything Storybook could put in its output. */
const AXE_PATH = '/__check-stories/axe.min.js';

/**
 * A bare static server for storybook-static on a free loopback port. Hashed assets and axe are
 * served as cacheable: every story loads the same megabyte of script, and a cached script is also
 * compiled once (V8 code cache) instead of on every page.
 */
async function serve(root, axeFile) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const base = path.startsWith(DIST_PATH) ? DIST : root;
    const inBase = base === DIST ? path.slice(DIST_PATH.length) : path;
    const file =
      path === AXE_PATH
        ? axeFile
        : normalize(join(base, inBase.endsWith('/') ? `${inBase}index.html` : inBase));
    if (file !== axeFile && !file.startsWith(base.endsWith(sep) ? base : base + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      const cacheable = file === axeFile || path.startsWith('/assets/');
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': cacheable ? 'max-age=3600, immutable' : 'no-cache',
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return { server, origin: `http://127.0.0.1:${port}` };
}

/** Runs inside the page: waits for every widget to be defined and settled, then runs axe on the story. */
async function settleAndAudit(axeTags) {
  const root = document.querySelector('#storybook-root');
  if (!root) return { error: 'no #storybook-root' };
  const widgets = [...root.querySelectorAll('*')].filter((el) => el.localName.startsWith('samleng-'));
  if (widgets.length === 0) return { error: 'no samleng-* element in the story' };
  // Through the loader, a tag is defined once its chunks arrived (at once from the drop-in script).
  await Promise.race([
    Promise.all(widgets.map((el) => customElements.whenDefined(el.localName))),
    new Promise((resolve) => setTimeout(resolve, 5000)),
  ]);
  const undefinedTags = widgets.filter((el) => !customElements.get(el.localName)).map((el) => el.localName);
  if (undefinedTags.length) return { error: `not defined: ${[...new Set(undefinedTags)].join(', ')}` };
  // `updateComplete` resolves to false while another update is pending (a language or theme change
  // arriving during the first render), so wait until every widget reports a settled state.
  for (let round = 0; round < 10; round++) {
    const settled = await Promise.all(widgets.map((el) => /** @type {any} */ (el).updateComplete));
    if (settled.every(Boolean)) break;
  }
  // Let entrance animations end (a 400 ms fade-in measured halfway is a contrast no reader is left
  // with); endless ones (a loading pulse) are not waited for.
  const shadowRoots = (node) =>
    [...node.querySelectorAll('*')].flatMap((el) =>
      el.shadowRoot ? [el.shadowRoot, ...shadowRoots(el.shadowRoot)] : [],
    );
  const animations = [document, ...shadowRoots(root)]
    .flatMap((scope) => scope.getAnimations())
    .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity);
  await Promise.race([
    Promise.allSettled(animations.map((animation) => animation.finished)),
    new Promise((resolve) => setTimeout(resolve, 5000)),
  ]);
  await document.fonts.ready;
  const result = await /** @type {any} */ (window).axe.run(root, {
    runOnly: { type: 'tag', values: axeTags },
    rules: { 'color-contrast': { enabled: true } },
    resultTypes: ['violations', 'incomplete'],
  });
  const describe = (items) =>
    items.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.flat().join(' >>> '), summary: n.failureSummary ?? '' })),
    }));
  return {
    lang: document.documentElement.lang,
    themes: widgets.map((el) => el.getAttribute('theme') ?? 'auto'),
    violations: describe(result.violations),
    incomplete: describe(result.incomplete),
  };
}

/**
 * Opens one story in one language and theme in `page`; returns what went wrong (empty when nothing
 * did). Each worker keeps one page and navigates it from story to story: a fresh tab per story costs
 * three times as much (a new renderer process, and the megabyte of Storybook compiled again).
 */
async function check(page, origin, entry, locale, theme, way = 'drop-in') {
  const problems = [];
  const warnings = [];
  /** @type {{lang?: string, themes?: string[], incomplete?: any[]}} */
  let audit = {};
  let broken = false;
  const short = (url) => url.replace(origin, '');
  const listeners = {
    console: (message) => {
      const type = message.type();
      const where = message.location()?.url ? ` (${short(message.location().url)})` : '';
      if (type === 'error') problems.push(`console error: ${message.text()}${where}`);
      else if (type === 'warn' || type === 'warning') warnings.push(message.text());
    },
    pageerror: (error) => problems.push(`page error: ${error.message}`),
    error: (error) => problems.push(`the page crashed: ${error.message}`),
    requestfailed: (request) =>
      problems.push(`request failed: ${short(request.url())} (${request.failure()?.errorText})`),
    response: (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${short(response.url())}`);
    },
  };
  for (const [event, listener] of Object.entries(listeners)) page.on(event, listener);
  try {
    const url = `${origin}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=story&globals=locale:${locale};theme:${theme}${way === 'loader' ? '&samleng-way=loader' : ''}`;
    await page.goto(url, { waitUntil: 'load', timeout: TIMEOUT });
    // Polled on DOM mutations, not on animation frames (the default): pages opened side by side are
    // background tabs, which get no frames, and the wait would hang until the timeout.
    await page.waitForFunction(
      () => /\bsb-show-(main|errordisplay|nopreview)\b/.test(document.body.className),
      { timeout: TIMEOUT, polling: 'mutation' },
    );
    const shown = await page.evaluate(() => {
      const text = (selector) => document.querySelector(selector)?.textContent ?? '';
      if (document.body.classList.contains('sb-show-nopreview')) return 'Storybook found no story to show';
      if (!document.body.classList.contains('sb-show-errordisplay')) return null;
      return `the story threw: ${`${text('#error-message')}\n${text('#error-stack')}`.trim().split('\n').slice(0, 3).join(' / ')}`;
    });
    if (shown !== null) {
      problems.push(shown);
    } else {
      await page.addScriptTag({ url: origin + AXE_PATH });
      audit = await page.evaluate(settleAndAudit, AXE_TAGS);
      if (way === 'loader') {
        const chunks = await page.evaluate(() =>
          performance.getEntriesByType('resource').filter((r) => r.name.includes('/__samleng-dist/chunks/')),
        );
        if (chunks.length === 0)
          problems.push('the loader pass fetched no chunk: the tags came from elsewhere');
      }
      if (audit.error) problems.push(audit.error);
      for (const v of audit.violations ?? []) {
        for (const n of v.nodes) {
          problems.push(`axe ${v.id} (${v.impact}): ${n.target}: ${oneLine(n.summary)}`);
        }
      }
    }
  } catch (error) {
    broken = true;
    problems.push(`did not finish: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
  } finally {
    for (const [event, listener] of Object.entries(listeners)) page.off(event, listener);
  }
  if (entry.tags?.includes(BAD_INPUT_TAG)) {
    if (!warnings.some((text) => text.startsWith('<samleng-'))) {
      problems.push(`tagged ${BAD_INPUT_TAG}, but no <samleng-…> console warning was printed`);
    }
  } else {
    for (const text of warnings) problems.push(`console warning: ${oneLine(text)}`);
  }
  // axe's "incomplete" results (e.g. a contrast it could not measure) are shown, not failed: they
  // ask for a look, and failing on them would make the check flaky across axe versions.
  const notes = (audit.incomplete ?? []).flatMap((v) =>
    v.nodes.map((n) => `axe could not decide ${v.id}: ${n.target}: ${oneLine(n.summary)}`),
  );
  return { problems, notes, lang: audit.lang, themes: audit.themes, broken };
}

const oneLine = (text) => text.replace(/\s+/g, ' ').trim();

async function main() {
  try {
    await stat(join(ROOT, 'index.json'));
  } catch {
    console.error('storybook-static/index.json not found: run `npm run build-storybook` first.');
    return 2;
  }
  const { chromium } = findBrowsers();
  if (!chromium) {
    console.error('No Chromium found (set CHROME_PATH, or `apt-get install -y chromium`).');
    return 2;
  }
  const index = JSON.parse(await readFile(join(ROOT, 'index.json'), 'utf8'));
  const only = process.env.STORIES;
  const stories = Object.values(index.entries).filter(
    (entry) => entry.type === 'story' && (!only || entry.id.includes(only)),
  );
  if (stories.length === 0) {
    console.error(only ? `No story id contains "${only}".` : 'No stories in storybook-static/index.json.');
    return 2;
  }
  const axeFile = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

  const started = Date.now();
  const { server, origin } = await serve(ROOT, axeFile);
  const browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: CHROMIUM_ARGS });
  const width = Math.max(...stories.map((entry) => entry.id.length));
  let passed = 0;
  let failed = 0;
  let skipped = 0;

  // One worker takes one story through all its languages and themes, so it can tell when the story
  // pins a global (`globals: { locale: 'km' }`): a combination that would render the same as one
  // already checked is skipped rather than checked again.
  const checkStory = async (tab, entry) => {
    const done = new Set();
    let pinnedLang;
    let pinnedTheme;
    // Elements that are not the kit's (the receiver's console, tag `not-in-kit`) have no loader way.
    const loader = LOADER_PAIR && !entry.tags?.includes('not-in-kit');
    for (const [locale, theme, way] of [...PAIRS, ...(loader ? [[...LOADER_PAIR, 'loader']] : [])]) {
      const label = `${entry.id.padEnd(width)}  ${locale}  ${theme.padEnd(5)}${way ? '  loader' : ''}`;
      const expected = `${pinnedLang ?? locale} ${pinnedTheme ?? theme}`;
      if (!way && done.has(expected)) {
        skipped++;
        console.log(`skip  ${label}  renders as ${expected}, checked already (the story pins it)`);
        continue;
      }
      const t0 = Date.now();
      const result = await check(tab.page, origin, entry, locale, theme, way);
      if (result.broken) {
        // A page that timed out or crashed may still be busy: the next story gets a fresh one.
        await tab.page.close().catch(() => {});
        tab.page = await browser.newPage();
      }
      const ok = result.problems.length === 0;
      if (ok) passed++;
      else failed++;
      const lines = [`${ok ? 'ok  ' : 'FAIL'}  ${label}  ${((Date.now() - t0) / 1000).toFixed(1)}s`];
      for (const problem of result.problems) lines.push(`        ✗ ${problem}`);
      for (const note of result.notes) lines.push(`        · ${note}`);
      console.log(lines.join('\n'));
      // What the story really showed; a language or theme other than the one asked for is pinned.
      const themes = [...new Set(result.themes ?? [])];
      if (way || result.lang === undefined || themes.length !== 1) continue;
      if (result.lang !== locale) pinnedLang = result.lang;
      if (themes[0] !== theme) pinnedTheme = themes[0];
      done.add(`${result.lang} ${themes[0]}`);
    }
  };

  try {
    const queue = [...stories];
    const worker = async () => {
      const tab = { page: await browser.newPage() };
      for (let entry = queue.shift(); entry; entry = queue.shift()) await checkStory(tab, entry);
      await tab.page.close();
    };
    await Promise.all(Array.from({ length: Math.min(JOBS, queue.length) }, worker));
  } finally {
    await browser.close();
    server.close();
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const extra = skipped ? `, ${skipped} skipped as pinned` : '';
  console.log(`\n${passed} passed, ${failed} failed${extra} (${stories.length} stories, ${seconds}s)`);
  return failed ? 1 : 0;
}

process.exitCode = await main();
