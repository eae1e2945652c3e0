import '../../../test/harness.js';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import sinon from 'sinon';
import { SamlengElement } from '../src/element.js';
import { renderConfigError } from '../src/errors.js';

declare global {
  interface HTMLElementEventMap {
    'samleng-test-widget-clicked': CustomEvent<{ count: number }>;
  }
}

/** A widget made of the core alone: a date, or the error state when `date="bad"`. */
class TestWidget extends SamlengElement {
  static override properties = { date: {} };
  declare date: string | undefined;
  override render() {
    if (this.date === 'bad') {
      return renderConfigError(this, {
        attribute: 'date',
        message: 'The date could not be read.',
        warning: '`date` must be an ISO date such as 2029-05-01 (got "bad").',
      });
    }
    const review = new Date(Date.UTC(2024, 4, 8, 10, 0));
    return litHtml`<p part="base" lang=${this.l10n.locale}>${this.l10n.format.date(review, { timeZone: 'UTC' })}</p>`;
  }
  press() {
    this.emit('samleng-test-widget-clicked', { count: 1 });
  }
}
customElements.define('samleng-test-widget', TestWidget);

import { setLang } from '../../../test/locale.js';
const textOf = (el: TestWidget) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();
const base = (el: TestWidget) => el.shadowRoot!.querySelector('[part=base]')!;

describe('SamlengElement', () => {
  afterEach(() => setLang('en'));

  it('renders in the page language and re-renders live when <html lang> changes', async () => {
    const el = await fixture<TestWidget>(html`<samleng-test-widget></samleng-test-widget>`);
    expect(textOf(el)).to.equal('May 8, 2024');
    await setLang('km');
    await el.updateComplete;
    expect(textOf(el)).to.equal('៨ ឧសភា ២០២៤');
    expect(base(el).getAttribute('lang')).to.equal('km');
    await setLang('fr');
    await el.updateComplete;
    expect(textOf(el)).to.equal('8 mai 2024');
  });

  it('switches to Latin digits in Khmer with numerals="latn", and to Khmer digits anywhere with "khmr"', async () => {
    await setLang('km');
    const el = await fixture<TestWidget>(html`<samleng-test-widget numerals="latn"></samleng-test-widget>`);
    expect(textOf(el)).to.equal('8 ឧសភា 2024');
    el.numerals = 'khmr';
    await el.updateComplete;
    expect(textOf(el)).to.equal('៨ ឧសភា ២០២៤');
    await setLang('fr');
    await el.updateComplete;
    expect(textOf(el)).to.equal('៨ mai ២០២៤');
  });

  it('ignores an unknown numerals value', async () => {
    const el = await fixture<TestWidget>(html`<samleng-test-widget numerals="roman"></samleng-test-widget>`);
    expect(textOf(el)).to.equal('May 8, 2024');
  });

  it('shows a localized configuration error and warns once, naming the element and attribute', async () => {
    const warn = sinon.stub(console, 'warn');
    try {
      const el = await fixture<TestWidget>(html`<samleng-test-widget date="bad"></samleng-test-widget>`);
      const box = el.shadowRoot!.querySelector('[part=error]')!;
      expect(box.getAttribute('role')).to.equal('alert');
      expect(box.textContent).to.contain('This widget could not be shown.');
      await setLang('km');
      await el.updateComplete;
      expect(el.shadowRoot!.textContent).to.contain('មិនអាចបង្ហាញផ្នែកនេះបានទេ។');
      el.requestUpdate();
      await el.updateComplete;
      expect(warn.callCount).to.equal(1);
      expect(String(warn.firstCall.args[0])).to.equal(
        '<samleng-test-widget>: `date` must be an ISO date such as 2029-05-01 (got "bad").',
      );
      await expect(el).to.be.accessible();
    } finally {
      warn.restore();
    }
  });

  it('emits typed, bubbling, composed events', async () => {
    const el = await fixture<TestWidget>(html`<samleng-test-widget></samleng-test-widget>`);
    setTimeout(() => el.press());
    const event = await oneEvent(document, 'samleng-test-widget-clicked');
    expect(event.detail).to.deep.equal({ count: 1 });
  });

  it('is accessible', async () => {
    const el = await fixture<TestWidget>(html`<samleng-test-widget></samleng-test-widget>`);
    await expect(el).to.be.accessible();
  });
});

describe('theme', () => {
  afterEach(() => setLang('en'));

  const colors = (el: TestWidget) => getComputedStyle(base(el)).color;

  it('uses light colors by default and dark ones with theme="dark"', async () => {
    const el = await fixture<TestWidget>(html`<samleng-test-widget theme="light"></samleng-test-widget>`);
    expect(colors(el)).to.equal('rgb(29, 27, 32)');
    el.theme = 'dark';
    await el.updateComplete;
    expect(el.getAttribute('theme')).to.equal('dark');
    expect(colors(el)).to.equal('rgb(230, 224, 233)');
  });

  it('takes the partner’s --samleng-* tokens from any ancestor', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="--samleng-color-text: rgb(1, 2, 3); --samleng-font-family: monospace">
        <samleng-test-widget></samleng-test-widget>
      </div>`,
    );
    const el = wrapper.querySelector('samleng-test-widget') as TestWidget;
    await el.updateComplete;
    expect(colors(el)).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(el).fontFamily).to.equal('monospace');
  });

  it('inherits the host page’s font family and size by default', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="font-family: serif; font-size: 20px">
        <samleng-test-widget></samleng-test-widget>
      </div>`,
    );
    const el = wrapper.querySelector('samleng-test-widget') as TestWidget;
    await el.updateComplete;
    expect(getComputedStyle(base(el)).fontFamily).to.equal('serif');
    expect(getComputedStyle(base(el)).fontSize).to.equal('20px');
  });

  it('gives Khmer text room: line-height ≥ 1.6, no letter-spacing, no text-transform', async () => {
    await setLang('km');
    const el = await fixture<TestWidget>(
      html`<samleng-test-widget
        style="font-size: 20px; line-height: 1; letter-spacing: 3px; text-transform: uppercase; --samleng-line-height: 1.2"
      ></samleng-test-widget>`,
    );
    const style = getComputedStyle(base(el));
    expect(parseFloat(style.lineHeight)).to.be.at.least(32);
    expect(style.letterSpacing).to.be.oneOf(['normal', '0px']);
    expect(style.textTransform).to.equal('none');
  });
});
