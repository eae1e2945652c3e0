// `npm run bench:receiver`: load on loopback against the real `samleng-receiver` process.
// autocannon posts UNIQUE pledges (fresh id and e-mail each) for a bounded time, then the stored count is
// checked against the number of 201 answers. Requests still in flight when the time is up are cut off by
// autocannon (the receiver may or may not have stored them); each is posted again afterwards, which the
// idempotency key stores once whatever the answer (always 201 now: a retry is answered like a first post), so the check is exact. The receiver runs as its own process with a temporary
// database and the production log level (info: one line per request), the rate limit raised for the run.
//   BENCH_DURATION (s, default 10), BENCH_CONNECTIONS (default 50), BENCH_LOG_LEVEL (default info)
import autocannon from 'autocannon';
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { heldLock, slowloris } from './hostile.mjs';
import { startReceiver } from './receiver.mjs';

const duration = Math.min(Number(process.env.BENCH_DURATION ?? 10), 60);
const connections = Math.min(Number(process.env.BENCH_CONNECTIONS ?? 50), 500);
const TARGET_RATE = 2000;
const TARGET_P99 = 25;

const dir = mkdtempSync(join(tmpdir(), 'samleng-bench-'));
const logPath = join(dir, 'receiver.log');
const { server, url } = await startReceiver(
  {
    SAMLENG_DB: join(dir, 'bench.db'),
    SAMLENG_RATE_LIMIT: '1000000000',
    SAMLENG_LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
  },
  logPath,
);

/**
 * CPU time (user + system, ms) the receiver process has used, from /proc (Linux; undefined elsewhere). The
 * throughput depends on what else the 2 cores are doing; CPU per pledge says what one free core could do.
 */
function serverCpuMs() {
  try {
    const fields = readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, USER_HZ = 100
  } catch {
    return undefined;
  }
}

const campaign = `bench-${Date.now()}`;
const consentText = 'I agree that the coalition stores my name and e-mail for this campaign.';
console.log(
  `Benchmark: unique pledges to ${url}/api/pledges, ${connections} connections; ` +
    `${duration} s as fast as possible, then ${duration} s at ${TARGET_RATE} pledges/s`,
);

/** Bodies sent and not yet answered, by id. */
const unanswered = new Map();
let created = 0;

/** The JSON of a unique pledge, built by concatenation (the generator's CPU must stay small). */
function pledgeBody(target, id) {
  return `{"campaign":"${target}","partner":"bench","name":"Bench Person","consent":true,"consentText":"${consentText}","locale":"km","website":"","id":"${id}","email":"${id}@example.org"}`;
}

/**
 * Posts unique pledges to the `target` campaign as fast as the receiver answers (closed loop: each
 * connection sends its next pledge when the answer comes); `track` records answers for the count check.
 */
function run(target, seconds, track) {
  return autocannon({
    url: `${url}/api/pledges`,
    connections,
    duration: seconds,
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const id = randomUUID();
          const body = pledgeBody(target, id);
          if (track) unanswered.set(id, body);
          request.body = body;
          return request;
        },
        onResponse: (status, body) => {
          if (!track) return;
          if (status === 201) created++;
          unanswered.delete(body.slice(7, 43)); // read by position: {"id":"<36-character UUID>",…
        },
      },
    ],
  });
}

/**
 * Open loop at a steady `rate`: a pledge is due every 1/rate s whether or not earlier ones were answered
 * (as independent people would send them), over up to `connections` keep-alive connections. Latency is
 * counted from when each pledge was due, so a stalled receiver cannot hide its delay (no coordinated
 * omission). autocannon's own rate option sends each second's share in a burst, which measures bursts.
 */
