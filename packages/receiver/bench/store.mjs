// `node packages/receiver/bench/store.mjs [dist dir]`: the store alone, in process, without HTTP: 40,000
// pledges first, then 10 s of 2,000 addSoon() per second (S=seconds to change it). Prints the wall time
// and CPU time spent in the group commits (what answers wait for) and in the sorting (which holds the event
// loop while it runs), and each answer's wait. PRAGMAS="a=1;b=2" sets pragmas on the store's connection.
// SORTER=inline sorts in the main thread (as tests do); by default the sorter has its own thread, as in the
// receiver (sorter.ts), and its passes are reported: slices, the longest slice (the longest a commit can
// wait for the lock) and the pass's wall time on that thread. CPU times are the process's (Node 20 has no
// per-thread figure): with the sorter's thread they include its work done meanwhile.
// Used to compare designs of the intake (README, "Figures"); `npm run bench:receiver` is the real measure.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = process.argv[2] ?? fileURLToPath(new URL('../dist', import.meta.url));
const { PledgeStore } = await import(join(dist, 'src/store.js'));
const dir = mkdtempSync(join(tmpdir(), 'samleng-store-bench-'));
const inline = process.env.SORTER === 'inline';
const store = new PledgeStore({ path: join(dir, 'p.db'), sortInWorker: !inline });
for (const pragma of (process.env.PRAGMAS ?? '').split(';').filter(Boolean)) store.db.pragma(pragma);
const consentText = 'I agree that the coalition stores my name and e-mail for this campaign.';
const pledge = () => {
  const id = randomUUID();
  return {
    id,
    campaign: 'b',
    partner: 'bench',
    name: 'Bench Person',
    email: `${id}@example.org`,
    consentText,
    locale: 'km',
  };
};

const cpu = {};
/** Wraps obj[key] to record each call's wall time in `times` and its CPU time in cpu[key]. */
function timed(obj, key, times) {
  const original = obj[key].bind(obj);
  cpu[key] = 0;
  obj[key] = (...args) => {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    try {
      return original(...args);
    } finally {
      times.push(performance.now() - start);
      const used = process.cpuUsage(startCpu);
      cpu[key] += (used.user + used.system) / 1000;
    }
  };
}

for (let i = 0; i < 800; i++) await Promise.all(Array.from({ length: 50 }, () => store.addSoon(pledge())));
store.sortIntake();
const commits = [];
const sorts = [];
timed(store, 'addTransaction', commits);
timed(store.intake, 'sort', sorts);
const passes = [];
const sorted = store.sorted.bind(store);
store.sorted = (report) => {
  passes.push(report);
  sorted(report);
};
const seconds = Number(process.env.S ?? 10);
const waits = [];
const cpuStart = process.cpuUsage();
const t0 = performance.now();
await new Promise((resolve) => {
  let sent = 0;
  const total = 2000 * seconds;
  const tick = setInterval(() => {
    const due = Math.min(total, Math.floor((performance.now() - t0) * 2));
    for (; sent < due; sent++) {
      const start = performance.now();
      store.addSoon(pledge()).then(() => waits.push(performance.now() - start));
    }
    if (sent >= total) {
      clearInterval(tick);
      setTimeout(resolve, 600);
    }
  }, 1);
});
const used = process.cpuUsage(cpuStart);
const q = (values, p) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(p * values.length))];
const sum = (values) => values.reduce((a, b) => a + b, 0);
const ms = (value) => `${value.toFixed(1)} ms`;
console.log(
  `CPU ${((used.user + used.system) / (2000 * seconds)).toFixed(0)} µs per pledge; answer waits p50 ${ms(q(waits, 0.5))}, p99 ${ms(q(waits, 0.99))}, max ${ms(q(waits, 1))}`,
);
console.log(
  `group commits: ${commits.length}, wall ${sum(commits).toFixed(0)} ms, CPU ${cpu.addTransaction.toFixed(0)} ms, p99 ${ms(q(commits, 0.99))}`,
);
if (!inline) {
  const longest = passes.map((pass) => pass.longestMs);
  console.log(
    `sorter's thread: ${passes.length} passes, ${sum(passes.map((pass) => pass.slices))} slices; ` +
      `longest slice p50 ${ms(q(longest, 0.5))}, max ${ms(q(longest, 1))}; ` +
      `pass wall ${sum(passes.map((pass) => pass.ms)).toFixed(0)} ms in all`,
  );
}
if (sorts.length > 0) {
  console.log(
    `sortings in the main thread: ${sorts.length}, wall ${sum(sorts).toFixed(0)} ms, CPU ${cpu.sort.toFixed(0)} ms, p50 ${ms(q(sorts, 0.5))}, max ${ms(q(sorts, 1))}`,
  );
}
await store.stopSorter();
store.close();
rmSync(dir, { recursive: true, force: true });
