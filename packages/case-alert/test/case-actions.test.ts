import '../../../test/harness.js';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import '../samleng-case-alert.js';
import type { SamlengCaseAlert } from '../src/case-alert.js';
import { $, $$, FIXTURES, setLang, settled, text } from './helpers.js';

const LETTER = {
  id: 'ana-example',
  name: 'Ana Example',
  status: 'detained',
  deadline: '2026-12-12',
  actions: [
    { kind: 'link', label: 'Sign', href: 'https://example.org/petition' },
    {
      kind: 'letter',
      to: 'sample-recipient@example.org',
      subject: { en: 'Release Ana & others?', fr: 'Libérez Ana' },
      body: { en: 'Dear Sir or Madam,\n\nRelease her = now.', fr: 'Madame,\n\nLibérez-la.' },
    },
  ],
};

const withData = async (data: unknown = LETTER) => {
  const el = await fixture<SamlengCaseAlert>(html`<samleng-case-alert .data=${data}></samleng-case-alert>`);
  await el.updateComplete;
  return el;
};

/** Clicks a link without leaving the test page (or opening a mail client). */
const clickWithoutNavigating = (link: HTMLElement) => {
  const stop = (event: Event) => event.preventDefault();
  document.addEventListener('click', stop, { once: true });
  link.click();
};

