// The CSV export opened by a real spreadsheet engine (Debian's LibreOffice Calc, headless): with `,` as
// the separator (English locales) and `;` (French), no cell of a hostile export becomes a formula.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { storeIndependent } from './db.js';
import { admin, pledge, post, start, tempDir } from './helpers.js';

const run = promisify(execFile);
const { url } = await start();
const dir = tempDir();

/** What an attacker types into a pledge form, aimed at whoever opens the export. */
const HOSTILE = [
  '=1+1',
  '+1+1',
  '-1+1',
  '@SUM(1;1)',
  ' =1+1',
  '\n=1+1',
  '\r\n=1+1',
  ' \n\t=1+1',
  '\t=1+1',
  'x;=1+1',
  'x,=1+1',
  'x";=1+1;"',
  '=HYPERLINK("http://evil.example";"click")',
  '=cmd|"/c calc"!A0',
  '\u00a0=1+1',
];

/**
 * Opens `files` with Calc's CSV import (`separator` as its code point, `"` quotes, UTF-8) and saves
 * them as flat XML spreadsheets, where a formula cell has a `table:formula` attribute.
 */
async function openInCalc(files: string[], separator: ',' | ';'): Promise<string[]> {
  await run('sh', ['-c', 'command -v soffice']).catch(() => {
    throw new Error('soffice not found: apt-get install libreoffice-calc-nogui (.ci/run does)');
  });
  const out = join(dir, `out-${separator.charCodeAt(0)}`);
  await run(
    'soffice',
    [
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--headless',
      `--infilter=CSV:${separator.charCodeAt(0)},34,76,1`,
      '--convert-to',
      'fods',
      '--outdir',
      out,
      ...files,
    ],
    { timeout: 60_000 },
  );
  return files.map((file) =>
    readFileSync(
      join(
        out,
        file
          .split('/')
          .pop()!
          .replace(/\.csv$/, '.fods'),
      ),
      'utf8',
    ),
  );
}

const formulas = (fods: string) => [...fods.matchAll(/table:formula="([^"]*)"/g)].map((match) => match[1]);

describe('the CSV export in LibreOffice Calc', { skip: storeIndependent }, () => {
  it('has no formula cell with , or ; as the separator', { timeout: 120_000 }, async () => {
    mkdirSync(dir, { recursive: true });
    for (const [index, value] of HOSTILE.entries()) {
      const single =
        value.includes('\n') || value.includes('\t') ? value.replaceAll(/[\r\n\t]/g, ' ') : value;
      const response = await post(
        url,
        pledge({
          campaign: 'hostile-csv',
          name: single,
          city: single,
          country: single.slice(0, 100),
          comment: value,
          pageUrl: `https://partner.example/?q=${encodeURIComponent(value)}`,
          email: `hostile${index}@example.org`,
        }),
      );
      assert.equal(response.status, 201, JSON.stringify(value));
    }
    const csv = await (
      await fetch(`${url}/api/pledges/export.csv?campaign=hostile-csv`, { headers: admin })
    ).text();
    const exported = join(dir, 'export.csv');
    writeFileSync(exported, csv);
    // The control: the same engine, given cells as a naive export would write them, does make formulas.
    // Without it, a Calc that stopped evaluating CSV formulas would let this test pass whatever we write.
    const naive = join(dir, 'naive.csv');
    writeFileSync(naive, `name,comment\r\n"=1+1",x;=2+2\r\n`);

    const [commaExport, commaNaive] = await openInCalc([exported, naive], ',');
    const [semicolonExport] = await openInCalc([exported], ';');
    assert.ok(formulas(commaNaive).length > 0, 'Calc makes formulas of a naive CSV');
    assert.deepEqual(formulas(commaExport), [], 'no formula with , as the separator');
    assert.deepEqual(formulas(semicolonExport), [], 'no formula with ; as the separator');
    // The cells are there, as text: the naive control's sum is, the export's is not.
    assert.match(commaExport, /HYPERLINK/);
  });
});
