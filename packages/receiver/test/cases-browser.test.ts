// The Khmer Urgent Action Case Alert System end to end (#19), in real Chromium and Firefox against one real
// receiver and a real SMTP server: an organizer signs in to the console, writes a case in Khmer and English
// and publishes it; a partner's page on another origin shows it from /feeds/cases.json; a reader subscribes
// there in Khmer and follows the confirmation link from the mail; the organizer publishes another case and
// the reader gets exactly one alert, in Khmer; one click (RFC 8058's POST) unsubscribes; a third case, and
// then its "Needs action", reach a marker subscriber, and not the reader; the subscribers' CSV downloads;
// a case is deleted after its confirmation. Lean: one receiver, one page per browser (CI time).
/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { createServer } from '../src/server.js';
import { ADMIN_TOKEN, tempDir } from './helpers.js';
import { axeViolations, browserPaths, launch, ROOT } from './browsers.js';
import { startSmtp, type Received } from './smtp.js';
import { onPostgres, storeIndependent, TEST_EMAIL_KEY, testDatabase } from './db.js';

const PARTNER_TOKEN = 'khmer-voices-token-0123456789abcdef';
const SCREENSHOTS = process.env.SAMLENG_SCREENSHOTS ? new URL('packages/receiver/docs/', ROOT) : undefined;

const smtp = await startSmtp();

