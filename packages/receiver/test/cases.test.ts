// Cases and alerts (#19) over real HTTP, a real SMTP server and either store: cases written in the console
// (history, stale saves, partners read-only), the published feed (ETag, 304, CORS, no drafts), the alerts'
// sign-up with double opt-in and no membership tell, one alert per subscriber in their language with
// RFC 8058 one-click unsubscribe, the per-minute cap, and erasure and export within a partner's scope.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { onPostgres, rows, scalar } from './db.js';
import { ADMIN_TOKEN, start, tempDir } from './helpers.js';
import { CLI } from './process.js';
import { checkFeed } from '../src/cases/validate.js';
import { startSmtp } from './smtp.js';
import type { Received } from './smtp.js';

const FROM = 'Coalition <alerts@example.org>';
const PUBLIC = 'https://alerts.example.org';
const KV = 'khmer-voices-token-0123456789abcdef';
const AC = 'amis-du-cambodge-token-0123456789ab';
const partnerTokens = [
  { partner: 'khmer-voices', token: KV },
  { partner: 'amis-du-cambodge', token: AC },
];

const smtp = await startSmtp();
const { url, dbPath } = await start({
  partnerTokens,
  mail: { smtpUrl: smtp.url, from: FROM, publicUrl: PUBLIC },
  sendDelay: () => 0,
  alertsPerMinute: 1000,
});

async function session(base: string, token: string): Promise<string> {
  const response = await fetch(`${base}/console/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ token }),
  });
  assert.equal(response.status, 200);
  return (response.headers.get('set-cookie') ?? '').split(';')[0];
}
const admin = await session(url, ADMIN_TOKEN);
const kv = await session(url, KV);

function call(method: string, path: string, cookie: string, body?: unknown, base = url): Promise<Response> {
  return fetch(`${base}${path}`, {
    method,
    headers: {
      cookie,
      origin: base,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}
async function ok<T = Record<string, unknown>>(response: Response, status = 200): Promise<T> {
  const text = await response.text();
  assert.equal(response.status, status, `${response.url} → ${response.status} ${text}`);
  return (text ? JSON.parse(text) : {}) as T;
}

function aCase(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    name: { en: 'Sok Dara', km: 'សុខ តារា' },
    status: 'detained',
    summary: { en: 'Arrested for a post on Facebook.', km: 'ត្រូវបានចាប់ខ្លួនដោយសារការបង្ហោះនៅលើហ្វេសប៊ុក។' },
    arrested: '2023-05-02',
    updated: '2026-11-30',
    charges: [{ en: 'Incitement', km: 'ការញុះញង់' }],
    sources: [{ title: 'Report', url: 'https://example.org/report' }],
    actions: [
      {
        kind: 'letter',
        to: 'minister@example.org',
        subject: { en: 'Release Sok Dara', km: 'សូមដោះលែង សុខ តារា' },
        body: { en: 'Dear Minister,\nRelease Sok Dara.', km: 'ជម្រាបសួរ ឯកឧត្តមរដ្ឋមន្ត្រី,\nសូមដោះលែង សុខ តារា។' },
      },
    ],
    ...overrides,
  };
}

function subscribe(body: Record<string, unknown>, base = url): Promise<Response> {
  return fetch(`${base}/api/subscriptions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'https://partner.example' },
    body: JSON.stringify({
      id: randomUUID(),
      language: 'km',
      consent: true,
      consentText: 'Send me urgent actions.',
      website: '',
      ...body,
    }),
  });
}
const tokenIn = (mail: Received, path: string) => {
  const match = new RegExp(`/${path}/([A-Za-z0-9_-]+)`).exec(mail.text);
  assert.ok(match, `no ${path} link in ${mail.text}`);
  return match[1];
};

