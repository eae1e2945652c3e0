// The real `samleng-receiver` process: stopped (gracefully or killed) and started again, nothing is lost.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { scalar, storeEnv, testDatabase } from './db.js';
import { count, pledge, post, tempDir } from './helpers.js';
import { CLI, launch, stop } from './process.js';

describe('the samleng-receiver process', () => {
  it('keeps every pledge across a kill and a graceful stop', async () => {
    const dbPath = await testDatabase(join(tempDir(), 'data', 'samleng.db'));
    const env = { SAMLENG_DB: dbPath, SAMLENG_RATE_LIMIT: '100', ...storeEnv };

    let running = await launch(env);
    const bodies = Array.from({ length: 10 }, () => pledge({ campaign: 'kept' }));
    const first = await Promise.all(bodies.map((body) => post(running.url, body)));
    assert.deepEqual(new Set(first.map((response) => response.status)), new Set([201]));
    // SIGKILL: no shutdown code runs; what was answered 201 must be in the file already.
    await stop(running.child, 'SIGKILL');

    running = await launch(env);
    assert.equal(await count(running.url, 'kept'), 10);
    const again = pledge({ campaign: 'kept' });
    assert.equal((await post(running.url, again)).status, 201);
    assert.equal((await post(running.url, bodies[0])).status, 201, 'a retry across the restart');
    // Pledges are sorted 100–400 ms after their answer (store.ts): wait for it, then it is counted once.
    for (let tries = 0; tries < 50 && (await count(running.url, 'kept')) < 11; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(await count(running.url, 'kept'), 11, 'counted once');
    assert.equal(await stop(running.child, 'SIGTERM'), 0, 'exits cleanly on SIGTERM');

    // After a graceful stop (SQLite: the WAL is checkpointed into the file) another program reads them.
    assert.equal(await scalar(dbPath, "SELECT count(*) FROM pledges WHERE campaign = 'kept'"), 11);
  });

  it('refuses to start with a bad configuration, saying why', async () => {
    const child = spawn(process.execPath, [CLI], {
      env: { ...process.env, PORT: '0', SAMLENG_ADMIN_TOKEN: 'short', SAMLENG_DB: join(tempDir(), 'x.db') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
    const [code] = await once(child, 'exit');
    assert.equal(code, 1);
    assert.match(stderr, /SAMLENG_ADMIN_TOKEN must be at least 16 characters/);
  });
});
