// Adds translations to xliff/ from a JSON file of drafts, then regenerates the locale modules:
//   node scripts/translate.mjs drafts.json
// drafts.json: { "countdown.took-place": { "km": "…", "fr": "…" }, … }. Placeholders are written as in
// the XLIFF source, e.g. <x id="0" equiv-text="${date}"/>. Existing targets are replaced only when the
// draft differs. Khmer targets are marked state="needs-review-translation" for a native speaker.
// Runs extract → fill → build under a lock, so several people (or agents) can translate at once.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmdirSync, statSync, writeFileSync } from 'node:fs';

const LOCK = '.cache/translate.lock';
const drafts = process.argv[2] ? JSON.parse(readFileSync(process.argv[2], 'utf8')) : {};

mkdirSync('.cache', { recursive: true });
const started = Date.now();
for (;;) {
  try {
    mkdirSync(LOCK);
    break;
  } catch {
    // A lock older than two minutes belongs to a run that died.
    if (Date.now() - statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs > 120_000) rmdirSync(LOCK);
    if (Date.now() - started > 180_000) throw new Error(`${LOCK} is held: is another translate run stuck?`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const run = (command) => {
  const result = spawnSync('npx', ['lit-localize', command], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`lit-localize ${command}:\n${result.stdout}${result.stderr}`);
};

const escapeText = (s) => s.replace(/&(?!(amp|lt|gt|quot|apos);)/g, '&amp;');

try {
  run('extract');
  const config = JSON.parse(readFileSync('lit-localize.json', 'utf8'));
  for (const locale of config.targetLocales) {
    const file = `${config.interchange.xliffDir}/${locale}.xlf`;
    let xml = readFileSync(file, 'utf8');
    const state = locale === 'km' ? ' state="needs-review-translation"' : '';
    xml = xml.replace(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g, (unit, id, body) => {
      const draft = drafts[id]?.[locale];
      if (draft === undefined) return unit;
      const target = `<target${state}>${escapeText(draft)}</target>`;
      const next = /<target[\s>][\s\S]*?<\/target>/.test(body)
        ? body.replace(/<target[\s>][\s\S]*?<\/target>/, target)
        : body.replace('</source>', `</source>\n  ${target}`);
      return `<trans-unit id="${id}">${next}</trans-unit>`;
    });
    writeFileSync(file, xml);
    const missing = [
      ...xml.matchAll(/<trans-unit id="([^"]+)">((?:(?!<\/trans-unit>)[\s\S])*)<\/trans-unit>/g),
    ]
      .filter(([, , body]) => !/<target[\s>]/.test(body))
      .map(([, id]) => id);
    if (missing.length) console.log(`${locale}: still untranslated: ${missing.join(', ')}`);
  }
  run('build');
  console.log('xliff/ and the locale modules are up to date.');
} finally {
  rmdirSync(LOCK);
}
