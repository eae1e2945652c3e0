import '../../../test/harness.js';
import { expect, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { LitElement } from 'lit';
import sinon from 'sinon';
import { closeReceiver, startReceiver, stopReceiver, type ReceiverHandle } from '../../../test/receiver.js';
import { setLang } from '../../../test/locale.js';
import '../samleng.js';
import { signPledge } from './sign.js';

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

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const $ = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);

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
  beforeEach(() => {
    const original = console.warn;
    warn = sinon.stub(console, 'warn').callsFake((...args: unknown[]) => {
      const text = args.map(String).join(' ');
      if (text.includes('lit.dev/msg') || text.includes('Lit is in dev mode')) original.apply(console, args);
    });
  });
  afterEach(async () => {
    warn.restore();
    await setLang('en');
  });

  it('every widget works for the visit, says so calmly, and leaves the page usable', async () => {
    // The receiver is down, so that the pledge would have to wait in storage.
    await stopReceiver(receiver.id);
    const page = document.createElement('div');
    page.innerHTML = `<p><input aria-label="Search" class="host-before"> <button type="button" class="host-button">Donate</button></p>
      <samleng-countdown heading="Cambodia's 5th UN review" date="2099-05-01" precision="day"></samleng-countdown>
      <samleng-case-alert name="Ana Example" status="detained" arrested="2019-09-03"></samleng-case-alert>
      <samleng-checklist heading="Steps" storage-key="blocked"><ol><li data-id="a">Write a letter.</li><li data-id="b">Call your MP.</li></ol></samleng-checklist>
      <samleng-pledge-count endpoint="${receiver.endpoint}" campaign="upr-2029"></samleng-pledge-count>
      <samleng-pledge endpoint="${receiver.endpoint}" campaign="upr-2029">I pledge to write to my representative.</samleng-pledge>`;
    document.body.prepend(page);
    try {
      const widget = (tag: string) => page.querySelector<LitElement>(tag)!;
      await Promise.all(
        ['samleng-countdown', 'samleng-case-alert', 'samleng-checklist', 'samleng-pledge'].map(
          (tag) => widget(tag).updateComplete,
        ),
      );

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
      signPledge(form);
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
      window.scrollTo(0, 0);
      let clicks = 0;
      const button = page.querySelector<HTMLButtonElement>('.host-button')!;
      button.addEventListener('click', () => (clicks += 1));
      const box = button.getBoundingClientRect();
      const [x, y] = [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)];
      expect(document.elementFromPoint(x, y)).to.equal(button);
      page.querySelector<HTMLInputElement>('.host-before')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement).to.equal(button);
      await sendKeys({ press: 'Enter' });
      await sendMouse({ type: 'click', position: [x, y] });
      await resetMouse();
      expect(clicks).to.equal(2);
    } finally {
      page.remove();
    }
  });
});
