// The unsubscribe link keeps no secret in the database (#19 follow-up), on either store: a link's token
// is made from the subscriber's id under the e-mail key when the alert is composed, and nothing of it is
// stored. A database from before (migration 4, plain tokens in `subscribers` and in queued alerts) is
// migrated so that the links already mailed still unsubscribe, the alerts already queued go with a
// working link, and no plain token is left in any live row (on SQLite: in any file).
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import pg from 'pg';
import { freshDatabase, onPostgres, rows, scalar } from './db.js';
import { ADMIN_TOKEN, start, tempDir } from './helpers.js';
import { startSmtp } from './smtp.js';
import type { Received } from './smtp.js';
import { MIGRATIONS } from '../src/migrations.js';
import { PG_MIGRATIONS } from '../src/pg/migrations.js';

const FROM = 'Coalition <alerts@example.org>';
const PUBLIC = 'https://alerts.example.org';
const smtp = await startSmtp();

/** A database as migration 4 left it, with `seed` run in it. */
async function version4(seed: string): Promise<string> {
  const record = `CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL,
    applied_at text NOT NULL);
    INSERT INTO schema_migrations VALUES (1, 'pledges', '2026-11-01T00:00:00Z'),
      (2, 'confirmation-intake-outbox', '2026-11-01T00:00:00Z'), (3, 'write-once-intake', '2026-11-01T00:00:00Z'),
      (4, 'cases-alerts', '2026-11-01T00:00:00Z');`;
  if (onPostgres) {
    const url = await freshDatabase();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      for (const migration of PG_MIGRATIONS.filter((m) => m.version <= 4)) await client.query(migration.sql);
      await client.query(record);
      await client.query(seed);
    } finally {
      await client.end();
    }
    return url;
  }
  const path = join(tempDir(), 'v4.db');
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.function('samleng_email_hash', (key: unknown) => String(key));
  for (const migration of MIGRATIONS.filter((m) => m.version <= 4)) db.exec(migration.sql);
  db.exec(record);
  db.exec(seed);
  db.close();
  return path;
}

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;
const linkIn = (mail: Received) => {
  const match = /\/unsubscribe\/([A-Za-z0-9_-]+)/.exec(mail.text);
  assert.ok(match, `no unsubscribe link in ${mail.text}`);
  return match[1];
};

/** Whether `text` is in a live row of the subscribers or the outbox (SQLite: anywhere in its files). */
async function stored(db: string, text: string): Promise<boolean> {
  if (onPostgres) {
    const n =
      (await scalar(db, 'SELECT count(*) FROM subscribers s WHERE strpos(s::text, ?) > 0', [text])) +
      (await scalar(db, 'SELECT count(*) FROM mail_outbox m WHERE strpos(m::text, ?) > 0', [text]));
    return n > 0;
  }
  const dir = dirname(db);
  return readdirSync(dir).some((name) => readFileSync(join(dir, name)).includes(Buffer.from(text)));
}