// The partner's page, on its own origin: the drop-in script and the case list with its sign-up, in Khmer.
let receiverUrl = '';
const partner = createHttpServer((request, response) => {
  if (request.url !== '/') {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html>
<html lang="km"><head><meta charset="utf-8"><title>ដៃគូ</title>
<link rel="icon" href="data:,">
<script type="module" src="${receiverUrl}/samleng/samleng.js"></script></head>
<body><main><h1>សមាគមខ្មែរ</h1><h2>សកម្មភាពបន្ទាន់</h2>
<samleng-case-list src="${receiverUrl}/feeds/cases.json" alerts="${receiverUrl}/api/subscriptions" partner="khmer-voices"></samleng-case-list>
</main></body></html>`);
});
await new Promise<void>((resolve) => partner.listen(0, '127.0.0.1', resolve));
const partnerUrl = `http://127.0.0.1:${(partner.address() as AddressInfo).port}/`;
after(() => new Promise<void>((resolve) => partner.close(() => resolve())));

// The confirmation and unsubscribe links point at the receiver itself: pick its port first.
const probe = createHttpServer();
await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
const port = (probe.address() as AddressInfo).port;
await new Promise<void>((resolve) => probe.close(() => resolve()));
receiverUrl = `http://127.0.0.1:${port}`;
const dir = tempDir();
const app = await createServer({
  dbPath: await testDatabase(`${dir}/cases.db`),
  ...(onPostgres ? { emailKey: TEST_EMAIL_KEY } : {}),
  logLevel: 'silent',
  adminTokens: [ADMIN_TOKEN],
  partnerTokens: [{ partner: 'khmer-voices', token: PARTNER_TOKEN }],
  allowedOrigins: [new URL(partnerUrl).origin],
  rateLimit: 1000,
  sortDelay: () => 0,
  sendDelay: () => 0,
  alertsPerMinute: 1000,
  mail: { smtpUrl: smtp.url, from: 'Campaign <alerts@example.org>', publicUrl: receiverUrl },
});
await app.listen({ host: '127.0.0.1', port });
after(() => app.close());

const linkIn = (mail: Received, path: string) => {
  const match = new RegExp(`https?://\\S+/${path}/[A-Za-z0-9_-]+`).exec(mail.text);
  if (!match) throw new Error(`no /${path}/ link in: ${mail.text}`);
  return match[0];
};

// A marker subscriber in English, confirmed: every alert reaches it, so its alert for a case proves that
// case's alerts were sent (and what did not reach the reader by then never will).
const MARKER = 'marker@example.org';
{
  const response = await fetch(`${receiverUrl}/api/subscriptions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: new URL(partnerUrl).origin },
    body: JSON.stringify({
      id: crypto.randomUUID(),
      email: MARKER,
      language: 'en',
      consent: true,
      consentText: 'I agree.',
    }),
  });
  assert.equal(response.status, 202);
  await smtp.until(() => smtp.to(MARKER).length === 1);
  const [mail] = smtp.to(MARKER);
  assert.equal((await fetch(linkIn(mail!, 'confirm'), { method: 'POST' })).status, 200);
}

/** The first element matching `selector` in the page or any open shadow root in it, once there is one. */
async function shown(page: Page, selector: string): Promise<ElementHandle<Element>> {
  const handle = await page.waitForFunction(
    (wanted) => {
      const find = (root: Document | ShadowRoot): Element | null => {
        const here = root.querySelector(wanted);
        if (here) return here;
        for (const element of root.querySelectorAll('*')) {
          const inner = element.shadowRoot && find(element.shadowRoot);
          if (inner) return inner;
        }
        return null;
      };
      return find(document);
    },
    { timeout: 15_000 },
    selector,
  );
  return handle.asElement() as ElementHandle<Element>;
}

/** Clicks it as a reader would (scrolled into view, a real mouse click). */
const clickOn = async (page: Page, selector: string) => (await shown(page, selector)).click();

/** Sets a field's value and tells the page (an `input` event), as typing ends up doing. */
const fillIn = async (page: Page, selector: string, value: string) =>
  (await shown(page, selector)).evaluate((element, text) => {
    (element as HTMLInputElement).value = text;
    element.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }, value);

const browsers = browserPaths;
// Both browsers at once (their cases, readers and mails are their own): half the wall time in CI.
describe('case alerts end to end', { concurrency: 2 }, () => {
  for (const name of ['chromium', 'firefox'] as const) {
    const executablePath = browsers[name];
    // The cases' SQL on PostgreSQL is cases.test.ts's; the browsers add nothing there but CI minutes.
    const skip = executablePath ? storeIndependent : `no ${name} here`;
    describe(`case alerts end to end in ${name}`, { skip }, () => {
      let browser: Browser;
      after(async () => browser?.close());

      it('write, publish, show on a partner page, subscribe in Khmer, confirm, one alert, unsubscribe', async () => {
        browser = await launch(name);
        const page = await browser.newPage();
        await page.setViewport({ width: 390, height: 844 });
        /** The step a failure happened at (a locator's timeout names nothing). */
        const at = async <T>(step: string, action: () => Promise<T>): Promise<T> => {
          try {
            return await action();
          } catch (error) {
            throw new Error(`${name}, ${step}: ${error instanceof Error ? error.message : String(error)}`, {
              cause: error,
            });
          }
        };
        const fill = (selector: string, value: string) =>
          at(`fill ${selector}`, () => fillIn(page, selector, value));
        const click = (selector: string) => at(`click ${selector}`, () => clickOn(page, selector));
        const notice = (text: RegExp) =>
          at(`notice ${text}`, () =>
            page.waitForFunction(
              (source) => {
                const editor = document
                  .querySelector('samleng-console')
                  ?.shadowRoot?.querySelector('samleng-console-cases')
                  ?.shadowRoot?.querySelector('samleng-console-case-editor');
                return new RegExp(source).test(
                  editor?.shadowRoot?.querySelector('[role=status]')?.textContent ?? '',
                );
              },
              { timeout: 10_000 },
              text.source,
            ),
          );

        /** Writes a new case in English and Khmer through the editor, saves and publishes it. */
        const publishCase = async (en: string, km: string, letter: boolean) => {
          await click('[data-action=new-case]');
          await fill('#f-name-en', en);
          await fill('#f-name-km', km);
          await fill('#f-nameKm', km);
          await at('status', () => page.select('pierce/#f-status', 'detained'));
          await fill('#f-summary-en', `${en} was arrested for a post on social media.`);
          await fill('#f-summary-km', `${km} ត្រូវបានចាប់ខ្លួន ដោយសារការបង្ហោះនៅលើបណ្ដាញសង្គម។`);
          if (letter) {
            await fill('#f-letter-to', 'office@example.org');
            await fill('#f-letter-subject-en', `Release ${en}`);
            await fill('#f-letter-subject-km', `សូមដោះលែង ${km}`);
            await fill('#f-letter-body-en', `Dear Minister,\nPlease release ${en}.`);
            await fill('#f-letter-body-km', `ជូនចំពោះឯកឧត្តមរដ្ឋមន្ត្រី\nសូមដោះលែង ${km}។`);
          }
          await click('[data-action=save]');
          await notice(/Saved/);
          await click('[data-action=publish]');
          await notice(/alert|Published/);
        };

        // Both browsers write to the same feed: each its own names (ក, ខ: Khmer's first letters).
        const [en, km] = name === 'chromium' ? ['A', 'ក'] : ['B', 'ខ'];
        const first = { en: `Vanna Example ${en}`, km: `វណ្ណា ឧទាហរណ៍ ${km}` };
        const second = { en: `Bopha Example ${en}`, km: `បុប្ផា ឧទាហរណ៍ ${km}` };
        const third = { en: `Chenda Example ${en}`, km: `ចិន្តា ឧទាហរណ៍ ${km}` };

        // The organizer signs in and writes the first case, in English and Khmer.
        await page.goto(`${receiverUrl}/console/#cases`);
        await fill('#token', ADMIN_TOKEN);
        await at('sign in', () => clickOn(page, 'button[type=submit]'));
        await at('the cases view', () => shown(page, '[data-action=new-case]'));
        await click('[data-action=new-case]');
        // An empty save is refused beside the name, before anything is sent.
        await click('[data-action=save]');
        await at('the name marked', () => shown(page, 'fieldset[data-path=name] .error'));
        await click('[data-action=back]');
        await publishCase(first.en, first.km, true);
        if (name === 'chromium') {
          assert.deepEqual(await axeViolations(page), []);
          assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 390);
          if (SCREENSHOTS) {
            // The texts of a case in three languages, the French one marked as missing.
            await (await shown(page, 'fieldset.group')).evaluate((group) => group.scrollIntoView());
            await page.screenshot({ path: fileURLToPath(new URL('case-editor.png', SCREENSHOTS)) });
          }
        }

        // The partner's page (another origin) shows it from the feed, in Khmer.
        const reader = await browser.newPage();
        await reader.setViewport({ width: 390, height: 844 });
        await reader.goto(partnerUrl);
        await at('the card on the partner page', () =>
          reader.waitForFunction(
            (title) =>
              [
                ...(document
                  .querySelector('samleng-case-list')
                  ?.shadowRoot?.querySelectorAll('samleng-case-alert') ?? []),
              ].some((card) => card.shadowRoot?.querySelector('h3')?.textContent?.trim() === title),
            { timeout: 15_000 },
            first.km,
          ),
        );

        // A reader subscribes there, in Khmer (the page's language).
        const email = `reader-${name}@example.org`;
        await at('fill the e-mail', () => fillIn(reader, '#alerts-email', email));
        assert.equal(
          await reader.$eval('pierce/#alerts-language', (select) => (select as HTMLSelectElement).value),
          'km',
        );
        await at('tick consent', () => clickOn(reader, '#alerts-consent'));
        if (SCREENSHOTS && name === 'chromium') {
          await reader.$eval('pierce/.alerts', (form) => form.scrollIntoView());
          await reader.screenshot({ path: fileURLToPath(new URL('alerts-signup.png', SCREENSHOTS)) });
        }
        await at('submit', () => clickOn(reader, '.submit'));
        await at('"check your inbox"', () => shown(reader, '.alerts.done'));
        if (name === 'chromium') assert.deepEqual(await axeViolations(reader), []);

        // The confirmation mail is in Khmer; its link opens the receiver's page, whose button confirms.
        await smtp.until(() => smtp.to(email).length === 1);
        const [confirmation] = smtp.to(email);
        assert.equal(confirmation!.language, 'km');
        await reader.goto(linkIn(confirmation!, 'confirm'));
        await Promise.all([reader.waitForNavigation(), reader.click('form button')]);
        assert.equal(await reader.evaluate(() => document.documentElement.lang), 'km');

        // A second case: exactly one alert reaches the reader, in Khmer, with one-click unsubscribe.
        await page.bringToFront(); // Chromium runs no animation frames in a background tab
        await click('[data-action=back]');
        await publishCase(second.en, second.km, false);
        await smtp.until(() => smtp.to(MARKER).some((mail) => mail.subject.includes(second.en)));
        // Every reader subscribes to every case: the other browser's cases may alert this reader too, so
        // only mails about this browser's own cases are counted (the confirmation, then the alerts).
        const own = () =>
          smtp
            .to(email)
            .filter(
              (mail) =>
                mail === confirmation ||
                [first, second, third].some((item) => mail.subject.includes(item.km)),
            );
        await smtp.until(() => own().length === 2);
        const alert = own()[1]!;
        assert.equal(alert.language, 'km');
        assert.ok(alert.subject.includes(second.km), alert.subject);
        // The case's Khmer summary, as written in the console (not the English one).
        assert.ok(alert.text.includes(`${second.km} ត្រូវបានចាប់ខ្លួន`), alert.text);
        assert.ok(!alert.text.includes('was arrested'), alert.text);
        const header = (key: string) => alert.parsed.headerLines.find((line) => line.key === key)?.line ?? '';
        assert.equal(header('list-unsubscribe-post'), 'List-Unsubscribe-Post: List-Unsubscribe=One-Click');
        const unsubscribe = /<(https?:\/\/[^>]+)>/.exec(header('list-unsubscribe'))?.[1];
        assert.ok(unsubscribe, 'a List-Unsubscribe URL');
        assert.ok(alert.text.includes(unsubscribe), 'the unsubscribe link in the body too');
        const oneClick = await fetch(unsubscribe, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'List-Unsubscribe=One-Click',
        });
        assert.equal(oneClick.status, 200);

        // A third case reaches the marker, and not the reader any more.
        await click('[data-action=back]');
        await publishCase(third.en, third.km, false);
        await smtp.until(() => smtp.to(MARKER).some((mail) => mail.subject.includes(third.en)));
        assert.equal(own().length, 2);
        assert.equal(smtp.to(email).filter((mail) => mail.subject.includes(second.km)).length, 1);

        // "Needs action" on the published third case: pressed, marked, and one more alert to every
        // confirmed subscriber (the marker), none to the reader who left.
        const aboutThird = () => smtp.to(MARKER).filter((mail) => mail.subject.includes(third.en));
        await click('[data-action=needs-action][aria-pressed=false]');
        await notice(/alert e-mails are on their way/);
        await at('pressed', () => shown(page, '[data-action=needs-action][aria-pressed=true]'));
        await at('marked', () => shown(page, '.state .badge.urgent'));
        await smtp.until(() => aboutThird().length === 2);
        assert.equal(own().length, 2);

        if (name !== 'chromium') return;
        // Someone else saves the case meanwhile: this save is refused as stale, with a reload offered.
        await fill('#f-summary-fr', 'Chenda Example a été arrêtée.');
        await page.evaluate(async (id) => {
          const detail = (await (await fetch(`/console/api/cases/${id}`)).json()) as {
            case: Record<string, unknown>;
            revision: number;
          };
          await fetch(`/console/api/cases/${id}`, {
            method: 'PUT',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              case: { ...detail.case, sentence: { en: '5 years' } },
              revision: detail.revision,
            }),
          });
        }, 'chenda-example-a');
        await click('[data-action=save]');
        await at('stale', () => shown(page, '.stale'));
        await click('.stale button');
        await at('reloaded', () =>
          page.waitForFunction(() => {
            const find = (root: Document | ShadowRoot): HTMLInputElement | null =>
              root.querySelector<HTMLInputElement>('#f-sentence-en') ??
              [...root.querySelectorAll('*')].reduce<HTMLInputElement | null>(
                (found, element) => found ?? (element.shadowRoot ? find(element.shadowRoot) : null),
                null,
              );
            return find(document)?.value === '5 years';
          }),
        );

        // The subscribers: the marker, not the reader who left; by language.
        await page.evaluate(() => (location.hash = '#subscribers'));
        await at('subscribers', () => shown(page, 'li[data-language=en]'));
        await page.waitForFunction(() => {
          const view = document
            .querySelector('samleng-console')
            ?.shadowRoot?.querySelector('samleng-console-subscribers');
          return view?.shadowRoot?.querySelector('tbody')?.textContent?.includes('marker@example.org');
        });
        const table = await page.evaluate(
          () =>
            document
              .querySelector('samleng-console')
              ?.shadowRoot?.querySelector('samleng-console-subscribers')?.shadowRoot?.textContent ?? '',
        );
        assert.doesNotMatch(table, /reader-chromium/);
        assert.deepEqual(await axeViolations(page), []);

        // The subscribers' CSV link: a real download, as a click gives it; the header row, the marker's row.
        const downloads = tempDir();
        const session = await page.createCDPSession();
        await session.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
        await click('a[download][href$="/subscribers/export.csv"]');
        const csvFile = await at('the CSV downloaded', async () => {
          for (let i = 0; i < 100; i += 1) {
            const done = readdirSync(downloads).find((entry) => entry.endsWith('.csv'));
            if (done) return join(downloads, done);
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
          throw new Error(`no CSV in ${downloads}: ${readdirSync(downloads).join(', ')}`);
        });
        assert.match(csvFile, /samleng-subscribers-\d{4}-\d\d-\d\d\.csv$/);
        const csvLines = readFileSync(csvFile, 'utf8').split('\r\n');
        assert.equal(
          csvLines[0],
          '\uFEFF"email","language","partner","consent_text","page_url","created_at","confirmed_at"',
        );
        assert.ok(
          csvLines.some((line) => line.startsWith('"marker@example.org","en",')),
          csvLines.join('\n'),
        );
        assert.ok(
          !csvLines.some((line) => line.includes('reader-chromium')),
          'the reader who left is not in it',
        );

        // A partner's session reads the cases and cannot change them.
        const context = await browser.createBrowserContext();
        const partnerPage = await context.newPage();
        await partnerPage.goto(`${receiverUrl}/console/#cases`);
        await fillIn(partnerPage, '#token', PARTNER_TOKEN);
        await clickOn(partnerPage, 'button[type=submit]');
        await clickOn(partnerPage, '[data-id="chenda-example-a"] button');
        await at('read-only', () => shown(partnerPage, '#f-name-en[disabled]'));
        // Nothing that writes, in any shadow root of the page.
        const writers = await partnerPage.evaluate(() => {
          const all = (root: Document | ShadowRoot): Element[] => [
            ...root.querySelectorAll('[data-action]'),
            ...[...root.querySelectorAll('*')].flatMap((element) =>
              element.shadowRoot ? all(element.shadowRoot) : [],
            ),
          ];
          return all(document).map((element) => element.getAttribute('data-action'));
        });
        assert.deepEqual(writers, ['back']);
        await context.close();

        // Deleting a case asks first: the first click only asks (the case is still there once the question
        // shows), Cancel keeps it; "Delete for good" removes it from the list, the API and the feed.
        const caseStatus = () =>
          page.evaluate(async () => (await fetch('/console/api/cases/chenda-example-a')).status);
        await page.evaluate(() => (location.hash = '#cases'));
        await click('[data-id="chenda-example-a"] button');
        await click('[data-action=delete]');
        await at('the question', () => shown(page, '[role=alertdialog] button.danger'));
        assert.equal(await caseStatus(), 200);
        await click('[role=alertdialog] button.secondary');
        await at('the question gone', () =>
          page.waitForFunction(() => {
            const editor = document
              .querySelector('samleng-console')
              ?.shadowRoot?.querySelector('samleng-console-cases')
              ?.shadowRoot?.querySelector('samleng-console-case-editor');
            return editor?.shadowRoot && !editor.shadowRoot.querySelector('[role=alertdialog]');
          }),
        );
        assert.equal(await caseStatus(), 200);
        await click('[data-action=delete]');
        await click('[role=alertdialog] button.danger');
        await at('back at the list, without it', () =>
          page.waitForFunction(() => {
            const cases = document
              .querySelector('samleng-console')
              ?.shadowRoot?.querySelector('samleng-console-cases')?.shadowRoot;
            return (
              cases?.querySelector('[data-id="bopha-example-a"]') &&
              !cases.querySelector('[data-id="chenda-example-a"]') &&
              !cases.querySelector('samleng-console-case-editor')
            );
          }),
        );
        assert.equal(await caseStatus(), 404);
        const feed = await (await fetch(`${receiverUrl}/feeds/cases.json`)).text();
        assert.ok(feed.includes('bopha-example-a') && !feed.includes('chenda-example-a'), feed);
      });
    });
  }
});
