import '../../../test/harness.js';
import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import sinon from 'sinon';
import '../samleng-pledge.js';
import type { SamlengPledge } from '../src/pledge.js';
import { setLang } from '../../../test/locale.js';
import { closeReceiver, startReceiver, uniqueCampaign, type ReceiverHandle } from '../../../test/receiver.js';
import { $, sign, text, until } from './helpers.js';

// The thank-you step after a real pledge: the count, and sharing without any third-party script.
describe('<samleng-pledge> thank-you step', () => {
  let receiver: ReceiverHandle;
  before(async () => {
    receiver = await startReceiver();
  });
  afterEach(async () => {
    fixtureCleanup();
    sinon.restore();
    await setLang('en');
  });
  after(() => closeReceiver(receiver.id));

  async function thanked(
    template = (campaign: string) =>
      html`<samleng-pledge
        endpoint=${receiver.endpoint}
        campaign=${campaign}
        share-url="https://example.org/pledge?lang=km"
        >I pledge.</samleng-pledge
      >`,
  ): Promise<{ el: SamlengPledge; campaign: string }> {
    const campaign = uniqueCampaign('thanks');
    const el = await fixture<SamlengPledge>(template(campaign));
    const sent = oneEvent(el, 'samleng-pledge-sent');
    sign(el, 'Sok Dara', `dara.${campaign}@example.org`);
    await sent;
    await el.updateComplete;
    return { el, campaign };
  }

  it('offers a link per network, each tagged for the campaign, and no form any more', async () => {
    const { el, campaign } = await thanked();
    expect($(el, 'form')).to.equal(null);
    expect($<HTMLInputElement>(el, '#name')).to.equal(null);
    const links = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part=share-link]')];
    expect(links.map((link) => link.textContent!.trim())).to.deep.equal([
      'WhatsApp',
      'Telegram',
      'Facebook',
      'X',
      'LINE',
      'E-mail',
    ]);
    const hosts = links.map((link) => new URL(link.href).protocol + new URL(link.href).host);
    expect(hosts).to.deep.equal([
      'https:wa.me',
      'https:t.me',
      'https:www.facebook.com',
      'https:x.com',
      'https:social-plugins.line.me',
      'mailto:',
    ]);
    // The shared address carries the network and the campaign, and keeps its own query.
    const telegram = new URL(links[1]!.href).searchParams.get('url')!;
    const shared = new URL(telegram);
    expect(shared.origin + shared.pathname).to.equal('https://example.org/pledge');
    expect(Object.fromEntries(shared.searchParams)).to.deep.equal({
      lang: 'km',
      utm_source: 'telegram',
      utm_medium: 'share',
      utm_campaign: campaign,
    });
    expect(decodeURIComponent(links[5]!.href)).to.contain('utm_source=email');
    for (const link of links.slice(0, 5)) {
      expect(link.target).to.equal('_blank');
      expect(link.rel).to.equal('noopener noreferrer');
    }
    await expect(el).to.be.accessible();
  });

  it('tells the page which way the reader shared', async () => {
    const { el } = await thanked();
    const link = $<HTMLAnchorElement>(el, '[part=share-link]')!;
    // Keep the test page where it is.
    link.addEventListener('click', (event) => event.preventDefault());
    const shared = oneEvent(el, 'samleng-pledge-share');
    link.click();
    expect((await shared).detail).to.deep.equal({ channel: 'whatsapp' });
  });

  it('copies the link, or shows it to copy by hand where the clipboard is closed', async () => {
    const { el, campaign } = await thanked();
    const copy = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.share button')].find(
      (button) => button.textContent!.trim() === 'Copy link',
    )!;
    const written = sinon.stub(navigator.clipboard, 'writeText').resolves();
    const shared = oneEvent(el, 'samleng-pledge-share');
    copy.click();
    expect((await shared).detail.channel).to.equal('copy');
    await until(() => text(el, '.copy-status') === 'Link copied.', 'the copied message');
    expect(written.firstCall.args[0]).to.equal(
      `https://example.org/pledge?lang=km&utm_source=copy&utm_medium=share&utm_campaign=${campaign}`,
    );
    expect($(el, '.copy-status')!.getAttribute('role')).to.equal('status');

    written.rejects(new DOMException('denied', 'NotAllowedError'));
    copy.click();
    await until(() => Boolean($(el, '.copy-status input')), 'the link to copy by hand');
    const field = $<HTMLInputElement>(el, '.copy-status input')!;
    expect(field.value).to.contain('utm_source=copy');
    expect(el.shadowRoot!.activeElement).to.equal(field);
    expect(field.selectionEnd! - field.selectionStart!).to.equal(field.value.length);
    await expect(el).to.be.accessible();
  });

  it('uses the system share sheet where the browser has one', async () => {
    const share = sinon.stub().resolves();
    Object.defineProperty(navigator, 'share', { value: share, configurable: true });
    try {
      const { el } = await thanked();
      const button = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.share button')].find(
        (b) => b.textContent!.trim() === 'Share…',
      )!;
      button.click();
      await until(() => share.called, 'the share sheet');
      expect(share.firstCall.args[0].url).to.contain('utm_source=native');
      expect(share.firstCall.args[0].text).to.equal(
        'I took the pledge to stand up for human rights in Cambodia. Will you join me?',
      );
    } finally {
      delete (navigator as { share?: unknown }).share;
    }
  });

  it('uses the partner’s thank-you heading and share text, and this page without the prefill by default', async () => {
    const before = location.href;
    history.replaceState(null, '', `${location.pathname}?email=dara%40example.org#top`);
    try {
      const { el } = await thanked(
        (campaign) =>
          html`<samleng-pledge
            endpoint=${receiver.endpoint}
            campaign=${campaign}
            thanks-heading="Arkoun!"
            share-text="Join us before the review."
          ></samleng-pledge>`,
      );
      expect(text(el, '.done h3')).to.equal('Arkoun!');
      const x = new URL($<HTMLAnchorElement>(el, '[part=share-link]:not([href^=mailto])')!.href);
      const url = new URL(new URLSearchParams(x.search).get('text')!.split(' ').pop()!);
      expect(url.origin + url.pathname).to.equal(location.origin + location.pathname);
      expect(url.searchParams.has('email')).to.equal(false);
      expect(url.hash).to.equal('');
      expect(new URLSearchParams(x.search).get('text')).to.match(/^Join us before the review\. /);
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('drops an unsafe share address with one warning and shares this page instead', async () => {
    const warn = sinon.stub(console, 'warn');
    const { el } = await thanked(
      (campaign) =>
        html`<samleng-pledge
          endpoint=${receiver.endpoint}
          campaign=${campaign}
          share-url="javascript:alert(document.cookie)"
        ></samleng-pledge>`,
    );
    const links = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part=share-link]')];
    expect(links.every((link) => !link.href.includes('javascript'))).to.equal(true);
    expect(warn.callCount).to.equal(1);
    expect(String(warn.firstCall.args[0])).to.match(/^<samleng-pledge>: `share-url` was dropped/);
  });

  it('thanks the reader in Khmer', async () => {
    await setLang('km');
    const { el } = await thanked();
    expect(text(el, '.done h3')).to.not.equal('Thank you for your pledge!');
    await until(() => (text(el, '[part=count]') ?? '').includes('១'), 'the count in Khmer digits');
    await expect(el).to.be.accessible();
  });
});
