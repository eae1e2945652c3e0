// Two real `samleng-receiver` processes on one PostgreSQL database, as behind a load balancer: what one
// pledge id, one address, a count and a mail become when requests are spread over both. PostgreSQL only
// (a SQLite file is for one receiver).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { randomUUID } from 'node:crypto';
import { after, describe, it } from 'node:test';
import { PgStore } from '../src/pg/store.js';
import { freshDatabase, postgresOnly, scalar, storeEnv, TEST_EMAIL_KEY } from './db.js';
import { count, pledge, post } from './helpers.js';
import { CLI, launch, stop } from './process.js';
import { startSmtp } from './smtp.js';
import type { TestSmtp } from './smtp.js';

interface Pair {
  db: string;
  urls: [string, string];
  children: ChildProcess[];
}

/** Two receivers on a fresh database; stopped after the test file if the test did not. */
async function pair(extra: Record<string, string> = {}): Promise<Pair> {
  const db = await freshDatabase();
  const env = { ...storeEnv, SAMLENG_DB: db, SAMLENG_RATE_LIMIT: '1000', ...extra };
  // One after the other: the second finds the schema migrated (both at once is tested below).
  const a = await launch(env);
  const b = await launch(env);
  const children = [a.child, b.child];
  after(async () => {
    for (const child of children)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  return { db, urls: [a.url, b.url], children };
}

/** Waits until both receivers' sorters have sorted everything taken in (the rows prove it). */
async function sorted(db: string): Promise<void> {
  for (let tries = 0; (await scalar(db, 'SELECT count(*) FROM pledges WHERE NOT sorted')) > 0; tries++) {
    assert.ok(tries < 100, 'sorted within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function mailEnv(smtp: TestSmtp): Record<string, string> {
  return {
    SAMLENG_SMTP_URL: smtp.url,
    SAMLENG_MAIL_FROM: 'Campaign <pledges@example.org>',
    SAMLENG_PUBLIC_URL: 'https://pledges.example.org',
  };
}

describe('two receivers on one PostgreSQL database', { skip: postgresOnly, timeout: 120_000 }, () => {
  it('counts 20 concurrent posts of one pledge id, half to each receiver, as one pledge, mailed once', async () => {
    const smtp = await startSmtp();
    const { db, urls, children } = await pair(mailEnv(smtp));
    const body = pledge({ campaign: 'one-id', locale: 'en' });
    const answers = await Promise.all(Array.from({ length: 20 }, (_, index) => post(urls[index % 2], body)));
    assert.deepEqual(new Set(answers.map((response) => response.status)), new Set([201]));
    // Right after the answers, before any sorting: one row for the id (its UNIQUE constraint).
    assert.equal(await scalar(db, 'SELECT count(*) FROM pledges WHERE id = ?', [body.id]), 1);
    await sorted(db);
    assert.equal(await scalar(db, 'SELECT count(*) FROM pledges WHERE id = ?', [body.id]), 1);
    // Stopping both waits for their mailers: every mail that will go has gone.
    await smtp.until(() => smtp.to(String(body.email)).length >= 1);
    for (const child of children) assert.equal(await stop(child, 'SIGTERM'), 0);
    const mails = smtp.to(String(body.email));
    assert.deepEqual(
      mails.map((mail) => mail.subject),
      [mails[0].subject],
      'one confirmation mail, and no "you had already pledged" for its own retries',
    );
    assert.match(mails[0].text, /\/confirm\//);
  });

  it('keeps one pledge per address across receivers, and both give the same counts', async () => {
    const { db, urls } = await pair();
    const email = `same-${randomUUID()}@example.org`;
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        post(
          urls[index % 2],
          pledge({ campaign: 'one-person', partner: 'p', email: index % 3 ? email : email.toUpperCase() }),
        ),
      ),
    );
    assert.deepEqual(new Set(answers.map((response) => response.status)), new Set([201]));
    const others = Array.from({ length: 30 }, () => pledge({ campaign: 'one-person', partner: 'q' }));
    await Promise.all(others.map((body, index) => post(urls[index % 2], body)));
    await sorted(db);
    assert.equal(await scalar(db, "SELECT count(*) FROM pledges WHERE campaign = 'one-person'"), 31);
    for (const url of urls) {
      assert.equal(await count(url, 'one-person'), 31);
      assert.equal(await count(url, 'one-person', 'p'), 1);
      assert.equal(await count(url, 'one-person', 'q'), 30);
    }
  });

  it('keeps one pledge per address when two receivers sort pledges of one address at the same moment', async () => {
    const url = await freshDatabase();
    // Two stores on one database, in this process, so the race can be held: A's sorter has read that the
    // address is unknown and waits before writing; meanwhile B sorts its own pledge of that address and
    // commits. A then writes: only the unique index over sorted rows stops a second pledge of one person.
    let release = () => {};
    let paused = () => {};
    const pausedOnce = new Promise<void>((resolve) => (paused = resolve));
    const held = new Promise<void>((resolve) => (release = resolve));
    let holdNext = true;
    const options = { url, emailKey: TEST_EMAIL_KEY, sortDelay: () => 3_600_000 };
    const a = await PgStore.open({
      ...options,
      beforeSortWrite: async () => {
        if (!holdNext) return;
        holdNext = false;
        paused();
        await held;
      },
    });
    const b = await PgStore.open(options);
    after(async () => {
      await a.close();
      await b.close();
    });
    const base = { campaign: 'race', name: 'n', consentText: 't', locale: 'en' };
    await a.add({ ...base, id: randomUUID(), email: 'same@example.org' });
    const sortingA = a.sortNow();
    await pausedOnce; // A holds its row, and has read that the address is unknown
    await b.add({ ...base, id: randomUUID(), email: 'SAME@example.org' });
    // B's sorter, as its timer runs it, skips A's locked row, sorts its own, finds no sorted pledge of the
    // address (A's is not written yet) and commits.
    await b.sortNow({ skipLocked: true });
    release();
    await sortingA; // A writes: its pledge is that person's second, and must not be kept
    assert.equal(await scalar(url, "SELECT count(*) FROM pledges WHERE campaign = 'race'"), 1);
    assert.equal(await a.count('race'), 1);
    assert.equal(await b.count('race'), 1);
  });

  it('sends each confirmation mail once although both receivers send from the one outbox', async () => {
    const smtp = await startSmtp();
    smtp.delayMs = 150; // a slow server: each sender holds a mail while the other looks for one
    const db = await freshDatabase();
    const env = { ...storeEnv, SAMLENG_DB: db, SAMLENG_RATE_LIMIT: '1000', ...mailEnv(smtp) };
    const a = await launch(env);
    after(() => a.child.kill('SIGKILL'));
    const bodies = Array.from({ length: 24 }, (_, index) =>
      pledge({ campaign: 'mails', email: `m${index}-${randomUUID().slice(0, 8)}@example.org`, locale: 'fr' }),
    );
    await Promise.all(bodies.map((body) => post(a.url, body)));
    await sorted(db);
    // The second receiver starts while the first is still sending (24 mails at 150 ms): its mailer looks
    // at the outbox at once, and both take mails from it until it is empty.
    const b = await launch(env);
    after(() => b.child.kill('SIGKILL'));
    const children = [a.child, b.child];
    await smtp.until(() => bodies.every((body) => smtp.to(String(body.email)).length >= 1), 60_000);
    // Both stopped (each waits for its mail in flight): nothing more can be sent.
    for (const child of children) assert.equal(await stop(child, 'SIGTERM'), 0);
    assert.equal(await scalar(db, 'SELECT count(*) FROM mail_outbox'), 0);
    const doubled = bodies.filter((body) => smtp.to(String(body.email)).length !== 1);
    assert.deepEqual(
      doubled.map((body) => smtp.to(String(body.email)).length),
      [],
      'every address got exactly one mail',
    );
  });

  it('migrates once when both start at the same moment', async () => {
    const db = await freshDatabase();
    const env = { ...storeEnv, SAMLENG_DB: db };
    const [a, b] = await Promise.all([launch(env), launch(env)]);
    after(() => {
      a.child.kill('SIGKILL');
      b.child.kill('SIGKILL');
    });
    assert.equal(await scalar(db, 'SELECT count(*) FROM schema_migrations'), 5);
    assert.equal((await post(a.url, pledge({ campaign: 'both' }))).status, 201);
    assert.equal((await post(b.url, pledge({ campaign: 'both' }))).status, 201);
  });

  it('refuses to start with another e-mail key than the database was started with', async () => {
    const { db } = await pair();
    const child = spawn(process.execPath, [CLI], {
      env: {
        ...process.env,
        PORT: '0',
        SAMLENG_DB: db,
        SAMLENG_EMAIL_KEY: Buffer.alloc(32, 7).toString('base64'),
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
    const [code] = await once(child, 'exit');
    assert.equal(code, 1);
    assert.match(stderr, /SAMLENG_EMAIL_KEY is not the key this database was started with/);
  });

  it('limits posts per client address per receiver: N receivers take N times the limit (README)', async () => {
    const { urls } = await pair({ SAMLENG_RATE_LIMIT: '5' });
    const statuses = async (url: string, n: number) =>
      Promise.all(Array.from({ length: n }, () => post(url, pledge({ campaign: 'limited' })))).then(
        (answers) => answers.map((response) => response.status),
      );
    assert.deepEqual(await statuses(urls[0], 5), [201, 201, 201, 201, 201]);
    assert.deepEqual(
      await statuses(urls[1], 5),
      [201, 201, 201, 201, 201],
      'the other receiver has its own count',
    );
    assert.deepEqual(await statuses(urls[0], 1), [429]);
    assert.deepEqual(await statuses(urls[1], 1), [429]);
  });
});
