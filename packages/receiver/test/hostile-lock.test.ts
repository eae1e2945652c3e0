// Another process holding SQLite's write lock: the receiver's event loop keeps running (/healthz answers
// at once, and says 503 while writes cannot happen), a pledge during a short lock waits and is stored,
// one during a long lock gets 503 + Retry-After (never a 500), and nothing is lost once the lock goes.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { sqliteOnly } from './db.js';
import { admin, count, healthy, pledge, post, start } from './helpers.js';

const { url, dbPath } = await start();

/** Starts the lock holder and resolves once it holds the lock. */
async function holdLock(): Promise<{ release: () => Promise<void>; child: ChildProcessWithoutNullStreams }> {
  const child = spawn(process.execPath, [
    fileURLToPath(new URL('./lock-holder.js', import.meta.url)),
    dbPath,
  ]);
  let output = '';
  child.stdout.setEncoding('utf8');
  const said = (word: string) =>
    new Promise<void>((resolve, reject) => {
      const listen = (text: string) => {
        output += text;
        if (output.includes(word)) {
          child.stdout.off('data', listen);
          resolve();
        }
      };
      child.stdout.on('data', listen);
      child.once('exit', (code) => (output.includes(word) ? resolve() : reject(new Error(`exit ${code}`))));
    });
  await said('locked');
  return {
    child,
    release: async () => {
      const exited = once(child, 'exit');
      child.stdin.write('release\n');
      await exited;
    },
  };
}

/** Milliseconds a request takes, with its status. */
async function timed(
  request: () => Promise<Response>,
): Promise<{ status: number; ms: number; response: Response }> {
  const started = performance.now();
  const response = await request();
  return { status: response.status, ms: performance.now() - started, response };
}

describe('a write lock held by another process', { timeout: 30_000, skip: sqliteOnly }, () => {
  it('keeps /healthz answering at once, 503 during the lock and 200 after', async () => {
    // healthy(): on a starved machine the receiver may rightly say 503 "event-loop" for a moment.
    assert.equal((await healthy(url)).status, 200);
    const lock = await holdLock();
    try {
      const during = await timed(() => fetch(`${url}/healthz`));
      assert.equal(during.status, 503);
      const state = (await during.response.json()) as { status: string; reasons: string[] };
      assert.equal(state.status, 'unavailable');
      assert.ok(state.reasons.includes('store'), JSON.stringify(state));
      assert.ok(during.ms < 250, `answered in ${Math.round(during.ms)} ms`);
    } finally {
      await lock.release();
    }
    assert.equal((await healthy(url)).status, 200);
  });

  it('stores a pledge that arrives during a short lock, once the lock goes', async () => {
    const lock = await holdLock();
    const body = pledge({ campaign: 'short-lock' });
    const pending = timed(() => post(url, body));
    // The loop is free while the pledge waits: other requests are answered meanwhile.
    const health = await timed(() => fetch(`${url}/healthz`));
    assert.equal(health.status, 503);
    assert.ok(health.ms < 250, `health answered in ${Math.round(health.ms)} ms during the wait`);
    await new Promise((resolve) => setTimeout(resolve, 300)); // a lock of a few hundred ms, as a backup takes
    await lock.release();
    const { status } = await pending;
    assert.equal(status, 201);
    assert.equal(await count(url, 'short-lock'), 1);
  });

  it('answers 503 + Retry-After to a pledge when the lock outlasts its 2 s of retries, never 500, and takes it on retry', async () => {
    const lock = await holdLock();
    const body = pledge({ campaign: 'long-lock' });
    let refused;
    try {
      refused = await timed(() => post(url, body));
      const health = await timed(() => fetch(`${url}/healthz`));
      assert.ok(health.ms < 250, `health answered in ${Math.round(health.ms)} ms`);
      // An erasure during the lock is refused the same way.
      const erase = await fetch(`${url}/api/pledges?campaign=long-lock&email=a@example.org`, {
        method: 'DELETE',
        headers: admin,
      });
      assert.equal(erase.status, 503);
      assert.equal(erase.headers.get('retry-after'), '5');
    } finally {
      await lock.release();
    }
    assert.equal(refused.status, 503);
    assert.equal(refused.response.headers.get('retry-after'), '5');
    assert.deepEqual(await refused.response.json(), { errors: { store: 'busy' } });
    assert.ok(refused.ms > 1_500 && refused.ms < 3_000, `gave up after ${Math.round(refused.ms)} ms`);
    // What the form's outbox does next: the same pledge again, stored once.
    assert.equal((await post(url, body)).status, 201);
    assert.equal(await count(url, 'long-lock'), 1);
  });
});
