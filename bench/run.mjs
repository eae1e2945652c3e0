// `npm run bench`: every benchmark in turn, each printing its own figures, then one table of the figures that
// matter against the kit's targets, also written to bench/results.json with the machine, Node and browser.
//
//   npm run bench                          builds dist/ first, then runs everything (about 4 minutes)
//   node bench/run.mjs [part ...]          only some parts: size ways first-render layout-shift running-cost
//                                          pledge-count receiver receiver-pg membership (dist/ must be built)
//
// Each part also runs alone: node bench/<part>.mjs (running cost: bench/countdown.mjs); see bench/README.md.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, availableParallelism, release } from 'node:os';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { measureSize } from './size.mjs';
import { firstRender } from './first-render.mjs';
import { layoutShift } from './layout-shift.mjs';
import { runningCost } from './countdown.mjs';
import { pledgeCount } from './pledge-count.mjs';
import { ways } from './ways.mjs';
import { browserVersion } from './lib/browser.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const KIT_GZIP_TARGET = 20 * 1024;
const FRAME_MS = 1000 / 60;

/**
 * Runs an npm script of the receiver's benchmarks unchanged, its output relayed to `print` line by line;
 * resolves with its exit code and everything it printed, from which its figures are read.
 */
function npmScript(script, print, args = []) {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script, ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const relay = (chunk) => {
      out += chunk;
      for (const line of String(chunk).split('\n')) if (line.trim()) print(`  ${line}`);
    };
    child.stdout.on('data', relay);
    child.stderr.on('data', relay);
    child.on('close', (exitCode) => resolve({ exitCode, out }));
  });
}

/** The first number a pattern captures in `out`, or NaN. */
const numberIn = (out, re) => {
  const m = re.exec(out);
  return m ? Number(m[1]) : NaN;
};

/** The receiver's own benchmark (packages/receiver/bench/bench.mjs, `npm run bench:receiver`). */
async function receiver(print) {
  const { exitCode, out } = await npmScript('bench:receiver', print);
  const number = (re) => numberIn(out, re);
  return {
    exitCode,
    fastRate: number(/as fast as possible \(autocannon\): (\d+) accepted pledges\/s/),
    fastP99: number(/as fast as possible[^\n]*p99 (\d+) ms/),
    steadyRate: number(/steady \d+\/s \(open loop\): (\d+) accepted/),
    steadyP50: number(/steady[^\n]*p50 (\d+) ms/),
    steadyP99: number(/steady[^\n]*p99 (\d+) ms/),
    cpuPerRequestUs: number(/receiver CPU: (\d+) µs per request/),
    pledgesPerCore: number(/about (\d+) pledges\/s for each core/),
    slowP99: number(/slowloris:[^\n]*p99 ([\d.]+) ms/),
    slowClosedS: number(/slowloris:[^\n]*closed by the receiver within ([\d.]+) s/),
    lockHealthMaxMs: number(/write lock held[^\n]*max (\d+) ms/),
    lockPledgeStatus: number(/write lock held[^\n]*a pledge during it: (\d+)/),
    exact: /none lost, none doubled/.test(out),
    targetMet: /: met in this run/.test(out),
  };
}

/**
 * The receiver on PostgreSQL (packages/receiver/bench/postgres.mjs, `npm run bench:receiver:pg`), one
 * receiver and two on one database, beside the SQLite figures above.
 */
async function receiverPg(print) {
  const { exitCode, out } = await npmScript('bench:receiver:pg', print);
  const runs = {};
  for (const n of [1, 2]) {
    const label = `PostgreSQL, ${n} receivers?`;
    runs[n] = {
      fastRate: numberIn(out, new RegExp(`${label}: as fast as possible: (\\d+) accepted`)),
      steadyP99: numberIn(out, new RegExp(`${label}: steady [^\\n]*p99 (\\d+) ms`)),
      exact: new RegExp(`${label}: stored[^\\n]*none lost, none doubled`).test(out),
    };
  }
  return { exitCode, runs };
}

/**
 * Can an address's membership be told from the receiver's answers (`npm run bench:membership`, 30 s per
 * half): pledges with a known vs a new address, then alert sign-ups with a subscribed vs a new one.
 */