function paced(target, seconds, rate) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const total = Math.round(rate * seconds);
  const latencies = [];
  const statuses = {};
  let errors = 0;
  let sent = 0;
  let done = 0;
  const start = performance.now();
  return new Promise((resolve) => {
    const finish = () => {
      agent.destroy();
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
    const fire = (due) => {
      const id = randomUUID();
      const body = pledgeBody(target, id);
      const request = http.request(
        `${url}/api/pledges`,
        {
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (response) => {
          response.resume();
          response.on('end', () => {
            latencies.push(performance.now() - due);
            statuses[response.statusCode] = (statuses[response.statusCode] ?? 0) + 1;
            if (response.statusCode === 201) created++;
            if (++done === total) finish();
          });
        },
      );
      request.on('error', () => {
        errors++;
        unanswered.set(id, body); // posted again at the end, like autocannon's cut-off requests
        if (++done === total) finish();
      });
      request.end(body);
    };
    const tick = () => {
      const now = performance.now();
      while (sent < total && start + (sent * 1000) / rate <= now) fire(start + (sent++ * 1000) / rate);
      if (sent < total) setTimeout(tick, 1);
    };
    tick();
  });
}

try {
  // Warm-up (not measured): lets V8 optimize the hot paths, as in a receiver that has been running.
  await run(`${campaign}-warm-up`, 3, false);
  const cpuBefore = serverCpuMs();
  const ownCpuBefore = process.cpuUsage();
  const createdBefore = created;
  const fast = await run(campaign, duration, true);
  const fastCreated = created - createdBefore;
  const ownCpu = process.cpuUsage(ownCpuBefore);
  const cpuAfter = serverCpuMs();
  const steady = await paced(campaign, duration, TARGET_RATE);
  const pacedCreated = created - fastCreated;

  let createdAfter = 0;
  for (const body of unanswered.values()) {
    const response = await fetch(`${url}/api/pledges`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    if (response.status === 201) createdAfter++;
    else if (response.status !== 200) throw new Error(`re-post answered ${response.status}`);
  }
  // Pledges are sorted into the count 100–400 ms after their answer (store.ts).
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const response = await fetch(`${url}/api/pledges/count?campaign=${campaign}`);
  const stored = (await response.json()).count;

  const report = (label, result, accepted) => {
    const others = Object.entries(result.statusCodeStats ?? result.statuses)
      .filter(([status]) => status !== '201')
      .map(([status, count]) => `${status}×${count.count ?? count}`);
    const { p50, p99, average, max } = result.latency;
    console.log(
      `${label}: ${(accepted / result.duration).toFixed(0)} accepted pledges/s (${accepted} in ` +
        `${result.duration.toFixed(1)} s); latency p50 ${p50} ms, p99 ${p99} ms (mean ${average}, max ${max}); ` +
        `other answers: ${others.join(', ') || 'none'}; errors ${result.errors}, timeouts ${result.timeouts ?? 0}`,
    );
    return others.length === 0 && result.errors === 0 && !result.timeouts;
  };
  const fastClean = report('as fast as possible (autocannon)', fast, fastCreated);
  const pacedClean = report(`steady ${TARGET_RATE}/s (open loop)`, steady, pacedCreated);
  const exact = stored === created + unanswered.size;
  console.log(
    `stored count: ${stored}; 201 answers: ${created} + ${createdAfter} of ${unanswered.size} cut-off requests ` +
      `posted again (the rest were already stored) → ${exact ? 'none lost, none doubled' : 'MISMATCH'}; ` +
      `log written: ${(statSync(logPath).size / 1024 / 1024).toFixed(1)} MiB`,
  );
  if (cpuBefore !== undefined && cpuAfter !== undefined && fast.requests.total > 0) {
    const perRequest = ((cpuAfter - cpuBefore) * 1000) / fast.requests.total;
    console.log(
      `receiver CPU: ${perRequest.toFixed(0)} µs per request → about ${(1e6 / perRequest).toFixed(0)} ` +
        `pledges/s for each core it has to itself; load generator: ` +
        `${((ownCpu.user + ownCpu.system) / fast.requests.total).toFixed(0)} µs per request`,
    );
  }
  console.log(
    `load average (1 min) at the end: ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`,
  );
  const meets = fastCreated / fast.duration >= TARGET_RATE && steady.latency.p99 < TARGET_P99;
  console.log(
    `target ≥ ${TARGET_RATE} pledges/s with p99 < ${TARGET_P99} ms: ${meets ? 'met' : 'NOT met'} in this run`,
  );
  // Hostile phases (bench/hostile.mjs), in campaigns of their own so the count check above stays exact.
  const slowClean = await slowloris(url, server.pid, `${campaign}-slowloris`);
  const lockClean = await heldLock(url, join(dir, 'bench.db'), `${campaign}-lock`);
  if (!exact || !fastClean || !pacedClean || !slowClean || !lockClean) process.exitCode = 1;
} finally {
  server.kill('SIGTERM');
  await once(server, 'exit');
  rmSync(dir, { recursive: true, force: true });
}
