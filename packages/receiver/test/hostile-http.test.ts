// Static files and error answers under probing: dotfiles and symlinks out of a served folder are 404,
// pages carry the CSP and friends, and every error (fastify's and Node's too) has the {errors} shape
// without echoing the URL.
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CONTENT_SECURITY_POLICY } from '../src/static.js';
import { start, tempDir } from './helpers.js';

const dir = tempDir();
const site = join(dir, 'site');
const outside = join(dir, 'outside');
mkdirSync(join(site, '.git'), { recursive: true });
mkdirSync(join(site, 'dist'), { recursive: true });
mkdirSync(outside, { recursive: true });
writeFileSync(join(site, 'index.html'), '<!doctype html><title>demo</title>');
writeFileSync(join(site, 'dist', 'samleng.js'), 'export {};');
writeFileSync(join(site, '.env'), 'SAMLENG_ADMIN_TOKEN=secret-secret-secret');
writeFileSync(join(site, '.git', 'config'), '[core]');
writeFileSync(join(site, 'dist', '.hidden.js'), 'secret');
writeFileSync(join(outside, 'secret.txt'), 'secret outside');
symlinkSync(join(outside, 'secret.txt'), join(site, 'leak.txt'));
symlinkSync(outside, join(site, 'out'));
symlinkSync(join(site, 'index.html'), join(site, 'inside.html')); // a link that stays inside is fine

const { url } = await start({
  static: [
    { root: site, prefix: '/' },
    { root: join(site, 'dist'), prefix: '/dist/' },
  ],
});

/** Raw HTTP, for requests fetch() would refuse to send or would normalize. */
function raw(request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port: Number(new URL(url).port), host: '127.0.0.1' });
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
    socket.write(request);
  });
}

describe('static files', () => {
  it('serves the folder with a CSP, Referrer-Policy, nosniff and no framing', async () => {
    for (const path of ['/', '/index.html', '/dist/samleng.js', '/inside.html']) {
      const response = await fetch(`${url}${path}`);
      assert.equal(response.status, 200, path);
      await response.arrayBuffer();
      assert.equal(response.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY, path);
      assert.match(CONTENT_SECURITY_POLICY, /frame-ancestors 'none'/);
      assert.equal(response.headers.get('referrer-policy'), 'strict-origin-when-cross-origin', path);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
    }
  });

  it('answers 404 for dotfiles, dot-folders and symlinks that leave the folder', async () => {
    for (const path of [
      '/.env',
      '/.git/config',
      '/dist/.hidden.js',
      '/%2eenv',
      '/leak.txt',
      '/out/secret.txt',
    ]) {
      const response = await fetch(`${url}${path}`);
      const text = await response.text();
      assert.equal(response.status, 404, path);
      assert.deepEqual(JSON.parse(text), { errors: { route: 'not-found' } }, path);
      assert.doesNotMatch(text, /secret/);
    }
  });
});

describe('one error shape', () => {
  const cases: [string, () => Promise<Response>, number, Record<string, string>][] = [
    ['a URL that does not decode', () => fetch(`${url}/%c0%ae`), 400, { url: 'invalid' }],
    ['a bad escape in the API path', () => fetch(`${url}/api/pledges/%zz`), 400, { url: 'invalid' }],
    ['an unknown route', () => fetch(`${url}/api/nothing?x=<script>`), 404, { route: 'not-found' }],
    [
      'bad JSON',
      () =>
        fetch(`${url}/api/pledges`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"a":',
        }),
      400,
      { body: 'json' },
    ],
    [
      'a body over 16 KB',
      () =>
        fetch(`${url}/api/pledges`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name: 'x'.repeat(17_000) }),
        }),
      413,
      { body: 'too-large' },
    ],
    [
      'another content type',
      () =>
        fetch(`${url}/api/pledges`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'a,b' }),
      415,
      { body: 'not-json' },
    ],
  ];
  for (const [what, request, status, errors] of cases) {
    it(`answers ${what} with ${status} {errors}`, async () => {
      const response = await request();
      const text = await response.text();
      assert.equal(response.status, status);
      assert.deepEqual(JSON.parse(text), { errors });
      assert.doesNotMatch(text, /%c0|%zz|script|nothing/i, 'nothing of the URL echoed');
    });
  }

  it('answers a request that is not HTTP in the same shape', async () => {
    const answer = await raw('HELLO /%c0%ae WORLD\r\n\r\n');
    assert.match(answer, /^HTTP\/1\.1 400 /);
    assert.equal(answer.split('\r\n\r\n')[1], JSON.stringify({ errors: { request: 'malformed' } }));
  });

  it('answers headers over the limit in the same shape', async () => {
    const answer = await raw(`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    assert.match(answer, /^HTTP\/1\.1 431 /);
    assert.equal(answer.split('\r\n\r\n')[1], JSON.stringify({ errors: { headers: 'too-large' } }));
  });
});
