// The topology of deploy/docker-compose.yml as local processes (no Docker engine here): PostgreSQL, two
// real receivers, and a small reverse proxy in front doing what the Caddyfile asks of Caddy — round robin,
// X-Forwarded-For, and a request that cannot reach one receiver tried on the other. PostgreSQL only.
import assert from 'node:assert/strict';
import { createServer, request } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import { freshDatabase, postgresOnly, scalar, storeEnv } from './db.js';
import { count, healthy, pledge, post } from './helpers.js';
import { launch, stop } from './process.js';

/** Round robin over `upstreams`; a refused connection is tried on the next one (Caddy's lb_try_duration). */
async function proxy(upstreams: string[]): Promise<{ url: string; served: Map<string, number> }> {
  const served = new Map<string, number>();
  let turn = 0;
  const forward = (incoming: IncomingMessage, body: Buffer, response: ServerResponse, tries: number) => {
    const upstream = new URL(upstreams[turn++ % upstreams.length]);
    const outgoing = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, 'x-forwarded-for': incoming.socket.remoteAddress ?? '' },
      },
      (answer) => {
        served.set(upstream.origin, (served.get(upstream.origin) ?? 0) + 1);
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    outgoing.on('error', () => {
      if (tries < upstreams.length) forward(incoming, body, response, tries + 1);
      else response.writeHead(502).end();
    });
    outgoing.end(body);
  };
  const server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => forward(incoming, Buffer.concat(chunks), response, 1));
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, served };
}

describe('deploy/docker-compose.yml as local processes', { skip: postgresOnly, timeout: 60_000 }, () => {
  it('spreads pledges over two receivers behind a proxy, and keeps them all when one is killed', async () => {
    const db = await freshDatabase();
    const env = { ...storeEnv, SAMLENG_DB: db, SAMLENG_TRUST_PROXY: '127.0.0.1', SAMLENG_RATE_LIMIT: '1000' };
    const one = await launch(env);
    const two = await launch(env);
    after(() => {
      one.child.kill('SIGKILL');
      two.child.kill('SIGKILL');
    });
    const front = await proxy([one.url, two.url]);

    const bodies = Array.from({ length: 60 }, (_, index) =>
      pledge({ campaign: 'front', partner: `p${index % 3}` }),
    );
    for (const [index, body] of bodies.entries()) {
      // Each pledge twice, as a form retrying after a lost answer: the two posts meet different receivers.
      assert.equal((await post(front.url, body)).status, 201);
      assert.equal((await post(front.url, body)).status, 201);
      if (index === 29) await stop(one.child, 'SIGKILL'); // halfway, one receiver dies
    }
    assert.ok(
      (front.served.get(new URL(one.url).origin) ?? 0) >= 30,
      'the first receiver served until killed',
    );
    assert.ok((front.served.get(new URL(two.url).origin) ?? 0) >= 60, 'the second served throughout');
    for (let tries = 0; (await scalar(db, 'SELECT count(*) FROM pledges WHERE NOT sorted')) > 0; tries++) {
      assert.ok(tries < 100, 'sorted within 10 s');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(await count(front.url, 'front'), 60);
    assert.equal(await count(front.url, 'front', 'p1'), 20);
    assert.equal((await healthy(front.url)).status, 200);
  });
});
