// Slow and idle clients over real sockets: a bounded slowloris (1,500 sockets that send nothing, trickle
// headers, or stop half-way through a body) does not stop other clients being served, and every held
// socket is closed by the receiver within its timeouts. The timeouts are shortened here so the test takes
// seconds; the defaults are in http-limits.ts.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { describe, it } from 'node:test';
import { storeIndependent } from './db.js';
import { pledge, post, start } from './helpers.js';

// Long enough that the slowloris is still on while others are served, even on a loaded machine.
const LIMITS = {
  headersTimeoutMs: 4_000,
  requestTimeoutMs: 5_000,
  keepAliveTimeoutMs: 500,
  socketTimeoutMs: 8_000,
  checkIntervalMs: 250,
};

/** Opens a socket and resolves once connected; `closed` resolves when the other side closes it. */
function open(port: number): Promise<{ socket: Socket; closed: Promise<number> }> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.on('data', () => {}); // a 408 may come first
    const closed = new Promise<number>((done) => socket.once('close', () => done(Date.now())));
    socket.once('error', () => {}); // a reset is a close too
    socket.once('connect', () => resolve({ socket, closed }));
    socket.once('error', reject);
  });
}

const portOf = (url: string) => Number(new URL(url).port);

describe('slow and idle clients', { skip: storeIndependent }, () => {
  it(
    'serves others during a 1,500-socket slowloris, then closes every held socket',
    { timeout: 60_000 },
    async () => {
      const { url } = await start({ httpLimits: { ...LIMITS, maxConnections: 4_000 } });
      const port = portOf(url);
      const held: { socket: Socket; closed: Promise<number> }[] = [];
      const trickles: NodeJS.Timeout[] = [];
      // Opened 100 at a time, so all are open well within the headers timeout.
      const opened: { socket: Socket; closed: Promise<number> }[] = [];
      for (let batch = 0; batch < 15; batch++) {
        opened.push(...(await Promise.all(Array.from({ length: 100 }, () => open(port)))));
      }
      for (const [i, client] of opened.entries()) {
        held.push(client);
        const kind = i % 3;
        if (kind === 1) {
          // Headers a line at a time, never finished: each line keeps an idle-socket timer from firing.
          client.socket.write('POST /api/pledges HTTP/1.1\r\nHost: 127.0.0.1\r\n');
          trickles.push(
            setInterval(() => {
              if (!client.socket.destroyed) client.socket.write(`X-Slow-${Date.now()}: 1\r\n`);
            }, 300),
          );
        } else if (kind === 2) {
          // Full headers, half the body it announced.
          client.socket.write(
            'POST /api/pledges HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"id":"',
          );
        }
        // kind 0: connected, sends nothing.
      }
      const heldSince = Date.now();
      try {
        // Others are served while the slowloris is on (counted as each answer arrives).
        const stillOpen = () =>
          held.filter((client) => !client.socket.destroyed && !client.socket.closed).length;
        const heldAtAnswers: number[] = [];
        for (let i = 0; i < 10; i++) {
          const response = await post(url, pledge({ campaign: 'during-slowloris' }));
          heldAtAnswers.push(stillOpen());
          assert.equal(response.status, 201);
          await response.arrayBuffer();
        }
        // /healthz answers too; the store is fine (this process may itself have lagged opening 1,500
        // sockets on a loaded machine, which /healthz rightly reports as "event-loop").
        const health = (await (await fetch(`${url}/healthz`)).json()) as {
          status: string;
          reasons?: string[];
        };
        assert.ok(health.status === 'ok' || !health.reasons?.includes('store'), JSON.stringify(health));
        assert.ok(
          heldAtAnswers[0] > 1_000,
          `the slowloris was on while others were served (${heldAtAnswers.join(', ')} held)`,
        );

        // Then the receiver closes every one of them, within its timeouts.
        const closedAt = await Promise.all(held.map((client) => client.closed));
        const slowest = Math.max(...closedAt) - heldSince;
        assert.ok(
          slowest < LIMITS.socketTimeoutMs + 2 * LIMITS.checkIntervalMs + 2_000,
          `all held sockets closed after ${slowest} ms`,
        );
      } finally {
        for (const timer of trickles) clearInterval(timer);
        for (const client of held) client.socket.destroy();
      }
    },
  );

  it('caps the open connections, and serves again once held ones time out', { timeout: 30_000 }, async () => {
    const { url } = await start({ httpLimits: { ...LIMITS, maxConnections: 20 } });
    const port = portOf(url);
    const held = await Promise.all(Array.from({ length: 20 }, () => open(port)));
    // The 21st connection is accepted by the kernel and closed by the receiver at once.
    const extra = await open(port);
    await extra.closed;
    assert.equal(extra.socket.bytesRead, 0, 'closed without an answer');
    await Promise.all(held.map((client) => client.closed));
    const response = await post(url, pledge({ campaign: 'after-cap' }));
    assert.equal(response.status, 201);
  });
});
