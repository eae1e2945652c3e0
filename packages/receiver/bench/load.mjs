// The load the receiver benchmarks put on one receiver or several (bench.mjs on SQLite, postgres.mjs on
// PostgreSQL): unique pledges, closed loop as fast as answers come, or open loop at a steady rate; and the
// CPU time a process has used. Several receivers share the load as a load balancer would.
import autocannon from 'autocannon';
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';

const consentText = 'I agree that the coalition stores my name and e-mail for this campaign.';

/** The JSON of a unique pledge, built by concatenation (the generator's CPU must stay small). */
export function pledgeBody(campaign, id) {
  return `{"campaign":"${campaign}","partner":"bench","name":"Bench Person","consent":true,"consentText":"${consentText}","locale":"km","website":"","id":"${id}","email":"${id}@example.org"}`;
}

/** CPU time (user + system, ms) of processes, from /proc (Linux; 0 for one that is gone or elsewhere). */
export function cpuMs(pids) {
  let total = 0;
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      total += ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, USER_HZ = 100
    } catch {
      // exited
    }
  }
  return total;
}

/**
 * The machine's CPU time so far, from /proc/stat (Linux; zeros elsewhere): all of it, and the part the
 * hypervisor gave to other guests ("steal"). On a shared virtual machine steal comes in bursts, and both
 * the receiver and the load generator stall in them: in 500 ms windows of a run at 2,000 pledges/s, those
 * with a quarter or more of the time stolen held most answers slower than 25 ms.
 */
export function machineCpu() {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return { total: fields.reduce((a, b) => a + b, 0), steal: fields[7] ?? 0 };
  } catch {
    return { total: 0, steal: 0 };
  }
}

/** The share of the machine's CPU time stolen between two machineCpu() readings, in percent. */
export function stolenPercent(before, after) {
  const total = after.total - before.total;
  return total > 0 ? ((after.steal - before.steal) * 100) / total : 0;
}

/**
 * Tracks what was posted: bodies sent and not yet answered 201 (by id), to post again after a phase (the
 * id makes that exact), and the 201 answers. A tracker that is not `on` (a warm-up) records nothing.
 */
export function tracker(on = true) {
  return { on, unanswered: new Map(), created: 0 };
}

/**
 * Closed loop: unique pledges to `campaign` as fast as the receivers answer (each connection sends its
 * next pledge when the answer comes), `connections` in all, shared out over `urls` (one autocannon each).
 * Resolves with autocannon's results, one per receiver.
 */
export function closedLoop({ urls, connections, seconds, campaign, track }) {
  return Promise.all(
    urls.map((url) =>
      autocannon({
        url: `${url}/api/pledges`,
        connections: Math.max(1, Math.round(connections / urls.length)),
        duration: seconds,
        headers: { 'content-type': 'application/json' },
        requests: [
          {
            method: 'POST',
            setupRequest: (request) => {
              const id = randomUUID();
              request.body = pledgeBody(campaign, id);
              if (track.on) track.unanswered.set(id, request.body);
              return request;
            },
            onResponse: (status, body) => {
              if (!track.on || status !== 201) return;
              track.created++;
              track.unanswered.delete(body.slice(7, 43)); // by position: {"id":"<36-character UUID>",…
            },
          },
        ],
      }),
    ),
  );
}

/**
 * Open loop at a steady `rate`: a pledge is due every 1/rate s whether or not earlier ones were answered
 * (as independent people would send them), each to the next receiver in turn, over up to `connections`
 * keep-alive connections. Latency is counted from when each pledge was due, so a stalled receiver cannot
 * hide its delay (no coordinated omission). autocannon's own rate option sends each second's share in a
 * burst, which measures bursts.
 */
export function openLoop({ urls, connections, seconds, rate, campaign, track }) {
  const agents = urls.map(
    () => new http.Agent({ keepAlive: true, maxSockets: Math.ceil(connections / urls.length) }),
  );
  const total = Math.round(rate * seconds);
  const latencies = [];
  const statuses = {};
  let errors = 0;
  let sent = 0;
  let done = 0;
  const start = performance.now();
  return new Promise((resolve) => {
    const finish = () => {
      for (const agent of agents) agent.destroy();
      latencies.sort((a, b) => a - b);
      const at = (q) =>
        Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]);
      resolve({
        duration: (performance.now() - start) / 1000,
        statuses,
        errors,
        latency: {
          p50: at(0.5),
          p99: at(0.99),
          average: Math.round((latencies.reduce((a, b) => a + b, 0) / latencies.length) * 100) / 100,
          max: Math.round(latencies[latencies.length - 1]),
        },
      });
    };
    const fire = (due, index) => {
      const id = randomUUID();
      const body = pledgeBody(campaign, id);
      const request = http.request(
        `${urls[index % urls.length]}/api/pledges`,
        {
          method: 'POST',
          agent: agents[index % urls.length],
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (response) => {
          response.resume();
          response.on('end', () => {
            latencies.push(performance.now() - due);
            statuses[response.statusCode] = (statuses[response.statusCode] ?? 0) + 1;
            if (response.statusCode === 201) track.created++;
            else track.unanswered.set(id, body);
            if (++done === total) finish();
          });
        },
      );
      request.on('error', () => {
        errors++;
        track.unanswered.set(id, body); // posted again at the end, like autocannon's cut-off requests
        if (++done === total) finish();
      });
      request.end(body);
    };
    const tick = () => {
      const now = performance.now();
      while (sent < total && start + (sent * 1000) / rate <= now) {
        fire(start + (sent * 1000) / rate, sent);
        sent++;
      }
      if (sent < total) setTimeout(tick, 1);
    };
    tick();
  });
}

/**
 * Posts again what was sent and not answered 201 (cut off at a phase's end, or refused); returns how many
 * were created by it. A 201 for a pledge already stored is the same answer (idempotency), so the count
 * check stays exact: stored = created + at most these.
 */
export async function postAgain(url, track) {
  let again = 0;
  for (const body of track.unanswered.values()) {
    const response = await fetch(`${url}/api/pledges`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    if (response.status !== 201) throw new Error(`re-post answered ${response.status}`);
    again++;
  }
  return again;
}

/**
 * The warm-up before the measured phases, not measured: the closed loop, then the open loop at `rate`. Each
 * has its own client (autocannon's, node:http's), and both must be optimized by V8 before they measure
 * the receiver: a cold open loop sent its first pledges up to 29 ms late for about 0.6 s, a 20,000-pledge
 * run's p99 by itself (seen with the send times logged, and gone when a first open loop ran before).
 */
export async function warmUp(load, rate) {
  const warm = { ...load, campaign: `${load.campaign}-warm-up`, track: tracker(false) };
  await closedLoop({ ...warm, seconds: 3 });
  await openLoop({ ...warm, seconds: 2, rate });
}
