// `npm run bench:receiver:pg`: the receiver's load benchmark on PostgreSQL, with one receiver and with two
// on the same database (requests spread over both, as a load balancer would). The same two phases as
// bench.mjs on SQLite: as fast as it answers (autocannon, closed loop, 50 connections in all), then a
// steady 2,000 pledges/s (open loop, latency counted from when each pledge was due); then the count is
// checked against the 201 answers (cut-off requests posted again: the id makes that exact).
// PostgreSQL is a throwaway cluster from pg_virtualenv (Debian's postgresql-common) with its default
// settings (fsync on, synchronous_commit on): the script runs itself inside one when PGHOST is not set.
//   BENCH_DURATION (s, default 10), BENCH_CONNECTIONS (default 50), BENCH_INSTANCES ("1,2")
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { closedLoop, cpuMs, openLoop, postAgain, tracker, warmUp } from './load.mjs';
import { startReceiver } from './receiver.mjs';

if (!process.env.PGHOST) {
  const has = spawnSync('sh', ['-c', 'command -v pg_virtualenv'], { stdio: 'ignore' }).status === 0;
  if (!has) {
    console.error('bench:receiver:pg needs PostgreSQL: sudo apt-get install -y postgresql (Debian/Ubuntu)');
    process.exit(1);
  }
  const { status } = spawnSync('pg_virtualenv', [process.execPath, fileURLToPath(import.meta.url)], {
    stdio: 'inherit',
  });
  process.exit(status ?? 1);
}

const duration = Math.min(Number(process.env.BENCH_DURATION ?? 10), 60);
const connections = Math.min(Number(process.env.BENCH_CONNECTIONS ?? 50), 500);
const instanceCounts = (process.env.BENCH_INSTANCES ?? '1,2').split(',').map(Number);
const TARGET_RATE = 2000;
const admin = `postgres://${process.env.PGUSER}:${encodeURIComponent(process.env.PGPASSWORD ?? '')}@${process.env.PGHOST}:${process.env.PGPORT}`;

/** The PostgreSQL server's processes (postmaster and backends): those whose command is postgres. */
function postgresPids() {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres';
      } catch {
        return false;
      }
    });
}

async function sql(database, text) {
  const client = new pg.Client({ connectionString: `${admin}/${database}` });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

async function runWith(instances) {
  const database = `bench_${instances}_${randomBytes(4).toString('hex')}`;
  await sql('postgres', `CREATE DATABASE ${database}`);
  const dir = mkdtempSync(join(tmpdir(), 'samleng-bench-pg-'));
  const env = {
    SAMLENG_DB: `${admin}/${database}`,
    SAMLENG_EMAIL_KEY: randomBytes(32).toString('base64'),
    SAMLENG_RATE_LIMIT: '1000000000',
    SAMLENG_LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
  };
  const receivers = [];
  // One after the other: the first migrates.
  for (let index = 0; index < instances; index++) {
    receivers.push(await startReceiver(env, join(dir, `receiver-${index}.log`)));
  }
  const urls = receivers.map((receiver) => receiver.url);
  const campaign = `bench-${Date.now()}`;
  const track = tracker();
  const load = { urls, connections, campaign };
  const label = `PostgreSQL, ${instances} receiver${instances > 1 ? 's' : ''}`;

  try {
    await warmUp(load, TARGET_RATE);
    const receiverPids = receivers.map(({ server }) => server.pid);
    const cpuBefore = { receivers: cpuMs(receiverPids), postgres: cpuMs(postgresPids()) };
    const fast = await closedLoop({ ...load, seconds: duration, track });
    const cpuAfter = { receivers: cpuMs(receiverPids), postgres: cpuMs(postgresPids()) };
    const fastCreated = track.created;
    const fastSeconds = Math.max(...fast.map((result) => result.duration));
    const fastP99 = Math.max(...fast.map((result) => result.latency.p99));
    const fastP50 = Math.max(...fast.map((result) => result.latency.p50));
    const fastOther = fast.flatMap((result) =>
      Object.entries(result.statusCodeStats ?? {}).filter(([status]) => status !== '201'),
    );
    const steady = await openLoop({ ...load, seconds: duration, rate: TARGET_RATE, track });
    const pacedCreated = track.created - fastCreated;
    const created = track.created;
    const again = await postAgain(urls[0], track);
    for (let tries = 0; tries < 100; tries++) {
      const [{ n }] = await sql(database, 'SELECT count(*)::int AS n FROM pledges WHERE NOT sorted');
      if (n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const counts = await Promise.all(
      urls.map(
        async (url) => (await (await fetch(`${url}/api/pledges/count?campaign=${campaign}`)).json()).count,
      ),
    );
    const [{ rows: storedRows }] = await sql(
      database,
      `SELECT count(*)::int AS rows FROM pledges WHERE campaign = '${campaign}'`,
    );
    const exact =
      counts.every((count) => count === storedRows) && storedRows >= created && storedRows <= created + again;
    const others = Object.entries(steady.statuses).filter(([status]) => status !== '201');
    console.log(
      `${label}: as fast as possible: ${(fastCreated / fastSeconds).toFixed(0)} accepted pledges/s ` +
        `(p50 ${fastP50} ms, p99 ${fastP99} ms${urls.length > 1 ? ', the worse receiver' : ''}; other answers: ` +
        `${fastOther.map(([status, stat]) => `${status}×${stat.count}`).join(', ') || 'none'})`,
    );
    console.log(
      `${label}: steady ${TARGET_RATE}/s (open loop): ${(pacedCreated / steady.duration).toFixed(0)} accepted/s, ` +
        `p50 ${steady.latency.p50} ms, p99 ${steady.latency.p99} ms; other answers: ${others.map(([s, n]) => `${s}×${n}`).join(', ') || 'none'}; errors ${steady.errors}`,
    );
    console.log(
      `${label}: stored ${storedRows}, counts ${counts.join(' / ')}; 201 answers ${created} + ${again} cut-off posted again ` +
        `→ ${exact ? 'none lost, none doubled' : 'MISMATCH'}`,
    );
    const requests = fast.reduce((sum, result) => sum + result.requests.total, 0);
    if (requests > 0) {
      // Backends that ended during the phase are not counted: a lower bound for PostgreSQL's share.
      const perReceiver = ((cpuAfter.receivers - cpuBefore.receivers) * 1000) / requests;
      const perPostgres = ((cpuAfter.postgres - cpuBefore.postgres) * 1000) / requests;
      console.log(
        `${label}: CPU per pledge in the peak phase: receivers ${perReceiver.toFixed(0)} µs, PostgreSQL ` +
          `${perPostgres.toFixed(0)} µs (its sorting included) → about ${(1e6 / (perReceiver + perPostgres)).toFixed(0)} pledges/s per core`,
      );
    }
    return exact && fastOther.length === 0 && others.length === 0;
  } finally {
    for (const { server } of receivers) {
      server.kill('SIGTERM');
      await once(server, 'exit');
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(
  `Benchmark on PostgreSQL (${(await sql('postgres', 'SHOW server_version'))[0].server_version}, default settings): ` +
    `unique pledges, ${connections} connections; ${duration} s as fast as possible, then ${duration} s at ${TARGET_RATE}/s`,
);
let clean = true;
for (const instances of instanceCounts) clean = (await runWith(instances)) && clean;
console.log(`load average (1 min) at the end: ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`);
if (!clean) process.exitCode = 1;
