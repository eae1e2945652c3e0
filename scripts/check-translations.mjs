// Fails when a message has no Khmer or French translation, when xliff/ is older than the source
// (a msg() added or changed without `npm run localize:extract`), when a translation lost or invented
// a placeholder, or when the generated locale modules are older than xliff/ (`npm run localize:build`).
// Works on copies in a temporary folder: the committed files are never touched.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const config = JSON.parse(readFileSync('lit-localize.json', 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'samleng-l10n-'));
const problems = [];

try {
  cpSync(config.interchange.xliffDir, join(work, 'xliff'), { recursive: true });
  // lit-localize reads paths relative to its config file, which lives in the temporary folder.
  const tempConfig = {
    ...config,
    inputFiles: config.inputFiles.map((glob) => join(process.cwd(), glob)),
    interchange: { ...config.interchange, xliffDir: join(work, 'xliff') },
    output: {
      ...config.output,
      outputDir: join(work, 'locales'),
      localeCodesModule: join(work, 'locale-codes.ts'),
    },
  };
  const configPath = join(work, 'lit-localize.json');
  writeFileSync(configPath, JSON.stringify(tempConfig));
  const localize = (command) => {
    const result = spawnSync('npx', ['lit-localize', command, '--config', configPath], { encoding: 'utf8' });
    if (result.status !== 0)
      throw new Error(`lit-localize ${command} failed:\n${result.stdout}${result.stderr}`);
  };

  localize('extract');
  for (const locale of config.targetLocales) {
    const fresh = readFileSync(join(work, 'xliff', `${locale}.xlf`), 'utf8');
    const committed = readFileSync(join(config.interchange.xliffDir, `${locale}.xlf`), 'utf8');
    if (fresh !== committed)
      problems.push(`xliff/${locale}.xlf is out of date: run \`npm run localize:extract\`.`);
    for (const [, id, body] of fresh.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)) {
      const source = /<source>([\s\S]*?)<\/source>/.exec(body)?.[1] ?? '';
      const target = /<target[^>]*>([\s\S]*?)<\/target>/.exec(body)?.[1];
      if (target === undefined || target.trim() === '') {
        problems.push(`${locale}: "${id}" has no translation.`);
        continue;
      }
      const placeholders = (text) =>
        [...text.matchAll(/<x id="(\d+)"/g)]
          .map((m) => m[1])
          .sort()
          .join(',');
      if (placeholders(source) !== placeholders(target)) {
        problems.push(
          `${locale}: "${id}" has placeholders {${placeholders(target)}}, the source {${placeholders(source)}}.`,
        );
      }
    }
  }

  localize('build');
  for (const file of readdirSync(join(work, 'locales'))) {
    const fresh = readFileSync(join(work, 'locales', file), 'utf8');
    const committed = readFileSync(join(config.output.outputDir, file), 'utf8');
    if (fresh !== committed)
      problems.push(`${config.output.outputDir}/${file} is out of date: run \`npm run localize:build\`.`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (problems.length > 0) {
  console.error(`Translations: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(
  `Translations: every message has ${config.targetLocales.join(' and ')} targets, and the locale modules are current.`,
);
