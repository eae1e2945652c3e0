// `npm run bench:receiver`: load on loopback against the real `samleng-receiver` process.
// autocannon posts UNIQUE pledges (fresh id and e-mail each) for a bounded time, then the stored count is
// checked against the number of 201 answers. Requests still in flight when the time is up are cut off by
// autocannon (the receiver may or may not have stored them); each is posted again afterwards, which the
// idempotency key stores once whatever the answer (always 201: a retry is answered like a first post),
// so the check is exact. The load itself is load.mjs. The receiver runs as its own process with a
// temporary database and the production log level (info: one line per request), the rate limit raised.
//   BENCH_DURATION (s, default 10), BENCH_CONNECTIONS (default 50), BENCH_LOG_LEVEL (default info)
import { once } from 'node:events';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { heldLock, slowloris } from './hostile.mjs';
import {
  closedLoop,
  cpuMs,
  machineCpu,
  openLoop,
  postAgain,
  stolenPercent,
  tracker,
  warmUp,
} from './load.mjs';
import { startReceiver } from './receiver.mjs';

const duration = Math.min(Number(process.env.BENCH_DURATION ?? 10), 60);
const connections = Math.min(Number(process.env.BENCH_CONNECTIONS ?? 50), 500);
const TARGET_RATE = 2000;
const TARGET_P99 = 25;
/** Seconds at the steady rate right after the burst, measured apart from the steady phase. */
const SETTLE_S = 2;

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

const campaign = `bench-${Date.now()}`;
console.log(
  `Benchmark: unique pledges to ${url}/api/pledges, ${connections} connections; ` +
    `${duration} s as fast as possible, then ${SETTLE_S} + ${duration} s at ${TARGET_RATE} pledges/s`,
);
const load = { urls: [url], connections, campaign };
const track = tracker();

try {
  // Warm-up (not measured): lets V8 optimize the hot paths, the receiver's and the load generator's.
  await warmUp(load, TARGET_RATE);
  const cpuBefore = cpuMs([server.pid]);
  const ownCpuBefore = process.cpuUsage();
  const [fast] = await closedLoop({ ...load, seconds: duration, track });
  const fastCreated = track.created;
  const ownCpu = process.cpuUsage(ownCpuBefore);
  const cpuAfter = cpuMs([server.pid]);
  // The first seconds after the burst, at the steady rate: the receiver catches up (its sorting, a major
  // GC, the burst's connections closing). Reported apart, so that the steady figure is the steady state's.
  const settle = await openLoop({ ...load, seconds: SETTLE_S, rate: TARGET_RATE, track });
  const settleCreated = track.created - fastCreated;
  const machineBefore = machineCpu();
  const steady = await openLoop({ ...load, seconds: duration, rate: TARGET_RATE, track });
  const stolen = stolenPercent(machineBefore, machineCpu());
  const pacedCreated = track.created - fastCreated - settleCreated;
  const created = track.created;
  const createdAfter = await postAgain(url, track);
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
  const settleClean = report(
    `first ${SETTLE_S} s after it at ${TARGET_RATE}/s (open loop)`,
    settle,
    settleCreated,
  );
  const pacedClean = report(`steady ${TARGET_RATE}/s (open loop)`, steady, pacedCreated);
  console.log(
    `CPU time stolen by the hypervisor during the steady phase: ${stolen.toFixed(0)}% ` +
      `(other guests of a shared machine; the receiver and the load generator stall in it alike)`,
  );
  const exact = stored === created + createdAfter;
  console.log(
    `stored count: ${stored}; 201 answers: ${created} + ${createdAfter} cut-off requests ` +
      `posted again → ${exact ? 'none lost, none doubled' : 'MISMATCH'}; ` +
      `log written: ${(statSync(logPath).size / 1024 / 1024).toFixed(1)} MiB`,
  );
  if (cpuAfter > cpuBefore && fast.requests.total > 0) {
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
  if (!exact || !fastClean || !settleClean || !pacedClean || !slowClean || !lockClean) process.exitCode = 1;
} finally {
  server.kill('SIGTERM');
  await once(server, 'exit');
  rmSync(dir, { recursive: true, force: true });
}
