// `npm run bench:receiver:pg`: the receiver's load benchmark on PostgreSQL, with one receiver and with two
// on the same database (requests spread over both, as a load balancer would). The same two phases as
// bench.mjs on SQLite: as fast as it answers (autocannon, closed loop, 50 connections in all), then a
// steady 2,000 pledges/s (open loop, latency counted from when each pledge was due); then the count is
// checked against the 201 answers (cut-off requests posted again: the id makes that exact).
// PostgreSQL is a throwaway cluster from pg_virtualenv (Debian's postgresql-common) with its default
// settings (fsync on, synchronous_commit on): the script runs itself inside one when PGHOST is not set.
//   BENCH_DURATION (s, default 10), BENCH_CONNECTIONS (default 50), BENCH_INSTANCES ("1,2")
import autocannon from 'autocannon';
import http from 'node:http';
import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
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
const consentText = 'I agree that the coalition stores my name and e-mail for this campaign.';
const admin = `postgres://${process.env.PGUSER}:${encodeURIComponent(process.env.PGPASSWORD ?? '')}@${process.env.PGHOST}:${process.env.PGPORT}`;

/** CPU time (user + system, ms) of processes, from /proc (Linux); 0 for one that is gone. */
function cpuMs(pids) {
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

function pledgeBody(target, id) {
  return `{"campaign":"${target}","partner":"bench","name":"Bench Person","consent":true,"consentText":"${consentText}","locale":"km","website":"","id":"${id}","email":"${id}@example.org"}`;
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
  const unanswered = new Map();
  let created = 0;
  const label = `PostgreSQL, ${instances} receiver${instances > 1 ? 's' : ''}`;

  // Closed loop: one autocannon per receiver, the connections shared out.
  const fastPhase = async (target, seconds, track) => {
    const runs = urls.map((url) =>
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
              const body = pledgeBody(target, id);
              if (track) unanswered.set(id, body);
              request.body = body;
              return request;
            },
            onResponse: (status, body) => {
              if (!track) return;
              if (status === 201) created++;
              unanswered.delete(body.slice(7, 43));
            },
          },
        ],
      }),
    );
    return Promise.all(runs);
  };

  // Open loop at a steady rate, each pledge to the next receiver in turn.
  const paced = (target, seconds, rate) => {
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
          p50: at(0.5),
          p99: at(0.99),
        });
      };
      const fire = (due, index) => {
        const id = randomUUID();
        const body = pledgeBody(target, id);
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
              if (response.statusCode === 201) created++;
              else unanswered.set(id, body);
              if (++done === total) finish();
            });
          },
        );
        request.on('error', () => {
          errors++;
          unanswered.set(id, body);
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
  };

  try {
    await fastPhase(`${campaign}-warm-up`, 3, false);
    const receiverPids = receivers.map(({ server }) => server.pid);
    const cpuBefore = { receivers: cpuMs(receiverPids), postgres: cpuMs(postgresPids()) };
    const fast = await fastPhase(campaign, duration, true);
    const cpuAfter = { receivers: cpuMs(receiverPids), postgres: cpuMs(postgresPids()) };
    const fastCreated = created;
    const fastSeconds = Math.max(...fast.map((result) => result.duration));
    const fastP99 = Math.max(...fast.map((result) => result.latency.p99));
    const fastP50 = Math.max(...fast.map((result) => result.latency.p50));
    const fastOther = fast.flatMap((result) =>
      Object.entries(result.statusCodeStats ?? {}).filter(([status]) => status !== '201'),
    );
    const steady = await paced(campaign, duration, TARGET_RATE);
    const pacedCreated = created - fastCreated;
    let again = 0;
    for (const body of unanswered.values()) {
      const response = await fetch(`${urls[0]}/api/pledges`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      if (response.status !== 201) throw new Error(`re-post answered ${response.status}`);
      again++;
    }
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
        `p50 ${steady.p50} ms, p99 ${steady.p99} ms; other answers: ${others.map(([s, n]) => `${s}×${n}`).join(', ') || 'none'}; errors ${steady.errors}`,
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
