// `npm test`: every check, in the order that fails fastest, stopping at the first failure.
import { spawnSync } from 'node:child_process';

const steps = [
  ['translations', 'npm', ['run', '--silent', 'check:translations']],
  ['types', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['build', 'npm', ['run', '--silent', 'build']],
  ['size', 'npm', ['run', '--silent', 'check:size']],
  ['receiver tests', 'npm', ['run', '--silent', 'test:receiver']],
  ['receiver tests on PostgreSQL', 'node', ['scripts/test-receiver-pg.mjs']],
  ['browsers', 'node', ['scripts/ensure-browsers.mjs']],
  ['unit tests', 'npx', ['web-test-runner', '--group', 'unit', '--coverage']],
  ['drop-in script tests', 'npx', ['web-test-runner', '--group', 'dist']],
  ['partner pages', 'node', ['scripts/check-partner-pages.mjs']],
  ['storybook build', 'npm', ['run', '--silent', 'build-storybook']],
  ['stories', 'npm', ['run', '--silent', 'test:stories']],
];

const env = { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1', PUPPETEER_SKIP_DOWNLOAD: '1' };
const started = Date.now();
const timings = [];
for (const [name, command, args] of steps) {
  console.log(`\n▶ ${name}`);
  const t0 = Date.now();
  const { status } = spawnSync(command, args, { stdio: 'inherit', env });
  timings.push(`${name} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (status !== 0) {
    console.error(`\n✖ ${name} failed (after ${timings.join(', ')}).`);
    process.exit(status ?? 1);
  }
}
console.log(
  `\n✔ all checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s: ${timings.join(', ')}`,
);
