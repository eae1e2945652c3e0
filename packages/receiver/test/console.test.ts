// The console's server side over real HTTP: sign-in with a session cookie, the Origin check on every
// route that changes something, failed sign-ins counted with the other admin failures, and partner tokens
// that never see another partner's pledges, on every route of the console and of the API.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rows, scalar } from './db.js';
import { ADMIN_TOKEN, admin, pledge, post, start } from './helpers.js';

const KV = 'khmer-voices-token-0123456789abcdef';
const AC = 'amis-du-cambodge-token-0123456789ab';
const partnerTokens = [
  { partner: 'khmer-voices', token: KV },
  { partner: 'amis-du-cambodge', token: AC },
];
const { url, dbPath } = await start({ partnerTokens, adminFailures: { max: 10 } });
const origin = url; // the receiver's own pages

/** Signs in like the console page does; returns the Cookie header to send back. */
async function signIn(token: string, headers: Record<string, string> = { origin }): Promise<Response> {
  return fetch(`${url}/console/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ token }),
  });
}
async function session(token: string): Promise<string> {
  const response = await signIn(token);
  assert.equal(response.status, 200);
  return (response.headers.get('set-cookie') ?? '').split(';')[0];
}
const get = (path: string, cookie: string) => fetch(`${url}${path}`, { headers: { cookie } });
const json = async (response: Response) => {
  assert.equal(response.status, 200, `${response.url} → ${response.status}`);
  return (await response.json()) as Record<string, unknown>;
};

// The same campaign signed through two partners and without one; another campaign beside it.
const people = [
  { partner: 'khmer-voices', name: 'Sok Dara', email: 'dara@example.org', country: 'KH' },
  { partner: 'khmer-voices', name: 'Chan Sophea', email: 'sophea@example.org', country: 'FR' },
  { partner: 'amis-du-cambodge', name: 'Marie Lefèvre', email: 'marie@example.org', country: 'FR' },
  { partner: 'amis-du-cambodge', name: 'Dara Prum', email: 'prum@example.org', country: 'US' },
  { name: 'Nobody Partner', email: 'none@example.org', country: 'AU' },
];
for (const person of people) {
  assert.equal((await post(url, pledge({ campaign: 'free-them', ...person }))).status, 201);
}
assert.equal((await post(url, pledge({ campaign: 'other', partner: 'amis-du-cambodge' }))).status, 201);

describe('console sign-in', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie for 12 hours, ended by sign-out', async () => {
    const response = await signIn(ADMIN_TOKEN);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { signedIn: true, partner: null });
    const setCookie = response.headers.get('set-cookie') ?? '';
    assert.match(setCookie, /^samleng_console=[A-Za-z0-9_-]{43}; /);
    assert.match(setCookie, /; HttpOnly/);
    assert.match(setCookie, /; SameSite=Strict/);
    assert.match(setCookie, /; Max-Age=43200/);
    assert.match(setCookie, /; Path=\/console/);
    assert.doesNotMatch(setCookie, /Secure/, 'no Secure over plain http (the browser would drop it)');
    const cookie = setCookie.split(';')[0];
    assert.deepEqual(await json(await get('/console/api/session', cookie)), {
      signedIn: true,
      partner: null,
    });

    const out = await fetch(`${url}/console/api/session`, { method: 'DELETE', headers: { cookie, origin } });
    assert.equal(out.status, 204);
    assert.match(out.headers.get('set-cookie') ?? '', /^samleng_console=; .*Max-Age=0/);
    assert.deepEqual(await json(await get('/console/api/session', cookie)), {
      signedIn: false,
      partner: null,
    });
    assert.equal((await get('/console/api/campaigns', cookie)).status, 401, 'the old cookie is dead');
  });

  it('marks the cookie Secure over https (behind a proxy that says so)', async () => {
    const proxied = await start({ partnerTokens, trustProxy: true });
    const response = await fetch(`${proxied.url}/console/api/session`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-proto': 'https',
        'x-forwarded-host': 'pledges.example.org',
        origin: 'https://pledges.example.org',
      },
      body: JSON.stringify({ token: KV }),
    });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('set-cookie') ?? '', /; Secure/);
  });

  it('refuses a sign-in, a sign-out and an erasure from another origin or with no Origin', async () => {
    const cookie = await session(ADMIN_TOKEN);
    for (const headers of <Record<string, string>[]>[
      { origin: 'https://evil.example' },
      { origin: `http://127.0.0.1:${Number(new URL(url).port) + 1}` }, // another site on the same machine
      {},
      { origin: 'null' },
    ]) {
      assert.equal((await signIn(ADMIN_TOKEN, headers)).status, 403, JSON.stringify(headers));
      const erase = await fetch(`${url}/console/api/erase`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, ...headers },
        body: JSON.stringify({ campaign: 'free-them', email: 'dara@example.org' }),
      });
      assert.equal(erase.status, 403, JSON.stringify(headers));
      const out = await fetch(`${url}/console/api/session`, {
        method: 'DELETE',
        headers: { cookie, ...headers },
      });
      assert.equal(out.status, 403);
    }
    // The API's DELETE too, when a page sends it: a bearer token from a foreign page is refused.
    const api = await fetch(`${url}/api/pledges?campaign=free-them&email=dara%40example.org`, {
      method: 'DELETE',
      headers: { ...admin, origin: 'https://evil.example' },
    });
    assert.equal(api.status, 403);
    const stats = await json(await get('/console/api/stats?campaign=free-them', cookie));
    assert.equal(stats.confirmed, 5, 'nobody was erased');
  });

  it('takes the receiver behind a TLS proxy as its own origin (same host, https outside)', async () => {
    const response = await signIn(KV, { origin: url.replace('http:', 'https:') });
    assert.equal(response.status, 200);
  });

  it('refuses the console routes without a session', async () => {
    for (const path of [
      '/console/api/campaigns',
      '/console/api/pledges?campaign=free-them',
      '/console/api/stats?campaign=free-them',
      '/console/api/export.csv?campaign=free-them',
    ]) {
      assert.equal((await get(path, 'samleng_console=forged')).status, 401, path);
      assert.equal((await fetch(`${url}${path}`)).status, 401, path);
    }
  });
});

