// Runs the TypeScript 7 compiler (installed under the alias `typescript7`).
// The plain `typescript` package stays on 6.0 because typescript-eslint, lit-analyzer and the
// custom-elements analyzer need the JavaScript compiler API that TypeScript 7 no longer ships.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const tsc = join(dirname(require.resolve('typescript7/package.json')), 'bin', 'tsc');
const { status } = spawnSync(process.execPath, [tsc, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(status ?? 1);