/** Subscribes and confirms an address; returns nothing until the confirmation is stored. */
async function confirmedSubscriber(email: string, language: string, partner?: string, base = url) {
  await ok(await subscribe({ email, language, ...(partner ? { partner } : {}) }, base), 202);
  await smtp.until(() => smtp.to(email).length === 1);
  const confirm = await fetch(`${base}/confirm/${tokenIn(smtp.to(email)[0], 'confirm')}`, { method: 'POST' });
  assert.equal(confirm.status, 200);
}

describe('cases in the console', () => {
  it('creates a draft, saves with history, refuses a stale save (409) and partners’ writes (403)', async () => {
    const created = await ok(
      await call('POST', '/console/api/cases', admin, { case: aCase('sok-dara') }),
      201,
    );
    assert.deepEqual(created, { id: 'sok-dara', revision: 1 });
    const list = await ok<{ cases: Record<string, unknown>[] }>(await call('GET', '/console/api/cases', kv));
    const summary = list.cases.find((item) => item.id === 'sok-dara')!;
    assert.equal(summary.published, false);
    assert.equal(summary.publishedAt, null);

    const changed = aCase('sok-dara', { status: 'convicted-in-absentia', sentence: { en: '27 years' } });
    assert.deepEqual(
      await ok(await call('PUT', '/console/api/cases/sok-dara', admin, { case: changed, revision: 1 })),
      { revision: 2 },
    );
    const stale = await call('PUT', '/console/api/cases/sok-dara', admin, {
      case: aCase('sok-dara'),
      revision: 1,
    });
    assert.equal(stale.status, 409);
    assert.deepEqual(await stale.json(), { errors: { revision: 'stale' } });

    const detail = await ok<{ history: { field: string; by: string }[]; revision: number; case: unknown }>(
      await call('GET', '/console/api/cases/sok-dara', kv),
    );
    assert.equal(detail.revision, 2);
    assert.deepEqual(detail.case, changed);
    assert.deepEqual(
      detail.history
        .slice(0, 2)
        .map((entry) => `${entry.field} by ${entry.by}`)
        .sort(),
      ['sentence by admin', 'status by admin'],
    );
    assert.ok(
      detail.history.some((entry) => entry.field === 'name'),
      'the creation is in the history',
    );

    for (const [method, path, body] of [
      ['POST', '/console/api/cases', { case: aCase('other') }],
      ['PUT', '/console/api/cases/sok-dara', { case: changed, revision: 2 }],
      ['POST', '/console/api/cases/sok-dara/state', { published: true }],
      ['DELETE', '/console/api/cases/sok-dara', undefined],
    ] as const) {
      const response = await call(method, path, kv, body);
      assert.equal(response.status, 403, `${method} ${path}`);
      assert.deepEqual(await response.json(), { errors: { access: 'admin-only' } });
    }
    const foreign = await fetch(`${url}/console/api/cases`, {
      method: 'POST',
      headers: { cookie: admin, origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ case: aCase('evil') }),
    });
    assert.equal(foreign.status, 403);
  });

  it('answers each bad field with its path and code', async () => {
    const bad = aCase('bad-one', {
      name: undefined,
      status: 'missing',
      arrested: '2023-02-30',
      sources: [{ title: 'x', url: 'javascript:alert(1)' }],
      actions: [{ kind: 'letter', to: 'not an address', subject: 's', body: 'b' }],
      statusNote: { en: 'bad\u0000text', km: 'lone \ud800 half' },
    });
    const response = await call('POST', '/console/api/cases', admin, { case: bad });
    assert.equal(response.status, 400);
    const { errors } = (await response.json()) as { errors: Record<string, string> };
    assert.equal(errors.name, 'required');
    assert.equal(errors.status, 'status');
    assert.equal(errors.arrested, 'date');
    assert.equal(errors['sources[0].url'], 'url');
    assert.equal(errors['actions[0].to'], 'email');
    assert.equal(errors['statusNote.en'], 'format');
    assert.equal(errors['statusNote.km'], 'format');
    const duplicate = await call('POST', '/console/api/cases', admin, { case: aCase('sok-dara') });
    assert.deepEqual(await duplicate.json(), { errors: { id: 'duplicate-id' } });
  });
});

