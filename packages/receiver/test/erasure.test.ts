// Erasure means gone: after DELETE, after a pending pledge expires, and after retention strips a pledge,
// none of the person's fields is in any file of the database's folder (-wal and -shm included) or in the
// mail outbox. Checked by reading the files' raw bytes.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { onPostgres, rows } from './db.js';
import { admin, count, pledge, post, start, tempDir } from './helpers.js';
import { TestSmtp } from './smtp.js';

/** A person whose every field is a string found nowhere else. */
function person(campaign: string) {
  const tag = randomUUID().replaceAll('-', '');
  return pledge({
    campaign,
    name: `Name${tag}`,
    email: `Mail${tag}@Example.org`,
    phone: `+855${String(Math.random()).slice(2, 12).padEnd(10, '7')}`,
    city: `City${tag}`,
    comment: `Comment${tag} ${'long '.repeat(300)}`, // an overflow page too
    country: `Country${tag}`,
    pageUrl: `https://partner.example/page${tag}`,
    locale: 'en',
  });
}

const fieldsOf = (body: Record<string, unknown>) =>
  ['name', 'email', 'phone', 'city', 'comment', 'country', 'pageUrl'].map(
    (field) => String(body[field]).split(' ')[0],
  );

/** Which of `needles` are in some file of `dir`, as UTF-8 bytes (and the e-mail in lower case). */
function foundIn(dir: string, needles: string[]): string[] {
  const files = readdirSync(dir).map((name) => readFileSync(join(dir, name)));
  return needles
    .flatMap((needle) => [needle, needle.toLowerCase()])
    .filter((needle) => files.some((bytes) => bytes.includes(Buffer.from(needle, 'utf8'))));
}

/**
 * The same check on either store: SQLite, the raw bytes of every file of the database's folder; PostgreSQL,
 * every row of the tables that hold people (its files are the server's: see the README on what erasure
 * means in PostgreSQL).
 */
async function found(location: string, needles: string[]): Promise<string[]> {
  if (!onPostgres) return foundIn(dirname(location), needles);
  const text =
    (
      await rows<{ t: string | null }>(
        location,
        `SELECT (SELECT string_agg(p::text, ' ') FROM pledges p) || ' ' ||
              coalesce((SELECT string_agg(m::text, ' ') FROM mail_outbox m), '') AS t`,
      )
    )[0]?.t ?? '';
  return needles
    .flatMap((needle) => [needle, needle.toLowerCase()])
    .filter((needle) => text.includes(needle));
}

/** Some other people, so that the pages around the erased row change too. */
async function others(url: string, campaign: string, n: number): Promise<void> {
  for (let index = 0; index < n; index++) await post(url, pledge({ campaign, comment: 'x'.repeat(500) }));
}

/** An SMTP address nothing listens on: the confirmation mail stays in the outbox. */
async function downSmtp(): Promise<string> {
  const smtp = await new TestSmtp().start();
  await smtp.stop();
  return smtp.url;
}