async function membership(print) {
  const { exitCode, out } = await npmScript('bench:membership', print, ['--', '--seconds', '30']);
  const half = (prefix) => {
    const times = new RegExp(
      `^${prefix}time to the full answer: [^\\n]*Mann-Whitney p = ([\\d.]+)[^\\n]*Kolmogorov-Smirnov p = ([\\d.]+)`,
      'm',
    ).exec(out);
    const verdict = new RegExp(`^${prefix.replace(': ', ' ')}verdict: (.*)$`, 'm').exec(out)?.[1] ?? '';
    return {
      mwP: times ? Number(times[1]) : NaN,
      ksP: times ? Number(times[2]) : NaN,
      nothingTells: verdict.startsWith('nothing tells'),
    };
  };
  return { exitCode, pledges: half(''), subscriptions: half('subscriptions: ') };
}

const PARTS = {
  size: (print) => measureSize({ print }),
  'first-render': (print) => firstRender({ print }),
  'layout-shift': (print) => layoutShift({ print }),
  'running-cost': (print) => runningCost({ print }),
  'pledge-count': (print) => pledgeCount({ print }),
  ways: (print) => ways({ print }),
  receiver,
  'receiver-pg': receiverPg,
  membership,
};

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (v, digits = 1) => `${v.toFixed(digits)} ms`;
const range = (s, digits = 1) =>
  `${s.median.toFixed(digits)} ms [${s.p25.toFixed(digits)}–${s.p75.toFixed(digits)}]`;
/** CPU and wall-clock medians with their interquartile range. */
const both = (s) => `CPU ${range(s.cpu)}, wall ${range(s.wall)}`;

