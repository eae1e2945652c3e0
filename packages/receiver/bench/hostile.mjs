// The benchmark's hostile phases, run against the same receiver process after the throughput phases:
// a slowloris (sockets held open with nothing, half headers or half a body) while others post, and
// another process holding SQLite's write lock for 3 s. Figures, not pass/fail timings; a 500 or a held
// socket the receiver never closes is reported as a failure.
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { connect } from 'node:net';

const consentText = 'I agree that the coalition stores my name and e-mail for this campaign.';
const pledge = (campaign) =>
  JSON.stringify({
    id: randomUUID(),
    campaign,
    name: 'Bench',
    email: `${randomUUID()}@example.org`,
    consent: true,
    consentText,
    locale: 'km',
  });
const post = (url, body) =>
  fetch(`${url}/api/pledges`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
const fds = (pid) => {
  try {
    return readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    return undefined;
  }
};
const pct = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
};
const timed = async (request) => {
  const started = performance.now();
  const response = await request();
  await response.arrayBuffer();
  return { status: response.status, ms: performance.now() - started, response };
};

/** Opens `count` slow sockets, posts pledges meanwhile, then waits (≤ 40 s) for the receiver to close them. */
export async function slowloris(url, pid, campaign, count = 2000) {
  const { port } = new URL(url);
  const fdsBefore = fds(pid);
  const held = [];
  const trickles = [];
  for (let i = 0; i < count; i++) {
    const socket = connect({ port: Number(port), host: '127.0.0.1' });
    socket.on('error', () => {});
    socket.on('data', () => {});
    const closed = new Promise((resolve) => socket.once('close', () => resolve(performance.now())));
    await new Promise((resolve) => socket.once('connect', resolve).once('error', resolve));
    if (i % 3 === 1) {
      socket.write('POST /api/pledges HTTP/1.1\r\nHost: 127.0.0.1\r\n');
      trickles.push(setInterval(() => socket.destroyed || socket.write(`X-A${i}: b\r\n`), 2000));
    } else if (i % 3 === 2) {
      socket.write(
        'POST /api/pledges HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 900\r\n\r\n{',
      );
    }
    held.push({ socket, closed });
  }
  const since = performance.now();
  const fdsHeld = fds(pid);
  const latencies = [];
  const statuses = {};
  for (let i = 0; i < 200; i++) {
    const { status, ms } = await timed(() => post(url, pledge(campaign)));
    latencies.push(ms);
    statuses[status] = (statuses[status] ?? 0) + 1;
  }
  const health = await timed(() => fetch(`${url}/healthz`));
  const closedAt = await Promise.race([
    Promise.all(held.map((h) => h.closed)),
    new Promise((resolve) => setTimeout(() => resolve(undefined), 40_000)),
  ]);
  for (const timer of trickles) clearInterval(timer);
  const open = held.filter((h) => !h.socket.closed).length;
  for (const h of held) h.socket.destroy();
  const allClosedS = closedAt ? (Math.max(...closedAt) - since) / 1000 : undefined;
  console.log(
    `slowloris: ${count} sockets held (receiver fds ${fdsBefore} → ${fdsHeld}); meanwhile 200 pledges: ` +
      `${Object.entries(statuses)
        .map(([s, n]) => `${s}×${n}`)
        .join(', ')}, p50 ${pct(latencies, 50).toFixed(1)} ms, p99 ${pct(latencies, 99).toFixed(1)} ms; ` +
      `/healthz ${health.status} in ${health.ms.toFixed(0)} ms; ` +
      (allClosedS === undefined
        ? `${open} held sockets NOT closed by the receiver after 40 s`
        : `all held sockets closed by the receiver within ${allClosedS.toFixed(1)} s (receiver fds after: ${fds(pid)})`),
  );
  return allClosedS !== undefined && statuses[201] === 200 && health.status === 200;
}

/** Holds the write lock from this process for `seconds`, probing the receiver meanwhile. */
export async function heldLock(url, dbPath, campaign, seconds = 3) {
  const db = new Database(dbPath, { timeout: 10_000 });
  db.exec('BEGIN IMMEDIATE');
  const lockedAt = performance.now();
  const body = pledge(campaign);
  const during = timed(() => post(url, body));
  const healthMs = [];
  const healthStatus = {};
  while (performance.now() - lockedAt < seconds * 1000) {
    const { status, ms } = await timed(() => fetch(`${url}/healthz`));
    healthMs.push(ms);
    healthStatus[status] = (healthStatus[status] ?? 0) + 1;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const refused = await during;
  db.exec('COMMIT');
  db.close();
  const retried = await timed(() => post(url, body));
  const after = await timed(() => fetch(`${url}/healthz`));
  console.log(
    `write lock held ${seconds} s by another process: /healthz answered ${healthMs.length} times, ` +
      `max ${Math.max(...healthMs).toFixed(0)} ms (${Object.entries(healthStatus)
        .map(([s, n]) => `${s}×${n}`)
        .join(', ')}); a pledge during it: ${refused.status} after ${refused.ms.toFixed(0)} ms ` +
      `(Retry-After ${refused.response.headers.get('retry-after')}); posted again after: ${retried.status}; ` +
      `/healthz after: ${after.status}`,
  );
  return (
    refused.status === 503 && retried.status === 201 && after.status === 200 && Math.max(...healthMs) < 250
  );
}
