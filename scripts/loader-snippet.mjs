// Prints the loader snippet for a page: the `<link rel="modulepreload">` lines of the chunks the page's
// widgets need (so the browser fetches them at once, in one round trip, instead of one after the other) and
// the loader's script tag with its `integrity`. Chunk names change with every build: print it again after
// an upgrade. Run after `npm run build`.
//
//   npm run --silent snippet -- [tag ...] [--lang km] [--base /samleng/0.1.0/]
//   npm run --silent snippet -- samleng-countdown samleng-pledge --lang km
import { readFileSync } from 'node:fs';
import { LOADER, preloadLines, readManifest } from './loader-pages.mjs';
import { sri } from './size-report.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  if (i === -1) return fallback;
  const [, value] = args.splice(i, 2);
  return value;
};
const { version } = JSON.parse(
  readFileSync(new URL('../packages/samleng/package.json', import.meta.url), 'utf8'),
);
const base = option('base', `/samleng/${version}/`);
const lang = option('lang', 'en');
const manifest = readManifest();
const tags = args.length ? args : Object.keys(manifest);
const unknown = tags.filter((tag) => !manifest[tag]);
if (unknown.length) {
  console.error(`Unknown tag(s): ${unknown.join(' ')}; the tags are ${Object.keys(manifest).join(' ')}`);
  process.exit(2);
}
const loader = readFileSync(new URL(`../dist/${LOADER}`, import.meta.url));
console.log(`<!-- Samleng ${version}, the loader way: ${tags.join(', ')} (${lang}) -->`);
for (const line of preloadLines(tags, lang, base, manifest)) console.log(line);
console.log(
  `<script type="module" src="${base}${LOADER}" integrity="${sri(loader)}" crossorigin="anonymous"></script>`,
);
