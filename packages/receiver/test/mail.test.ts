// Confirmation by e-mail against a real SMTP server: the mail, the page, the confirm button, the count;
// a known address; the quota; the SMTP server down and back, a 4xx, a restart mid-outbox.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { count, pledge, post, start, tempDir } from './helpers.js';
import { startSmtp, tokenOf, TestSmtp } from './smtp.js';
import { join } from 'node:path';

const FROM = 'Free Them <pledges@example.org>';
const PUBLIC = 'https://pledges.example.org';

describe('confirmation by e-mail', async () => {
  const smtp = await startSmtp();
  const { url } = await start({
    mail: { smtpUrl: smtp.url, from: FROM, publicUrl: PUBLIC },
    sendDelay: () => 0,
  });

  it('mails a link; the page confirms nothing by itself; its button confirms and counts, once', async () => {
    const body = pledge({ campaign: 'confirm-km', email: 'dara@example.org', locale: 'km' });
    const response = await post(url, body);
    assert.equal(response.status, 201);
    assert.deepEqual(await response.json(), { id: body.id, confirm: true });
    const [mail] = await smtp
      .until(() => smtp.to('dara@example.org').length === 1)
      .then(() => smtp.to('dara@example.org'));
    assert.equal(mail.subject, 'សូមបញ្ជាក់ការប្ដេជ្ញារបស់អ្នក');
    assert.equal(mail.language, 'km');
    assert.match(mail.text, /«confirm-km»/);
    assert.match(mail.text, /៧ ថ្ងៃ/, 'Khmer digits');
    assert.match(mail.html, /<a href="https:\/\/pledges\.example\.org\/confirm\//);
    assert.deepEqual(
      mail.parsed.from?.value.map((one) => [one.name, one.address]),
      [['Free Them', 'pledges@example.org']],
    );
    assert.equal(await count(url, 'confirm-km'), 0, 'pending until confirmed');

    const token = tokenOf(mail);
    const page = await fetch(`${url}/confirm/${token}`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    assert.doesNotMatch(page.headers.get('content-security-policy') ?? '', /script-src/);
    const html = await page.text();
    assert.match(html, /<html lang="km">/);
    assert.match(html, /<form method="post"/);
    assert.doesNotMatch(html, /<script/);
    assert.equal(await count(url, 'confirm-km'), 0, 'a link scanner confirms nothing');

    const confirmed = await fetch(`${url}/confirm/${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    assert.equal(confirmed.status, 200);
    assert.match(await confirmed.text(), /បញ្ជាក់ និងរាប់បញ្ចូលហើយ/);
    assert.equal(await count(url, 'confirm-km'), 1);
    const again = await fetch(`${url}/confirm/${token}`, { method: 'POST' });
    assert.equal(again.status, 200, 'a second confirm is harmless');
    assert.equal(await count(url, 'confirm-km'), 1);
    const wrong = await fetch(`${url}/confirm/${'x'.repeat(32)}`, { headers: { 'accept-language': 'fr' } });
    assert.equal(wrong.status, 404);
    assert.match(await wrong.text(), /Ce lien n’est plus valable/);
  });

  it('tells a known address by mail, and nobody else: same answer, nothing changes', async () => {
    const first = pledge({ campaign: 'known', email: 'sophea@example.org', locale: 'fr' });
    await post(url, first);
    await smtp.until(() => smtp.to('sophea@example.org').length === 1);
    const [mail] = smtp.to('sophea@example.org');
    assert.equal(mail.subject, 'Merci de confirmer votre engagement');
    await fetch(`${url}/confirm/${tokenOf(mail)}`, { method: 'POST' });

    const second = pledge({ campaign: 'known', email: ' Sophea@Example.org ', locale: 'en', name: 'Other' });
    const response = await post(url, second);
    assert.equal(response.status, 201);
    assert.deepEqual(await response.json(), { id: second.id, confirm: true });
    await smtp.until(() => smtp.to('sophea@example.org').length === 2);
    const known = smtp.to('sophea@example.org')[1];
    assert.equal(known.subject, 'You had already pledged');
    assert.doesNotMatch(known.text, /confirm\//, 'no link');
    // A retry of the first pledge (its id again) sends nothing: shown after a later mail arrived.
    await post(url, first);
    await post(url, pledge({ campaign: 'known', email: 'later@example.org', locale: 'en' }));
    await smtp.until(() => smtp.to('later@example.org').length === 1);
    assert.equal(smtp.to('sophea@example.org').length, 2);
    assert.equal(await count(url, 'known'), 1);
  });

  it('sends an address at most 3 mails a day', async () => {
    for (const campaign of ['q1', 'q2', 'q3', 'q4', 'q5']) {
      await post(url, pledge({ campaign, email: 'flooded@example.org', locale: 'en' }));
    }
    await post(url, pledge({ campaign: 'q6', email: 'marker@example.org', locale: 'en' }));
    await smtp.until(() => smtp.to('marker@example.org').length === 1);
    // The marker was queued after the five: had a 4th mail gone, it would have gone before it.
    assert.equal(smtp.to('flooded@example.org').length, 3);
  });
});

describe('the mail outbox', () => {
  it('keeps a mail while the SMTP server is down and sends it once it is back', async () => {
    const smtp = await startSmtp();
    await smtp.stop();
    const { url } = await start({
      mail: { smtpUrl: smtp.url, from: FROM, publicUrl: PUBLIC, retryBaseMs: 100, retryMaxMs: 300 },
      sendDelay: () => 0,
    });
    await post(url, pledge({ campaign: 'down', email: 'wait@example.org', locale: 'en' }));
    await new Promise((resolve) => setTimeout(resolve, 500)); // a few failed attempts
    await smtp.start();
    await smtp.until(() => smtp.to('wait@example.org').length === 1);
    await post(url, pledge({ campaign: 'down', email: 'marker@example.org', locale: 'en' }));
    await smtp.until(() => smtp.to('marker@example.org').length === 1);
    assert.equal(smtp.to('wait@example.org').length, 1, 'sent once');
  });

  it('tries again after a 4xx, and sends once', async () => {
    const smtp = await startSmtp();
    smtp.refuseNext = 2;
    const { url } = await start({
      mail: { smtpUrl: smtp.url, from: FROM, publicUrl: PUBLIC, retryBaseMs: 100, retryMaxMs: 300 },
      sendDelay: () => 0,
    });
    await post(url, pledge({ campaign: 'busy', email: 'busy@example.org', locale: 'en' }));
    await smtp.until(() => smtp.to('busy@example.org').length === 1);
    assert.equal(smtp.refuseNext, 0, 'two attempts were refused first');
    await post(url, pledge({ campaign: 'busy', email: 'marker@example.org', locale: 'en' }));
    await smtp.until(() => smtp.to('marker@example.org').length === 1);
    assert.equal(smtp.to('busy@example.org').length, 1);
  });

  it('resumes after a restart what a stopped receiver left in the outbox', async () => {
    const smtp = new TestSmtp();
    await smtp.start();
    await smtp.stop();
    const dbPath = join(tempDir(), 'data', 'samleng.db');
    const mail = { smtpUrl: smtp.url, from: FROM, publicUrl: PUBLIC, retryBaseMs: 60_000 };
    const first = await start({ dbPath, mail, sendDelay: () => 0 });
    const addresses = Array.from({ length: 5 }, (_, index) => `restart-${index}@example.org`);
    for (const email of addresses)
      await post(first.url, pledge({ campaign: 'restart', email, locale: 'en' }));
    await first.app.close();
    await smtp.start();
    const second = await start({ dbPath, mail, sendDelay: () => 0 });
    await smtp.until((mails) => mails.length === 5);
    assert.deepEqual(smtp.mails.map((one) => one.to).sort(), addresses);
    await post(second.url, pledge({ campaign: 'restart', email: 'marker@example.org', locale: 'en' }));
    await smtp.until(() => smtp.to('marker@example.org').length === 1);
    assert.equal(smtp.mails.length, 6, 'none twice');
    await smtp.stop();
  });
});
