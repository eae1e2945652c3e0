// The size guard of both ways, in the manner of Lit's guard on lit-core.min.js:
//  - the drop-in script (dist/samleng.js, every widget and language) fails above its cap (50 KB gzip,
//    51,200 bytes; 46 KB until the case list's alerts sign-up of issue 19 added 3.5 KB) and whenever it
//    moved from the recorded figure: it must not grow unseen;
//  - the loader (dist/samleng-loader.js) fails above 1.5 KB gzip; what each page fetches through it (each
//    widget alone in en and km, all four in en and km: see scripts/loader-pages.mjs) is recorded too, with
//    the issue's targets printed beside it;
//  - every recorded figure fails when it moved, so each change in weight is seen in review. After a
//    deliberate change: `npm run check:size -- --update`, and commit size.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSize } from './size-report.mjs';
import { PAGES, TARGETS, gzipOf, LOADER, page, readManifest, targetOf } from './loader-pages.mjs';

const BUDGET = 50 * 1024;
const RECORD = 'size.json';
const update = process.argv.includes('--update');
const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;

const recorded = JSON.parse(readFileSync(RECORD, 'utf8'));
/** [key, bytes, cap or undefined, note] */
const rows = [];
for (const file of ['dist/samleng.js', 'dist/samleng.iife.js']) {
  rows.push([file, gzipSize(readFileSync(file)), BUDGET, `cap ${BUDGET / 1024} KB`]);
}
rows.push([`dist/${LOADER}`, gzipOf(LOADER), TARGETS.loader, `cap ${TARGETS.loader / 1024} KB`]);
const manifest = readManifest();
for (const [name, tags] of Object.entries(PAGES)) {
  for (const locale of ['en', 'km']) {
    {
      const { bytes, requests } = page(tags, locale, manifest);
      const target = targetOf(name, locale);
      const gap = bytes - target;
      const note = `${requests} requests; target ${kb(target)}: ${gap > 0 ? `${kb(gap)} over` : 'met'}`;
      rows.push([`loader page: ${name} (${locale})`, bytes, undefined, note]);
    }
  }
}

let failed = false;
for (const [key, size, cap, note] of rows) {
  const was = recorded[key];
  const line = `${key}: ${size} bytes gzip (${kb(size)}; ${note})`;
  if (cap !== undefined && size > cap) {
    console.error(`${line}: OVER BUDGET`);
    failed = true;
  } else if (!update && size !== was) {
    const delta = size - (was ?? 0);
    console.error(
      `${line}: recorded ${was}, ${delta > 0 ? '+' : ''}${delta} bytes. If intended: npm run check:size -- --update`,
    );
    failed = true;
  } else {
    console.log(line);
  }
}

if (update) {
  writeFileSync(
    RECORD,
    `${JSON.stringify(Object.fromEntries(rows.map(([key, size]) => [key, size])), null, 2)}\n`,
  );
  console.log(`Recorded in ${RECORD}.`);
}
process.exit(failed && !update ? 1 : 0);
