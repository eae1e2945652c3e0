// Hostile strings over real HTTP: what SQLite, the CSV or a reader cannot take back is refused with a 400
// and a code the pledge form shows, and nothing is stored.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { onPostgres, rows } from './db.js';
import { count, pledge, post, start } from './helpers.js';

const { url, dbPath } = await start();

/** Posts a pledge (raw JSON text, so lone surrogates and NULs arrive as sent) and returns status and body. */
async function send(body: Record<string, unknown>): Promise<{ status: number; json: unknown }> {
  const response = await post(url, JSON.stringify(body));
  return { status: response.status, json: await response.json() };
}

describe('hostile strings', () => {
  const refusals: [string, Record<string, unknown>, Record<string, string>][] = [
    ['a lone high surrogate in the name', { name: 'Sok\ud800Dara' }, { name: 'format' }],
    ['a lone low surrogate in the comment', { comment: 'end\udc00' }, { comment: 'format' }],
    ['a NUL in the name', { name: 'Nu\u0000ll' }, { name: 'format' }],
    ['a NUL in the comment', { comment: 'a\u0000b' }, { comment: 'format' }],
    ['an escape sequence in the city', { city: 'Paris\u001b[31m' }, { city: 'format' }],
    ['a C1 control in the country', { country: 'FR\u0085' }, { country: 'format' }],
    ['a DEL in the consent text', { consentText: 'I agree\u007f' }, { consentText: 'format' }],
    ['a newline in the name', { name: 'Sok\nDara' }, { name: 'format' }],
    ['a tab in the city', { city: 'Phnom\tPenh' }, { city: 'format' }],
    [
      'a name of zero-width characters only',
      { name: '\u200b\u200c\u200d\u2060\ufeff' },
      { name: 'required' },
    ],
    ['a name of a Hangul filler', { name: '\u3164' }, { name: 'required' }],
    ['a name of bidi marks and no-break spaces', { name: '\u200e\u00a0\u202f\u200f' }, { name: 'required' }],
    ['a consent text of white space only', { consentText: ' \n\t \u3000 ' }, { consentText: 'required' }],
    ['an id with urn:uuid:', { id: `urn:uuid:${randomUUID()}` }, { id: 'format' }],
    ['an id in upper case', { id: randomUUID().toUpperCase() }, { id: 'format' }],
    ['an id in braces', { id: `{${randomUUID()}}` }, { id: 'format' }],
    ['the nil UUID', { id: '00000000-0000-0000-0000-000000000000' }, { id: 'format' }],
    ['the max UUID', { id: 'ffffffff-ffff-ffff-ffff-ffffffffffff' }, { id: 'format' }],
    ['a 65-character local part', { email: `${'a'.repeat(65)}@example.org` }, { email: 'format' }],
    ['a 64-character domain label', { email: `a@${'b'.repeat(64)}.org` }, { email: 'format' }],
    [
      'an address over 254 characters',
      { email: `${'a'.repeat(60)}@${`${'b'.repeat(49)}.`.repeat(4)}org` },
      { email: 'too-long' },
    ],
  ];
  for (const [what, fields, errors] of refusals) {
    it(`refuses ${what}: 400 ${JSON.stringify(errors)}`, async () => {
      const campaign = `refuse-${randomUUID().slice(0, 8)}`;
      const { status, json } = await send(pledge({ campaign, ...fields }));
      assert.equal(status, 400);
      assert.deepEqual(json, { errors });
      assert.equal(await count(url, campaign), 0);
    });
  }

  it('keeps what people write: Khmer, emoji, tabs and newlines in the comment, a 64-character local part', async () => {
    const campaign = 'keeps-text';
    const body = pledge({
      campaign,
      name: 'សុខ ដារ៉ា 👩🏽‍⚖️',
      email: `${'a'.repeat(64)}@example.org`,
      comment: 'line one\r\n\tline two\nជាមួយគ្នា',
      consentText: 'I agree\nthat the coalition keeps my name.',
      city: 'Zürich',
    });
    const { status } = await send(body);
    assert.equal(status, 201);
    // The count sorts the intake in the tests' mode (sortDelay 0), so the row is in pledges after it.
    assert.equal(await count(url, campaign), 1);
    const [row] = await rows(dbPath, 'SELECT name, comment, consent_text FROM pledges WHERE id = ?', [
      body.id,
    ]);
    assert.deepEqual(row, { name: body.name, comment: body.comment, consent_text: body.consentText });
    // PostgreSQL refuses text that is not valid UTF-8 by itself; SQLite stores what it is given.
    if (onPostgres) return;
    const db = new Database(dbPath, { readonly: true });
    try {
      // What SQLite holds decodes as UTF-8 for any other reader.
      const bytes = db.prepare('SELECT CAST(name AS BLOB) AS raw FROM pledges WHERE id = ?').get(body.id) as {
        raw: Buffer;
      };
      assert.equal(new TextDecoder('utf-8', { fatal: true }).decode(bytes.raw), body.name);
    } finally {
      db.close();
    }
  });

  it('stores one row for one UUID: the same id again is answered as the first time, another spelling a 400', async () => {
    const campaign = 'one-uuid';
    const id = randomUUID();
    assert.equal((await send(pledge({ campaign, id }))).status, 201);
    assert.equal((await send(pledge({ campaign, id: `urn:uuid:${id}` }))).status, 400);
    assert.equal((await send(pledge({ campaign, id: id.toUpperCase() }))).status, 400);
    // The same pledge again: the same answer as the first time (idempotent), and still one row.
    assert.equal((await send(pledge({ campaign, id }))).status, 201);
    assert.equal(await count(url, 'one-uuid'), 1);
  });
});
