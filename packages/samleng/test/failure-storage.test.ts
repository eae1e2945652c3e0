import { stubWarn } from '../../../test/harness.js';
import { expect, waitUntil } from '@open-wc/testing';
import type { LitElement } from 'lit';
import sinon from 'sinon';
import type { SamlengPledge } from '@samleng/pledge';
import { closeReceiver, startReceiver, stopReceiver, type ReceiverHandle } from '../../../test/receiver.js';
import { setLang } from '../../../test/locale.js';
import '../samleng.js';
import { sign } from '../../pledge/test/helpers.js';
import { $, expectUsable, hostPage, removeHostPages, squash } from './host-page.js';

/**
 * Issue 8, part 5, storage blocked (a page of its own: the page's store is opened once, by the first
 * widget, and stays what it was then). Local storage throws on every call, as with blocked cookies or
 * a sandboxed frame. Every widget of the kit is on the page; the checklist works for the visit and
 * says so calmly, the pledge form says a pledge it cannot send now cannot be saved for later, nothing
 * throws, and the host page stays usable.
 */
// Before any test: widgets open the page's store when the first one is created, not on import.
const blocked = () => new DOMException('The operation is insecure.', 'SecurityError');
const stubs = (['getItem', 'setItem', 'removeItem', 'key', 'clear'] as const).map((method) =>
  sinon.stub(Storage.prototype, method).throws(blocked()),
);

describe('failure surfaces: storage blocked', function () {
  this.timeout(60_000);
  let receiver: ReceiverHandle;
  let warn: sinon.SinonStub;
  const errors: string[] = [];
  const onError = (event: ErrorEvent) => errors.push(event.message);
  const onRejection = (event: PromiseRejectionEvent) => errors.push(String(event.reason));

  before(async () => {
    receiver = await startReceiver();
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });
  after(async () => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
    for (const stub of stubs) stub.restore();
    await closeReceiver(receiver.id);
  });
  // Lit's own warnings go on to the harness, which fails the test on them.
  beforeEach(() => (warn = stubWarn()));
  afterEach(async () => {
    removeHostPages();
    warn.restore();
    await setLang('en');
  });

  it('every widget works for the visit, says so calmly, and leaves the page usable', async () => {
    // The receiver is down, so that the pledge would have to wait in storage.
    await stopReceiver(receiver.id);
    const page = await hostPage(`
      <samleng-countdown heading="Cambodia's 5th UN review" date="2099-05-01" precision="day"></samleng-countdown>
      <samleng-case-alert name="Ana Example" status="detained" arrested="2019-09-03"></samleng-case-alert>
      <samleng-checklist heading="Steps" storage-key="blocked"><ol><li data-id="a">Write a letter.</li><li data-id="b">Call your MP.</li></ol></samleng-checklist>
      <samleng-pledge-count endpoint="${receiver.endpoint}" campaign="upr-2029"></samleng-pledge-count>
      <samleng-pledge endpoint="${receiver.endpoint}" campaign="upr-2029">I pledge to write to my representative.</samleng-pledge>`);
    const widget = (tag: string) => page.widget(tag) as LitElement;

    // The checklist: ticks work and are counted, with a calm note, not an alert.
    const checklist = widget('samleng-checklist');
    $(checklist, 'input.box')!.click();
    await checklist.updateComplete;
    expect(squash($(checklist, '.count')!.textContent!)).to.equal('1 of 2 done');
    const note = $(checklist, '[part=note]')!;
    expect(squash(note.textContent!)).to.equal(
      'This browser is not keeping data for this page, so your ticks last only until you leave it.',
    );
    expect(note.closest('[role=alert]')).to.equal(null);

    // The pledge: it cannot be sent now and cannot be kept: the form says so.
    const form = widget('samleng-pledge');
    sign(form as SamlengPledge, 'Ana Example', 'ana@example.org');
    await waitUntil(() => $(form, '[part~=queued]'), 'the pledge was not held', { timeout: 15_000 });
    expect(squash($(form, '[part~=queued]')!.textContent!)).to.contain(
      'this browser does not let us save your pledge for later. Keep this page open: it will be sent when you are back online.',
    );

    // The others are as usual.
    expect(squash($(widget('samleng-countdown'), '[part=heading]')!.textContent!)).to.equal(
      "Cambodia's 5th UN review",
    );
    expect(squash($(widget('samleng-case-alert'), 'h2')!.textContent!)).to.equal('Ana Example');

    // Nothing threw, and nothing was alarming enough to warn about.
    expect(errors).to.deep.equal([]);
    const ours = warn.getCalls().map((call) => String(call.args[0]));
    expect(ours.filter((text) => /storage|SecurityError/i.test(text))).to.deep.equal([]);

    // In French too.
    await setLang('fr');
    await checklist.updateComplete;
    expect(squash($(checklist, '[part=note]')!.textContent!)).to.equal(
      'Ce navigateur ne garde pas de données pour cette page : vos coches ne dureront que jusqu’à ce que vous la quittiez.',
    );

    // The host page: its button is on top, reachable with Tab, and works with Enter and a click.
    await expectUsable(page);
  });
});
