// Faults with PostgreSQL: the database stopped and started again under load, and one of two receivers
// killed with -9 while the other serves. Pledges are posted as the widget's outbox would: a 503 (with
// Retry-After) or a refused connection is sent again later, to whichever receiver answers. Afterwards
// every pledge answered 201 is a row. PostgreSQL only; the cluster is the run's throwaway one
// (pg_virtualenv), stopped and started with pg_ctlcluster.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, describe, it } from 'node:test';
import { freshDatabase, postgresOnly, scalar, storeEnv } from './db.js';
import { count, pledge, post } from './helpers.js';
import { launch, stop } from './process.js';

/** pg_ctlcluster on the run's cluster (pg_virtualenv names it "regress"). */
function cluster(action: 'stop' | 'start'): void {
  const version = process.env.PGVERSION ?? '15';
  execFileSync('pg_ctlcluster', [version, 'regress', action, ...(action === 'stop' ? ['-m', 'fast'] : [])], {
    stdio: 'ignore',
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Posts `bodies` one after another over `urls` in turn (a few in parallel), each until it gets a 201, as
 * the widget's outbox would; records every status seen.
 */
function poster(urls: () => string[], bodies: Record<string, unknown>[]) {
  const statuses: number[] = [];
  const retryAfter: (string | null)[] = [];
  const answered = new Set<string>();
  let next = 0;
  const worker = async (lane: number) => {
    for (;;) {
      const index = next++;
      if (index >= bodies.length) return;
      const body = bodies[index];
      for (let attempt = 0; ; attempt++) {
        assert.ok(attempt < 200, 'a pledge got through within 200 tries');
        const targets = urls();
        try {
          const response = await post(targets[(index + attempt + lane) % targets.length], body);
          statuses.push(response.status);
          await response.arrayBuffer();
          if (response.status === 201) {
            answered.add(String(body.id));
            break;
          }
          assert.equal(response.status, 503, 'an outage is a 503, never a 500');
          retryAfter.push(response.headers.get('retry-after'));
        } catch (error) {
          if (error instanceof assert.AssertionError) throw error;
          statuses.push(0); // refused: the process is gone
        }
        await sleep(100); // the widget waits Retry-After (5 s); shorter here
      }
      await sleep(5);
    }
  };
  const done = Promise.all([0, 1, 2, 3].map((lane) => worker(lane)));
  return { statuses, retryAfter, answered, done };
}

describe('faults with PostgreSQL', { skip: postgresOnly, timeout: 120_000 }, () => {
  it('answers 503 + Retry-After while PostgreSQL is down, reconnects by itself, and every 201 is a row', async () => {
    const db = await freshDatabase();
    const env = { ...storeEnv, SAMLENG_DB: db, SAMLENG_RATE_LIMIT: '100000' };
    const a = await launch(env);
    const b = await launch(env);
    after(() => {
      a.child.kill('SIGKILL');
      b.child.kill('SIGKILL');
    });
    const bodies = Array.from({ length: 600 }, () => pledge({ campaign: 'outage' }));
    const load = poster(() => [a.url, b.url], bodies);
    while (load.answered.size < 100) await sleep(20);

    cluster('stop');
    try {
      // Down: /healthz says so on both receivers, and pledges get 503 + Retry-After (the poster sees them).
      for (const url of [a.url, b.url]) {
        const health = await fetch(`${url}/healthz`);
        assert.equal(health.status, 503);
        assert.deepEqual(((await health.json()) as { reasons: string[] }).reasons, ['store']);
      }
      const during = await post(a.url, pledge({ campaign: 'outage-probe' }));
      assert.equal(during.status, 503);
      assert.equal(during.headers.get('retry-after'), '5');
      assert.deepEqual(await during.json(), { errors: { store: 'busy' } });
      await sleep(1_000);
    } finally {
      cluster('start');
    }
    // Back: nothing restarts the receivers; they reconnect on their own.
    for (const url of [a.url, b.url]) {
      for (let tries = 0; (await fetch(`${url}/healthz`)).status !== 200; tries++) {
        assert.ok(tries < 100, 'healthy again within 10 s');
        await sleep(100);
      }
    }
    await load.done;
    assert.ok(load.statuses.includes(503), 'some pledges met the outage');
    assert.ok(
      load.retryAfter.every((value) => value === '5'),
      'every 503 says Retry-After',
    );
    assert.equal(load.answered.size, bodies.length);
    for (let tries = 0; (await scalar(db, 'SELECT count(*) FROM pledges WHERE NOT sorted')) > 0; tries++) {
      assert.ok(tries < 100, 'sorted within 10 s');
      await sleep(100);
    }
    assert.equal(
      await scalar(db, "SELECT count(*) FROM pledges WHERE campaign = 'outage' AND id = ANY(?)", [
        [...load.answered],
      ]),
      bodies.length,
      'every pledge answered 201 is a row',
    );
    assert.equal(await count(a.url, 'outage'), bodies.length);
    assert.equal(await count(b.url, 'outage'), bodies.length);
    for (const child of [a.child, b.child]) assert.equal(await stop(child, 'SIGTERM'), 0);
  });

  it('loses nothing when one receiver is killed with -9 while the other serves', async () => {
    const db = await freshDatabase();
    const env = { ...storeEnv, SAMLENG_DB: db, SAMLENG_RATE_LIMIT: '100000' };
    const a = await launch(env);
    const b = await launch(env);
    after(() => {
      a.child.kill('SIGKILL');
      b.child.kill('SIGKILL');
    });
    let alive = [a.url, b.url];
    const bodies = Array.from({ length: 400 }, () => pledge({ campaign: 'killed' }));
    const load = poster(() => alive, bodies);
    while (load.answered.size < 100) await sleep(10);
    // What a load balancer does once its health check fails: sends to the other one only.
    await stop(a.child, 'SIGKILL');
    await sleep(300);
    alive = [b.url];
    await load.done;
    assert.equal(load.answered.size, bodies.length);
    for (let tries = 0; (await scalar(db, 'SELECT count(*) FROM pledges WHERE NOT sorted')) > 0; tries++) {
      assert.ok(tries < 100, 'sorted within 10 s (also what the killed one left unsorted)');
      await sleep(100);
    }
    assert.equal(await count(b.url, 'killed'), bodies.length);
    assert.equal(await scalar(db, "SELECT count(*) FROM pledges WHERE campaign = 'killed'"), bodies.length);
    assert.equal(await stop(b.child, 'SIGTERM'), 0);
  });
});