describe('<samleng-case-alert> actions', function () {
  // axe over whole cards is slow on a busy 2-core machine.
  this.timeout(30_000);
  afterEach(async () => {
    sinon.restore();
    await setLang('en');
  });

  it('opens a mailto: with the subject and body encoded', async () => {
    const el = await withData();
    const mailto = $<HTMLAnchorElement>(el, 'a[href^="mailto:"]')!;
    expect(text(mailto)).to.equal('Write to the authorities');
    expect(mailto.getAttribute('href')).to.equal(
      'mailto:sample-recipient@example.org?subject=Release%20Ana%20%26%20others%3F' +
        '&body=Dear%20Sir%20or%20Madam%2C%0D%0A%0D%0ARelease%20her%20%3D%20now.',
    );
    const heard = oneEvent(document, 'samleng-case-action');
    clickWithoutNavigating(mailto);
    const event = await heard;
    expect(event.detail).to.deep.equal({ caseId: 'ana-example', kind: 'letter' });
    expect(event.composed).to.equal(true);
    await setLang('fr');
    await el.updateComplete;
    expect(mailto.getAttribute('href')).to.contain('subject=Lib%C3%A9rez%20Ana&body=Madame%2C%0D%0A%0D%0A');
    expect(text(mailto)).to.equal('Écrire aux autorités');
  });

  it('fires an event for the primary action', async () => {
    const el = await withData();
    const heard = oneEvent(el, 'samleng-case-action');
    clickWithoutNavigating($(el, '[part=action]')!);
    expect((await heard).detail).to.deep.equal({ caseId: 'ana-example', kind: 'link' });
  });

  it('copies the letter with the Clipboard API and says so politely', async () => {
    const el = await withData();
    const write = sinon.stub(navigator.clipboard, 'writeText').resolves();
    const heard = oneEvent(el, 'samleng-case-action');
    const copy = $$<HTMLButtonElement>(el, 'button').find((b) => text(b) === 'Copy the letter')!;
    copy.click();
    expect((await heard).detail).to.deep.equal({ caseId: 'ana-example', kind: 'copy-letter' });
    expect(write.firstCall.args[0]).to.equal(
      'To: sample-recipient@example.org\nSubject: Release Ana & others?\n\nDear Sir or Madam,\n\nRelease her = now.',
    );
    await el.updateComplete;
    await el.updateComplete;
    const status = $(el, '[part=confirmation]')!;
    expect(status.getAttribute('role')).to.equal('status');
    expect(text(status)).to.equal(
      'The letter was copied. Paste it into an e-mail to sample-recipient@example.org.',
    );
    await expect(el).to.be.accessible();
  });

  it('falls back to execCommand when the Clipboard API refuses, and shows the letter when nothing works', async () => {
    const el = await withData();
    sinon.stub(navigator.clipboard, 'writeText').rejects(new DOMException('denied', 'NotAllowedError'));
    const exec = sinon.stub(document, 'execCommand').returns(true);
    const copy = $$<HTMLButtonElement>(el, 'button').find((b) => text(b) === 'Copy the letter')!;
    const heard = oneEvent(el, 'samleng-case-action');
    copy.click();
    await heard;
    expect(exec.calledWith('copy')).to.equal(true);
    expect(el.shadowRoot!.querySelector('textarea')).to.equal(null);
    exec.returns(false);
    const spy = sinon.spy();
    el.addEventListener('samleng-case-action', spy);
    copy.click();
    // The message is the last thing the failed copy does: once it shows, no event can follow.
    await waitUntil(
      () => text($(el, '[part=confirmation]')).includes('Copying did not work'),
      'the failure message',
    );
    expect(spy.callCount).to.equal(0);
    expect($<HTMLDetailsElement>(el, '[part=letter]')!.open).to.equal(true);
    expect(text($(el, '.letter-body'))).to.equal('Dear Sir or Madam, Release her = now.');
  });

  it('shares with the Web Share API where the browser has it', async () => {
    const el = await fixture<SamlengCaseAlert>(
      html`<samleng-case-alert .data=${LETTER} share-url="/demo/#case-alert"></samleng-case-alert>`,
    );
    const share = sinon.stub().resolves();
    Object.defineProperty(navigator, 'share', { configurable: true, value: share });
    try {
      const heard = oneEvent(el, 'samleng-case-action');
      $$<HTMLButtonElement>(el, 'button')
        .find((b) => text(b) === 'Share')!
        .click();
      expect((await heard).detail).to.deep.equal({ caseId: 'ana-example', kind: 'share' });
      expect(share.firstCall.args[0]).to.deep.equal({
        title: 'Ana Example',
        url: new URL('/demo/#case-alert', location.href).href,
      });
      // A closed share sheet is not a share: the next share is the only one heard.
      const spy = sinon.spy();
      el.addEventListener('samleng-case-action', spy);
      const shareButton = $$<HTMLButtonElement>(el, 'button').find((b) => text(b) === 'Share')!;
      share.rejects(new DOMException('cancelled', 'AbortError'));
      shareButton.click();
      share.resolves();
      const next = oneEvent(el, 'samleng-case-action');
      shareButton.click();
      await next;
      expect(share.callCount).to.equal(3);
      expect(spy.callCount).to.equal(1);
    } finally {
      delete (navigator as { share?: unknown }).share;
    }
  });

  it('copies the link where there is no Web Share API, with a confirmation screen readers hear', async () => {
    const el = await withData();
    const original = navigator.share;
    Object.defineProperty(navigator, 'share', { configurable: true, value: undefined });
    try {
      const write = sinon.stub(navigator.clipboard, 'writeText').resolves();
      const heard = oneEvent(el, 'samleng-case-action');
      $$<HTMLButtonElement>(el, 'button')
        .find((b) => text(b) === 'Share')!
        .click();
      expect((await heard).detail.kind).to.equal('copy-link');
      expect(write.firstCall.args[0]).to.equal(location.href);
      await el.updateComplete;
      await el.updateComplete;
      expect(text($(el, '[role=status]'))).to.equal('The link was copied.');
      write.rejects(new Error('no'));
      sinon.stub(document, 'execCommand').returns(false);
      const spy = sinon.spy();
      el.addEventListener('samleng-case-action', spy);
      $$<HTMLButtonElement>(el, 'button')
        .find((b) => text(b) === 'Share')!
        .click();
      // The message is the last thing the failed copy does: once it shows, no event can follow.
      await waitUntil(
        () => text($(el, '[role=status]')) === `Copying did not work. The link is ${location.href}`,
        'the failure message',
      );
      expect(spy.callCount).to.equal(0);
    } finally {
      if (original) Object.defineProperty(navigator, 'share', { configurable: true, value: original });
      else delete (navigator as { share?: unknown }).share;
    }
  });

  it('says "act before" until the deadline, then that it has passed, with the actions still usable', async () => {
    const clock = sinon.useFakeTimers({
      now: Date.UTC(2026, 11, 12, 23),
      toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'],
    });
    const el = await withData();
    expect(text($(el, '[part=deadline]'))).to.equal('Act before December 12, 2026');
    // The card's own clock turns the line over, within a minute.
    clock.setSystemTime(Date.UTC(2026, 11, 13, 1));
    await clock.tickAsync(61_000);
    await el.updateComplete;
    expect(text($(el, '[part=deadline]'))).to.equal(
      'The deadline (December 12, 2026) has passed. You can still act.',
    );
    expect($(el, '[part=action]')).to.not.equal(null);
    expect($(el, 'a[href^="mailto:"]')).to.not.equal(null);
    await setLang('fr');
    await el.updateComplete;
    expect(text($(el, '[part=deadline]'))).to.equal(
      'La date limite (12 décembre 2026) est passée. Vous pouvez encore agir.',
    );
    clock.restore();
    await expect(el).to.be.accessible();
  });

  it('reads the letter aloud on demand and is accessible in the dark with a letter open', async () => {
    const el = await fixture<SamlengCaseAlert>(
      html`<samleng-case-alert
        theme="dark"
        src=${`${FIXTURES}/feed.json`}
        case-id="ana-example"
      ></samleng-case-alert>`,
    );
    await settled(el);
    const details = $<HTMLDetailsElement>(el, '[part=letter]')!;
    details.querySelector('summary')!.click();
    await el.updateComplete;
    expect(details.open).to.equal(true);
    expect(text(details)).to.contain('To: sample-recipient@example.org');
    await expect(el).to.be.accessible();
  });
});
