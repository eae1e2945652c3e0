// `npm run bench:membership [-- --seconds N] [-- --single]`: both membership benchmarks in turn, with the
// same options: pledges (membership.mjs), then alert subscriptions (membership-subscriptions.mjs). Exits
// non-zero when either does (something tells, or it failed). Each also runs alone: node bench/<file>.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

let exitCode = 0;
for (const script of ['membership.mjs', 'membership-subscriptions.mjs']) {
  const { status } = spawnSync(
    process.execPath,
    [fileURLToPath(new URL(script, import.meta.url)), ...process.argv.slice(2)],
    { stdio: 'inherit' },
  );
  if (status !== 0) exitCode = status ?? 1;
}
process.exitCode = exitCode;
