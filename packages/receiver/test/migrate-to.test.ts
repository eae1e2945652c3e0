// `samleng-receiver migrate-to <postgres-url>`: a SQLite file with confirmed and pending pledges, partners,
// an erased person and mails waiting, copied into PostgreSQL by the real CLI; then a receiver on
// PostgreSQL with the SQLite file's key answers the same counts and the same export, and still knows
// every address. PostgreSQL only.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createServer } from '../src/server.js';
import { freshDatabase, postgresOnly, scalar } from './db.js';
import { admin, ADMIN_TOKEN, count, pledge, post, tempDir } from './helpers.js';
import { CLI, launch, stop } from './process.js';
import { TestSmtp } from './smtp.js';

async function run(args: string[], env: Record<string, string>): Promise<{ code: number; out: string }> {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (chunk) => (out += String(chunk)));
  child.stderr!.on('data', (chunk) => (out += String(chunk)));
  const [code] = await once(child, 'exit');
  return { code: code as number, out };
}

const exportOf = async (url: string, campaign: string) =>
  (await fetch(`${url}/api/pledges/export.csv?campaign=${campaign}`, { headers: admin })).text();

describe('migrate-to', { skip: postgresOnly, timeout: 60_000 }, () => {
  it('copies a SQLite file into PostgreSQL, checks every count, and the receiver goes on from there', async () => {
    const dbPath = join(tempDir(), 'samleng.db');
    // Mail on, with an SMTP server that is down: confirmation mails stay in the outbox.
    const smtp = await new TestSmtp().start();
    await smtp.stop();
    const mail = {
      smtpUrl: smtp.url,
      from: 'c <c@example.org>',
      publicUrl: 'https://p.example',
      retryBaseMs: 60_000,
    };
    const single = await createServer({
      dbPath,
      logLevel: 'silent',
      adminTokens: [ADMIN_TOKEN],
      rateLimit: 1000,
      sortDelay: () => 0,
    });
    const url = await single.listen({ port: 0, host: '127.0.0.1' });
    const kept = pledge({ campaign: 'moved', partner: 'p1', name: 'សុខ ដារ៉ា', comment: 'line\nbreak' });
    for (const body of [
      kept,
      ...Array.from({ length: 6 }, (_, i) => pledge({ campaign: 'moved', partner: i % 2 ? 'p1' : 'p2' })),
      pledge({ campaign: 'other' }),
    ]) {
      assert.equal((await post(url, body)).status, 201);
    }
    const erased = pledge({ campaign: 'moved' });
    await post(url, erased);
    await fetch(`${url}/api/pledges?campaign=moved&email=${encodeURIComponent(String(erased.email))}`, {
      method: 'DELETE',
      headers: admin,
    });
    assert.equal(await count(url, 'moved'), 7);
    const csv = await exportOf(url, 'moved');
    await single.close();
    // Then pending pledges, with their mails waiting.
    const pending = await createServer({
      dbPath,
      logLevel: 'silent',
      rateLimit: 1000,
      sortDelay: () => 0,
      mail,
      sendDelay: () => 600_000,
    });
    const pendingUrl = await pending.listen({ port: 0, host: '127.0.0.1' });
    for (let i = 0; i < 3; i++) await post(pendingUrl, pledge({ campaign: 'moved' }));
    assert.equal(await count(pendingUrl, 'moved'), 7, 'pending pledges do not count');
    await pending.close();

    const target = await freshDatabase();
    const migrated = await run(['migrate-to', target], { SAMLENG_DB: dbPath });
    assert.equal(migrated.code, 0, migrated.out);
    assert.doesNotMatch(migrated.out, /DIFFERS/);
    assert.match(migrated.out, /ok +rows in pledges: SQLite 11, PostgreSQL 11/);
    assert.match(migrated.out, /ok +rows in mail_outbox: SQLite 3, PostgreSQL 3/);
    assert.match(migrated.out, /ok +count moved p1: SQLite 4, PostgreSQL 4/);
    assert.match(migrated.out, new RegExp(`SAMLENG_EMAIL_KEY_FILE=${dbPath}.key`));

    const again = await run(['migrate-to', target], { SAMLENG_DB: dbPath });
    assert.equal(again.code, 1, 'a second copy into a database that holds pledges is refused');
    assert.match(again.out, /copies into an empty one/);

    const receiver = await launch({
      SAMLENG_DB: target,
      SAMLENG_EMAIL_KEY_FILE: `${dbPath}.key`,
      SAMLENG_ADMIN_TOKEN: ADMIN_TOKEN,
      SAMLENG_RATE_LIMIT: '1000',
    });
    after(() => receiver.child.kill('SIGKILL'));
    assert.equal(await count(receiver.url, 'moved'), 7);
    assert.equal(await count(receiver.url, 'moved', 'p1'), 4);
    assert.equal(await count(receiver.url, 'other'), 1);
    assert.equal(
      await exportOf(receiver.url, 'moved'),
      csv,
      'the same export, byte for byte (the date aside)',
    );
    // A known address is still known in PostgreSQL (the HMACs were copied with their key); a new one counts.
    await post(receiver.url, pledge({ campaign: 'moved', email: String(kept.email).toUpperCase() }));
    await post(receiver.url, pledge({ campaign: 'moved' }));
    for (
      let tries = 0;
      (await scalar(target, 'SELECT count(*) FROM pledges WHERE NOT sorted')) > 0;
      tries++
    ) {
      assert.ok(tries < 50);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(await count(receiver.url, 'moved'), 8);
    assert.equal(await stop(receiver.child, 'SIGTERM'), 0);
  });
});
