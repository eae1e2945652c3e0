import { stubWarn } from '../../../test/harness.js';
import { expect, waitUntil } from '@open-wc/testing';
import type { LitElement } from 'lit';
import sinon from 'sinon';
import type { SamlengPledge } from '@samleng/pledge';
import '../samleng.js';
import { neverAnswers } from '../../case-alert/test/helpers.js';
import { OUTBOX, sign } from '../../pledge/test/helpers.js';
import { setLang } from '../../../test/locale.js';
import { $, expectUsable, hostPage, partText, removeHostPages, squash, type HostPage } from './host-page.js';
import { blank, loading, renderedText } from './inspect.js';
import { closeReceiver, startReceiver, stopReceiver, type ReceiverHandle } from '../../../test/receiver.js';
import { removeServed, serve } from './serve.js';

/**
 * Issue 8, part 5: what each widget does when the world fails around it (a feed that is missing,
 * huge or silent, a receiver that is down or answers HTML, a clock far ahead, a language nobody
 * speaks), at the drop-in level: every widget of the kit on one partner-like page at once. Each shows
 * its localized message, prints one console warning naming its tag, and leaves the host page usable:
 * a button outside the widgets can still be reached with the keyboard and clicked with the pointer.
 * Storage blocked needs a page of its own (the page's store is opened once): failure-storage.test.ts.
 */

const FIXTURES = `${location.origin}/packages/samleng/test/fixtures`;
/** A fresh query per run: failed feed requests are not kept by fetchJson, but a later run's must not meet this one's. */
const RUN = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

// ---------------------------------------------------------------------------------------------------
// Reading the widgets

/** The message of a feed error (case alert, case list, checklist all use `[role=alert] p`). */
const alertText = (el: Element) => squash($(el, '[role=alert] p')?.textContent ?? '');
const retryText = (el: Element) => squash($(el, '[role=alert] button')?.textContent ?? '');

let warn: sinon.SinonStub;
/** The console warnings each widget printed (their second argument is the element). */
const warningsOf = (el: Element) =>
  warn
    .getCalls()
    .filter((call) => call.args[1] === el)
    .map((call) => String(call.args[0]));

/** One warning from `el`, naming its tag and matching `pattern`. */
function expectOneWarning(el: Element, pattern: RegExp): void {
  const own = warningsOf(el);
  expect(own, `<${el.localName}> warnings`).to.have.length(1);
  expect(own[0])
    .to.match(new RegExp(`^<${el.localName}>: `))
    .and.to.match(pattern);
}

const settledFeeds = (page: HostPage, tags: string[]) =>
  waitUntil(() => tags.every((tag) => !loading(page.widget(tag))), 'a widget is still loading', {
    timeout: 15_000,
  }).then(() => Promise.all(tags.map((tag) => (page.widget(tag) as LitElement).updateComplete)));

/**
 * The widgets that read something: the three feed widgets read `${dir}/count` (a feed may have any
 * name), the pledge count reads the same file as `{endpoint}/count?campaign=…`.
 */
const feedWidgets = (dir: string) => `
  <samleng-case-alert src="${dir}/count" case-id="ana-example"></samleng-case-alert>
  <samleng-case-list src="${dir}/count" heading="Cases"></samleng-case-list>
  <samleng-checklist src="${dir}/count" heading="Steps" storage-key="failure-${RUN}"></samleng-checklist>
  <samleng-pledge-count endpoint="${dir}" campaign="upr-2029"></samleng-pledge-count>`;
const FEED_TAGS = ['samleng-case-alert', 'samleng-case-list', 'samleng-checklist', 'samleng-pledge-count'];
const COUNT_ERROR = 'The number of pledges cannot be shown right now.';

// Lit's own warnings go on to the harness, which fails the test on them.
beforeEach(() => (warn = stubWarn()));
afterEach(async () => {
  removeHostPages();
  sinon.restore();
  await setLang('en');
});
after(() => removeServed());

