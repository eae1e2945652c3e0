// The console and the builder in real Chromium and Firefox against the real receiver: sign in and out, a
// partner who sees only its partner's pledges, numbers and chart equal to the database, the CSV download,
// an erasure, axe (light and dark) and a 360 px phone; then a builder snippet pasted into a blank page on another origin.
// One browser each, a handful of page loads (CI time).
/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { rows } from './db.js';
import { ADMIN_TOKEN, pledge, post, start, tempDir } from './helpers.js';
import { axeViolations, browserPaths, launch } from './browsers.js';

const KV = 'khmer-voices-token-0123456789abcdef';
const AC = 'amis-du-cambodge-token-0123456789ab';
let day = new Date('2029-04-27T09:00:00Z');
const { url, dbPath } = await start({
  partnerTokens: [
    { partner: 'khmer-voices', token: KV },
    { partner: 'amis-du-cambodge', token: AC },
  ],
  now: () => day,
});

// Three days of pledges through two partners: the chart has bars of 2, 0 and 1 for khmer-voices.
const signers = [
  { day: '2029-04-27', partner: 'khmer-voices', name: 'Sok Dara', email: 'dara@example.org' },
  { day: '2029-04-27', partner: 'khmer-voices', name: 'Chan Sophea', email: 'sophea@example.org' },
  { day: '2029-04-27', partner: 'amis-du-cambodge', name: 'Marie Lefèvre', email: 'marie@example.org' },
  { day: '2029-04-28', partner: 'amis-du-cambodge', name: 'Jean Dupont', email: 'jean@example.org' },
  { day: '2029-04-29', partner: 'khmer-voices', name: 'Keo Vanna', email: 'vanna@example.org' },
];
// A campaign per browser: each test erases one of its signers.
for (const campaign of ['free-them-chromium', 'free-them-firefox']) {
  for (const signer of signers) {
    day = new Date(`${signer.day}T09:00:00Z`);
    const fields = { partner: signer.partner, name: signer.name, email: signer.email };
    assert.equal((await post(url, pledge({ campaign, country: 'KH', ...fields }))).status, 201);
  }
}

/** Rows straight from the store's database (the SQLite file, or PostgreSQL in the PG run). */
const fromDb = <T>(sql: string, ...params: unknown[]): Promise<T[]> => rows<T>(dbPath, sql, params);

/** The text of the page, shadow roots included. */
const deepText = (page: Page) =>
  page.evaluate(() => {
    const texts: string[] = [];
    const walk = (root: Document | ShadowRoot | Element) => {
      for (const element of root.querySelectorAll('*')) {
        if (element.shadowRoot) walk(element.shadowRoot);
      }
      texts.push((root as Element).textContent ?? '');
    };
    walk(document);
    return texts.join(' ');
  });

