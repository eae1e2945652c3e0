// Token guessing and chosen rate-limit keys, over real HTTP: failed admin attempts are limited per client
// address whatever X-Forwarded-For claims, and the addresses the limits count cannot be picked by a client.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { addressKey } from '../src/client-address.js';
import { ADMIN_TOKEN, admin, pledge, post, start } from './helpers.js';

/** A log stream kept in memory, one parsed pino line per entry. */
function logSink(): { stream: Writable; lines: Record<string, unknown>[]; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  const text = () => chunks.join('');
  return {
    stream,
    text,
    get lines() {
      return text()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>);
    },
  };
}

const exportFrom = (url: string, headers: Record<string, string>) =>
  fetch(`${url}/api/pledges/export.csv?campaign=guess`, { headers });

describe('guessing the admin token', () => {
  it('allows 10 failures a minute per address, then 429 with Retry-After, even for the right token', async () => {
    const log = logSink();
    const { url, app } = await start({ logLevel: 'info', logStream: log.stream, trustProxy: 1 });
    const from = (address: string, token: string) =>
      exportFrom(url, { authorization: `Bearer ${token}`, 'x-forwarded-for': address });
    const statuses: number[] = [];
    for (let guess = 0; guess < 12; guess++) {
      // A client rotating the part of X-Forwarded-For it controls (nginx appends the real address).
      const response = await from(`10.0.${guess}.1, 203.0.113.5`, `guess-${guess}-${randomUUID()}`);
      statuses.push(response.status);
      if (response.status === 429) {
        const retryAfter = Number(response.headers.get('retry-after'));
        assert.ok(retryAfter > 0 && retryAfter <= 60, `Retry-After ${retryAfter}`);
        assert.deepEqual(await response.json(), { errors: { rate: 'rate-limited' } });
      } else await response.arrayBuffer();
    }
    assert.deepEqual(statuses, [...Array(10).fill(401), 429, 429]);
    // While blocked, a right guess tells nothing either.
    assert.equal((await from('203.0.113.5', ADMIN_TOKEN)).status, 429);
    // Another address is not blocked by this one's failures.
    assert.equal((await from('203.0.113.6', ADMIN_TOKEN)).status, 200);
    assert.equal(app.adminFailures.retryAfter('203.0.113.6'), 0);
    assert.ok(app.adminFailures.retryAfter('203.0.113.5') > 0);

    const warnings = log.lines.filter((line) => line.msg === 'admin authentication failed');
    assert.equal(warnings.length, 10);
    assert.equal(warnings[0].level, 40, 'a warning');
    assert.equal(warnings[0].route, '/api/pledges/export.csv');
    assert.doesNotMatch(log.text(), /guess-\d/, 'no token in the log');
    assert.doesNotMatch(log.text(), /203\.0\.113/, 'no address in the log');
  });

  it('counts failures on erasure too, against the same budget', async () => {
    const { url } = await start({ adminFailures: { max: 3 } });
    const erase = (token: string) =>
      fetch(`${url}/api/pledges?campaign=guess&email=a@example.org`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${token}` },
      });
    assert.equal((await exportFrom(url, { authorization: 'Bearer wrong-wrong-wrong-1' })).status, 401);
    assert.equal((await erase('wrong-wrong-wrong-2')).status, 401);
    assert.equal((await erase('wrong-wrong-wrong-3')).status, 401);
    assert.equal((await erase(ADMIN_TOKEN)).status, 429);
    assert.equal((await exportFrom(url, admin)).status, 429);
  });
});

describe('rate-limit keys a client cannot choose', () => {
  const burst = async (url: string, forwarded: (i: number) => string) => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const response = await post(url, pledge({ campaign: 'keys' }), { 'x-forwarded-for': forwarded(i) });
      statuses.push(response.status);
      await response.arrayBuffer();
    }
    return statuses;
  };
  const limited = [...Array(5).fill(201), 429, 429, 429];

  for (const [what, trustProxy] of <[string, number | string | string[] | false][]>[
    ['no proxy trusted', false],
    ['a hop count of 1', 1],
    ["the proxy's address", ['127.0.0.1']],
    ["the proxy's CIDR, as SAMLENG_TRUST_PROXY gives it", '127.0.0.0/8'],
  ]) {
    it(`ignores a rotating X-Forwarded-For with ${what}, also in the "spoof, real" form`, async () => {
      const { url } = await start({ rateLimit: 5, trustProxy });
      assert.deepEqual(await burst(url, (i) => `198.51.100.${i}, 203.0.113.9`), limited);
      if (trustProxy === false) {
        const { url: other } = await start({ rateLimit: 5, trustProxy });
        assert.deepEqual(await burst(other, (i) => `198.51.100.${i}`), limited);
      }
    });
  }

  it('warns at start when SAMLENG_TRUST_PROXY=true', async () => {
    const log = logSink();
    await start({ logLevel: 'info', logStream: log.stream, trustProxy: 'true' });
    const warning = log.lines.find((line) => line.level === 40);
    assert.match(String(warning?.msg), /SAMLENG_TRUST_PROXY=true .* choose the address/);
    const quiet = logSink();
    const { url } = await start({ logLevel: 'info', logStream: quiet.stream, trustProxy: 1 });
    // Proof that the start is over and logged: a request's own line, written after it.
    await (await fetch(`${url}/healthz`)).arrayBuffer();
    while (!quiet.lines.some((line) => line.msg === 'request')) await new Promise((r) => setImmediate(r));
    assert.equal(quiet.lines.filter((line) => line.level === 40).length, 0, 'no warning for a hop count');
  });

  it('counts an IPv6 client by its /64, and IPv4-mapped IPv6 as IPv4', () => {
    assert.equal(addressKey('2001:db8:1:2:aaaa::1'), '2001:db8:1:2::/64');
    assert.equal(addressKey('2001:db8:1:2:ffff:ffff:ffff:ffff'), '2001:db8:1:2::/64');
    assert.equal(addressKey('2001:0db8:0001:0002::'), '2001:db8:1:2::/64');
    assert.equal(addressKey('2001:db8::1'), '2001:db8:0:0::/64');
    assert.equal(addressKey('::1'), '0:0:0:0::/64');
    assert.equal(addressKey('::ffff:192.0.2.1'), '192.0.2.1');
    assert.equal(addressKey('192.0.2.1'), '192.0.2.1');
  });
});