/** The summary rows: [figure, value, target, status]. */
function table(r) {
  const rows = [];
  const add = (figure, value, target = '', status = '') => rows.push({ figure, value, target, status });
  if (r.size) {
    const kit = r.size.rows.find((row) => row.name.startsWith('dist/samleng.js'));
    const reference = r.size.rows.find((row) => row.name.startsWith('relative-time-element'));
    add(
      'size: dist/samleng.js, gzip -9',
      kb(kit.gzip),
      '≤ 20 KB',
      kit.gzip <= KIT_GZIP_TARGET ? 'met' : 'NOT met',
    );
    add('size: dist/samleng.js, brotli', kb(kit.brotli));
    const top = r.size.shares.slice(0, 3).map((s) => `${s.part.replace('widget: ', '')} ${kb(s.gzip)}`);
    add('size: largest parts (min+gzip each)', top.join(', '));
    add('size: relative-time-element, gzip (reference)', kb(reference.gzip));
  }
  if (r.ways) {
    for (const p of r.ways.sizes) {
      const status = p.over > 0 ? `NOT met: ${kb(p.over)} over` : 'met';
      add(
        `pages: ${p.name} (${p.locale}), loader / drop-in`,
        `${kb(p.loader.bytes)} in ${p.loader.requests} / ${kb(p.dropIn.bytes)} in 1`,
        `≤ ${kb(p.target)}`,
        status,
      );
    }
    const ref = r.ways.render.reference.median;
    for (const row of r.ways.render.rows) {
      const worst = Math.max(row['drop-in'].median, row.loader.median) / ref;
      add(
        `first render: ${row.tag.replace('samleng-', '')} alone (${row.locale}), loader / drop-in`,
        `${(row.loader.median / ref).toFixed(1)}× / ${(row['drop-in'].median / ref).toFixed(1)}× the reference`,
        '≤ 2×',
        worst <= 2 ? 'met' : 'NOT met',
      );
    }
  }
  if (r['first-render']) {
    const f = r['first-render'];
    add("first render: the script's own evaluation", both(f.evaluation));
    add("first render: eval start → every widget's first updateComplete", both(f.firstRender));
    add(
      'first render: widgets drawn in the first frame after the script',
      `${f.inFirstFrame}/${f.loads} loads`,
      'one frame',
      f.inFirstFrame === f.loads ? 'met' : 'NOT met',
    );
    add(
      'first render: eval start → that frame painted',
      both(f.frameDone),
      `CPU ≤ ${FRAME_MS.toFixed(1)} ms`,
      f.frameDone.cpu.median <= FRAME_MS ? 'met' : 'NOT met',
    );
    add('first render: reference, the script on a page without widgets', both(f.noWidgets));
    add('first render: reference, a script of one date formatter', both(f.icuStart));
    add('first render: eval start → content shown (local data)', `wall ${range(f.content)}`);
  }
  if (r['receiver-pg']) {
    for (const [n, v] of Object.entries(r['receiver-pg'].runs)) {
      const who = `receiver on PostgreSQL, ${n} instance${n === '1' ? '' : 's'}`;
      add(
        `${who}: accepted pledges/s (closed loop)`,
        `${v.fastRate}/s`,
        '≥ 2000/s',
        v.fastRate >= 2000 ? 'met' : 'NOT met',
      );
      add(
        `${who}: p99 latency at 2000/s (open loop)`,
        ms(v.steadyP99, 0),
        '< 25 ms',
        v.steadyP99 < 25 ? 'met' : 'NOT met',
      );
      add(`${who}: stored = 201 answers`, v.exact ? 'yes' : 'NO', 'yes', v.exact ? 'met' : 'NOT met');
    }
  }
  if (r.membership) {
    for (const [who, v] of [
      ['pledges, a known vs a new address', r.membership.pledges],
      ['alert sign-ups, a subscribed vs a new address', r.membership.subscriptions],
    ]) {
      add(
        `membership: ${who}`,
        `timing MW p ${v.mwP.toFixed(3)}, KS p ${v.ksP.toFixed(3)}`,
        'nothing tells',
        v.nothingTells ? 'met' : 'NOT met',
      );
    }
  }
  if (r['layout-shift']) {
    const l = r['layout-shift'];
    const widgets = Object.entries(l.pages).filter(([name]) => name !== 'all');
    const worst = widgets.sort((a, b) => b[1].cls - a[1].cls)[0];
    add(
      'layout shift: CLS, script 1 s late, all widgets',
      l.pages.all.cls.toFixed(4),
      '0',
      l.pages.all.cls === 0 ? 'met' : 'NOT met',
    );
    if (worst) add('layout shift: the largest, one widget alone', `${worst[0]} ${worst[1].cls.toFixed(4)}`);
    const withCss = Math.max(...Object.values(l.pages).flatMap((p) => Object.values(p.withCss)));
    add(
      'layout shift: worst CLS with the proposed :not(:defined) CSS',
      withCss.toFixed(4),
      '0',
      withCss === 0 ? 'met' : withCss < 0.001 ? 'met (< 0.001)' : 'NOT met',
    );
  }
  if (r['running-cost']) {
    const c = r['running-cost'];
    const row = (page, state) => c.rows.find((x) => x.page.startsWith(page) && x.state === state);
    for (const state of ['visible', 'hidden']) {
      add(
        `running cost, ${state}: 100 countdowns / 100 relative-time`,
        `${row('100 countdowns', state).task.toFixed(2)} / ${row('100 relative-time', state).task.toFixed(2)} ms/s`,
        '',
        `ratio ${c.ratio[state].task.toFixed(2)}×`,
      );
    }
  }
  if (r['pledge-count']) {
    const p = r['pledge-count'];
    if (p.pending)
      add('pledge counts: requests per refresh', 'pending: samleng-pledge-count not defined', '1');
    else {
      add(
        'pledge counts: requests per refresh, 20 counts',
        String(p.requestsPerRefresh),
        '1',
        p.requestsPerRefresh === 1 ? 'met' : 'NOT met',
      );
      add(
        'pledge counts: requests while hidden',
        String(p.hidden.requests),
        '0',
        p.hidden.requests === 0 ? 'met' : 'NOT met',
      );
    }
  }
  if (r.receiver) {
    const v = r.receiver;
    add(
      'receiver: accepted pledges/s (closed loop)',
      String(v.fastRate),
      '≥ 2000',
      v.fastRate >= 2000 ? 'met' : 'NOT met',
    );
    add(
      'receiver: p99 latency at 2000/s (open loop)',
      ms(v.steadyP99, 0),
      '< 25 ms',
      v.steadyP99 < 25 ? 'met' : 'NOT met',
    );
    add('receiver: CPU per pledge', `${v.cpuPerRequestUs} µs (≈ ${v.pledgesPerCore}/s per free core)`);
    add(
      'receiver: p99 of other clients during a 2,000-socket slowloris',
      ms(v.slowP99, 0),
      'served',
      Number.isFinite(v.slowP99) ? 'met' : 'NOT met',
    );
    add(
      'receiver: held sockets closed by the receiver',
      Number.isFinite(v.slowClosedS) ? `all, within ${v.slowClosedS} s` : 'NOT all',
      'all, within its timeouts',
      Number.isFinite(v.slowClosedS) ? 'met' : 'NOT met',
    );
    add(
      'receiver: /healthz during a 3 s write lock (max)',
      ms(v.lockHealthMaxMs, 0),
      '< 250 ms, 503',
      v.lockHealthMaxMs < 250 ? 'met' : 'NOT met',
    );
    add(
      'receiver: a pledge during that lock',
      String(v.lockPledgeStatus),
      '503 + Retry-After, never 500',
      v.lockPledgeStatus === 503 ? 'met' : 'NOT met',
    );
  }
  return rows;
}

