import '../../../test/harness.js';
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import sinon from 'sinon';
import '../samleng-pledge-count.js';
import type { SamlengPledgeCount } from '../src/pledge-count.js';
import { countSources } from '../src/count-source.js';
import { setLang } from '../../../test/locale.js';
import { closeReceiver, startReceiver, uniqueCampaign, type ReceiverHandle } from '../../../test/receiver.js';
import { $, text, until } from './helpers.js';

/** Posts pledges straight to the receiver, as other readers on other sites do. */
let readers = 0;
async function pledge(receiver: ReceiverHandle, campaign: string, count: number): Promise<void> {
  for (let n = 0; n < count; n++) {
    const i = ++readers;
    const response = await fetch(receiver.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        id: crypto.randomUUID(),
        campaign,
        name: `Reader ${i}`,
        email: `reader${i}.${campaign}@example.org`,
        consent: true,
        consentText: 'I agree.',
        locale: 'en',
      }),
    });
    expect(response.status).to.equal(201);
  }
}

/** The requests the page made for `url`, as the browser recorded them. */
const requests = (url: string) =>
  performance.getEntriesByType('resource').filter((entry) => entry.name === url).length;

describe('<samleng-pledge-count>', () => {
  let receiver: ReceiverHandle;
  let campaign: string;
  before(async () => {
    receiver = await startReceiver();
  });
  beforeEach(() => {
    campaign = uniqueCampaign('count');
  });
  afterEach(async () => {
    fixtureCleanup();
    sinon.restore();
    await setLang('en');
  });
  after(() => closeReceiver(receiver.id));

  const counter = (goal?: number, extra = '') =>
    fixture<SamlengPledgeCount>(
      html`<samleng-pledge-count
        endpoint=${receiver.endpoint}
        campaign=${campaign}
        goal=${ifDefined(goal)}
        heading=${ifDefined(extra || undefined)}
      ></samleng-pledge-count>`,
    );

  it('shows the campaign’s count from the receiver, with the bar toward the goal', async () => {
    await pledge(receiver, campaign, 3);
    const el = await counter(10, 'Our pledge');
    expect(text(el, '[part=status]')).to.equal('Loading the number of pledges…');
    // The bar and the goal hold their place while loading, so nothing moves when the count comes.
    expect($(el, '[part=bar]')).to.not.equal(null);
    const height = el.getBoundingClientRect().height;
    await until(() => text(el, '[part=count]') === '3 people have pledged', 'the count');
    expect(el.getBoundingClientRect().height).to.equal(height);
    expect(text(el, '[part=goal]')).to.equal('Goal: 10');
    expect(text(el, '[part=heading]')).to.equal('Our pledge');
    const fill = $(el, '[part=bar-fill]')!;
    expect(fill.style.getPropertyValue('--_ratio')).to.equal('0.3');
    expect($(el, '[part=bar]')!.getAttribute('aria-hidden')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('steps the goal up to the next round figure once it is passed', async () => {
    await pledge(receiver, campaign, 6);
    const el = await counter(5);
    await until(() => text(el, '[part=count]') === '6 people have pledged', 'the count');
    expect(text(el, '[part=goal]')).to.equal('Goal of 5 passed! Next goal: 10');
    expect($(el, '[part=bar-fill]')!.style.getPropertyValue('--_ratio')).to.equal('0.6');
  });

  it('shows no bar without a goal, and a first-pledge invitation at zero', async () => {
    const el = await counter();
    await until(() => text(el, '[part=count]') === 'Be the first to pledge', 'the count');
    expect($(el, '[part=bar]')).to.equal(null);
    expect($(el, '[part=heading]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('writes the count in Khmer with Khmer digits, and in French with French grouping', async () => {
    await pledge(receiver, campaign, 2);
    const el = await counter(1500);
    await until(() => text(el, '[part=count]') === '2 people have pledged', 'the count');
    await setLang('km');
    await el.updateComplete;
    expect(text(el, '[part=count]')).to.contain('២');
    expect(text(el, '[part=goal]')).to.contain('១.៥០០');
    expect($(el, '[part=base]')!.getAttribute('lang')).to.equal('km');
    el.numerals = 'latn';
    await el.updateComplete;
    expect(text(el, '[part=goal]')).to.contain('1,500');
    await setLang('fr');
    await el.updateComplete;
    expect(text(el, '[part=count]')).to.equal('2 personnes se sont engagées');
    expect(text(el, '[part=goal]')).to.equal('Objectif : 1 500');
    await expect(el).to.be.accessible();
  });

  it('is accessible in the dark theme', async () => {
    const el = await fixture<SamlengPledgeCount>(
      html`<samleng-pledge-count
        theme="dark"
        endpoint=${receiver.endpoint}
        campaign=${campaign}
        goal="100"
      ></samleng-pledge-count>`,
    );
    await until(() => Boolean($(el, '[part=count]')), 'the count');
    await expect(el).to.be.accessible();
  });

  it('makes one request for all the counts and forms of one campaign on a page', async () => {
    performance.clearResourceTimings();
    const page = await fixture(
      html`<div>
        ${Array.from(
          { length: 20 },
          () =>
            html`<samleng-pledge-count
              endpoint=${receiver.endpoint}
              campaign=${campaign}
            ></samleng-pledge-count>`,
        )}
      </div>`,
    );
    const counts = [...page.querySelectorAll('samleng-pledge-count')];
    await until(
      () => counts.every((el) => text(el, '[part=count]') === 'Be the first to pledge'),
      'every count',
    );
    const url = `${receiver.endpoint}/count?campaign=${campaign}`;
    await until(() => requests(url) === 1, 'the request to be recorded');
    expect(countSources().find((source) => source.url === url)).to.deep.include({
      subscribers: 20,
      polling: true,
    });
  });

  it('refreshes every `refresh` seconds while the page is visible, and not while hidden', async () => {
    const clock = sinon.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    const el = await fixture<SamlengPledgeCount>(
      html`<samleng-pledge-count
        endpoint=${receiver.endpoint}
        campaign=${campaign}
        refresh="10"
      ></samleng-pledge-count>`,
    );
    await until(() => text(el, '[part=count]') === 'Be the first to pledge', 'the first count');
    await pledge(receiver, campaign, 1);
    // A read starts when its timer fires, so the reads started are known as soon as the clock has
    // moved; the text alone would not show a read whose answer is still on its way.
    const url = `${receiver.endpoint}/count?campaign=${campaign}`;
    const fetches = sinon.spy(window, 'fetch');
    const reads = () => fetches.getCalls().filter((call) => String(call.args[0]) === url).length;
    await clock.tickAsync(9000);
    expect(reads()).to.equal(0);
    expect(text(el, '[part=count]')).to.equal('Be the first to pledge');
    await clock.tickAsync(1100);
    expect(reads()).to.equal(1);
    await until(() => text(el, '[part=count]') === '1 person has pledged', 'the refreshed count');

    // Hidden: no timer at all; back in view: read at once.
    const state = sinon.stub(document, 'visibilityState').get(() => 'hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(countSources().find((source) => source.url === url)?.polling).to.equal(false);
    await pledge(receiver, campaign, 1);
    await clock.tickAsync(60_000);
    expect(reads()).to.equal(1);
    expect(text(el, '[part=count]')).to.equal('1 person has pledged');
    state.get(() => 'visible');
    document.dispatchEvent(new Event('visibilitychange'));
    await clock.tickAsync(0);
    await until(() => text(el, '[part=count]') === '2 people have pledged', 'the count on return');
  });

  it('stops polling when the last count leaves the page', async () => {
    const el = await counter();
    await until(() => Boolean($(el, '[part=count]')), 'the count');
    const url = `${receiver.endpoint}/count?campaign=${campaign}`;
    el.remove();
    expect(countSources().find((source) => source.url === url)).to.deep.include({
      subscribers: 0,
      polling: false,
    });
  });

  it('says when the count cannot be read, and warns once', async () => {
    const warn = sinon.stub(console, 'warn');
    // A closed port on this machine: the connection is refused at once.
    const el = await fixture<SamlengPledgeCount>(
      html`<samleng-pledge-count
        endpoint="http://127.0.0.1:9/api/pledges"
        campaign=${campaign}
      ></samleng-pledge-count>`,
    );
    await until(
      () => text(el, '[part=status]') === 'The number of pledges cannot be shown right now.',
      'the error',
    );
    expect(warn.callCount).to.equal(1);
    expect(String(warn.firstCall.args[0])).to.match(
      /^<samleng-pledge-count>: the count could not be read from http:\/\/127\.0\.0\.1:9\//,
    );
    await expect(el).to.be.accessible();
  });

  it('says when the answer is not a count', async () => {
    const warn = sinon.stub(console, 'warn');
    // A static file that is JSON, but not a count (test/fixtures/not-a-count/count).
    const el = await fixture<SamlengPledgeCount>(
      html`<samleng-pledge-count
        endpoint="/packages/pledge/test/fixtures/not-a-count"
        campaign=${campaign}
      ></samleng-pledge-count>`,
    );
    await until(() => Boolean(text(el, '[part=status]')?.includes('cannot be shown')), 'the error');
    expect(warn.callCount).to.equal(1);
    expect(String(warn.firstCall.args[0])).to.contain('without a count');
  });

  for (const [what, attributes, warning] of [
    ['no endpoint', { campaign: 'upr-2029' }, /`endpoint`/],
    ['a bad campaign', { endpoint: '/api/pledges', campaign: '../x' }, /`campaign`/],
    ['a goal of zero', { endpoint: '/api/pledges', campaign: 'x', goal: '0' }, /`goal`.*"0"/],
  ] as const) {
    it(`shows a visible message and warns once for ${what}`, async () => {
      const warn = sinon.stub(console, 'warn');
      const el = document.createElement('samleng-pledge-count');
      for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
      (await fixture(html`<div></div>`)).append(el);
      await el.updateComplete;
      expect($(el, '[part=error]')!.getAttribute('role')).to.equal('alert');
      expect(warn.callCount).to.equal(1);
      expect(String(warn.firstCall.args[0])).to.match(warning);
      await expect(el).to.be.accessible();
    });
  }
});