describe('unsubscribe links', () => {
  it('after migration 5: old links still unsubscribe, queued alerts get working links, no token is stored', async () => {
    const tag = randomUUID().slice(0, 8);
    const old = {
      id: randomUUID(),
      email: `old-${tag}@example.org`,
      token: randomBytes(24).toString('base64url'),
    };
    const queued = {
      id: randomUUID(),
      email: `queued-${tag}@example.org`,
      token: randomBytes(24).toString('base64url'),
    };
    const body = JSON.stringify({
      id: 'legacy-case',
      name: { en: 'Sok Dara' },
      status: 'detained',
      updated: '2026-11-30',
    });
    const subscriber = (s: typeof old) =>
      `INSERT INTO subscribers (id, email, email_hash, language, partner, consent_text, created_at, confirmed_at,
         unsub_token) VALUES (${quote(s.id)}, ${quote(s.email)}, ${quote(`hash-${s.id}`)}, 'en', '', 'Alerts.',
         '2026-11-20T00:00:00Z', '2026-11-20T00:01:00Z', ${quote(s.token)});`;
    const db = await version4(`
      ${subscriber(old)}
      ${subscriber(queued)}
      INSERT INTO cases (id, body, published, needs_action, revision, created_at, updated_at, published_at)
        VALUES ('legacy-case', ${quote(body)}, 1, 0, 2, '2026-11-30T00:00:00Z', '2026-11-30T00:00:00Z',
                '2026-11-30T00:00:00Z');
      INSERT INTO mail_outbox (pledge_id, kind, to_addr, addr_hash, campaign, locale, token, next_at)
        VALUES (${quote(`alert:legacy-case:2:${queued.id}`)}, 'alert', ${quote(queued.email)},
                ${quote(`hash-${queued.id}`)}, 'case:legacy-case', 'en', ${quote(queued.token)}, 0);
    `);
    const { url } = await start({
      dbPath: db,
      mail: { smtpUrl: smtp.url, from: FROM, publicUrl: PUBLIC },
      sendDelay: () => 0,
    });
    assert.equal(await scalar(db, 'SELECT count(*) FROM schema_migrations'), 5);
    const present = (s: typeof old) => scalar(db, 'SELECT count(*) FROM subscribers WHERE id = ?', [s.id]);

    // The alert queued before the upgrade goes out with a link of the new kind, which unsubscribes.
    await smtp.until(() => smtp.to(queued.email).length === 1);
    const fresh = linkIn(smtp.to(queued.email)[0]);
    assert.notEqual(fresh, queued.token);
    assert.ok(fresh.startsWith(queued.id), 'the token names its subscriber');
    assert.equal(await stored(db, fresh.slice(36)), false, 'nothing of the MAC is stored');

    // A made-up MAC for a real subscriber, and a made-up old-style token: the same page, nothing erased.
    const forged = `${queued.id}${'A'.repeat(fresh.length - 36)}`;
    const answers = [];
    for (const token of [forged, randomBytes(24).toString('base64url'), fresh]) {
      const response = await fetch(`${url}/unsubscribe/${token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'en' },
        body: 'List-Unsubscribe=One-Click',
      });
      const names = [...response.headers.keys()].filter((name) => name !== 'date').sort();
      answers.push({ status: response.status, names, body: await response.text() });
      if (token !== fresh) assert.equal(await present(queued), 1, 'a forged token erases nobody');
    }
    assert.deepEqual(answers[1], answers[0]);
    assert.deepEqual(answers[2], answers[0], 'a real one answers the same');
    assert.equal(await present(queued), 0, 'the new link unsubscribed');

    // A link mailed before the upgrade: GET shows the page and changes nothing, POST unsubscribes.
    const page = await fetch(`${url}/unsubscribe/${old.token}`);
    assert.equal(page.status, 200);
    assert.equal(await present(old), 1);
    const post = await fetch(`${url}/unsubscribe/${old.token}`, { method: 'POST' });
    assert.equal(post.status, 200);
    assert.equal(await present(old), 0, 'the old link unsubscribed');

    // Nothing that unsubscribes is left: neither old token (only their SHA-256 was kept, now erased too).
    for (const token of [old.token, queued.token]) assert.equal(await stored(db, token), false, token);
    assert.deepEqual(await rows(db, 'SELECT id FROM subscribers'), []);
  });

  it('a subscriber since the upgrade: the link is made when mailed, works once, and is not in the database', async () => {
    const { url, dbPath } = await start({
      mail: { smtpUrl: smtp.url, from: FROM, publicUrl: PUBLIC },
      sendDelay: () => 0,
    });
    const email = `new-${randomUUID().slice(0, 8)}@example.org`;
    const sign = await fetch(`${url}/api/subscriptions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://partner.example' },
      body: JSON.stringify({
        id: randomUUID(),
        email,
        language: 'fr',
        consent: true,
        consentText: 'Alertes.',
      }),
    });
    assert.equal(sign.status, 202);
    await smtp.until(() => smtp.to(email).length === 1);
    const confirm = /\/confirm\/([A-Za-z0-9_-]+)/.exec(smtp.to(email)[0].text)?.[1];
    assert.equal((await fetch(`${url}/confirm/${confirm}`, { method: 'POST' })).status, 200);
    const login = await fetch(`${url}/console/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url },
      body: JSON.stringify({ token: ADMIN_TOKEN }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const headers = { cookie, origin: url, 'content-type': 'application/json' };
    const item = { id: 'new-case', name: { en: 'Sok Dara' }, status: 'detained', updated: '2026-11-30' };
    const created = await fetch(`${url}/console/api/cases`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ case: item }),
    });
    assert.equal(created.status, 201, await created.text());
    const state = `${url}/console/api/cases/new-case/state`;
    assert.equal((await fetch(state, { method: 'POST', headers, body: '{"published":true}' })).status, 200);
    await smtp.until(() => smtp.to(email).length === 2);
    const token = linkIn(smtp.to(email)[1]);
    assert.equal(await stored(dbPath, token), false, 'the token is not stored');
    assert.equal(await stored(dbPath, token.slice(36)), false, 'nor its MAC');
    assert.equal((await fetch(`${url}/unsubscribe/${token}`, { method: 'POST' })).status, 200);
    assert.equal(await scalar(dbPath, 'SELECT count(*) FROM subscribers WHERE email = ?', [email]), 0);
    if (!onPostgres) assert.equal(await stored(dbPath, email), false, 'erased from the files');
  });
});
