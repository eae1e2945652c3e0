// Cases and alerts (#19) over real HTTP, a real SMTP server and either store: cases written in the console
// (history, stale saves, partners read-only), the published feed (ETag, 304, CORS, no drafts), the alerts'
// sign-up with double opt-in and no membership tell, one alert per subscriber in their language with
// RFC 8058 one-click unsubscribe, the per-minute cap, and erasure and export within a partner's scope.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { scalar } from './db.js';
import { ADMIN_TOKEN, start } from './helpers.js';
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
async function confirmedSubscriber(email: string, language: string, partner?: string): Promise<void> {
  await ok(await subscribe({ email, language, ...(partner ? { partner } : {}) }), 202);
  const [mail] = await smtp.until(() => smtp.to(email).length === 1).then(() => smtp.to(email));
  const confirm = await fetch(`${PUBLIC.replace(PUBLIC, url)}/confirm/${tokenIn(mail, 'confirm')}`, {
    method: 'POST',
  });
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
    });
    const response = await call('POST', '/console/api/cases', admin, { case: bad });
    assert.equal(response.status, 400);
    const { errors } = (await response.json()) as { errors: Record<string, string> };
    assert.equal(errors.name, 'required');
    assert.equal(errors.status, 'status');
    assert.equal(errors.arrested, 'date');
    assert.equal(errors['sources[0].url'], 'url');
    assert.equal(errors['actions[0].to'], 'email');
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
    assert.equal(await scalar(dbPath, 'SELECT count(*) FROM subscribers WHERE email = ?', [email]), 0);
  });
});