describe('failure surfaces: a feed', function () {
  this.timeout(60_000);

  it('that is missing (404): a localized error (and a retry) in each widget, one warning each', async () => {
    const page = await hostPage(feedWidgets(`${FIXTURES}/missing-${RUN}`));
    await settledFeeds(page, FEED_TAGS);
    const [alert, list, checklist, count] = FEED_TAGS.map(page.widget);
    expect(partText(count!, 'status')).to.equal(COUNT_ERROR);
    expectOneWarning(count!, /could not be read from .*: it answered 404/);
    for (const el of [alert!, list!]) {
      expect(alertText(el)).to.equal('The cases could not be loaded (error 404).');
      expect(retryText(el)).to.equal('Try again');
      expectOneWarning(el, /could not be loaded \(http 404\)/);
    }
    expect(alertText(checklist!)).to.equal(
      'The steps could not be loaded. Check your connection and try again.',
    );
    expect(retryText(checklist!)).to.equal('Try again');
    expectOneWarning(checklist!, /\(FeedError: http 404 reading /);
    await setLang('fr');
    await Promise.all([alert, list, checklist].map((el) => (el as LitElement).updateComplete));
    expect(alertText(alert!)).to.equal('Les cas n’ont pas pu être chargés (erreur 404).');
    expect(alertText(checklist!)).to.equal(
      'Les étapes n’ont pas pu être chargées. Vérifiez votre connexion et réessayez.',
    );
    await setLang('km');
    await Promise.all([alert, list, checklist].map((el) => (el as LitElement).updateComplete));
    // The status code in Khmer digits, as every number in Khmer.
    expect(alertText(list!)).to.equal('មិនអាចផ្ទុកករណីបានទេ (កំហុស ៤០៤)។');
    expect(retryText(checklist!)).to.equal('ព្យាយាមម្តងទៀត');
    await expectUsable(page);
  });

  it('of 5 MB: refused by its size, with a localized error and a retry in each widget', async () => {
    // A valid feed of both kinds, padded to 5 MB: only its size is wrong.
    const feed = {
      version: 1,
      cases: [{ id: 'ana-example', name: 'Ana Example', status: 'detained' }],
      steps: [{ id: 'upr', title: 'Take part in the review' }],
      padding: 'x'.repeat(5 * 1024 * 1024),
    };
    const file = await serve('five-mb/count', JSON.stringify(feed));
    const page = await hostPage(feedWidgets(`${location.origin}${file.replace(/\/count$/, '')}`));
    await settledFeeds(page, FEED_TAGS);
    const [alert, list, checklist, count] = FEED_TAGS.map(page.widget);
    expect(partText(count!, 'status')).to.equal(COUNT_ERROR);
    expectOneWarning(count!, /too-large/);
    for (const el of [alert!, list!]) {
      expect(alertText(el)).to.equal('The list of cases could not be read.');
      expectOneWarning(el, /could not be loaded \(too-large\)/);
    }
    // Not "check your connection": the connection is fine, the file is wrong.
    expect(alertText(checklist!)).to.equal('The list of steps could not be read.');
    expectOneWarning(checklist!, /too-large/);
    await expectUsable(page);
  });

  it('that never answers: a loading state, then after 10 s the timeout message and a retry', async () => {
    // No address is sure to accept a connection and stay silent on every machine (a black-hole
    // address fails at once where there is no route), and a real wait costs 10 s per browser: the
    // request is made to hang, fetchJson's own timer (faked) aborts it for real.
    const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const real = window.fetch.bind(window);
    sinon
      .stub(window, 'fetch')
      .callsFake((input, init) =>
        String(input).includes(`silent-${RUN}`) ? neverAnswers(input, init) : real(input, init),
      );
    const page = await hostPage(feedWidgets(`${FIXTURES}/silent-${RUN}`));
    const [alert, list, checklist, count] = FEED_TAGS.map(page.widget);
    expect(partText(count!, 'status')).to.equal('Loading the number of pledges…');
    expect(squash($(alert!, '[role=status]')!.textContent!)).to.equal('Loading the case…');
    expect(squash($(list!, '[role=status]')!.textContent!)).to.equal('Loading the cases…');
    expect(squash($(checklist!, '.loading')!.textContent!)).to.equal('Loading the steps…');
    await clock.tickAsync(9_999);
    expect(FEED_TAGS.every((tag) => loading(page.widget(tag)))).to.equal(true);
    await clock.tickAsync(1);
    clock.restore();
    await settledFeeds(page, FEED_TAGS);
    for (const el of [alert!, list!]) {
      expect(alertText(el)).to.equal('The cases took too long to load.');
      expect(retryText(el)).to.equal('Try again');
      expectOneWarning(el, /could not be loaded \(timeout\)/);
    }
    expect(alertText(checklist!)).to.equal('The steps took too long to load. Try again.');
    expect(retryText(checklist!)).to.equal('Try again');
    expectOneWarning(checklist!, /timeout/);
    expect(partText(count!, 'status')).to.equal(COUNT_ERROR);
    expectOneWarning(count!, /timeout/);
    await expectUsable(page);
  });
});

// ---------------------------------------------------------------------------------------------------
// The receiver (pledge widgets)

const pledgeWidgets = (endpoint: string) => `
  <samleng-pledge-count endpoint="${endpoint}" campaign="upr-2029" goal="5000"></samleng-pledge-count>
  <samleng-pledge endpoint="${endpoint}" campaign="upr-2029" goal="5000" heading="Stand with Cambodia">
    I pledge to write to my representative before Cambodia's next UN review.
  </samleng-pledge>`;

describe('failure surfaces: the receiver', function () {
  this.timeout(60_000);
  let receiver: ReceiverHandle;
  before(async () => (receiver = await startReceiver()));
  after(() => closeReceiver(receiver.id));
  // A pledge left waiting must not be sent by a later test file.
  afterEach(() => localStorage.removeItem(OUTBOX));

  it('down (nothing listens on its port): no count, a message, the pledge kept for later', async () => {
    // The real receiver, stopped: its port on 127.0.0.1 refuses connections.
    await stopReceiver(receiver.id);
    const page = await hostPage(pledgeWidgets(receiver.endpoint));
    const count = page.widget('samleng-pledge-count');
    const form = page.widget('samleng-pledge');
    await waitUntil(() => renderedText(count).includes(COUNT_ERROR), 'the count did not fail', {
      timeout: 15_000,
    });
    expect(renderedText(form)).to.contain(COUNT_ERROR);
    expect(renderedText(count)).to.not.match(/pledged|NaN|undefined/);
    sign(form as SamlengPledge, 'Ana Example', 'ana@example.org');
    await waitUntil(() => $(form, '[part~=queued]'), 'the pledge was not queued', { timeout: 15_000 });
    expect(partText(form, 'queued'))
      .to.contain('Your pledge is saved')
      .and.contain('will be sent when you are back online');
    await expectUsable(page);
  });

  it('answering HTML (a maintenance page): no count, a message, the pledge kept for later', async () => {
    // GET {endpoint}/count is a real HTML page (a directory index); the POST goes to a stub answering
    // the same HTML, since the test server serves files only.
    const html = '<!doctype html><title>Maintenance</title><p>Back soon.</p>';
    const index = await serve('html-receiver/api/pledges/count/index.html', html);
    const endpoint = `${location.origin}${index.replace(/\/count\/index\.html$/, '')}`;
    const real = window.fetch.bind(window);
    sinon
      .stub(window, 'fetch')
      .callsFake((input, init) =>
        init?.method === 'POST'
          ? Promise.resolve(new Response(html, { status: 200, headers: { 'content-type': 'text/html' } }))
          : real(input, init),
      );
    const page = await hostPage(pledgeWidgets(endpoint));
    const count = page.widget('samleng-pledge-count');
    const form = page.widget('samleng-pledge');
    await waitUntil(() => renderedText(count).includes(COUNT_ERROR), 'the count did not fail', {
      timeout: 15_000,
    });
    expect(renderedText(count)).to.not.match(/pledged|NaN|undefined/);
    expect(blank(count)).to.deep.equal([]);
    sign(form as SamlengPledge, 'Ana Example', 'ana@example.org');
    // An HTML page is not the receiver's answer: the pledge is kept, not reported as counted.
    await waitUntil(() => $(form, '[part~=queued]'), 'the pledge was not queued', { timeout: 15_000 });
    expect(partText(form, 'queued')).to.contain('Your pledge is saved');
    expect(renderedText(form)).to.not.contain('Your pledge has been counted.');
    await expectUsable(page);
  });
});

// ---------------------------------------------------------------------------------------------------
// The clock far in the future

describe('failure surfaces: the clock in 2100', function () {
  this.timeout(60_000);

  it('every widget says what is past: took place, deadline passed, overdue', async () => {
    const now = Date.UTC(2100, 0, 1, 12);
    sinon.useFakeTimers({
      now,
      toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'],
    });
    const page = await hostPage(`
      <samleng-countdown heading="Cambodia's 5th UN review" date="2029-05-01" time-zone="Europe/Zurich"
        href="https://www.ohchr.org/en/hr-bodies/upr/kh-index"></samleng-countdown>
      <samleng-case-alert name="Ana Example" status="detained" arrested="2017-09-03" deadline="2029-05-01"
        action-href="https://example.org/act"></samleng-case-alert>
      <samleng-checklist heading="Steps" storage-key="clock-${RUN}">
        <ol><li data-id="upr" data-due="2029-10-10">Take part in the review.</li></ol>
      </samleng-checklist>`);
    const countdown = page.widget('samleng-countdown');
    const alert = page.widget('samleng-case-alert');
    const checklist = page.widget('samleng-checklist');
    expect(partText(countdown, 'status')).to.equal('Took place 70 years ago, on May 1, 2029.');
    expect(partText(countdown, 'link')).to.equal('See the outcome');
    expect(partText(alert, 'deadline')).to.equal('The deadline (May 1, 2029) has passed. You can still act.');
    expect(partText(alert, 'action')).to.equal('Take action');
    expect(squash($(alert, '.since')!.textContent!)).to.equal('82 years, 3 months since arrest');
    const days = Math.round((Date.UTC(2100, 0, 1) - Date.UTC(2029, 9, 10)) / 864e5).toLocaleString('en-US');
    expect(partText(checklist, 'overdue')).to.equal(`Overdue by ${days} days (Oct 10, 2029)`);
    for (const el of [countdown, alert, checklist]) expect(warningsOf(el)).to.deep.equal([]);
    await setLang('fr');
    await Promise.all([countdown, alert].map((el) => (el as LitElement).updateComplete));
    expect(partText(countdown, 'status')).to.equal('A eu lieu il y a 70 ans, le 1 mai 2029.');
    expect(partText(alert, 'deadline')).to.equal(
      'La date limite (1 mai 2029) est passée. Vous pouvez encore agir.',
    );
    await expectUsable(page);
  });
});

// ---------------------------------------------------------------------------------------------------
// A language nobody speaks here

describe('failure surfaces: an unknown page language', function () {
  this.timeout(60_000);

  const defaults = (page: HostPage) => [
    partText(page.widget('samleng-countdown'), 'heading'),
    partText(page.widget('samleng-case-alert'), 'heading'),
    partText(page.widget('samleng-checklist'), 'heading'),
    partText(page.widget('samleng-pledge'), 'heading'),
  ];
  const ENGLISH = ['Countdown', 'Urgent action', 'Action steps', 'Take the pledge'];

  for (const lang of ['tlh', 'zz-ZZ', 'x-klingon', 'en-!!', '!!', '']) {
    it(`lang=${JSON.stringify(lang)}: every widget falls back to English`, async () => {
      const page = await hostPage(`
        <samleng-countdown date="2099-05-01" precision="day"></samleng-countdown>
        <samleng-case-alert>Ana Example was arrested for a post.</samleng-case-alert>
        <samleng-checklist storage-key="lang-${RUN}"><ol><li data-id="a">Write a letter.</li></ol></samleng-checklist>
        <samleng-pledge endpoint="${FIXTURES}/receiver" campaign="upr-2029">I pledge to write.</samleng-pledge>
        <samleng-pledge-count endpoint="${FIXTURES}/receiver" campaign="upr-2029"></samleng-pledge-count>`);
      // From French, so that English is a change made by the fallback, not the page's start.
      const widgets = ['samleng-countdown', 'samleng-case-alert', 'samleng-checklist', 'samleng-pledge'].map(
        page.widget,
      );
      const updated = () => Promise.all(widgets.map((el) => (el as LitElement).updateComplete));
      await setLang('fr');
      await updated();
      expect(defaults(page)[0]).to.equal('Compte à rebours');
      await setLang(lang);
      await updated();
      expect(defaults(page)).to.deep.equal(ENGLISH);
      expect(partText(widgets[0]!, 'when')).to.equal('May 1, 2099');
      // The count (a static file answering 1234) in English digits and grouping.
      const count = page.widget('samleng-pledge-count');
      await waitUntil(() => renderedText(count).includes('1,234 people have pledged'), 'the English count', {
        timeout: 10_000,
      });
      for (const el of widgets) expect(warningsOf(el)).to.deep.equal([]);
      await expectUsable(page);
    });
  }

  it('<meta name="samleng-locale" content="tlh"> over <html lang="fr">: English', async () => {
    const page = await hostPage(`<samleng-countdown date="2099-05-01" precision="day"></samleng-countdown>`);
    await setLang('fr');
    const meta = document.createElement('meta');
    meta.name = 'samleng-locale';
    meta.content = 'tlh';
    document.head.append(meta);
    try {
      await new Promise<void>((resolve) => queueMicrotask(resolve));
      await setLang('fr');
      const countdown = page.widget('samleng-countdown') as LitElement;
      await countdown.updateComplete;
      expect(partText(countdown, 'heading')).to.equal('Countdown');
      await expectUsable(page);
    } finally {
      meta.remove();
    }
  });
});
