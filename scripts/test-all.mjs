// `npm test`: every check, in the order that fails fastest, stopping at the first failure.
// The receiver's suite on PostgreSQL mostly waits (on its servers, timers and the cluster), so it runs
// beside the browser unit tests, its output held back and printed when it is awaited (CI's time budget).
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';

const steps = [
  ['translations', 'npm', ['run', '--silent', 'check:translations']],
  ['types', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['build', 'npm', ['run', '--silent', 'build']],
  ['size', 'npm', ['run', '--silent', 'check:size']],
  ['receiver tests', 'npm', ['run', '--silent', 'test:receiver']],
  ['receiver tests on PostgreSQL', 'node', ['scripts/test-receiver-pg.mjs'], 'start'],
  ['browsers', 'node', ['scripts/ensure-browsers.mjs']],
  ['unit tests', 'npx', ['web-test-runner', '--group', 'unit', '--coverage']],
  ['drop-in script tests', 'npx', ['web-test-runner', '--group', 'dist']],
  ['receiver tests on PostgreSQL', '', [], 'await'],
  ['partner pages', 'node', ['scripts/check-partner-pages.mjs']],
  ['storybook build', 'npm', ['run', '--silent', 'build-storybook']],
  ['stories', 'npm', ['run', '--silent', 'test:stories']],
];

const env = { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1', PUPPETEER_SKIP_DOWNLOAD: '1' };
const started = Date.now();
const timings = [];
/** Steps started in the background: their name → the promise of [status, output, start time]. */
const background = new Map();
const children = [];
for (const [name, command, args, mode] of steps) {
  if (mode === 'start') {
    console.log(`\n▷ ${name} (in the background; its output comes when it is awaited)`);
    const t0 = Date.now();
    // Into a file, not a pipe: the steps run meanwhile block this process, which could not drain a pipe.
    mkdirSync('.cache', { recursive: true });
    const log = `.cache/${name.replaceAll(' ', '-')}.log`;
    const fd = openSync(log, 'w');
    const child = spawn(command, args, { stdio: ['ignore', fd, fd], env });
    children.push(child);
    background.set(
      name,
      new Promise((resolve) =>
        child.on('close', (code) => {
          closeSync(fd);
          resolve([code, readFileSync(log, 'utf8'), t0]);
        }),
      ),
    );
    continue;
  }
  console.log(`\n▶ ${name}`);
  let t0 = Date.now();
  let status;
  if (mode === 'await') {
    const [code, output, startedAt] = await background.get(name);
    process.stdout.write(output);
    status = code;
    t0 = startedAt;
  } else {
    status = spawnSync(command, args, { stdio: 'inherit', env }).status;
  }
  timings.push(`${name} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (status !== 0) {
    console.error(`\n✖ ${name} failed (after ${timings.join(', ')}).`);
    for (const child of children) if (child.exitCode === null) child.kill();
    process.exit(status ?? 1);
  }
}
console.log(
  `\n✔ all checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s: ${timings.join(', ')}`,
);
