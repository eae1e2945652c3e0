import '../../../test/harness.js';
import { expect, fixture, html } from '@open-wc/testing';
import type { LitElement } from 'lit';
import sinon from 'sinon';
import { createFormatter, type DateStyle, type TimeUnit } from '@samleng/core';
import '../samleng.js';
import { setLang } from '../../../test/locale.js';
import { until } from '../../pledge/test/helpers.js';

/**
 * Issue 18: no Khmer date or time the kit writes holds a Latin letter (CLDR's Khmer time patterns end
 * with "AM"/"PM"; the kit writes CLDR's Khmer day periods instead). First the formatter, at every
 * minute of a day and across decades, in every style the widgets use; then the widgets in Khmer,
 * whose whole own text is checked (the dates and times included), leaving out only what is marked as
 * another language (a feed's English fallback, a name in Latin letters: `lang="en"`).
 */

const LATIN = /\p{Script=Latin}/u;
const KHMER_DIGIT = /[០-៩]/u;
const STYLES: DateStyle[] = ['full', 'long', 'medium', 'short'];
const UNITS: TimeUnit[] = ['year', 'month', 'week', 'day', 'hour', 'minute', 'second'];
const FIXTURES = `${location.origin}/packages/samleng/test/fixtures`;

/** The outputs that hold a Latin letter (or are empty), with what produced them: the first ten and a count. */
function withLatin(outputs: [what: string, text: string][]): string[] {
  const bad = outputs.filter(([, text]) => LATIN.test(text) || !text);
  const shown = bad.slice(0, 10).map(([what, text]) => `${what}: "${text}"`);
  return bad.length > 10 ? [...shown, `… and ${bad.length - 10} more`] : shown;
}

