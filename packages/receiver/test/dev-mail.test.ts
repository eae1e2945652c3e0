// `--dev` without SAMLENG_SMTP_URL: the real CLI runs its mail sink, a newcomer's pledge and alerts sign-up
// get their confirmation mails printed on the process's stdout, and the printed links confirm. Without
// `--dev` there is no sink: single opt-in and no alerts, as before.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { formatMail } from '../src/dev-mail.js';
import { ALERT_TEXTS } from '../src/alerts/texts.js';
import { storeIndependent, storeEnv, testDatabase } from './db.js';
import { count, pledge, post, tempDir } from './helpers.js';
import { launch, stop } from './process.js';

/** Waits until the process has printed a confirm link in a mail to `email`; returns the link. */
async function confirmLinkFor(output: () => string, email: string): Promise<string> {
  const deadline = Date.now() + 8_000;
  for (;;) {
    for (const block of output().split('── mail').slice(1)) {
      const link = /^ {2}confirm: +(\S+)$/m.exec(block)?.[1];
      if (block.includes(`to:      ${email}\n`) && link) return link;
    }
    if (Date.now() > deadline) throw new Error(`no confirm link for ${email} in:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe(
  '--dev prints the mails instead of sending them',
  { skip: storeIndependent, concurrency: true },
  () => {
    it('a pledge and an alerts sign-up are confirmed by the links printed on stdout', async () => {
      const dbPath = await testDatabase(join(tempDir(), 'data', 'samleng.db'));
      const { child, url, output } = await launch(
        { ...storeEnv, SAMLENG_DB: dbPath, SAMLENG_SMTP_URL: '', SAMLENG_ALLOWED_ORIGINS: '' },
        ['--dev'],
      );
      after(() => stop(child, 'SIGTERM'));
      assert.match(output(), /MAIL GOES TO THIS TERMINAL, NOT TO ANYONE/);
      assert.match(output(), /confirmation by e-mail: on/);

      // From the page's own origin, which --dev allows: the origin names the port PORT=0 picked.
      const origin = { origin: url };
      const body = pledge({ campaign: `dev-${randomUUID().slice(0, 8)}`, locale: 'en' });
      const subscriber = `reader-${randomUUID().slice(0, 8)}@example.org`;
      const [pledged, subscribed] = await Promise.all([
        post(url, body, origin),
        fetch(`${url}/api/subscriptions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...origin },
          body: JSON.stringify({
            id: randomUUID(),
            email: subscriber,
            language: 'en',
            consent: true,
            consentText: 'Send me urgent actions.',
          }),
        }),
      ]);
      assert.equal(pledged.status, 201);
      assert.equal(subscribed.status, 202);

      const pledgeLink = await confirmLinkFor(output, body.email as string);
      assert.match(output(), /subject: Please confirm your pledge/);
      assert.ok(pledgeLink.startsWith(`${url}/confirm/`), pledgeLink);
      // Double opt-in: the mail went, and the pledge is not counted until its owner confirms.
      assert.equal(await count(url, body.campaign as string), 0);
      const page = await fetch(pledgeLink);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<form[^>]+method="post"/i);
      assert.equal((await fetch(pledgeLink, { method: 'POST' })).status, 200);
      assert.equal(await count(url, body.campaign as string), 1);

      const alertLink = await confirmLinkFor(output, subscriber);
      const confirmed = await fetch(alertLink, { method: 'POST' });
      assert.equal(confirmed.status, 200);
      assert.ok((await confirmed.text()).includes(ALERT_TEXTS.en.confirmPageDone));
    });

    it('without --dev there is no sink: single opt-in, and the alerts sign-up says it is off', async () => {
      const dbPath = await testDatabase(join(tempDir(), 'data', 'samleng.db'));
      const { child, url, output } = await launch({ ...storeEnv, SAMLENG_DB: dbPath, SAMLENG_SMTP_URL: '' });
      after(() => stop(child, 'SIGTERM'));
      assert.match(output(), /confirmation by e-mail: off/);
      assert.doesNotMatch(output(), /MAIL GOES TO THIS TERMINAL/);
      const response = await fetch(`${url}/api/subscriptions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          id: randomUUID(),
          email: 'a@example.org',
          language: 'en',
          consent: true,
          consentText: 'Yes.',
        }),
      });
      assert.equal(response.status, 503);
    });

    it('--dev with SAMLENG_SMTP_URL sends real mail: no sink', async () => {
      const dbPath = await testDatabase(join(tempDir(), 'data', 'samleng.db'));
      const { child, output } = await launch(
        {
          ...storeEnv,
          SAMLENG_DB: dbPath,
          SAMLENG_SMTP_URL: 'smtp://127.0.0.1:2525',
          SAMLENG_MAIL_FROM: 'Campaign <pledges@example.org>',
          SAMLENG_PUBLIC_URL: 'https://pledges.example.org',
        },
        ['--dev'],
      );
      after(() => stop(child, 'SIGTERM'));
      assert.match(output(), /links to https:\/\/pledges\.example\.org\/confirm\//);
      assert.doesNotMatch(output(), /MAIL GOES TO THIS TERMINAL/);
    });

    it("a mail's words cannot drive the terminal", () => {
      const printed = formatMail({
        to: 'a@example.org',
        subject: 'Case \u001b[2J\u001b]0;owned\u0007 update',
        links: ['http://localhost:8000/unsubscribe/abcdefghijklmnop'],
      });
      // No control character but the line breaks between the printed lines.
      assert.doesNotMatch(printed.replace(/\n/g, ''), /\p{Cc}/u);
      assert.match(printed, /subject: Case +\[2J +\]0;owned +update/);
      assert.match(printed, /unsubscribe: +http:\/\/localhost:8000\/unsubscribe\/abcdefghijklmnop/);
    });
  },
);
