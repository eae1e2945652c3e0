// `npm run bench:receiver`: load on loopback against the real `samleng-receiver` process.
// autocannon posts UNIQUE pledges (fresh id and e-mail each) for a bounded time, then the stored count is
// checked against the number of 201 answers. Requests still in flight when the time is up are cut off by
// autocannon (the receiver may or may not have stored them); each is posted again afterwards, which the
// idempotency key turns into a 201 if it was not stored and a 200 duplicate if it was, so the check is exact. The receiver runs as its own process with a temporary
// database and the production log level (info: one line per request), the rate limit raised for the run.
//   BENCH_DURATION (s, default 10), BENCH_CONNECTIONS (default 50), BENCH_LOG_LEVEL (default info)
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const duration = Math.min(Number(process.env.BENCH_DURATION ?? 10), 60);
const connections = Math.min(Number(process.env.BENCH_CONNECTIONS ?? 50), 500);
const TARGET_RATE = 2000;
const TARGET_P99 = 25;

const dir = mkdtempSync(join(tmpdir(), 'samleng-bench-'));
const cli = fileURLToPath(new URL('../dist/src/cli.js', import.meta.url));
const server = spawn(process.execPath, [cli], {
  env: {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1', // loopback only
    SAMLENG_DB: join(dir, 'bench.db'),
    SAMLENG_RATE_LIMIT: '1000000000',
    SAMLENG_LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let logBytes = 0;
const url = await new Promise((resolve, reject) => {
  let output = '';
  server.stdout.on('data', (chunk) => {
    logBytes += chunk.length;
    output += String(chunk);
    const match = /Samleng receiver: (http:\/\/[^/\s]+)\//.exec(output);
    if (match) resolve(match[1]);
  });
  server.once('exit', (code) => reject(new Error(`receiver exited with ${code}`)));
});

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
console.log(`Benchmark: ${connections} connections for ${duration} s, unique pledges to ${url}/api/pledges`);

/** Bodies sent and not yet answered, by id. */
const unanswered = new Map();
let created = 0;

/** Posts unique pledges to `target` campaign; `track` records answers for the stored-count check. */
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
          const body = JSON.stringify({
            id,
            campaign: target,
            partner: 'bench',
            name: 'Bench Person',
            email: `${id}@example.org`,
            consent: true,
            consentText,
            locale: 'km',
            website: '',
          });
          if (track) unanswered.set(id, body);
          request.body = body;
          return request;
        },
        onResponse: (status, body) => {
          if (!track) return;
          if (status === 201) created++;
          unanswered.delete(JSON.parse(body).id);
        },
      },
    ],
  });
}

try {
  // Warm-up (not measured): lets V8 optimize the hot paths, as in a receiver that has been running.
  await run(`${campaign}-warm-up`, 3, false);
  const cpuBefore = serverCpuMs();
  const result = await run(campaign, duration, true);

  const cpuAfter = serverCpuMs();
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
  const others = Object.entries(result.statusCodeStats ?? {})
    .filter(([status]) => status !== '201')
    .map(([status, { count }]) => `${status}×${count}`);
  const response = await fetch(`${url}/api/pledges/count?campaign=${campaign}`);
  const stored = (await response.json()).count;
  const rate = created / (result.duration || duration);
  const { p50, p99 } = result.latency;

  console.log(
    `accepted pledges: ${created} in ${result.duration.toFixed(1)} s = ${rate.toFixed(0)} pledges/s`,
  );
  console.log(
    `latency: p50 ${p50} ms, p99 ${p99} ms (mean ${result.latency.average} ms, max ${result.latency.max} ms)`,
  );
  console.log(
    `other answers: ${others.join(', ') || 'none'}; errors ${result.errors}, timeouts ${result.timeouts}; ` +
      `log written: ${(logBytes / 1024 / 1024).toFixed(1)} MiB`,
  );
  console.log(
    `stored count: ${stored}; 201 answers: ${created} during the run + ${createdAfter} of ${unanswered.size} ` +
      `cut-off requests posted again (the rest were already stored) → ` +
      `${stored === created + unanswered.size ? 'none lost, none doubled' : 'MISMATCH'}`,
  );
  if (cpuBefore !== undefined && cpuAfter !== undefined && result.requests.total > 0) {
    const perRequest = ((cpuAfter - cpuBefore) * 1000) / result.requests.total;
    console.log(
      `receiver CPU: ${perRequest.toFixed(0)} µs per request → about ${(1e6 / perRequest).toFixed(0)} ` +
        `pledges/s for each core it has to itself`,
    );
  }
  console.log(`load average during the run (1 min): ${loadavg()[0].toFixed(1)} on 2 cores`);
  const meets = rate >= TARGET_RATE && p99 < TARGET_P99;
  console.log(
    `target ≥ ${TARGET_RATE} pledges/s with p99 < ${TARGET_P99} ms: ${meets ? 'met' : 'NOT met'} on this machine`,
  );
  if (stored !== created + unanswered.size || result.errors > 0 || others.length > 0) process.exitCode = 1;
} finally {
  server.kill('SIGTERM');
  await once(server, 'exit');
  rmSync(dir, { recursive: true, force: true });
}