describe('partner scoping', () => {
  const apiCsv = (token: string, campaign = 'free-them') =>
    fetch(`${url}/api/pledges/export.csv?campaign=${campaign}`, {
      headers: { authorization: `Bearer ${token}` },
    });

  it('the console shows a partner only its own pledges: stats, table, search, campaigns, CSV', async () => {
    const cookie = await session(KV);
    assert.deepEqual(await json(await get('/console/api/session', cookie)), {
      signedIn: true,
      partner: 'khmer-voices',
    });
    const stats = await json(await get('/console/api/stats?campaign=free-them', cookie));
    assert.equal(stats.confirmed, 2);
    assert.deepEqual(stats.byPartner, [{ key: 'khmer-voices', count: 2 }]);
    assert.deepEqual(stats.byCountry, [
      { key: 'FR', count: 1 },
      { key: 'KH', count: 1 },
    ]);
    const table = await json(await get('/console/api/pledges?campaign=free-them', cookie));
    assert.equal(table.total, 2);
    const names = (table.rows as { name: string; partner: string }[]).map((row) => row.name).sort();
    assert.deepEqual(names, ['Chan Sophea', 'Sok Dara']);
    // "Dara" also matches Dara Prum, who signed through the other partner: not shown.
    const search = await json(await get('/console/api/pledges?campaign=free-them&q=dara', cookie));
    assert.deepEqual(
      (search.rows as { name: string }[]).map((row) => row.name),
      ['Sok Dara'],
    );
    const list = await json(await get('/console/api/campaigns', cookie));
    assert.deepEqual(list.campaigns, [{ key: 'free-them', count: 2 }], 'not "other", which it never signed');
    const csv = await (await get('/console/api/export.csv?campaign=free-them', cookie)).text();
    assert.equal(csv.trim().split('\r\n').length, 3, 'header and two rows');
    assert.doesNotMatch(csv, /marie|prum|none@/);
  });

  it('the API export gives a partner token only its own rows, the admin all', async () => {
    const kv = await apiCsv(KV);
    assert.equal(kv.status, 200);
    const text = await kv.text();
    assert.match(text, /dara@example\.org/);
    assert.match(text, /sophea@example\.org/);
    assert.doesNotMatch(text, /marie|prum|none@/);
    assert.equal((await (await apiCsv(AC, 'other')).text()).trim().split('\r\n').length, 2);
    assert.equal((await (await apiCsv(KV, 'other')).text()).trim().split('\r\n').length, 1, 'header only');
    const all = await (await apiCsv(ADMIN_TOKEN)).text();
    assert.equal(all.trim().split('\r\n').length, 6);
  });

  it('a partner cannot erase another partner’s signer, by the API or the console; the DB keeps them', async () => {
    const api = await fetch(`${url}/api/pledges?campaign=free-them&email=marie%40example.org`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${KV}` },
    });
    assert.deepEqual(await json(api), { campaign: 'free-them', deleted: 0, count: 2 });
    const cookie = await session(KV);
    const viaConsole = await fetch(`${url}/console/api/erase`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin },
      body: JSON.stringify({ campaign: 'free-them', email: 'marie@example.org' }),
    });
    assert.deepEqual(await json(viaConsole), { campaign: 'free-them', deleted: 0 });
    assert.equal(await scalar(dbPath, "SELECT count(*) FROM pledges WHERE name = 'Marie Lefèvre'"), 1);
  });
});

describe('numbers and erasure', () => {
  it('the admin’s numbers are the database’s', async () => {
    const cookie = await session(ADMIN_TOKEN);
    const stats = await json(await get('/console/api/stats?campaign=free-them', cookie));
    // Read straight from the store's database (the SQLite file, or the PostgreSQL database), in SQL both
    // speak: CAST so that PostgreSQL's bigint count comes back a number.
    assert.equal(
      stats.confirmed,
      await scalar(
        dbPath,
        "SELECT count(*) FROM pledges WHERE campaign = 'free-them' AND confirmed_at IS NOT NULL",
      ),
    );
    assert.deepEqual(
      stats.byPartner,
      await rows(
        dbPath,
        "SELECT partner AS key, CAST(count(*) AS integer) AS count FROM pledges WHERE campaign = 'free-them' GROUP BY partner ORDER BY count DESC, key",
      ),
    );
    assert.deepEqual(
      stats.byDay,
      await rows(
        dbPath,
        "SELECT substr(consent_at, 1, 10) AS key, CAST(count(*) AS integer) AS count FROM pledges WHERE campaign = 'free-them' GROUP BY key ORDER BY key",
      ),
    );
    assert.equal(stats.pending, 0, 'single opt-in: nothing waits');
  });

  it('a partner erases its own signer: gone from the table, the counts and the database file', async () => {
    const cookie = await session(AC);
    const response = await fetch(`${url}/console/api/erase`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin },
      body: JSON.stringify({ campaign: 'free-them', email: ' Prum@Example.org ' }),
    });
    assert.deepEqual(await json(response), { campaign: 'free-them', deleted: 1 });
    const table = await json(await get('/console/api/pledges?campaign=free-them&q=prum', cookie));
    assert.equal(table.total, 0);
    assert.equal(await scalar(dbPath, "SELECT count(*) FROM pledges WHERE name = 'Dara Prum'"), 0);
  });
});

describe('unsorted pledges (#14: written once, sorted a moment later)', () => {
  it('a partner erases an unsorted pledge of its own, never one another partner brought in', async () => {
    const slow = await start({ partnerTokens, sortDelay: () => 3_600_000 }); // nothing is sorted meanwhile
    const body = pledge({ campaign: 'unsorted', partner: 'amis-du-cambodge', email: 'late@example.org' });
    assert.equal((await post(slow.url, body)).status, 201);
    const erase = (token: string) =>
      fetch(`${slow.url}/api/pledges?campaign=unsorted&email=late%40example.org`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${token}` },
      });
    const sorted = async () =>
      (
        await rows<{ sorted: number }>(
          slow.dbPath,
          "SELECT CAST(sorted AS integer) AS sorted FROM pledges WHERE campaign = 'unsorted'",
        )
      ).map((row) => row.sorted);
    assert.deepEqual(await sorted(), [0]);
    assert.equal(((await json(await erase(KV))) as { deleted: number }).deleted, 0);
    assert.deepEqual(await sorted(), [0], 'still there: another partner’s');
    assert.equal(((await json(await erase(AC))) as { deleted: number }).deleted, 1);
    assert.deepEqual(await sorted(), []);
  });
});

