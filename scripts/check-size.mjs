// The size guard of the drop-in script, in the manner of Lit's guard on lit-core.min.js:
//  - it fails above the cap (46 KB gzip). The foundation promised 30 KB and the benchmark issue aims at
//    20 KB; with every widget complete (countdown, case alert and list, checklist, pledge form and count,
//    three languages, the Khmer formatter) the kit weighs about 45 KB, so the cap sits just above that
//    until the kit is made leaner (see the README's "Size" section), and the targets are printed on every run;
//  - it fails when the size moved from the recorded figure, so every change in weight is seen in
//    review. After a deliberate change: `npm run check:size -- --update`, and commit size.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSize } from './size-report.mjs';

const BUDGET = 46 * 1024;
const TARGETS = [30 * 1024, 20 * 1024];
const RECORD = 'size.json';
const files = ['dist/samleng.js', 'dist/samleng.iife.js'];
const update = process.argv.includes('--update');

const recorded = JSON.parse(readFileSync(RECORD, 'utf8'));
const measured = Object.fromEntries(files.map((file) => [file, gzipSize(readFileSync(file))]));
let failed = false;

for (const file of files) {
  const size = measured[file];
  const was = recorded[file];
  const over = TARGETS.filter((target) => size > target).map((target) => `${target / 1024} KB`);
  const targets = over.length ? `; over the ${over.join(' and ')} targets` : '';
  const line = `${file}: ${size} bytes gzip (${(size / 1024).toFixed(2)} KB; cap ${BUDGET / 1024} KB${targets})`;
  if (size > BUDGET) {
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
  writeFileSync(RECORD, `${JSON.stringify(measured, null, 2)}\n`);
  console.log(`Recorded in ${RECORD}.`);
}
process.exit(failed && !update ? 1 : 0);
