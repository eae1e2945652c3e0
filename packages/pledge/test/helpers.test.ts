import '../../../test/harness.js';
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { shownGoal } from '../src/goal.js';
import { uuid } from '@samleng/core';
import { parseFields, validate } from '../src/fields.js';
import { cleanPageUrl, endpointUrl } from '../src/endpoint.js';
import { sendPledge, type PledgeBody } from '../src/send.js';

describe('pledge helpers', () => {
  afterEach(() => sinon.restore());

  it('steps a passed goal up to the next round figure', () => {
    expect(shownGoal(0, 5000)).to.equal(5000);
    expect(shownGoal(5000, 5000)).to.equal(5000);
    expect(shownGoal(5001, 5000)).to.equal(10_000);
    expect(shownGoal(12_000, 5000)).to.equal(20_000);
    expect(shownGoal(21_000, 5000)).to.equal(25_000);
    expect(shownGoal(26_000, 5000)).to.equal(50_000);
    expect(shownGoal(99_999, 5000)).to.equal(100_000);
    expect(shownGoal(7, 5)).to.equal(10);
  });

  it('makes version 4 UUIDs, different each time', () => {
    const ids = new Set(Array.from({ length: 200 }, uuid));
    expect(ids.size).to.equal(200);
    for (const id of ids)
      expect(id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('reads the optional fields and reports unknown ones', () => {
    expect(parseFields('City country, COMMENT')).to.deep.equal({
      fields: ['country', 'city', 'comment'],
      unknown: [],
    });
    expect(parseFields('phone e-mail')).to.deep.equal({ fields: ['phone'], unknown: ['e-mail'] });
    expect(parseFields(undefined)).to.deep.equal({ fields: [], unknown: [] });
  });

  it('checks lengths, e-mail addresses and phone numbers as the receiver does', () => {
    const shown = ['name', 'email', 'phone', 'comment'] as const;
    expect(
      validate({ name: 'Dara', email: 'd@example.org', phone: '+855 (0)12-345.678' }, shown, true),
    ).to.deep.equal({});
    expect(
      validate({ name: ' ', email: 'd@example', phone: '12 ext 3', comment: 'x'.repeat(2001) }, shown, false),
    ).to.deep.equal({
      name: 'required',
      email: 'format',
      phone: 'format',
      comment: 'too-long',
      consent: 'not-accepted',
    });
    for (const bad of ['d@@example.org', 'd example@x.org', 'd@x..org', '@example.org', 'd@.org']) {
      expect(validate({ name: 'D', email: bad }, ['name', 'email'], true), bad).to.deep.equal({
        email: 'format',
      });
    }
  });

  it('accepts only http(s) endpoints, made absolute and without a trailing slash', () => {
    expect(endpointUrl('https://pledges.example.org/api/pledges/')).to.equal(
      'https://pledges.example.org/api/pledges',
    );
    expect(endpointUrl(' /api/pledges?x=1#y ')).to.equal(`${location.origin}/api/pledges`);
    for (const bad of [
      undefined,
      '',
      '  ',
      'javascript:alert(1)',
      'mailto:a@b.org',
      'data:,x',
      'http://[bad',
    ]) {
      expect(endpointUrl(bad), String(bad)).to.equal(undefined);
    }
  });

  it('leaves the reader’s own details out of the page address', () => {
    expect(cleanPageUrl('https://example.org/p?name=Dara&email=d%40x.org&lang=km#form')).to.equal(
      'https://example.org/p?lang=km',
    );
    expect(cleanPageUrl('file:///home/me/page.html')).to.equal(undefined);
    expect(cleanPageUrl(`https://example.org/${'x'.repeat(2000)}`)).to.equal(undefined);
    expect(cleanPageUrl('not a url')).to.equal(undefined);
  });

  describe('what an answer means for a pledge', () => {
    // Answers the real receiver never gives on purpose (crashes, proxies, captive portals), played here.
    const body: PledgeBody = {
      id: '0b5c3f9e-3d47-4a8e-9a65-0f6f6a1d2c11',
      campaign: 'upr-2029',
      name: 'Dara',
      email: 'd@example.org',
      consent: true,
      consentText: 'I agree.',
      locale: 'en',
      website: '',
    };
    const answer = (response: Response | Error) =>
      sinon
        .stub(window, 'fetch')
        .callsFake(() => (response instanceof Error ? Promise.reject(response) : Promise.resolve(response)));

    it('keeps a pledge on a 5xx, a 429 (waiting as asked) and a 408', async () => {
      answer(new Response('oops', { status: 503, headers: { 'retry-after': '120' } }));
      expect(await sendPledge('/x', body)).to.deep.equal({ kind: 'retry', reason: 'server', after: 120_000 });
      sinon.restore();
      answer(
        new Response('{}', {
          status: 429,
          headers: { 'retry-after': new Date(Date.now() + 30_000).toUTCString() },
        }),
      );
      const rate = await sendPledge('/x', body);
      expect(rate.kind === 'retry' && rate.reason).to.equal('rate');
      expect(rate.kind === 'retry' && rate.after).to.be.within(25_000, 31_000);
      sinon.restore();
      answer(new Response('', { status: 408 }));
      expect(await sendPledge('/x', body)).to.deep.equal({
        kind: 'retry',
        reason: 'server',
        after: undefined,
      });
    });

    it('keeps a pledge that a page answered with HTML, or with someone else’s id', async () => {
      answer(new Response('<!doctype html><p>Welcome to the café Wi-Fi', { status: 200 }));
      expect(await sendPledge('/x', body)).to.deep.equal({ kind: 'retry', reason: 'not-receiver' });
      sinon.restore();
      answer(new Response('{"id":"other","count":3}', { status: 201 }));
      expect(await sendPledge('/x', body)).to.deep.equal({ kind: 'retry', reason: 'not-receiver' });
    });

    it('counts a 2xx of the receiver, ignoring a count that is no count', async () => {
      answer(new Response(JSON.stringify({ id: body.id, count: -1 }), { status: 201 }));
      expect(await sendPledge('/x', body)).to.deep.equal({
        kind: 'sent',
        count: undefined,
        confirm: false,
      });
    });

    it('keeps a pledge on a network error and after a timeout', async () => {
      answer(new TypeError('Failed to fetch'));
      expect(await sendPledge('/x', body)).to.deep.equal({ kind: 'retry', reason: 'network' });
      sinon.restore();
      sinon.stub(window, 'fetch').callsFake((_input, init) => {
        return new Promise((_resolve, reject) =>
          init!.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
        );
      });
      expect(await sendPledge('/x', body, 50)).to.deep.equal({ kind: 'retry', reason: 'timeout' });
    });

    it('lets go of a pledge refused for good, keeping only short field errors', async () => {
      answer(
        new Response(JSON.stringify({ errors: { email: 'format', [`${'x'.repeat(50)}`]: 'y', n: 3 } }), {
          status: 400,
        }),
      );
      expect(await sendPledge('/x', body)).to.deep.equal({ kind: 'invalid', errors: { email: 'format' } });
      sinon.restore();
      answer(new Response('<h1>Bad request</h1>', { status: 400 }));
      expect(await sendPledge('/x', body)).to.deep.equal({ kind: 'rejected', status: 400 });
      sinon.restore();
      answer(new Response('{}', { status: 413 }));
      expect(await sendPledge('/x', body)).to.deep.equal({ kind: 'rejected', status: 413 });
    });
  });
});