describe('the table', () => {
  it('pages 25 at a time, newest first, and takes % and _ literally in a search', async () => {
    for (let i = 0; i < 27; i += 1) {
      const name = i === 3 ? 'Percent 100% Sure' : `Paged Person ${String(i).padStart(2, '0')}`;
      assert.equal(
        (await post(url, pledge({ campaign: 'paged', name, email: `paged${i}@example.org` }))).status,
        201,
      );
    }
    const cookie = await session(ADMIN_TOKEN);
    const first = await json(await get('/console/api/pledges?campaign=paged', cookie));
    const second = await json(await get('/console/api/pledges?campaign=paged&page=1', cookie));
    assert.equal(first.total, 27);
    assert.equal((first.rows as unknown[]).length, 25);
    assert.deepEqual(
      (second.rows as { name: string }[]).map((row) => row.name),
      ['Paged Person 01', 'Paged Person 00'],
    );
    assert.equal((first.rows as { name: string }[])[0].name, 'Paged Person 26');
    const percent = await json(await get('/console/api/pledges?campaign=paged&q=0%25', cookie));
    assert.deepEqual(
      (percent.rows as { name: string }[]).map((row) => row.name),
      ['Percent 100% Sure'],
    );
    const underscore = await json(await get('/console/api/pledges?campaign=paged&q=_', cookie));
    assert.equal(underscore.total, 0);
    assert.equal((await get('/console/api/pledges?campaign=paged&page=-1', cookie)).status, 400);
  });
});

describe('failed sign-ins', () => {
  it('count toward the admin attempt limit: the 11th gets 429, even with the right token', async () => {
    const limited = await start({ partnerTokens });
    const attempt = (token: string) =>
      fetch(`${limited.url}/console/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: limited.url },
        body: JSON.stringify({ token }),
      });
    for (let i = 0; i < 10; i += 1) assert.equal((await attempt(`wrong-token-${i}-0123456789`)).status, 401);
    const blocked = await attempt(KV);
    assert.equal(blocked.status, 429);
    assert.ok(Number(blocked.headers.get('retry-after')) > 0);
    // The same budget as the API's bearer routes.
    const api = await fetch(`${limited.url}/api/pledges/export.csv?campaign=x`, { headers: admin });
    assert.equal(api.status, 429);
  });
});
