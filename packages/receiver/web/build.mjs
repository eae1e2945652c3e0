// Builds the console (/console/) and the embed builder (/builder/) into packages/receiver/dist/web, with
// the kit's drop-in script (/samleng/samleng.js) beside them, so the receiver serves all of it with no CDN:
//   1. lit-localize build (the console's strings: xliff/console → src/generated)
//   2. rollup: one minified ES module per page (Lit, the kit's core, the page's elements)
//   3. the pages, their CSS, the kit's script (built by `npm run build:bundle` when missing) and the
//      builder's widget list, cut from custom-elements.json
// Skipped when everything is newer than its sources. Run by the receiver's `npm run build`.
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { widgetsFromManifest } from './widgets.mjs';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = join(HERE, '../../..');
const OUT = join(HERE, '../dist/web');
const KIT = join(ROOT, 'dist/samleng.js');
const MANIFEST = join(ROOT, 'custom-elements.json');
const PAGES = ['console', 'builder'];

/** Newest modification time of the files under `dir` (or of a file). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const run = (command, args, cwd = ROOT) => {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
};

if (!existsSync(KIT)) {
  console.log('web/build: dist/samleng.js is missing; building the kit first (npm run build:bundle)');
  run('npm', ['run', '--silent', 'build:bundle']);
}

const sources = Math.max(
  newest(join(HERE, 'src')),
  ...PAGES.map((page) => newest(join(HERE, page))),
  newest(join(ROOT, 'xliff/console')),
  newest(join(ROOT, 'packages/core/src')),
  newest(KIT),
  newest(MANIFEST),
  newest(fileURLToPath(import.meta.url)),
);
const outputs = [
  ...PAGES.map((page) => join(OUT, page, `${page}.js`)),
  join(OUT, 'samleng/samleng.js'),
  join(OUT, 'builder/widgets.json'),
];
if (process.argv.includes('--force') || outputs.some((file) => newest(file) < sources)) {
  run(
    join(ROOT, 'node_modules/.bin/lit-localize'),
    ['build', '--config', join(HERE, 'lit-localize.json')],
    HERE,
  );

  /** Core's locale.ts loads the kit's strings; here it loads the console's (src/translations.ts). */
  const consoleStrings = {
    name: 'samleng-console-strings',
    resolveId(source, importer) {
      if (source === './translations.js' && importer?.includes(join('packages', 'core', 'src'))) {
        return join(HERE, 'src/translations.ts');
      }
      return null;
    },
  };
  for (const page of PAGES) {
    const bundle = await rollup({
      input: join(HERE, `src/${page}.ts`),
      plugins: [
        consoleStrings,
        nodeResolve({ exportConditions: ['source'], extensions: ['.ts', '.mjs', '.js'] }),
        esbuild({ target: 'es2022', tsconfig: join(ROOT, 'tsconfig.base.json') }),
      ],
      onwarn(warning) {
        throw new Error(`rollup: ${warning.message}`);
      },
    });
    await bundle.write({
      file: join(OUT, page, `${page}.js`),
      format: 'es',
      inlineDynamicImports: true,
      plugins: [terser({ ecma: 2022, module: true, format: { comments: false } })],
    });
    await bundle.close();
    copyFileSync(join(HERE, page, 'index.html'), join(OUT, page, 'index.html'));
  }
  copyFileSync(join(HERE, 'console/page.css'), join(OUT, 'console/page.css'));
  mkdirSync(join(OUT, 'samleng'), { recursive: true });
  copyFileSync(KIT, join(OUT, 'samleng/samleng.js'));
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
  mkdirSync(dirname(join(OUT, 'builder/widgets.json')), { recursive: true });
  writeFileSync(join(OUT, 'builder/widgets.json'), JSON.stringify(widgetsFromManifest(manifest)));
  console.log(`web/build: console, builder and kit in ${OUT}`);
}
