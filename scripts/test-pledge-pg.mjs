// `npm run test:pledge:pg`: the pledge widget's browser tests (packages/pledge/test) with their receivers on
// PostgreSQL instead of SQLite files: web-test-runner runs inside one pg_virtualenv cluster, and
// test/receiver-db.mjs gives each receiver a fresh database, in both browsers. `npm test` covers both stores
// in one run instead (Firefox's receivers on PostgreSQL, Chromium's on SQLite: CI's time); run this when
// the PostgreSQL store changes. WTR_PORT picks web-test-runner's port (default 8766).
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';

if (spawnSync('sh', ['-c', 'command -v pg_virtualenv'], { stdio: 'ignore' }).status !== 0) {
  console.error('test:pledge:pg needs PostgreSQL: sudo apt-get install -y postgresql (Debian/Ubuntu)');
  process.exit(1);
}
mkdirSync('.cache', { recursive: true });
writeFileSync(
  '.cache/wtr-pledge-pg.config.mjs',
  `import config from '../web-test-runner.config.mjs';
export default { ...config, groups: undefined, files: ['packages/pledge/test/**/*.test.ts'] };
`,
);
const build = spawnSync('npm', ['run', '--silent', 'build', '-w', '@samleng/receiver'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const { status } = spawnSync(
  'pg_virtualenv',
  [
    '-o',
    'fsync=off',
    'npx',
    'web-test-runner',
    '--config',
    '.cache/wtr-pledge-pg.config.mjs',
    '--port',
    process.env.WTR_PORT ?? '8766',
  ],
  { stdio: 'inherit', env: { ...process.env, SAMLENG_TEST_DB: 'postgres' } },
);
process.exit(status ?? 1);
