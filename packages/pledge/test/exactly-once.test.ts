import '../../../test/harness.js';
import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import sinon from 'sinon';
import '../samleng-pledge.js';
import type { SamlengPledge } from '../src/pledge.js';
import { resumeOutbox } from '../src/outbox.js';
import {
  closeReceiver,
  postsOf,
  receiverRows,
  restartReceiver,
  startReceiver,
  stopReceiver,
  uniqueCampaign,
  type ReceiverHandle,
} from '../../../test/receiver.js';
import { $, OUTBOX, outbox, realWait, sign, until } from './helpers.js';
import { watchPosts } from './posts.js';
import { openTab } from './tabs.js';

// The receiver keeps a pledge once however often it comes, so its rows cannot tell a page that sends
// one pledge twice: these tests count the POSTs each pledge id causes, in the receiver's request log
// (which sees every tab) and in the page's own fetch. One POST per pledge per attempt, and an attempt
// only when the last one has no answer. Each test has a receiver of its own, so that a retry timer
// left by another test never posts to it.
describe('<samleng-pledge> sends each pledge exactly once', () => {
  let receiver: ReceiverHandle;
  let campaign: string;
  beforeEach(async () => {
    receiver = await startReceiver();
    campaign = uniqueCampaign('once');
    localStorage.removeItem(OUTBOX);
  });
  afterEach(async () => {
    fixtureCleanup();
    sinon.restore();
    localStorage.removeItem(OUTBOX);
    await closeReceiver(receiver.id);
  });

  const form = async () => {
    const div = await fixture<HTMLDivElement>(
      html`<div>
        <samleng-pledge endpoint=${receiver.endpoint} campaign=${campaign}>I pledge.</samleng-pledge>
      </div>`,
    );
    return div.querySelector<SamlengPledge>('samleng-pledge')!;
  };

  /** Pledges waiting in the outbox, as an earlier visit left them while the receiver was away. */
  const waiting = (...names: string[]) => {
    const entries = names.map((name) => ({
      endpoint: receiver.endpoint,
      body: {
        id: crypto.randomUUID(),
        campaign,
        name,
        email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.org`,
        consent: true,
        consentText: 'I agree.',
        locale: 'en',
        website: '',
      },
      queuedAt: Date.now() - 60_000,
    }));
    localStorage.setItem(OUTBOX, JSON.stringify(entries));
    return entries.map((entry) => entry.body.id);
  };

  // Where there are no Web Locks (a partner page on plain http, an older browser) or the browser refuses
  // one (an opaque origin, blocked storage), the tab's own guards are all there is: the same cases run
  // there too.
  const refused = { request: () => Promise.reject(new DOMException('refused', 'SecurityError')) };
  for (const [where, locks] of [
    ['in one tab', undefined],
    ['in one tab, without Web Locks', { value: undefined }],
    ['in one tab, where Web Locks are refused', { value: refused }],
  ] as const) {
    describe(where, () => {
      beforeEach(() => {
        if (locks) Object.defineProperty(navigator, 'locks', { ...locks, configurable: true });
      });
      afterEach(() => {
        delete (navigator as { locks?: unknown }).locks;
      });

      it(`sends the form’s pledge once when a drain starts while it is on its way`, async () => {
        const el = await form();
        const posts = watchPosts();
        const release = posts.hold();
        const submitted = oneEvent(el, 'samleng-pledge-submit');
        const sent = oneEvent(el, 'samleng-pledge-sent');
        sign(el, 'Sok Dara', 'dara@example.org');
        const { id } = (await submitted).detail;
        await until(() => posts.count(id) === 1, 'the form’s POST');
        // What the `online` event, the retry timer or another widget for the receiver starts.
        const drain = resumeOutbox(receiver.endpoint);
        release();
        await sent;
        await drain;
        expect(posts.count(id)).to.equal(1);
        expect(await postsOf(receiver.id, id)).to.equal(1);
        expect(outbox()).to.deep.equal([]);
        expect(await receiverRows(receiver.id, campaign)).to.have.length(1);
      });

      it(`sends each waiting pledge once when a second drain starts during the first`, async () => {
        const [first, second] = waiting('Sok Dara', 'Chan Sophea') as [string, string];
        const posts = watchPosts();
        const release = posts.hold(first);
        const drains = [resumeOutbox(receiver.endpoint)];
        await until(() => posts.count(first) === 1, 'the first POST');
        drains.push(resumeOutbox(receiver.endpoint));
        // The first answer is let through at once when the call joined the running drain; if it
        // started a second one, only when that one has settled the second pledge, so that the first
        // drain, which read the outbox before, meets it again.
        const gone = (id: string) => !outbox().some((entry) => entry.body.id === id);
        if (drains[1] !== drains[0]) await until(() => gone(second), 'the second drain to settle its pledge');
        release();
        await Promise.all(drains);
        expect([posts.count(first), posts.count(second)]).to.deep.equal([1, 1]);
        expect(await postsOf(receiver.id, first)).to.equal(1);
        expect(await postsOf(receiver.id, second)).to.equal(1);
        expect(outbox()).to.deep.equal([]);
      });
    });
  }

  describe('across tabs', () => {
    it('sends a waiting pledge once when two tabs come back online at the same moment', async () => {
      const container = await fixture<HTMLDivElement>(html`<div></div>`);
      const [a, b] = await Promise.all([openTab(container), openTab(container)]);
      const [id] = waiting('Sok Dara') as [string];
      // The browser tells every tab at once; each tab's outbox drains.
      await Promise.all([a.outbox.resumeOutbox(receiver.endpoint), b.outbox.resumeOutbox(receiver.endpoint)]);
      expect(a.posts.count(id) + b.posts.count(id)).to.equal(1);
      expect(await postsOf(receiver.id, id)).to.equal(1);
      expect(outbox()).to.deep.equal([]);
    });

    it('sends each waiting pledge once when a second tab drains during the first tab’s drain', async () => {
      const container = await fixture<HTMLDivElement>(html`<div></div>`);
      const [a, b] = await Promise.all([openTab(container), openTab(container)]);
      const [first, second] = waiting('Sok Dara', 'Chan Sophea') as [string, string];
      const release = a.posts.hold(first);
      const drainA = a.outbox.resumeOutbox(receiver.endpoint);
      await until(() => a.posts.count(first) === 1, 'the first tab’s POST');
      // The second tab leaves the first pledge to the first tab, and sends the second itself …
      await b.outbox.resumeOutbox(receiver.endpoint);
      expect([b.posts.count(first), b.posts.count(second)]).to.deep.equal([0, 1]);
      // … which the first tab, reading the outbox before that, must not send again.
      release();
      await drainA;
      expect(await postsOf(receiver.id, first)).to.equal(1);
      expect(await postsOf(receiver.id, second)).to.equal(1);
      expect(outbox()).to.deep.equal([]);
    });

    it('leaves a pledge to the tab that is sending it when another tab opens', async () => {
      const container = await fixture<HTMLDivElement>(html`<div></div>`);
      const a = await openTab(container);
      const el = a.pledge(receiver.endpoint, campaign);
      await el.updateComplete;
      const release = a.posts.hold();
      const submitted = oneEvent(el, 'samleng-pledge-submit');
      const sent = oneEvent(el, 'samleng-pledge-sent');
      sign(el, 'Sok Dara', 'dara@example.org');
      const { id } = (await submitted).detail;
      // The receiver has it; the answer is not back yet when the reader opens a second tab.
      await until(() => a.posts.count(id) === 1, 'the first tab’s POST');
      await waitForPost(id, 1);
      const b = await openTab(container);
      b.pledge(receiver.endpoint, campaign);
      await b.outbox.resumeOutbox(receiver.endpoint);
      release();
      await sent;
      expect(b.posts.count(id)).to.equal(0);
      expect(await postsOf(receiver.id, id)).to.equal(1);
      expect(outbox()).to.deep.equal([]);
    });

    it('tells the form in the tab that pledged when another tab has sent its pledge', async () => {
      const container = await fixture<HTMLDivElement>(html`<div></div>`);
      const [a, b] = await Promise.all([openTab(container), openTab(container)]);
      const el = a.pledge(receiver.endpoint, campaign);
      // The first reading of the count is over before the receiver goes away.
      await until(() => Boolean($(el, '[part=count]')), 'the count');
      await stopReceiver(receiver.id);
      const queued = oneEvent(el, 'samleng-pledge-queued');
      sign(el, 'Sok Dara', 'dara@example.org');
      const { id } = (await queued).detail;
      await restartReceiver(receiver.id);
      // The other tab sends it (its widget connected, or the browser came back online there) well
      // before the first tab's own retry, seconds later.
      const sent = oneEvent(el, 'samleng-pledge-sent');
      await b.outbox.resumeOutbox(receiver.endpoint);
      expect(b.posts.count(id)).to.equal(1);
      expect((await sent).detail.id).to.equal(id);
      expect(await postsOf(receiver.id, id)).to.equal(1);
      expect(outbox()).to.deep.equal([]);
    });

    it('sends a pledge again after a reload cut its answer off, once', async () => {
      const container = await fixture<HTMLDivElement>(html`<div></div>`);
      const tab = await openTab(container);
      const el = tab.pledge(receiver.endpoint, campaign);
      await el.updateComplete;
      tab.posts.hold();
      const submitted = oneEvent(el, 'samleng-pledge-submit');
      sign(el, 'Sok Dara', 'dara@example.org');
      const { id } = (await submitted).detail;
      // The receiver has the pledge; the reader reloads before the answer arrives.
      await waitForPost(id, 1);
      await tab.reload();
      expect(outbox().map((entry) => entry.body.id)).to.deep.equal([id]);
      tab.pledge(receiver.endpoint, campaign);
      await tab.outbox.resumeOutbox(receiver.endpoint);
      expect(outbox()).to.deep.equal([]);
      expect(tab.posts.count(id)).to.equal(1);
      // One POST before the reload, one after: the second is the one attempt of the new page.
      expect(await postsOf(receiver.id, id)).to.equal(2);
      expect(await receiverRows(receiver.id, campaign)).to.have.length(1);
    });
  });

  /** Waits until the receiver's log holds `count` POSTs of the pledge `id`. */
  async function waitForPost(id: string, count: number): Promise<void> {
    const end = performance.now() + 8000;
    while ((await postsOf(receiver.id, id)) < count) {
      if (performance.now() > end) throw new Error(`timed out waiting for POST ${count} of ${id}`);
      await realWait(20);
    }
  }
});
