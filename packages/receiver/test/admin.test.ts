// Admin routes over real HTTP: the CSV export and erasure, behind the bearer token.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ADMIN_TOKEN, admin, count, pledge, post, start } from './helpers.js';

const { url } = await start({ now: () => new Date('2029-05-01T08:30:00.000Z') });

const exportCsv = (campaign: string, headers: Record<string, string> = admin) =>
  fetch(`${url}/api/pledges/export.csv?campaign=${campaign}`, { headers });
const erase = (campaign: string, email: string, headers: Record<string, string> = admin) =>
  fetch(`${url}/api/pledges?${new URLSearchParams({ campaign, email })}`, { method: 'DELETE', headers });

describe('GET /api/pledges/export.csv', () => {
  it('answers 401 without the token, with a wrong one, or with another scheme', async () => {
    for (const headers of <Record<string, string>[]>[
      {},
      { authorization: 'Bearer not-the-token-at-all-0000' },
      { authorization: `Bearer ${ADMIN_TOKEN}x` },
      { authorization: `Basic ${Buffer.from(`admin:${ADMIN_TOKEN}`).toString('base64')}` },
      { authorization: ADMIN_TOKEN },
    ]) {
      const response = await exportCsv('csv', headers);
      assert.equal(response.status, 401, JSON.stringify(headers));
      assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer/);
      assert.deepEqual(await response.json(), { errors: { authorization: 'invalid' } });
    }
  });

  it('exports RFC 4180 CSV with a BOM, quoting, and formulas neutralized', async () => {
    const first = pledge({
      campaign: 'csv',
      partner: 'khmer-voices',
      name: 'Dara "the voice", Sok',
      email: 'dara@example.org',
      city: 'Phnom Penh',
      comment: '=HYPERLINK("http://evil.example","click")',
      consentText: 'ខ្ញុំយល់ព្រម',
      locale: 'km',
      pageUrl: 'https://partner.example/pledge',
    });
    const second = pledge({
      campaign: 'csv',
      name: '@SUM(A1:A9)',
      email: 'b@example.org',
      phone: '+855 12 345 678',
      country: '-2+3',
      comment: 'Two\nlines\tand a tab',
      locale: 'fr',
    });
    await post(url, first);
    await post(url, second);
    await post(url, pledge({ campaign: 'other-campaign', name: 'Not exported' }));

    const response = await exportCsv('csv');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.match(response.headers.get('content-disposition') ?? '', /^attachment; filename="samleng-csv-/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const q = (...cells: string[]) => `${cells.map((cell) => `"${cell}"`).join(',')}\r\n`;
    assert.equal(
      text,
      '\uFEFF' +
        q(
          'id',
          'campaign',
          'partner',
          'name',
          'email',
          'country',
          'phone',
          'city',
          'comment',
          'consent_text',
          'consent_at',
          'locale',
          'page_url',
          'confirmed_at',
        ) +
        q(
          String(first.id),
          'csv',
          'khmer-voices',
          'Dara ""the voice"", Sok',
          'dara@example.org',
          '',
          '',
          'Phnom Penh',
          `'=HYPERLINK(""http://evil.example"",""click"")`,
          'ខ្ញុំយល់ព្រម',
          '2029-05-01T08:30:00.000Z',
          'km',
          'https://partner.example/pledge',
          '2029-05-01T08:30:00.000Z',
        ) +
        q(
          String(second.id),
          'csv',
          '',
          "'@SUM(A1:A9)",
          'b@example.org',
          "'-2+3",
          "'+855 12 345 678",
          '',
          'Two\nlines\tand a tab',
          String(second.consentText),
          '2029-05-01T08:30:00.000Z',
          'fr',
          '',
          '2029-05-01T08:30:00.000Z',
        ),
    );
  });

  it('exports only the header row for an empty campaign, and needs a campaign', async () => {
    const empty = await exportCsv('nothing-here');
    assert.equal((await empty.text()).split('\r\n').length, 2);
    const none = await fetch(`${url}/api/pledges/export.csv`, { headers: admin });
    assert.equal(none.status, 400);
  });
});

describe('DELETE /api/pledges (erasure)', () => {
  it('answers 401 without the token and erases nothing', async () => {
    await post(url, pledge({ campaign: 'erase-guarded', email: 'keep@example.org' }));
    const response = await erase('erase-guarded', 'keep@example.org', {});
    assert.equal(response.status, 401);
    assert.equal(await count(url, 'erase-guarded'), 1);
  });

  it("erases a person's pledge: the count drops, the export forgets them, they may pledge again", async () => {
    await post(
      url,
      pledge({ campaign: 'erase', partner: 'p1', email: 'Gone@Example.org', name: 'To Be Forgotten' }),
    );
    await post(url, pledge({ campaign: 'erase', partner: 'p1', email: 'stays@example.org' }));
    await post(url, pledge({ campaign: 'erase-other', email: 'gone@example.org' }));
    assert.equal(await count(url, 'erase'), 2);

    const response = await erase('erase', ' gone@example.ORG ');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.deepEqual(await response.json(), { campaign: 'erase', deleted: 1, count: 1 });
    assert.equal(await count(url, 'erase'), 1);
    assert.equal(await count(url, 'erase', 'p1'), 1);
    assert.equal(await count(url, 'erase-other'), 1, 'other campaigns untouched');
    const csv = await (await exportCsv('erase')).text();
    assert.doesNotMatch(csv, /Forgotten|gone@/i);

    const again = await erase('erase', 'gone@example.org');
    assert.deepEqual(await again.json(), { campaign: 'erase', deleted: 0, count: 1 });
    assert.equal((await post(url, pledge({ campaign: 'erase', email: 'gone@example.org' }))).status, 201);
  });

  it('answers 400 without an e-mail', async () => {
    const response = await fetch(`${url}/api/pledges?campaign=erase`, { method: 'DELETE', headers: admin });
    assert.equal(response.status, 400);
  });
});

describe('without SAMLENG_ADMIN_TOKEN', () => {
  it('answers 401 to every admin request', async () => {
    const bare = await start({ adminTokens: [] });
    for (const authorization of ['Bearer ', 'Bearer undefined', 'Bearer null', `Bearer ${ADMIN_TOKEN}`]) {
      const response = await fetch(`${bare.url}/api/pledges/export.csv?campaign=csv`, {
        headers: { authorization },
      });
      assert.equal(response.status, 401);
    }
  });
});
