import '../../../test/harness.js';
import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import { localeReady } from '@samleng/core';
import '../samleng-countdown.js';
import type { SamlengCountdown } from '../src/countdown.js';
import { parseEventDate } from '../src/parse-date.js';

const setLang = async (lang: string) => {
  document.documentElement.lang = lang;
  await aTimeout(0);
  await localeReady();
};
const squash = (value: string) => value.replace(/\s+/g, ' ');
const text = (el: Element) => squash(el.shadowRoot!.textContent!).trim();

describe('<samleng-countdown>', () => {
  afterEach(() => setLang('en'));

  it('is registered under its tag', () => {
    expect(document.createElement('samleng-countdown').constructor.name).to.equal('SamlengCountdown');
  });

  it('shows the heading and the event date in each language', async () => {
    const el = await fixture<SamlengCountdown>(
      html`<samleng-countdown
        heading="Cambodia's 4th UN human-rights review"
        date="2024-05-08"
        time-zone="Europe/Zurich"
      ></samleng-countdown>`,
    );
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal("Cambodia's 4th UN human-rights review");
    expect(text(el)).to.contain('Scheduled for May 8, 2024');
    await setLang('km');
    await el.updateComplete;
    expect(text(el)).to.contain('គ្រោងធ្វើនៅថ្ងៃទី ៨ ឧសភា ២០២៤');
    await setLang('fr');
    await el.updateComplete;
    expect(text(el)).to.contain('Prévu le 8 mai 2024');
    await expect(el).to.be.accessible();
  });

  it('has a localized default heading', async () => {
    const el = await fixture<SamlengCountdown>(
      html`<samleng-countdown date="2029-05-01"></samleng-countdown>`,
    );
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Countdown');
    await setLang('km');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('ការរាប់ថយក្រោយ');
  });

  it('keeps milestones as slotted light DOM', async () => {
    const el = await fixture<SamlengCountdown>(
      html`<samleng-countdown date="2029-05-01"
        ><time datetime="2028-10-15T12:00+02:00">Stakeholder submissions due</time></samleng-countdown
      >`,
    );
    const slot = el.shadowRoot!.querySelector('slot')!;
    expect(slot.assignedElements()[0]!.textContent).to.equal('Stakeholder submissions due');
  });

  for (const bad of ['next May', '2029-02-30', '2029-05-01T10:00', '']) {
    it(`shows a localized error for date="${bad}" and warns once`, async () => {
      const warn = sinon.stub(console, 'warn');
      try {
        const el = await fixture<SamlengCountdown>(html`<samleng-countdown date=${bad}></samleng-countdown>`);
        expect(text(el)).to.contain('This widget could not be shown.');
        expect(text(el)).to.contain(
          squash(`The date "${bad}" could not be read. Use an ISO date such as 2029-05-01.`),
        );
        await setLang('fr');
        await el.updateComplete;
        expect(text(el)).to.contain(squash(`La date « ${bad} » n’a pas pu être lue.`));
        expect(warn.callCount).to.equal(1);
        expect(String(warn.firstCall.args[0])).to.equal(
          `<samleng-countdown>: \`date\` must be an ISO date such as 2029-05-01 (got "${bad}").`,
        );
        await expect(el).to.be.accessible();
      } finally {
        warn.restore();
      }
    });
  }

  it('shows the error when date is missing altogether', async () => {
    const warn = sinon.stub(console, 'warn');
    try {
      const el = await fixture<SamlengCountdown>(html`<samleng-countdown></samleng-countdown>`);
      expect(el.shadowRoot!.querySelector('[part=error]')).to.exist;
      expect(warn.callCount).to.equal(1);
    } finally {
      warn.restore();
    }
  });
});

describe('parseEventDate', () => {
  it('reads a date alone as midnight in the event’s zone', () => {
    expect(parseEventDate('2024-05-08')!.toISOString()).to.equal('2024-05-08T00:00:00.000Z');
    expect(parseEventDate('2024-05-08', 'Europe/Zurich')!.toISOString()).to.equal('2024-05-07T22:00:00.000Z');
    expect(parseEventDate('2024-01-08', 'Europe/Zurich')!.toISOString()).to.equal('2024-01-07T23:00:00.000Z');
    expect(parseEventDate('2024-05-08', 'Asia/Phnom_Penh')!.toISOString()).to.equal(
      '2024-05-07T17:00:00.000Z',
    );
  });

  it('reads date-times with an offset or Z', () => {
    expect(parseEventDate('2028-10-15T12:00+02:00')!.toISOString()).to.equal('2028-10-15T10:00:00.000Z');
    expect(parseEventDate('2028-10-15T12:00:30Z')!.toISOString()).to.equal('2028-10-15T12:00:30.000Z');
    expect(parseEventDate(' 2028-10-15T12:00:30.5-0500 ')!.toISOString()).to.equal(
      '2028-10-15T17:00:30.500Z',
    );
  });

  it('refuses what is not an unambiguous ISO 8601 instant', () => {
    for (const bad of [
      undefined,
      '',
      'May 8, 2024',
      '2024-5-8',
      '2024-13-01',
      '2024-02-30',
      '2024-05-08T10:00',
      '2024-05-08T25:00Z',
    ]) {
      expect(parseEventDate(bad), String(bad)).to.equal(undefined);
    }
  });

  it('ignores an unknown time zone (the widget reports it)', () => {
    expect(parseEventDate('2024-05-08', 'Mars/Olympus')!.toISOString()).to.equal('2024-05-08T00:00:00.000Z');
  });
});
