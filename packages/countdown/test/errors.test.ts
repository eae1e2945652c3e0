import '../../../test/harness.js';
import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import { clockState } from '@samleng/core';
import '../samleng-countdown.js';
import type { SamlengCountdown } from '../src/countdown.js';
import { part, setLang, squash, text } from './helpers.js';

interface Case {
  name: string;
  make: () => Promise<SamlengCountdown>;
  en: string;
  km: string;
  fr: string;
  warning: string;
}

const cases: Case[] = [
  ...['next May', '2029-02-30', '2029-05-01T10:00', ''].map((bad) => ({
    name: `date="${bad}"`,
    make: () => fixture<SamlengCountdown>(html`<samleng-countdown date=${bad}></samleng-countdown>`),
    en: `The date "${bad}" could not be read. Use an ISO date such as 2029-05-01.`,
    km: `មិនអាចអានកាលបរិច្ឆេទ «${bad}» បានទេ។`,
    fr: `La date « ${bad} » n’a pas pu être lue.`,
    warning: `\`date\` must be an ISO date such as 2029-05-01 (got "${bad}").`,
  })),
  {
    name: 'no date at all',
    make: () => fixture<SamlengCountdown>(html`<samleng-countdown></samleng-countdown>`),
    en: 'The date "" could not be read.',
    km: 'មិនអាចអានកាលបរិច្ឆេទ «» បានទេ។',
    fr: 'La date « » n’a pas pu être lue.',
    warning: '`date` must be an ISO date such as 2029-05-01 (got "").',
  },
  {
    name: 'end before date',
    make: () =>
      fixture<SamlengCountdown>(
        html`<samleng-countdown date="2029-05-01" end="2029-04-30"></samleng-countdown>`,
      ),
    en: 'The end "2029-04-30" must be an ISO date after the start date, such as 2029-05-03.',
    km: 'ពេលបញ្ចប់ «2029-04-30» ត្រូវតែជាកាលបរិច្ឆេទ ISO ក្រោយកាលបរិច្ឆេទចាប់ផ្ដើម',
    fr: 'La fin « 2029-04-30 » doit être une date ISO postérieure à la date de début',
    warning: '`end` must be an ISO date after `date` (got "2029-04-30" for a date of "2029-05-01").',
  },
  {
    name: 'end equal to date',
    make: () =>
      fixture<SamlengCountdown>(
        html`<samleng-countdown date="2029-05-01T10:00Z" end="2029-05-01T12:00+02:00"></samleng-countdown>`,
      ),
    en: 'The end "2029-05-01T12:00+02:00" must be an ISO date after the start date',
    km: 'ពេលបញ្ចប់ «2029-05-01T12:00+02:00»',
    fr: 'La fin « 2029-05-01T12:00+02:00 »',
    warning:
      '`end` must be an ISO date after `date` (got "2029-05-01T12:00+02:00" for a date of "2029-05-01T10:00Z").',
  },
  {
    name: 'end that does not parse',
    make: () =>
      fixture<SamlengCountdown>(html`<samleng-countdown date="2029-05-01" end="later"></samleng-countdown>`),
    en: 'The end "later" must be an ISO date after the start date, such as 2029-05-03.',
    km: 'ពេលបញ្ចប់ «later»',
    fr: 'La fin « later »',
    warning: '`end` must be an ISO date after `date` (got "later" for a date of "2029-05-01").',
  },
  {
    name: 'unknown time zone',
    make: () =>
      fixture<SamlengCountdown>(
        html`<samleng-countdown date="2029-05-01" time-zone="Europe/Geneva"></samleng-countdown>`,
      ),
    en: 'The time zone "Europe/Geneva" is unknown. Use an IANA name such as Europe/Zurich.',
    km: 'មិនស្គាល់តំបន់ម៉ោង «Europe/Geneva» ទេ។',
    fr: 'Le fuseau horaire « Europe/Geneva » est inconnu.',
    warning: '`time-zone` must be an IANA time zone such as Europe/Zurich (got "Europe/Geneva").',
  },
  {
    name: 'a time zone written as an offset',
    make: () =>
      fixture<SamlengCountdown>(
        html`<samleng-countdown date="2029-05-01" time-zone="+02:00"></samleng-countdown>`,
      ),
    en: 'The time zone "+02:00" is unknown.',
    km: 'មិនស្គាល់តំបន់ម៉ោង «+02:00» ទេ។',
    fr: 'Le fuseau horaire « +02:00 » est inconnu.',
    warning: '`time-zone` must be an IANA time zone such as Europe/Zurich (got "+02:00").',
  },
  {
    name: 'bad precision',
    make: () =>
      fixture<SamlengCountdown>(
        html`<samleng-countdown date="2029-05-01" precision="week"></samleng-countdown>`,
      ),
    en: 'The precision "week" is not valid. Use day, hour, minute or second.',
    km: 'ភាពជាក់លាក់ «week» មិនត្រឹមត្រូវទេ។',
    fr: 'La précision « week » n’est pas valide.',
    warning: '`precision` must be day, hour, minute or second (got "week").',
  },
];

describe('<samleng-countdown> bad input', () => {
  let warn: sinon.SinonStub;
  beforeEach(() => {
    warn = sinon.stub(console, 'warn');
  });
  afterEach(async () => {
    warn.restore();
    await setLang('en');
  });

  for (const c of cases) {
    it(`${c.name}: a localized message and one warning`, async () => {
      const el = await c.make();
      expect(part(el, 'error')).not.to.equal(null);
      expect(part(el, 'base')).to.equal(null);
      expect(text(el)).to.contain('This widget could not be shown.').and.contain(squash(c.en));
      expect(clockState().listeners).to.equal(0);
      await expect(el).to.be.accessible();
      await setLang('km');
      await el.updateComplete;
      expect(text(el)).to.contain(squash(c.km));
      await setLang('fr');
      await el.updateComplete;
      expect(text(el)).to.contain(squash(c.fr));
      el.heading = 'rendered again';
      await el.updateComplete;
      expect(warn.callCount).to.equal(1);
      expect(String(warn.firstCall.args[0])).to.equal(`<samleng-countdown>: ${c.warning}`);
    });
  }

  it('recovers when the attribute is fixed', async () => {
    const el = await fixture<SamlengCountdown>(
      html`<samleng-countdown date="2029-05-01" precision="week"></samleng-countdown>`,
    );
    el.precision = 'day';
    await el.updateComplete;
    expect(part(el, 'error')).to.equal(null);
    expect(part(el, 'base')).not.to.equal(null);
  });
});