describe('erasure', () => {
  it('leaves none of the person’s fields in any file of the folder, nor in the outbox', async () => {
    const { url, dbPath } = await start({
      mail: {
        smtpUrl: await downSmtp(),
        from: 'c <c@example.org>',
        publicUrl: 'https://p.example',
        retryBaseMs: 60_000,
      },
      sendDelay: () => 60_000,
    });
    await others(url, 'gone', 20);
    const body = person('gone');
    await post(url, body);
    await others(url, 'gone', 20);
    const fields = fieldsOf(body);
    // The check can see them: every field is on disk before the erasure.
    const before = await found(dbPath, fields);
    assert.ok(
      fields.every((field) => before.includes(field)),
      'every field is on disk before',
    );

    const response = await fetch(
      `${url}/api/pledges?${new URLSearchParams({ campaign: 'gone', email: String(body.email) })}`,
      {
        method: 'DELETE',
        headers: admin,
      },
    );
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as { deleted: number }).deleted, 1);
    assert.deepEqual(await found(dbPath, fields), []);
    // And after more writes (the WAL fills again from its start).
    await others(url, 'gone', 30);
    assert.deepEqual(await found(dbPath, fields), []);
  });

  it('erases a pledge not yet sorted, and its duplicates, from every file', async () => {
    // The sorting waits a minute: the person's rows are still unsorted (intake.ts) when the erasure comes.
    const { app, url, dbPath } = await start({ sortDelay: () => 60_000 });
    await others(url, 'early', 10);
    const body = person('early');
    await post(url, body);
    // The same address again under another id, and a retry of the first id.
    await post(url, { ...body, id: randomUUID() });
    await post(url, body);
    await others(url, 'early', 10);
    const fields = fieldsOf(body);
    const before = await found(dbPath, fields);
    assert.ok(
      fields.every((field) => before.includes(field)),
      'every field is on disk before',
    );

    const response = await fetch(
      `${url}/api/pledges?${new URLSearchParams({ campaign: 'early', email: String(body.email) })}`,
      { method: 'DELETE', headers: admin },
    );
    assert.equal(response.status, 200);
    assert.deepEqual(await found(dbPath, fields), []);
    assert.deepEqual(await response.json(), { campaign: 'early', deleted: 1, count: 0 });
    // The others are sorted and counted after it (closing sorts what is left), and the person is not.
    await app.close();
    const later = await start({ dbPath });
    assert.equal(await count(later.url, 'early'), 20);
    assert.deepEqual(await found(dbPath, fields), []);
  });

  it('deletes a pending pledge whose link expired, with its mail, leaving no byte of it', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'samleng.db');
    const mail = {
      smtpUrl: await downSmtp(),
      from: 'c <c@example.org>',
      publicUrl: 'https://p.example',
      retryBaseMs: 60_000,
    };
    const t0 = Date.parse('2029-05-01T08:00:00Z');
    const first = await start({ dbPath, mail, now: () => new Date(t0), sendDelay: () => 60_000 });
    const location = first.dbPath;
    const body = person('expiring');
    await post(first.url, body);
    await others(first.url, 'expiring', 5);
    await first.app.close();
    const fields = fieldsOf(body);
    assert.ok((await found(location, fields)).length > 0, 'on disk while pending');

    // Eight days later (links last 7): the sweep at start deletes it.
    const later = await start({ dbPath, mail, now: () => new Date(t0 + 8 * 86_400_000) });
    assert.deepEqual(await found(location, fields), []);
    assert.equal(await count(later.url, 'expiring'), 0);
  });
});

describe('retention (SAMLENG_RETENTION_DAYS)', () => {
  it('removes the personal fields of older pledges; the counts stay right', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'samleng.db');
    const t0 = Date.parse('2029-05-01T08:00:00Z');
    const first = await start({ dbPath, now: () => new Date(t0) });
    const location = first.dbPath;
    const old = person('kept');
    await post(first.url, old);
    await others(first.url, 'kept', 3);
    await first.app.close();

    const t1 = t0 + 20 * 86_400_000;
    const second = await start({ dbPath, now: () => new Date(t1), retentionDays: 30 });
    const recent = person('kept');
    await post(second.url, recent);
    await second.app.close();

    const third = await start({ dbPath, now: () => new Date(t0 + 31 * 86_400_000), retentionDays: 30 });
    assert.deepEqual(await found(location, fieldsOf(old)), [], 'the old pledge is stripped');
    assert.equal((await found(location, fieldsOf(recent))).length > 0, true, 'the recent one is kept');
    assert.equal(await count(third.url, 'kept'), 5);
    // The same person cannot be counted twice: the HMAC of the address is kept.
    await post(third.url, { ...old, id: randomUUID() });
    assert.equal(await count(third.url, 'kept'), 5);
    const csv = await (
      await fetch(`${third.url}/api/pledges/export.csv?campaign=kept`, { headers: admin })
    ).text();
    assert.equal(csv.trim().split('\r\n').length, 6, 'header + 5 rows');
  });
});