const browsers = browserPaths;
for (const name of ['chromium', 'firefox'] as const) {
  const executablePath = browsers[name];
  describe(`console and builder in ${name}`, { skip: executablePath ? false : `no ${name} here` }, () => {
    let browser: Browser;
    let page: Page;
    before(async () => {
      browser = await launch(name);
      page = await browser.newPage();
      await page.setViewport({ width: 360, height: 740 });
    });
    after(async () => browser?.close());
    /** The step a test is at, named in its failure (a locator's timeout names nothing). */
    const at = async <T>(name: string, action: () => Promise<T>): Promise<T> => {
      try {
        return await action();
      } catch (error) {
        // The page's address too: a click that landed on a link shows there.
        const where = page.url();
        throw new Error(`${name}: ${error instanceof Error ? error.message : String(error)} (at ${where})`, {
          cause: error,
        });
      }
    };

    it('a partner signs in, sees only its pledges and numbers equal to the database, downloads, erases, signs out', async () => {
      const campaign = `free-them-${name}`;
      await page.goto(`${url}/console/?campaign=${campaign}`);
      await at('fill pierce/#token', () => page.locator('pierce/#token').fill(KV));
      await at('click samleng-console >>> samleng-console-sign-in >>> button[type=submit]', () =>
        page.locator('samleng-console >>> samleng-console-sign-in >>> button[type=submit]').click(),
      );
      await page.waitForFunction(
        () =>
          document
            .querySelector('samleng-console')
            ?.shadowRoot?.querySelector('samleng-console-table')
            ?.shadowRoot?.querySelectorAll('tbody tr').length === 3,
      );
      const text = await deepText(page);
      assert.match(text, /khmer-voices/);
      for (const other of ['Marie', 'Jean Dupont', 'amis-du-cambodge'])
        assert.doesNotMatch(text, new RegExp(other));

      // The numbers and the chart are the database's, for this partner.
      const [{ n }] = await fromDb<{ n: number }>(
        "SELECT CAST(count(*) AS integer) AS n FROM pledges WHERE campaign = ? AND partner = 'khmer-voices' AND confirmed_at IS NOT NULL",
        campaign,
      );
      const shown = await page.$eval('pierce/samleng-console-stats', (stats) =>
        Number(stats.shadowRoot?.querySelector('.total')?.getAttribute('data-count')),
      );
      assert.equal(shown, n);
      const bars = await page.$eval('pierce/samleng-console-chart', (chart) =>
        [...(chart.shadowRoot?.querySelectorAll('rect.bar') ?? [])].map((bar) => [
          bar.getAttribute('data-day'),
          Number(bar.getAttribute('data-count')),
        ]),
      );
      const perDay = await fromDb<{ key: string; count: number }>(
        "SELECT substr(consent_at, 1, 10) AS key, CAST(count(*) AS integer) AS count FROM pledges WHERE campaign = ? AND partner = 'khmer-voices' GROUP BY key ORDER BY key",
        campaign,
      );
      assert.deepEqual(
        bars.filter(([, count]) => count !== 0),
        perDay.map((row) => [row.key, row.count]),
      );
      assert.deepEqual(
        bars.map(([key]) => key),
        ['2029-04-27', '2029-04-28', '2029-04-29'],
        'a day with none is a 0 bar',
      );

      // Usable at 360 px: nothing wider than the screen but the table, which scrolls in its own box.
      assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 360);
      assert.deepEqual(await axeViolations(page), []);

      // Dark, axe-clean too. Chromium: the device's preference, emulated (prefers-color-scheme). Puppeteer
      // drives Firefox over WebDriver BiDi, which cannot emulate media features ("CDP support is required"),
      // so there the console's own Colors picker forces it (the same tokens, html[data-theme]).
      if (name === 'chromium') {
        await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
      } else {
        await page.select('pierce/#theme', 'dark');
      }
      await at('the page dark', () =>
        page.waitForFunction(
          () => getComputedStyle(document.documentElement).backgroundColor === 'rgb(20, 18, 24)',
          { timeout: 5_000 },
        ),
      );
      assert.equal(
        await page.$eval('pierce/samleng-console-stats', (stats) => getComputedStyle(stats).colorScheme),
        'dark',
      );
      assert.deepEqual(await axeViolations(page), []);
      if (name === 'chromium') {
        await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
      } else {
        await page.select('pierce/#theme', '');
      }

      // The CSV link: an attachment with this partner's rows only.
      const csv = await page.$eval('pierce/a[download]', async (link) => {
        const response = await fetch((link as HTMLAnchorElement).href);
        return { disposition: response.headers.get('content-disposition'), body: await response.text() };
      });
      assert.match(
        csv.disposition ?? '',
        new RegExp(`^attachment; filename="samleng-${campaign}-khmer-voices-`),
      );
      assert.equal(csv.body.trim().split('\r\n').length, 4);
      assert.doesNotMatch(csv.body, /marie|jean/);
      if (name === 'chromium') {
        // A real download, as a click gives it (Firefox's headless downloads are not scriptable here).
        const dir = tempDir();
        const session = await page.createCDPSession();
        await session.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dir });
        await at('click pierce/a[download]', () => page.locator('pierce/a[download]').click());
        const file = await (async () => {
          for (let i = 0; i < 100; i += 1) {
            const done = readdirSync(dir).find((entry) => entry.endsWith('.csv'));
            if (done) return join(dir, done);
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
          throw new Error('no CSV downloaded');
        })();
        assert.match(readFileSync(file, 'utf8'), /vanna@example\.org/);
      }

      // Erasure, with its confirmation step.
      await at('fill samleng-console >>> samleng-console-erase >>> #email', () =>
        page.locator('samleng-console >>> samleng-console-erase >>> #email').fill('vanna@example.org'),
      );
      await at('click samleng-console >>> samleng-console-erase >>> button[type=submit]', () =>
        page.locator('samleng-console >>> samleng-console-erase >>> button[type=submit]').click(),
      );
      await at('click samleng-console >>> samleng-console-erase >>> button.danger', () =>
        page.locator('samleng-console >>> samleng-console-erase >>> button.danger').click(),
      );
      await page.waitForFunction(
        () =>
          document
            .querySelector('samleng-console')
            ?.shadowRoot?.querySelector('samleng-console-stats')
            ?.shadowRoot?.querySelector('.total')
            ?.getAttribute('data-count') === '2',
      );
      // The table follows (it reloads after the numbers); the layout is still before the next click.
      await page.waitForFunction(
        () =>
          document
            .querySelector('samleng-console')
            ?.shadowRoot?.querySelector('samleng-console-table')
            ?.shadowRoot?.querySelectorAll('tbody tr').length === 2,
      );
      assert.deepEqual(
        await fromDb("SELECT id FROM pledges WHERE campaign = ? AND name = 'Keo Vanna'", campaign),
        [],
      );
      assert.doesNotMatch(await deepText(page), /Keo Vanna/);

      // Sign out: the sign-in form again, and a reload keeps it there. The click is shown to reach the
      // receiver (its DELETE answered) before the form is waited for, so a failure says which half failed.
      await at('click Sign out (and its DELETE answered)', () =>
        Promise.all([
          page.waitForResponse(
            (response) =>
              response.url().endsWith('/console/api/session') && response.request().method() === 'DELETE',
          ),
          page.locator('samleng-console >>> header button').click(),
        ]),
      );
      await at('wait pierce/samleng-console-sign-in', () =>
        page.locator('pierce/samleng-console-sign-in').wait(),
      );
      await page.reload();
      await at('wait samleng-console >>> samleng-console-sign-in >>> #token', () =>
        page.locator('samleng-console >>> samleng-console-sign-in >>> #token').wait(),
      );
      assert.doesNotMatch(await deepText(page), /Sok Dara/);
    });

    it('a builder snippet pasted into a blank page on another site shows the configured widget', async () => {
      await page.setViewport({ width: 390, height: 844 });
      await page.goto(`${url}/builder/`);
      await at('wait pierce/#widget', () => page.locator('pierce/#widget').wait());
      await page.select('pierce/#widget', 'samleng-pledge');
      // Quotes and markup in a value stay text, in the snippet and on the page it is pasted into.
      const heading = `Sign for "Dara" <b>${name}</b>`;
      await at('fill pierce/#attr-heading', () => page.locator('pierce/#attr-heading').fill(heading));
      await at('fill pierce/#attr-campaign', () => page.locator('pierce/#attr-campaign').fill('blank-page'));
      // The live preview shows it at once.
      await page.waitForFunction(
        (text) =>
          document
            .querySelector('samleng-builder')
            ?.shadowRoot?.querySelector('samleng-pledge')
            ?.shadowRoot?.textContent?.includes(text),
        {},
        heading,
      );
      // In Khmer: the page's language, so the builder and the preview switch, and the snippet says so.
      await page.select('pierce/#lang', 'km');
      await page.waitForFunction(() =>
        document
          .querySelector('samleng-builder')
          ?.shadowRoot?.querySelector('samleng-pledge')
          ?.shadowRoot?.querySelector('[lang="km"]'),
      );
      const code = await page.$eval('pierce/#code', (area) => (area as HTMLTextAreaElement).value);
      assert.match(code, /<meta name="samleng-locale" content="km" \/>/);
      assert.match(code, /integrity="sha384-[A-Za-z0-9+/=]{64}"/);
      assert.match(code, new RegExp(`endpoint="${url}/api/pledges"`));
      assert.deepEqual(await axeViolations(page), []);

      const blank = createHttpServer((_request, response) => {
        response.setHeader('content-type', 'text/html; charset=utf-8');
        response.end(
          `<!doctype html><html lang="en"><head><title>Blank</title></head><body>\n${code}\n</body></html>`,
        );
      });
      await new Promise<void>((resolve) => blank.listen(0, '127.0.0.1', resolve));
      try {
        // localhost, not 127.0.0.1: another origin than the receiver's.
        await page.goto(`http://localhost:${(blank.address() as AddressInfo).port}/`);
        await page.waitForFunction(
          (text) => document.querySelector('samleng-pledge')?.shadowRoot?.textContent?.includes(text),
          {},
          heading,
        );
        assert.equal(await page.evaluate(() => document.querySelectorAll('b').length), 0);
        assert.ok(
          await page.$eval(
            'samleng-pledge',
            (pledge) => pledge.shadowRoot?.querySelector('[lang="km"]') !== null,
          ),
        );
      } finally {
        blank.close();
      }
    });
  });
}

it('admin token still signs in (sanity for the shared fixtures)', async () => {
  const response = await fetch(`${url}/console/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ token: ADMIN_TOKEN }),
  });
  assert.equal(response.status, 200);
});
