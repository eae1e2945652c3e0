// kill -9 of the receiver between publishing a case and sending its alerts: after the restart, each
// confirmed subscriber gets the alert exactly once (the alerts were committed with the publication, and
// none had gone before the kill).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { scalar, storeEnv, testDatabase } from './db.js';
import { ADMIN_TOKEN, tempDir } from './helpers.js';
import { launch, stop } from './process.js';
import { startSmtp } from './smtp.js';

describe('kill -9 between publishing and sending', () => {
  it('neither loses nor repeats an alert', async () => {
    const smtp = await startSmtp();
    const dbPath = await testDatabase(join(tempDir(), 'data', 'samleng.db'));
    const env = {
      ...storeEnv,
      SAMLENG_DB: dbPath,
      SAMLENG_ADMIN_TOKEN: ADMIN_TOKEN,
      SAMLENG_ALLOWED_ORIGINS: 'https://partner.example',
      SAMLENG_SMTP_URL: smtp.url,
      SAMLENG_MAIL_FROM: 'Coalition <alerts@example.org>',
      SAMLENG_PUBLIC_URL: 'https://alerts.example.org',
    };
    let running = await launch(env);
    const subscribe = (base: string, email: string) =>
      fetch(`${base}/api/subscriptions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'https://partner.example' },
        body: JSON.stringify({ id: randomUUID(), email, language: 'km', consent: true, consentText: 'Yes.' }),
      });
    const people = Array.from({ length: 3 }, (_, i) => `crash${i}-${randomUUID().slice(0, 8)}@example.org`);
    for (const email of people) assert.equal((await subscribe(running.url, email)).status, 202);
    await smtp.until(() => people.every((email) => smtp.to(email).length === 1));
    for (const email of people) {
      const token = /\/confirm\/([A-Za-z0-9_-]+)/.exec(smtp.to(email)[0].text)![1];
      assert.equal((await fetch(`${running.url}/confirm/${token}`, { method: 'POST' })).status, 200);
    }

    const signIn = await fetch(`${running.url}/console/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: running.url },
      body: JSON.stringify({ token: ADMIN_TOKEN }),
    });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0];
    const write = (path: string, body: unknown) =>
      fetch(`${running.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, origin: running.url },
        body: JSON.stringify(body),
      });
    const item = { id: 'crash-case', name: { en: 'Sok Dara', km: 'សុខ តារា' }, status: 'detained' };
    assert.equal((await write('/console/api/cases', { case: item })).status, 201);
    const published = await write('/console/api/cases/crash-case/state', { published: true });
    assert.equal(published.status, 200);
    assert.equal(((await published.json()) as { alerts: number }).alerts, 3);
    // Alerts wait 1–5 s before they go: the kill lands before any was sent.
    await stop(running.child, 'SIGKILL');
    const alerts = () =>
      people.map((email) => smtp.to(email).filter((mail) => mail.subject.includes('សុខ តារា')));
    assert.deepEqual(
      alerts().map((list) => list.length),
      [0, 0, 0],
      'none went before the kill',
    );
    assert.equal(await scalar(dbPath, "SELECT count(*) FROM mail_outbox WHERE kind = 'alert'"), 3);

    running = await launch(env);
    await smtp.until(() => alerts().every((list) => list.length >= 1), 30_000);
    // A later mail proves the outbox was worked through: still one alert each.
    const marker = `marker-${randomUUID().slice(0, 8)}@example.org`;
    await subscribe(running.url, marker);
    await smtp.until(() => smtp.to(marker).length === 1, 30_000);
    assert.deepEqual(
      alerts().map((list) => list.length),
      [1, 1, 1],
    );
    assert.equal(await scalar(dbPath, "SELECT count(*) FROM mail_outbox WHERE kind = 'alert'"), 0);
    await stop(running.child, 'SIGTERM');
  });
});
