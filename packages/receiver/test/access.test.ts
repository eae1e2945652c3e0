// CORS, the rate limit and the log, over real HTTP.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { ADMIN_TOKEN, admin, count, pledge, post, start } from './helpers.js';

const preflight = (url: string, origin: string, path = '/api/pledges') =>
  fetch(`${url}${path}`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type',
    },
  });

describe('CORS', async () => {
  const { url } = await start({ allowedOrigins: ['https://partner.example', 'http://localhost:8000'] });

  it('answers a preflight from an allowed origin', async () => {
    const response = await preflight(url, 'https://partner.example');
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), 'https://partner.example');
    assert.match(response.headers.get('access-control-allow-methods') ?? '', /POST/);
    assert.match(response.headers.get('access-control-allow-headers') ?? '', /content-type/i);
    assert.equal(response.headers.get('access-control-allow-credentials'), null);
  });

  it('lets an allowed origin post and read the answer', async () => {
    const response = await post(url, pledge({ campaign: 'cors' }), { origin: 'http://localhost:8000' });
    assert.equal(response.status, 201);
    assert.equal(response.headers.get('access-control-allow-origin'), 'http://localhost:8000');
    assert.match(response.headers.get('vary') ?? '', /origin/i);
    // A form on another origin may read Retry-After, to wait as long as a 429 or 503 asks.
    assert.match(response.headers.get('access-control-expose-headers') ?? '', /retry-after/i);
  });

  it('gives another origin no CORS grant and refuses its pledge (403)', async () => {
    const denied = await preflight(url, 'https://evil.example');
    assert.equal(denied.headers.get('access-control-allow-origin'), null);
    const response = await post(url, pledge({ campaign: 'cors-denied' }), { origin: 'https://evil.example' });
    assert.equal(response.status, 403);
    assert.equal(response.headers.get('access-control-allow-origin'), null);
    assert.deepEqual(await response.json(), { errors: { origin: 'not-allowed' } });
    // A lookalike origin is not the allowed one.
    const lookalike = await post(url, pledge({ campaign: 'cors-denied' }), {
      origin: 'https://partner.example.evil.example',
    });
    assert.equal(lookalike.status, 403);
    assert.equal(await count(url, 'cors-denied'), 0);
  });

  it('accepts posts without an Origin header (curl, servers)', async () => {
    assert.equal((await post(url, pledge({ campaign: 'no-origin' }))).status, 201);
  });

  it('grants no CORS on the admin routes', async () => {
    const response = await fetch(`${url}/api/pledges/export.csv?campaign=cors`, {
      headers: { ...admin, origin: 'https://partner.example' },
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), null);
  });

  it('allows any origin with "*"', async () => {
    const open = await start({ allowedOrigins: ['*'] });
    const response = await post(open.url, pledge(), { origin: 'https://anyone.example' });
    assert.equal(response.status, 201);
    assert.equal(response.headers.get('access-control-allow-origin'), 'https://anyone.example');
  });
});

describe('rate limit', async () => {
  it('answers 429 with Retry-After past SAMLENG_RATE_LIMIT pledges per minute, duplicates included', async () => {
    const { url } = await start({ rateLimit: 3 });
    const body = pledge({ campaign: 'limited' });
    assert.equal((await post(url, body)).status, 201);
    assert.equal((await post(url, body)).status, 201);
    assert.equal((await post(url, pledge({ campaign: 'limited' }))).status, 201);
    const limited = await post(url, pledge({ campaign: 'limited' }));
    assert.equal(limited.status, 429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    assert.ok(retryAfter > 0 && retryAfter <= 60, `Retry-After ${retryAfter}`);
    assert.deepEqual(await limited.json(), { errors: { rate: 'rate-limited' } });
    assert.equal(await count(url, 'limited'), 2);
    // Counting is not limited.
    for (let index = 0; index < 5; index++) assert.equal(await count(url, 'limited'), 2);
  });
});

describe('the log', () => {
  it('holds method, route, status and time, and no personal data', async () => {
    let log = '';
    const logStream = new Writable({
      write(chunk, _encoding, done) {
        log += String(chunk);
        done();
      },
    });
    const { url } = await start({ logLevel: 'info', logStream });
    const body = pledge({
      campaign: 'logged',
      name: 'Chea Sovann',
      email: 'Private.Person@example.org',
      phone: '+855 99 888 777',
    });
    await post(url, body, { origin: 'https://partner.example' });
    await post(url, '{"name": "Chea Sovann", "email": "Private.Person@example.org"', {});
    await post(url, { ...body, email: 'Private.Person@example' });
    await fetch(`${url}/api/pledges?campaign=logged&email=Private.Person%40example.org`, {
      method: 'DELETE',
      headers: admin,
    });
    await fetch(`${url}/api/pledges/export.csv?campaign=logged`, {
      headers: { authorization: 'Bearer wrong-guess-000000000' },
    });

    const lines = log
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const requests = lines.filter((line) => line.msg === 'request');
    assert.deepEqual(
      requests.map(({ method, route, status }) => [method, route, status]),
      [
        ['POST', '/api/pledges', 201],
        ['POST', '/api/pledges', 400],
        ['POST', '/api/pledges', 400],
        ['DELETE', '/api/pledges', 200],
        ['GET', '/api/pledges/export.csv', 401],
      ],
    );
    for (const request of requests) assert.equal(typeof request.ms, 'number');
    for (const secret of [
      'Chea',
      'Sovann',
      'Private',
      'private.person',
      // The phone's digits as typed and run together; a bare '888' also matches a timestamp or a duration.
      '99 888 777',
      '99888777',
      ADMIN_TOKEN,
      'wrong-guess',
      body.id as string,
    ]) {
      assert.ok(!log.includes(secret), `log contains ${secret}`);
    }
  });
});
