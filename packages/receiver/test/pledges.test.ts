// POST /api/pledges and GET /api/pledges/count over real HTTP.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { count, healthy, pledge, post, start } from './helpers.js';

const { url } = await start();

describe('POST /api/pledges', () => {
  it('stores a new pledge: 201 {id, confirm}, no count in the answer', async () => {
    const body = pledge({ campaign: 'new-one' });
    const response = await post(url, body);
    assert.equal(response.status, 201);
    assert.deepEqual(await response.json(), { id: body.id, confirm: false });
    assert.equal(await count(url, 'new-one'), 1);
  });

  it('answers a retry of the same id exactly as the first time, counting nothing', async () => {
    const body = pledge({ campaign: 'same-id' });
    const first = await post(url, body);
    const again = await post(url, { ...body, email: 'someone-else@example.org' });
    assert.equal(again.status, first.status);
    assert.deepEqual(await again.json(), await first.json());
    assert.equal(await count(url, 'same-id'), 1);
  });

  it('answers a known e-mail exactly as a new one, whatever its case and spaces, counting it once', async () => {
    const first = await post(url, pledge({ campaign: 'same-mail', email: 'Dara@Example.org' }));
    const knownBody = pledge({ campaign: 'same-mail', email: '  dara@example.ORG ' });
    const known = await post(url, knownBody);
    assert.equal(known.status, first.status);
    assert.deepEqual(await known.json(), { id: knownBody.id, confirm: false });
    assert.deepEqual(
      [...known.headers.keys()].filter((name) => name !== 'date').sort(),
      [...first.headers.keys()].filter((name) => name !== 'date').sort(),
    );
    // The same person may pledge in another campaign.
    assert.equal((await post(url, pledge({ campaign: 'other', email: 'dara@example.org' }))).status, 201);
    assert.equal(await count(url, 'same-mail'), 1);
    assert.equal(await count(url, 'other'), 1);
  });

  it('stores exactly one of 20 identical pledges posted at once, all answered alike', async () => {
    const body = pledge({ campaign: 'burst' });
    const responses = await Promise.all(Array.from({ length: 20 }, () => post(url, body)));
    assert.deepEqual(new Set(responses.map((response) => response.status)), new Set([201]));
    assert.equal(await count(url, 'burst'), 1);
  });

  it('stores exactly one of 20 pledges with the same e-mail and different ids posted at once', async () => {
    const bodies = Array.from({ length: 20 }, () =>
      pledge({ campaign: 'burst-mail', email: 'x@example.org' }),
    );
    const responses = await Promise.all(bodies.map((body) => post(url, body)));
    assert.deepEqual(new Set(responses.map((response) => response.status)), new Set([201]));
    assert.equal(await count(url, 'burst-mail'), 1);
  });

  it('gives a filled honeypot a normal-looking 201 and stores nothing', async () => {
    assert.equal((await post(url, pledge({ campaign: 'honey' }))).status, 201);
    const bot = pledge({ campaign: 'honey', website: 'https://spam.example' });
    const response = await post(url, bot);
    assert.equal(response.status, 201);
    assert.deepEqual(await response.json(), { id: bot.id, confirm: false });
    assert.equal(await count(url, 'honey'), 1);
    // Not stored: the same id later is new and counted.
    assert.equal((await post(url, { ...bot, website: '' })).status, 201);
    assert.equal(await count(url, 'honey'), 2);
  });

  it('counts per partner as well as for the whole campaign', async () => {
    await post(url, pledge({ campaign: 'shared', partner: 'khmer-voices' }));
    await post(url, pledge({ campaign: 'shared', partner: 'khmer-voices' }));
    await post(url, pledge({ campaign: 'shared', partner: 'friends-fr' }));
    await post(url, pledge({ campaign: 'shared', partner: '' }));
    assert.equal(await count(url, 'shared'), 4);
    assert.equal(await count(url, 'shared', 'khmer-voices'), 2);
    assert.equal(await count(url, 'shared', 'friends-fr'), 1);
    assert.equal(await count(url, 'shared', 'nobody'), 0);
    const emptyPartner = await fetch(`${url}/api/pledges/count?campaign=shared&partner=`);
    assert.deepEqual(await emptyPartner.json(), { campaign: 'shared', count: 4 });
  });

  it('accepts every optional field', async () => {
    const response = await post(
      url,
      pledge({
        partner: 'khmer-voices',
        country: 'FR',
        phone: '+33 6 12 34 56 78',
        city: 'Paris',
        comment: 'ដោះលែងពួកគេ',
        pageUrl: 'https://partner.example/pledge',
      }),
    );
    assert.equal(response.status, 201);
  });

  const invalid: [string, Record<string, unknown>, Record<string, string>][] = [
    ['a missing e-mail', { email: undefined }, { email: 'required' }],
    ['a malformed e-mail', { email: 'dara at example.org' }, { email: 'format' }],
    ['an empty name', { name: '   ' }, { name: 'required' }],
    ['consent false', { consent: false }, { consent: 'not-accepted' }],
    ['consent "true" (a string)', { consent: 'true' }, { consent: 'not-accepted' }],
    ['a missing consent', { consent: undefined }, { consent: 'required' }],
    ['a name over 200 characters', { name: 'ក'.repeat(201) }, { name: 'too-long' }],
    ['a comment over 2000 characters', { comment: 'a'.repeat(2001) }, { comment: 'too-long' }],
    ['an id that is not a UUID', { id: '42' }, { id: 'format' }],
    ['a number for the name', { name: 42 }, { name: 'type' }],
    ['an object for the city', { city: { evil: true } }, { city: 'type' }],
    ['an unknown field', { newsletter: true }, { newsletter: 'unknown' }],
    ['a campaign with spaces', { campaign: 'free them' }, { campaign: 'format' }],
    ['a javascript: page URL', { pageUrl: 'javascript:alert(1)' }, { pageUrl: 'format' }],
    ['letters in the phone number', { phone: 'call me' }, { phone: 'format' }],
  ];
  for (const [what, overrides, errors] of invalid) {
    it(`answers 400 {errors} for ${what}`, async () => {
      const response = await post(url, pledge({ campaign: 'invalid', ...overrides }));
      assert.equal(response.status, 400);
      assert.deepEqual(await response.json(), { errors: errors });
    });
  }

  it('reports every bad field at once', async () => {
    const response = await post(url, { id: 'x', campaign: 'c', email: 'nope', consent: false });
    assert.equal(response.status, 400);
    const { errors } = (await response.json()) as { errors: Record<string, string> };
    assert.deepEqual(Object.keys(errors).sort(), ['consent', 'consentText', 'email', 'id', 'locale', 'name']);
    assert.equal(await count(url, 'invalid'), 0);
  });

  it('answers 400 for a body that is not valid JSON or not an object', async () => {
    const broken = await post(url, '{"id": ');
    assert.equal(broken.status, 400);
    assert.deepEqual(await broken.json(), { errors: { body: 'json' } });
    const array = await post(url, '[1, 2]');
    assert.equal(array.status, 400);
    assert.deepEqual(await array.json(), { errors: { body: 'type' } });
  });

  it('answers 413 for a body over 16 KB', async () => {
    const response = await post(url, pledge({ comment: 'a'.repeat(17 * 1024) }));
    assert.equal(response.status, 413);
    assert.deepEqual(await response.json(), { errors: { body: 'too-large' } });
  });

  it('answers 415 for a body that is not JSON', async () => {
    const form = await fetch(`${url}/api/pledges`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'name=Sok&email=sok%40example.org',
    });
    assert.equal(form.status, 415);
    assert.deepEqual(await form.json(), { errors: { body: 'not-json' } });
    const text = await fetch(`${url}/api/pledges`, { method: 'POST', body: JSON.stringify(pledge()) });
    assert.equal(text.status, 415);
  });
});

describe('GET /api/pledges/count', () => {
  it('answers {campaign, count}, cacheable for 5 seconds, readable from any origin', async () => {
    const response = await fetch(`${url}/api/pledges/count?campaign=nobody-yet`, {
      headers: { origin: 'https://any.example' },
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'public, max-age=5');
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.deepEqual(await response.json(), { campaign: 'nobody-yet', count: 0 });
  });

  it('answers 400 without a campaign or with a malformed one', async () => {
    assert.equal((await fetch(`${url}/api/pledges/count`)).status, 400);
    assert.equal((await fetch(`${url}/api/pledges/count?campaign=${encodeURIComponent('a b')}`)).status, 400);
  });
});

describe('other routes', () => {
  it('answers GET /healthz', async () => {
    const response = await healthy(url);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { status: 'ok' });
  });

  it('answers 404 in JSON for an unknown route', async () => {
    const response = await fetch(`${url}/api/${randomUUID()}`);
    assert.equal(response.status, 404);
    assert.deepEqual(await response.json(), { errors: { route: 'not-found' } });
  });
});