const requested = process.argv.slice(2);
for (const name of requested) {
  if (!PARTS[name]) {
    console.error(`Unknown part "${name}"; parts: ${Object.keys(PARTS).join(' ')}`);
    process.exit(2);
  }
}
const started = performance.now();
const load = { start: loadavg() };
const results = {};
const print = (line) => console.log(line);
/** Runs one part, keeping its figures or its error. */
async function runPart(name) {
  load[name] = loadavg()[0];
  const t = performance.now();
  try {
    results[name] = await PARTS[name](print);
  } catch (error) {
    console.error(`\n${name} failed: ${error?.stack ?? error}`);
    results[name] = { error: String(error?.message ?? error) };
    process.exitCode = 1;
  }
  results[name].seconds = (performance.now() - t) / 1000;
}

// The pledge-count page mostly waits for its refreshes, and costs its own browser next to nothing: it runs
// beside the running-cost pages (whose figures are the main thread's CPU time of their own tab).
const steps = [
  ['size'],
  ['ways'],
  ['first-render'],
  ['layout-shift'],
  ['running-cost', 'pledge-count'],
  ['receiver'],
  ['receiver-pg'],
  ['membership'],
];
for (const step of steps) {
  await Promise.all(step.filter((name) => !requested.length || requested.includes(name)).map(runPart));
}
load.end = loadavg();

const rows = table(Object.fromEntries(Object.entries(results).filter(([, r]) => !r.error)));
const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  availableParallelism: availableParallelism(),
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  os: `${process.platform} ${release()}`,
  node: process.version,
  browser: await browserVersion().catch(() => 'unknown'),
};
const git = (...args) => {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
};
const seconds = (performance.now() - started) / 1000;

const w = [Math.max(...rows.map((r) => r.figure.length)), Math.max(...rows.map((r) => r.value.length)), 9];
console.log(
  `\nSamleng bench — ${new Date().toISOString()} — ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ` +
    `${machine.browser}\nload average (1 min) at the start ${load.start[0].toFixed(2)}, at the end ${load.end[0].toFixed(2)}; ` +
    `${seconds.toFixed(0)} s in all\n`,
);
console.log(`${'figure'.padEnd(w[0])}  ${'value'.padEnd(w[1])}  ${'target'.padEnd(w[2])}  status`);
console.log(`${'-'.repeat(w[0])}  ${'-'.repeat(w[1])}  ${'-'.repeat(w[2])}  ------`);
for (const r of rows)
  console.log(`${r.figure.padEnd(w[0])}  ${r.value.padEnd(w[1])}  ${r.target.padEnd(w[2])}  ${r.status}`);
for (const [name, r] of Object.entries(results)) if (r.error) console.log(`${name}: FAILED (${r.error})`);

writeFileSync(
  new URL('./results.json', import.meta.url),
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      commit: git('rev-parse', 'HEAD'),
      workingTreeClean: git('status', '--porcelain') === '',
      machine,
      loadAverage: load,
      seconds,
      table: rows,
      results,
    },
    null,
    2,
  )}\n`,
);
console.log('\nwritten to bench/results.json');