describe('Khmer dates and times: no Latin letter', () => {
  afterEach(() => setLang('en'));

  describe('the formatter', () => {
    for (const numerals of ['khmr', 'latn'] as const) {
      const km = createFormatter('km', numerals);

      it(`writes every minute of a day, with and without seconds (${numerals} digits)`, () => {
        const outputs: [string, string][] = [];
        const start = Date.UTC(2024, 4, 8);
        for (let minute = 0; minute < 24 * 60; minute++) {
          const at = new Date(start + minute * 60_000);
          const late = new Date(+at + 30_000);
          outputs.push([`time ${at.toISOString()}`, km.time(at, { timeZone: 'UTC' })]);
          outputs.push([`time+s ${late.toISOString()}`, km.time(late, { timeZone: 'UTC', seconds: true })]);
          // The time part is the same in every style; each style's joiner is met every 20 minutes.
          const style = STYLES[Math.floor(minute / 5) % 4]!;
          outputs.push([
            `dateTime ${style} ${at.toISOString()}`,
            km.dateTime(at, { style, timeZone: 'UTC' }),
          ]);
        }
        expect(withLatin(outputs)).to.deep.equal([]);
        // Not vacuous: the day-period words are there.
        expect(km.time(new Date(start + 15 * 3600_000), { timeZone: 'UTC' })).to.match(/រសៀល$/);
      });

      it(`writes dates, and times in other zones, across decades (${numerals} digits)`, () => {
        const outputs: [string, string][] = [];
        // Every 23 days and 5 hours from 1970 to 2100: every month, weekday and hour of the day comes round
        // (every 71 days and 5 hours with Latin digits, which only change the digits).
        const step = ((numerals === 'khmr' ? 23 : 71) * 24 + 5) * 3600_000;
        for (let time = Date.UTC(1970, 0, 1); time < Date.UTC(2100, 0, 1); time += step) {
          const at = new Date(time);
          for (const style of STYLES)
            outputs.push([`date ${style} ${at.toISOString()}`, km.date(at, { style })]);
          for (const timeZone of ['Asia/Phnom_Penh', 'America/Los_Angeles']) {
            outputs.push([`dateTime ${timeZone} ${at.toISOString()}`, km.dateTime(at, { timeZone })]);
            outputs.push([`time ${timeZone} ${at.toISOString()}`, km.time(at, { timeZone, seconds: true })]);
          }
        }
        expect(outputs.length).to.be.above(numerals === 'khmr' ? 10_000 : 4000);
        expect(withLatin(outputs)).to.deep.equal([]);
      });

      it(`writes relative times, durations, units, numbers and lists (${numerals} digits)`, () => {
        const outputs: [string, string][] = [];
        for (const unit of UNITS) {
          for (const value of [-1500, -61, -2, -1, -0, 0, 1, 2, 12, 59, 1500]) {
            outputs.push([`relative ${value} ${unit}`, km.relative(value, unit)]);
            outputs.push([`unit ${value} ${unit}`, km.unit(value, unit)]);
          }
        }
        const now = new Date('2026-12-02T12:00:00Z');
        for (const seconds of [1, 59, 3600, 86_400 * 3, 86_400 * 40, 86_400 * 800]) {
          for (const sign of [-1, 1]) {
            const target = new Date(+now + sign * seconds * 1000);
            outputs.push([`relativeTo ${target.toISOString()}`, km.relativeTo(target, now)]);
          }
        }
        outputs.push([
          'duration',
          km.duration({ years: 9, months: 2, days: 3, hours: 4, minutes: 5, seconds: 6 }),
        ]);
        outputs.push(['duration none', km.duration({})]);
        outputs.push(['number', km.number(1234567.5)]);
        outputs.push(['percent', km.number(0.42, { percent: true })]);
        outputs.push(['list', km.list(['ក', 'ខ', 'គ'])]);
        expect(withLatin(outputs)).to.deep.equal([]);
      });
    }
  });

  describe('the widgets in Khmer', () => {
    let clock: sinon.SinonFakeTimers | undefined;
    afterEach(() => {
      clock?.restore();
      clock = undefined;
    });

    /**
     * The widget's own text: every text node of its shadow root, and the attributes read aloud, except
     * inside an element marked as another language. Slotted text is the page's, not the widget's.
     */
    function ownText(el: Element): [string, string][] {
      const root = el.shadowRoot!;
      const foreign = (node: Node) => {
        const element = node instanceof Element ? node : node.parentElement;
        const lang = element?.closest('[lang]')?.getAttribute('lang');
        // The pledge's honeypot is inert: no reader meets it.
        return (!!lang && !/^km\b/.test(lang)) || !!element?.closest('[inert]');
      };
      const texts: [string, string][] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent!.replace(/\s+/g, ' ').trim();
        if (text && !foreign(node) && node.parentElement?.localName !== 'style') {
          texts.push([`<${node.parentElement?.localName}> in <${el.localName}>`, text]);
        }
      }
      for (const element of root.querySelectorAll('[aria-label], [aria-valuetext], [alt], [title]')) {
        for (const name of ['aria-label', 'aria-valuetext', 'alt', 'title']) {
          const value = element.getAttribute(name);
          if (value && !foreign(element)) texts.push([`${name} in <${el.localName}>`, value]);
        }
      }
      return texts;
    }

    const expectKhmerOnly = (el: Element) => expect(withLatin(ownText(el))).to.deep.equal([]);
    const textOf = (el: Element, selector: string) =>
      [...el.shadowRoot!.querySelectorAll(selector)].map((node) =>
        node.textContent!.replace(/\s+/g, ' ').trim(),
      );

    it('countdown: the date and time in both zones, every milestone, the time left and past', async () => {
      await setLang('km');
      clock = sinon.useFakeTimers({ now: new Date('2028-06-01T08:00:00Z'), toFake: ['Date'] });
      const reader = Intl.DateTimeFormat().resolvedOptions().timeZone;
      // An event zone that is not the reader's, so the card gives both times.
      const zone = reader === 'Asia/Phnom_Penh' ? 'Europe/Zurich' : 'Asia/Phnom_Penh';
      const el = await fixture<LitElement>(
        html`<div>
          <samleng-countdown
            heading="ការពិនិត្យលើកទី៥"
            date="2029-05-01T15:00+07:00"
            time-zone=${zone}
            place="ហ្សឺណែវ"
          >
            <time datetime="2028-11-01T12:00+07:00">ថ្ងៃផុតកំណត់</time>
            <time datetime="2028-12-01T09:05+07:00">ព្រឹក</time>
            <time datetime="2029-01-10T18:30+07:00">ល្ងាច</time>
            <time datetime="2029-02-14T22:15+07:00">យប់</time>
            <time datetime="2029-04-01">វគ្គមុនការពិនិត្យ</time>
          </samleng-countdown>
          <samleng-countdown
            heading="ការពិនិត្យលើកទី៤"
            date="2024-05-08"
            time-zone="Europe/Zurich"
          ></samleng-countdown>
        </div>`,
      );
      const [upcoming, past] = el.querySelectorAll<LitElement>('samleng-countdown');
      await Promise.all([upcoming!.updateComplete, past!.updateComplete]);
      const when = textOf(upcoming!, '[part="when"]')[0]!;
      // The event's time and the reader's: a day period, Khmer digits.
      expect(when).to.match(/រសៀល/).and.to.match(KHMER_DIGIT).and.to.contain('ហ្សឺណែវ');
      const milestones = textOf(upcoming!, '[part="milestone"] time');
      expect(milestones).to.have.length(5);
      for (const text of milestones) expect(text).to.match(KHMER_DIGIT);
      expect(milestones.join(' '))
        .to.match(/ថ្ងៃត្រង់/)
        .and.to.match(/ព្រឹក/)
        .and.to.match(/ល្ងាច/)
        .and.to.match(/យប់/);
      expect(textOf(past!, '[part="status"]')[0]).to.match(KHMER_DIGIT);
      expectKhmerOnly(upcoming!);
      expectKhmerOnly(past!);
    });

    it('case alert: arrest, sentence, deadline, update and source dates; the time since arrest', async () => {
      await setLang('km');
      const record = (deadline: string) => ({
        id: 'example',
        name: 'Kem Sokha',
        nameKm: 'កឹម សុខា',
        status: 'detained',
        statusNote: { en: 'Not verified since mid-2023.', km: 'មិនទាន់បានផ្ទៀងផ្ទាត់ទេ។' },
        charges: [{ en: 'Treason', km: 'ក្បត់ជាតិ' }],
        sentence: { km: '២៧ឆ្នាំ' },
        arrested: '2017-09-03',
        sentenced: '2023-03-03T10:30:00+07:00',
        deadline,
        updated: '2026-11-27',
        summary: { km: 'សេចក្តីសង្ខេប។' },
        sources: [{ title: { km: 'ប្រភព' }, date: '2023-03-03' }],
      });
      const el = await fixture<HTMLElement>(
        html`<div>
          <samleng-case-alert .data=${record('2099-12-31')}></samleng-case-alert>
          <samleng-case-alert .data=${record('2024-01-30')}></samleng-case-alert>
        </div>`,
      );
      const cards = [...el.querySelectorAll<LitElement>('samleng-case-alert')];
      await Promise.all(cards.map((card) => card.updateComplete));
      for (const card of cards) {
        const dates = textOf(card, 'time');
        expect(dates).to.have.length(3); // arrested, sentenced, the source's
        for (const date of dates) expect(date).to.match(KHMER_DIGIT);
        expect(textOf(card, '[part~="deadline"]')[0]).to.match(KHMER_DIGIT);
        expect(textOf(card, '[part="updated"]')[0]).to.match(KHMER_DIGIT);
        expect(textOf(card, '.since')[0]).to.match(KHMER_DIGIT);
        expectKhmerOnly(card);
      }
      // The Latin name is there, marked as English (the one text left out above).
      expect(cards[0]!.shadowRoot!.querySelector('.alternate')?.getAttribute('lang')).to.equal('en');
    });

    it('checklist: due dates today, to come and past', async () => {
      await setLang('km');
      clock = sinon.useFakeTimers({ now: new Date('2026-12-02T10:00:00Z'), toFake: ['Date'] });
      const el = await fixture<LitElement>(
        html`<samleng-checklist heading="ជំហាន" storage-key="khmer-latin-${Date.now()}">
          <ol>
            <li data-id="a" data-due="2026-12-02">ថ្ងៃនេះ</li>
            <li data-id="b" data-due="2027-01-15">ខាងមុខ</li>
            <li data-id="c" data-due="2026-11-01">ហួសកំណត់</li>
            <li data-id="d" data-due="2027-02-30">ខុស</li>
          </ol>
        </samleng-checklist>`,
      );
      await el.updateComplete;
      const due = textOf(el, '[part~="due"]');
      expect(due).to.have.length(4);
      for (const text of due.slice(0, 3)) expect(text).to.match(KHMER_DIGIT);
      // The unreadable date is quoted as the partner wrote it (ASCII digits, no letter).
      expect(withLatin(ownText(el).filter(([, text]) => !text.includes('2027-02-30')))).to.deep.equal([]);
      expect(LATIN.test(due[3]!)).to.equal(false);
    });

    it('pledge and pledge count: the count, the goal and the form', async () => {
      await setLang('km');
      const el = await fixture<HTMLElement>(
        html`<div>
          <samleng-pledge-count
            endpoint="${FIXTURES}/receiver"
            campaign="upr-2029"
            goal="5000"
          ></samleng-pledge-count>
          <samleng-pledge
            endpoint="${FIXTURES}/receiver"
            campaign="upr-2029"
            goal="5000"
            privacy-href="/privacy"
          >
            ខ្ញុំប្តេជ្ញា។
          </samleng-pledge>
        </div>`,
      );
      const widgets = [...el.querySelectorAll<LitElement>('samleng-pledge-count, samleng-pledge')];
      await until(
        () => widgets.every((widget) => textOf(widget, '[part~="progress"]').join('').includes('១.២៣៤')),
        'the count in Khmer digits',
      );
      for (const widget of widgets) expectKhmerOnly(widget);
    });
  });
});
