// `npm run test:receiver:pg`: the receiver's whole test suite on PostgreSQL. One throwaway cluster for the
// whole run, made by pg_virtualenv (Debian's postgresql-common) and dropped after it; each test file
// makes fresh databases in it (packages/receiver/test/db.ts). fsync is off in that cluster: nothing in
// it outlives the run, and the suite is about behaviour, not durability (bench:receiver measures with
// fsync on). Files run three at a time (they wait on timers and servers more than on the CPU), then
// outage.test.ts alone, since it stops and starts the cluster under everyone's feet.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
if (!has('pg_virtualenv') || readdirSync('/usr/lib/postgresql', { withFileTypes: true }).length === 0) {
  console.error(
    [
      'test:receiver:pg needs PostgreSQL installed (the tests start a throwaway cluster, never a mock):',
      '  Debian/Ubuntu: sudo apt-get install -y postgresql   (pg_virtualenv comes with postgresql-common)',
      'CI (.ci/run) installs it when missing.',
    ].join('\n'),
  );
  process.exit(1);
}

const dir = 'packages/receiver/dist/test';
const files = readdirSync(dir)
  .filter((name) => name.endsWith('.test.js'))
  .map((name) => `${dir}/${name}`);
const args = process.argv.slice(2);
// Alone, after the others: the outage test stops the cluster; the browser test drives two browsers, which
// timed out once in CI beside two other files.
const alone = files.filter((file) => /\/(outage|console-browser)\.test\.js$/.test(file));
const together = files.filter((file) => !alone.includes(file));
// Given files run one at a time; the whole suite runs the shared ones together, then those alone.
const script =
  args.length > 0
    ? 'node --test --test-concurrency=1 "$@"'
    : `node --test --test-concurrency=3 "$@" && node --test ${alone.join(' ')}`;
const { status } = spawnSync(
  'pg_virtualenv',
  [
    '-o',
    'fsync=off',
    '-o',
    'max_connections=300',
    'sh',
    '-c',
    script,
    'sh',
    ...(args.length > 0 ? args : together),
  ],
  { stdio: 'inherit', env: { ...process.env, SAMLENG_TEST_DB: 'postgres' } },
);
process.exit(status ?? 1);