describe('the published feed', () => {
  it('serves published cases only, with ETag, Last-Modified, 304 and open CORS', async () => {
    await ok(await call('POST', '/console/api/cases', admin, { case: aCase('draft-only') }), 201);
    await ok(await call('POST', '/console/api/cases', admin, { case: aCase('feed-case') }), 201);
    await ok(await call('POST', '/console/api/cases/feed-case/state', admin, { published: true }));
    const response = await fetch(`${url}/feeds/cases.json`, {
      headers: { origin: 'https://anyone.example' },
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.equal(response.headers.get('cache-control'), 'public, max-age=60');
    const etag = response.headers.get('etag')!;
    const modified = response.headers.get('last-modified')!;
    assert.ok(etag && modified);
    const feed = (await response.json()) as { version: number; updated: string; cases: { id: string }[] };
    assert.equal(feed.version, 1);
    assert.ok(feed.cases.some((item) => item.id === 'feed-case'));
    assert.ok(!feed.cases.some((item) => item.id === 'draft-only'), 'a draft is never in the feed');
    assert.deepEqual(
      feed.cases.find((item) => item.id === 'feed-case'),
      aCase('feed-case'),
    );
    assert.deepEqual(checkFeed(feed), [], 'the served feed passes feed check');

    const head = await fetch(`${url}/feeds/cases.json`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.headers.get('etag'), etag);
    assert.equal(head.headers.get('access-control-allow-credentials'), null);
    assert.equal(
      (await fetch(`${url}/feeds/cases.json`, { headers: { 'if-none-match': etag } })).status,
      304,
    );
    assert.equal(
      (await fetch(`${url}/feeds/cases.json`, { headers: { 'if-modified-since': modified } })).status,
      304,
    );
    await ok(await call('DELETE', '/console/api/cases/feed-case', admin), 204);
    const after = await fetch(`${url}/feeds/cases.json`, { headers: { 'if-none-match': etag } });
    assert.equal(after.status, 200, 'a change makes a new ETag');
    const again = (await after.json()) as { cases: { id: string }[] };
    assert.ok(!again.cases.some((item) => item.id === 'feed-case'), 'deleted: gone from the feed');
  });
});

describe('alerts', () => {
  it('subscribe → Khmer confirmation → publish → one Khmer alert with one-click unsubscribe → none after', async () => {
    const email = `dara-${randomUUID().slice(0, 8)}@example.org`;
    await confirmedSubscriber(email, 'km');
    const confirmMail = smtp.to(email)[0];
    assert.equal(confirmMail.language, 'km');
    assert.match(confirmMail.subject, /ចុះឈ្មោះ/);
    assert.ok(confirmMail.text.includes(`${PUBLIC}/confirm/`));

    await ok(await call('POST', '/console/api/cases', admin, { case: aCase('alert-one') }), 201);
    const state = await ok<{ alerts: number }>(
      await call('POST', '/console/api/cases/alert-one/state', admin, { published: true }),
    );
    assert.ok(state.alerts >= 1);
    await smtp.until(() => smtp.to(email).length === 2);
    const alert = smtp.to(email)[1];
    assert.equal(alert.language, 'km');
    assert.match(alert.subject, /សកម្មភាពបន្ទាន់៖ សុខ តារា/);
    assert.ok(alert.text.includes('ជម្រាបសួរ ឯកឧត្តមរដ្ឋមន្ត្រី'), 'the letter in Khmer');
    assert.ok(alert.text.includes('mailto:minister@example.org?subject='));
    const unsubscribe = `${PUBLIC}/unsubscribe/${tokenIn(alert, 'unsubscribe')}`;
    // The raw header lines (mailparser folds List-* headers into its own structure).
    const header = (name: string) =>
      alert.parsed.headerLines
        .find((line) => line.key === name)
        ?.line.replace(/^[^:]+:\s*/, '')
        .replace(/\s+/g, ' ');
    assert.equal(header('list-unsubscribe-post'), 'List-Unsubscribe=One-Click');
    assert.equal(header('list-unsubscribe'), `<${unsubscribe}>`);

    // A mail scanner's GET changes nothing; the one-click POST (as a mail program sends it) unsubscribes.
    const local = unsubscribe.replace(PUBLIC, url);
    const page = await fetch(local);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /ឈប់ទទួល/);
    const oneClick = await fetch(local, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    assert.equal(oneClick.status, 200);

    // The next publication: a marker subscriber gets theirs, the unsubscribed address none.
    const marker = `marker-${randomUUID().slice(0, 8)}@example.org`;
    await confirmedSubscriber(marker, 'en');
    await ok(await call('POST', '/console/api/cases', admin, { case: aCase('alert-two') }), 201);
    await ok(await call('POST', '/console/api/cases/alert-two/state', admin, { published: true }));
    await smtp.until(() => smtp.to(marker).length === 2);
    assert.equal(smtp.to(marker)[1].language, 'en');
    assert.match(smtp.to(marker)[1].subject, /^Urgent action: Sok Dara$/);
    assert.equal(smtp.to(email).length, 2, 'nothing after unsubscribing');
    // Marking the published case as needing action alerts again, once; marking it again changes nothing.
    const needs = await ok<{ alerts: number }>(
      await call('POST', '/console/api/cases/alert-two/state', admin, { needsAction: true }),
    );
    assert.ok(needs.alerts >= 1);
    const again = await ok<{ alerts: number }>(
      await call('POST', '/console/api/cases/alert-two/state', admin, { needsAction: true }),
    );
    assert.equal(again.alerts, 0);
    await smtp.until(() => smtp.to(marker).length === 3);
    assert.equal(smtp.to(email).length, 2);
    assert.equal(await scalar(dbPath, 'SELECT count(*) FROM subscribers WHERE email = ?', [email]), 0);
  });
});

describe('subscriptions: no membership tell', () => {
  it('answers a new address, a known one and a retry alike; only the owner hears which it was', async () => {
    const known = `known-${randomUUID().slice(0, 8)}@example.org`;
    await confirmedSubscriber(known, 'fr');
    const fresh = `fresh-${randomUUID().slice(0, 8)}@example.org`;
    const first = { id: randomUUID(), email: fresh, language: 'en' };
    const answers = [];
    for (const body of [first, first, { email: known.toUpperCase(), language: 'en' }]) {
      const response = await subscribe(body);
      const names = [...response.headers.keys()].filter((name) => name !== 'date').sort();
      answers.push({ status: response.status, body: await response.text(), names });
    }
    assert.deepEqual(answers[0], { status: 202, body: '{"confirm":true}', names: answers[0].names });
    assert.deepEqual(answers[1], answers[0], 'a retry');
    assert.deepEqual(answers[2], answers[0], 'a known address');
    // After the answers: one confirmation for the new address (not two for its retry), and a short
    // "already subscribed" mail, in the language just asked for, to the known one (only its owner reads it).
    await smtp.until(() => smtp.to(fresh).length === 1 && smtp.to(known).length === 2);
    assert.equal(smtp.to(known)[1].language, 'en');
    assert.equal(smtp.to(known)[1].subject, 'You are already subscribed');
    const marker = `after-${randomUUID().slice(0, 8)}@example.org`;
    await subscribe({ email: marker, language: 'en' });
    await smtp.until(() => smtp.to(marker).length === 1);
    assert.equal(smtp.to(fresh).length, 1, 'the retry queued nothing');
    assert.equal(await scalar(dbPath, 'SELECT count(*) FROM subscription_intake'), 0, 'all sorted');
  });

  it('refuses bad fields with the pledge form’s codes, and foreign origins', async () => {
    const response = await subscribe({ email: 'not-an-address', language: 'de', consent: false });
    assert.equal(response.status, 400);
    assert.deepEqual(await response.json(), {
      errors: { email: 'format', language: 'format', consent: 'not-accepted' },
    });
    const foreign = await fetch(`${url}/api/subscriptions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({
        id: randomUUID(),
        email: 'a@example.org',
        language: 'en',
        consent: true,
        consentText: 'x',
      }),
    });
    assert.equal(foreign.status, 403);
    const preflight = await fetch(`${url}/api/subscriptions`, {
      method: 'OPTIONS',
      headers: { origin: 'https://partner.example', 'access-control-request-method': 'POST' },
    });
    assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://partner.example');
    // Alerts are e-mail: a receiver without mail settings says so.
    const mailless = await start();
    const off = await subscribe({ email: 'a@example.org' }, mailless.url);
    assert.equal(off.status, 503);
    assert.deepEqual(await off.json(), { errors: { alerts: 'not-configured' } });
  });
});

describe('subscribers in the console', () => {
  it('lists, exports and erases within a partner’s scope; erased means gone from the files', async () => {
    const tag = randomUUID().replaceAll('-', '').slice(0, 12);
    const ours = `ours${tag}@example.org`;
    const theirs = `theirs${tag}@example.org`;
    await confirmedSubscriber(ours, 'km', 'khmer-voices');
    await confirmedSubscriber(theirs, 'fr', 'amis-du-cambodge');

    const page = await ok<{ rows: { email: string; partner: string }[]; byLanguage: Record<string, number> }>(
      await call('GET', `/console/api/subscribers?q=${tag}`, kv),
    );
    assert.deepEqual(
      page.rows.map((row) => [row.email, row.partner]),
      [[ours, 'khmer-voices']],
    );
    const all = await ok<{ rows: { email: string }[] }>(
      await call('GET', `/console/api/subscribers?q=${tag}`, admin),
    );
    assert.equal(all.rows.length, 2);
    const csv = await (await call('GET', '/console/api/subscribers/export.csv', kv)).text();
    assert.ok(csv.includes(ours) && !csv.includes(theirs), 'a partner exports its own only');
    assert.ok(!page.rows.some((row) => row.partner !== 'khmer-voices'));

    // A partner cannot erase (or learn of) another partner's subscriber.
    assert.deepEqual(await ok(await call('POST', '/console/api/subscribers/erase', kv, { email: theirs })), {
      erased: 0,
    });
    assert.equal(await scalar(dbPath, 'SELECT count(*) FROM subscribers WHERE email = ?', [theirs]), 1);
    assert.deepEqual(await ok(await call('POST', '/console/api/subscribers/erase', kv, { email: ours })), {
      erased: 1,
    });
    assert.deepEqual(
      await ok(await call('POST', '/console/api/subscribers/erase', admin, { email: theirs.toUpperCase() })),
      { erased: 1 },
    );
    if (onPostgres) {
      const left = await rows(dbPath, 'SELECT email FROM subscribers WHERE email IN (?, ?)', [ours, theirs]);
      assert.deepEqual(left, []);
    } else {
      const dir = dirname(dbPath);
      const files = readdirSync(dir).map((name) => readFileSync(join(dir, name)));
      for (const needle of [ours, theirs]) {
        assert.ok(!files.some((bytes) => bytes.includes(Buffer.from(needle))), `${needle} left in a file`);
      }
    }
  });
});

describe('the alerts’ per-minute cap', () => {
  it('sends at most SAMLENG_ALERTS_PER_MINUTE alerts a minute; the rest wait, other mail goes on', async () => {
    const capped = await start({
      mail: { smtpUrl: smtp.url, from: FROM, publicUrl: PUBLIC },
      sendDelay: () => 0,
      alertsPerMinute: 2,
    });
    const cookie = await session(capped.url, ADMIN_TOKEN);
    const people = Array.from({ length: 4 }, (_, i) => `cap${i}-${randomUUID().slice(0, 8)}@example.org`);
    for (const email of people) await confirmedSubscriber(email, 'en', undefined, capped.url);
    await ok(await call('POST', '/console/api/cases', cookie, { case: aCase('capped') }, capped.url), 201);
    const state = await ok<{ alerts: number }>(
      await call('POST', '/console/api/cases/capped/state', cookie, { published: true }, capped.url),
    );
    assert.equal(state.alerts, 4);
    const alerted = () => people.filter((email) => smtp.to(email).length === 2).length;
    await smtp.until(() => alerted() === 2);
    // A mail of another kind queued after the alerts goes now; the capped alerts still wait.
    const marker = `cap-marker-${randomUUID().slice(0, 8)}@example.org`;
    await subscribe({ email: marker, language: 'en' }, capped.url);
    await smtp.until(() => smtp.to(marker).length === 1);
    assert.equal(alerted(), 2);
    const waiting = await rows<{ next_at: number }>(
      capped.dbPath,
      "SELECT next_at FROM mail_outbox WHERE kind = 'alert'",
    );
    assert.equal(waiting.length, 2);
    assert.ok(
      waiting.every((row) => Number(row.next_at) >= Date.now() + 30_000),
      'held to the next minute',
    );
  });
});

describe('samleng-receiver feed check', () => {
  it('passes a good feed and prints each problem of a broken one with its path', () => {
    const dir = tempDir();
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ version: 1, cases: [aCase('one'), aCase('two')] }));
    const passed = spawnSync(process.execPath, [CLI, 'feed', 'check', good], { encoding: 'utf8' });
    assert.equal(passed.status, 0, passed.stderr);
    assert.match(passed.stdout, /a good feed \(2 cases\)/);

    const broken = join(dir, 'broken.json');
    writeFileSync(
      broken,
      JSON.stringify({
        version: 1,
        cases: [
          aCase('one'),
          aCase('one', { status: 'jailed', sources: [{ title: 'x', url: 'javascript:alert(1)' }] }),
          { id: 'three', status: 'released', deadline: '2024-13-01', actions: [{ kind: 'script' }] },
          aCase('four', { actions: [{ kind: 'letter', to: 'a@b.org?cc=c@d.org', subject: 's', body: 'b' }] }),
        ],
      }),
    );
    const failed = spawnSync(process.execPath, [CLI, 'feed', 'check', broken], { encoding: 'utf8' });
    assert.equal(failed.status, 1);
    const lines = failed.stderr.trim().split('\n').sort();
    for (const expected of [
      /^cases\[1\]\.id: repeats the id/,
      /^cases\[1\]\.status: is not one of/,
      /^cases\[1\]\.sources\[0\]\.url: is not an http\(s\) or relative link/,
      /^cases\[2\]\.name: is missing/,
      /^cases\[2\]\.deadline: is not a date/,
      /^cases\[2\]\.actions\[0\]\.kind: does not match/,
      /^cases\[3\]\.actions\[0\]\.to: is not one e-mail address$/,
    ]) {
      assert.ok(
        lines.some((line) => expected.test(line)),
        `${expected} in:\n${lines.join('\n')}`,
      );
    }
    // A letter is not told it lacks a link's label: one line per real problem, in the file's order.
    assert.equal(lines.filter((line) => line.startsWith('cases[3]')).length, 1, lines.join('\n'));
    const notJson = join(dir, 'not.json');
    writeFileSync(notJson, '{"version": 1,');
    const garbled = spawnSync(process.execPath, [CLI, 'feed', 'check', notJson], { encoding: 'utf8' });
    assert.equal(garbled.status, 1);
    assert.match(garbled.stderr, /is not JSON/);
  });
});
