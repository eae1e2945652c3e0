// `npm test`: every check, stopping at the first failure. Checks that only read the sources and use the
// CPU (translations, types, lint) run beside the build, in lanes of their own: on 2 cores that saves about
// a minute of CI's 20. The tests that start servers and browsers run one after another, since side by
// side they starve each other's timers (tried: a receiver suite beside the browser tests flaked).
// A lane's output is held and printed whole when the lane ends, so the log reads as if run in turn.
import { spawn } from 'node:child_process';

/** Each phase is a list of lanes that run at once; a lane is a list of steps run in turn. */
const phases = [
  [
    [
      ['translations', 'npm', ['run', '--silent', 'check:translations']],
      ['types', 'npm', ['run', '--silent', 'typecheck']],
      ['lint', 'npm', ['run', '--silent', 'lint']],
    ],
    [
      ['build', 'npm', ['run', '--silent', 'build']],
      ['size', 'npm', ['run', '--silent', 'check:size']],
      ['storybook build', 'npm', ['run', '--silent', 'build-storybook']],
    ],
  ],
  [[['receiver tests', 'npm', ['run', '--silent', 'test:receiver']]]],
  [[['receiver tests on PostgreSQL', 'node', ['scripts/test-receiver-pg.mjs']]]],
  [[['browsers', 'node', ['scripts/ensure-browsers.mjs']]]],
  // In a throwaway PostgreSQL cluster: Firefox's receivers keep their pledges there, Chromium's in SQLite
  // (test/receiver-db.mjs), so the pledge widget's browser tests meet both stores in one run.
  [
    [
      [
        'unit tests',
        'pg_virtualenv',
        ['-o', 'fsync=off', 'npx', 'web-test-runner', '--group', 'unit', '--coverage'],
        { SAMLENG_TEST_DB: 'postgres:firefox' },
      ],
    ],
  ],
  [[['drop-in script tests', 'npx', ['web-test-runner', '--group', 'dist']]]],
  [[['partner pages', 'node', ['scripts/check-partner-pages.mjs']]]],
  [[['stories', 'npm', ['run', '--silent', 'test:stories']]]],
];

const env = { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1', PUPPETEER_SKIP_DOWNLOAD: '1' };
const started = Date.now();
const timings = [];
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/** Runs one step; output goes straight through when the step is alone, else into `out`. */
function run([name, command, args, extraEnv], out) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    out.push(Buffer.from(`\n▶ ${name}\n`));
    if (out.live) process.stdout.write(Buffer.concat(out.splice(0)));
    const child = spawn(command, args, {
      env: { ...env, ...extraEnv },
      stdio: out.live ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk) => out.push(chunk));
    child.stderr?.on('data', (chunk) => out.push(chunk));
    child.on('close', (status) => {
      timings.push(`${name} ${seconds(t0)}`);
      resolve(status === 0 ? undefined : `${name} failed`);
    });
  });
}

async function lane(steps, live) {
  const out = [];
  out.live = live;
  let failure;
  for (const step of steps) {
    failure = await run(step, out);
    if (failure) break;
  }
  // Whole buffers: a Khmer letter split between two chunks stays whole.
  process.stdout.write(Buffer.concat(out));
  return failure;
}

for (const lanes of phases) {
  const failures = (await Promise.all(lanes.map((steps) => lane(steps, lanes.length === 1)))).filter(Boolean);
  if (failures.length > 0) {
    console.error(`\n✖ ${failures.join(', ')} (after ${timings.join(', ')}).`);
    process.exit(1);
  }
}
console.log(`\n✔ all checks passed in ${seconds(started)}: ${timings.join(', ')}`);
