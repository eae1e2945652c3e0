import '../../../test/harness.js';
import { expect } from '@open-wc/testing';
import {
  createFormatter,
  defaultNumerals,
  durationBetween,
  isTimeZone,
  toKhmerDigits,
  type DateStyle,
  type TimeUnit,
} from '../src/format/index.js';
import { fillPattern, joinList } from '../src/format/khmer.js';

// Wednesday 8 May 2024, 10:05:07 UTC = 12:05:07 in Zurich (CEST, UTC+2).
const MAY_8 = new Date('2024-05-08T10:05:07Z');
const UTC = { timeZone: 'UTC' };
const ZURICH = { timeZone: 'Europe/Zurich' };
const INVALID = new Date(NaN);
const UNITS: TimeUnit[] = ['year', 'month', 'week', 'day', 'hour', 'minute', 'second'];
const at = (iso: string) => new Date(iso);

// French output is spaced with U+00A0 (no-break space) and U+202F (narrow no-break space).
const NBSP = '\u00a0';
const NNBSP = '\u202f';
const ZWSP = '\u200b';
// CLDR km's flexible day periods (khmer-data.ts), written out so that a change of the table shows here.
const MORNING = `នៅពេល${ZWSP}ព្រឹក`;
const NOON = 'ថ្ងៃត្រង់';
const AFTERNOON = 'នៅពេលរសៀល';
const EVENING = `នៅពេល${ZWSP}ល្ងាច`;
const NIGHT = `នៅពេល${ZWSP}យប់`;

describe('format', () => {
  describe('en (Intl)', () => {
    const en = createFormatter('en', 'latn');

    it('formats dates in each style with plain en as en-US', () => {
      const styles: Record<DateStyle, string> = {
        full: 'Wednesday, May 8, 2024',
        long: 'May 8, 2024',
        medium: 'May 8, 2024',
        short: '5/8/24',
      };
      for (const [style, text] of Object.entries(styles)) {
        expect(en.date(MAY_8, { style: style as DateStyle, ...UTC }), style).to.equal(text);
      }
      expect(en.date(MAY_8, UTC)).to.equal('May 8, 2024');
    });

    it("formats dates with the page's own tag", () => {
      const gb = createFormatter('en', 'latn', 'en-GB');
      expect(gb.date(MAY_8, UTC)).to.equal('8 May 2024');
      expect(gb.date(MAY_8, { style: 'short', ...UTC })).to.equal('08/05/2024');
      expect(createFormatter('en', 'latn', 'en_AU').date(MAY_8, { style: 'short', ...UTC })).to.equal(
        '8/5/24',
      );
    });

    it('ignores a tag of another language, an invalid tag and Unicode extensions', () => {
      expect(createFormatter('en', 'latn', 'fr-CA').date(MAY_8, UTC)).to.equal('May 8, 2024');
      expect(createFormatter('en', 'latn', 'not a tag!').date(MAY_8, UTC)).to.equal('May 8, 2024');
      expect(createFormatter('en', 'latn', 'en-GB-u-nu-arab').number(12)).to.equal('12');
    });

    it('formats times in a time zone', () => {
      expect(en.time(MAY_8, UTC)).to.equal('10:05 AM');
      expect(en.time(MAY_8, ZURICH)).to.equal('12:05 PM');
      expect(en.time(MAY_8, { ...ZURICH, seconds: true })).to.equal('12:05:07 PM');
      expect(createFormatter('en', 'latn', 'en-GB').time(MAY_8, ZURICH)).to.equal('12:05');
    });

    it('formats date and time together', () => {
      expect(en.dateTime(MAY_8, UTC)).to.equal('May 8, 2024 at 10:05 AM');
      expect(en.dateTime(MAY_8, { style: 'short', seconds: true, ...ZURICH })).to.equal(
        '5/8/24, 12:05:07 PM',
      );
    });

    it('formats relative times in every unit, numerically', () => {
      for (const unit of UNITS) {
        expect(en.relative(3, unit)).to.equal(`in 3 ${unit}s`);
        expect(en.relative(-3, unit)).to.equal(`3 ${unit}s ago`);
        expect(en.relative(1, unit)).to.equal(`in 1 ${unit}`);
      }
      expect(en.relative(-1, 'day')).to.equal('1 day ago');
      expect(en.relative(0, 'day')).to.equal('in 0 days');
      expect(en.relative(-0, 'day')).to.equal('0 days ago');
      expect(en.relative(1500, 'day')).to.equal('in 1,500 days');
    });

    it('formats units and durations', () => {
      expect(en.unit(1, 'year')).to.equal('1 year');
      expect(en.unit(3, 'day')).to.equal('3 days');
      expect(en.duration({ years: 1, months: 2 })).to.equal('1 year, 2 months');
      expect(en.duration({ years: 1, months: 0, days: 3, hours: 4, seconds: 1 })).to.equal(
        '1 year, 3 days, 4 hours, 1 second',
      );
      expect(en.duration({ weeks: 2 })).to.equal('2 weeks');
      expect(en.duration({})).to.equal('0 seconds');
    });

    it('formats numbers', () => {
      expect(en.number(1234567.5)).to.equal('1,234,567.5');
      expect(en.number(-1234.5678)).to.equal('-1,234.568');
      expect(en.number(0.42, { percent: true })).to.equal('42%');
      expect(en.number(3, { minimumFractionDigits: 2 })).to.equal('3.00');
      expect(en.number(3.14159, { maximumFractionDigits: 0 })).to.equal('3');
    });

    it('writes Khmer digits and keeps English separators', () => {
      const khmr = createFormatter('en', 'khmr');
      expect(khmr.number(1234567.5)).to.equal('១,២៣៤,៥៦៧.៥');
      expect(khmr.date(MAY_8, UTC)).to.equal('May ៨, ២០២៤');
      expect(khmr.time(MAY_8, UTC)).to.equal('១០:០៥ AM');
      expect(khmr.relative(-3, 'day')).to.equal('៣ days ago');
      expect(khmr.unit(3, 'day')).to.equal('៣ days');
      expect(khmr.digits('May 8, 2024')).to.equal('May ៨, ២០២៤');
    });

    it('joins lists', () => {
      expect(en.list(['A', 'B', 'C'])).to.equal('A, B, and C');
      expect(en.list(['A', 'B'])).to.equal('A and B');
      expect(createFormatter('en', 'latn', 'en-GB').list(['A', 'B', 'C'])).to.equal('A, B and C');
    });

    it('gives plural categories', () => {
      expect(en.plural(1)).to.equal('one');
      expect(en.plural(0)).to.equal('other');
      expect(en.plural(2)).to.equal('other');
    });
  });

  describe('fr (Intl)', () => {
    const fr = createFormatter('fr', 'latn');

    it('formats dates in each style', () => {
      const styles: Record<DateStyle, string> = {
        full: 'mercredi 8 mai 2024',
        long: '8 mai 2024',
        medium: '8 mai 2024',
        short: '08/05/2024',
      };
      for (const [style, text] of Object.entries(styles)) {
        expect(fr.date(MAY_8, { style: style as DateStyle, ...UTC }), style).to.equal(text);
      }
      expect(createFormatter('fr', 'latn', 'fr-CA').date(MAY_8, { style: 'short', ...UTC })).to.equal(
        '2024-05-08',
      );
    });

    it('formats times and date-times', () => {
      expect(fr.time(MAY_8, UTC)).to.equal('10:05');
      expect(fr.time(MAY_8, { ...ZURICH, seconds: true })).to.equal('12:05:07');
      expect(fr.dateTime(MAY_8, ZURICH)).to.equal('8 mai 2024 à 12:05');
      expect(createFormatter('fr', 'latn', 'fr-CA').time(MAY_8, UTC)).to.equal('10 h 05');
    });

    it('formats relative times', () => {
      expect(fr.relative(3, 'day')).to.equal('dans 3 jours');
      expect(fr.relative(-3, 'day')).to.equal('il y a 3 jours');
      expect(fr.relative(1, 'hour')).to.equal('dans 1 heure');
      expect(fr.relative(-2, 'month')).to.equal('il y a 2 mois');
      expect(fr.relative(5, 'year')).to.equal('dans 5 ans');
      expect(fr.relative(-1, 'week')).to.equal('il y a 1 semaine');
      expect(fr.relative(10, 'minute')).to.equal('dans 10 minutes');
      expect(fr.relative(-30, 'second')).to.equal('il y a 30 secondes');
    });

    it('formats units and durations with no-break spaces', () => {
      expect(fr.unit(3, 'day')).to.equal(`3${NBSP}jours`);
      expect(fr.unit(1, 'year')).to.equal(`1${NBSP}an`);
      expect(fr.duration({ years: 1, months: 2 })).to.equal(`1${NBSP}an et 2${NBSP}mois`);
      expect(fr.duration({ days: 3, hours: 1, minutes: 5 })).to.equal(
        // CLDR fr has an ordinary space in "{0} minutes".
        `3${NBSP}jours, 1${NBSP}heure et 5 minutes`,
      );
    });

    it('formats numbers', () => {
      expect(fr.number(1234567.5)).to.equal(`1${NNBSP}234${NNBSP}567,5`);
      expect(fr.number(0.42, { percent: true })).to.equal(`42${NBSP}%`);
      expect(createFormatter('fr', 'khmr').number(1234567.5)).to.equal(`១${NNBSP}២៣៤${NNBSP}៥៦៧,៥`);
      expect(createFormatter('fr', 'latn', 'fr-CA').number(1234567.5)).to.equal(`1${NBSP}234${NBSP}567,5`);
    });

    it('joins lists and gives plural categories', () => {
      expect(fr.list(['A', 'B', 'C'])).to.equal('A, B et C');
      expect(fr.plural(1)).to.equal('one');
      expect(fr.plural(1.5)).to.equal('one');
      expect(fr.plural(2)).to.equal('other');
      expect(fr.plural(1000000)).to.equal('many');
    });
  });

  describe('km (CLDR table)', () => {
    const km = createFormatter('km', 'khmr');
    const latn = createFormatter('km', 'latn');

    it('defaults to Khmer digits', () => {
      expect(createFormatter('km').numerals).to.equal('khmr');
      expect(createFormatter('km').locale).to.equal('km');
      expect(createFormatter('en').numerals).to.equal('latn');
      expect(defaultNumerals('km')).to.equal('khmr');
      expect(defaultNumerals('fr')).to.equal('latn');
    });

    it('formats dates in each style', () => {
      const styles: Record<DateStyle, [string, string]> = {
        full: ['ពុធ ៨ ឧសភា ២០២៤', 'ពុធ 8 ឧសភា 2024'],
        long: ['៨ ឧសភា ២០២៤', '8 ឧសភា 2024'],
        medium: ['៨ ឧសភា ២០២៤', '8 ឧសភា 2024'],
        short: ['៨/៥/២៤', '8/5/24'],
      };
      for (const [style, [khmer, latin]] of Object.entries(styles)) {
        expect(km.date(MAY_8, { style: style as DateStyle, ...UTC }), style).to.equal(khmer);
        expect(latn.date(MAY_8, { style: style as DateStyle, ...UTC }), style).to.equal(latin);
      }
    });

    it('names every month and weekday', () => {
      const months = 'មករា កុម្ភៈ មីនា មេសា ឧសភា មិថុនា កក្កដា សីហា កញ្ញា តុលា វិច្ឆិកា ធ្នូ'.split(' ');
      months.forEach((month, index) => {
        expect(latn.date(new Date(Date.UTC(2024, index, 15)), UTC)).to.equal(`15 ${month} 2024`);
      });
      const weekdays = 'អាទិត្យ ច័ន្ទ អង្គារ ពុធ ព្រហស្បតិ៍ សុក្រ សៅរ៍'.split(' ');
      weekdays.forEach((weekday, index) => {
        // 5 May 2024 was a Sunday.
        expect(latn.date(new Date(Date.UTC(2024, 4, 5 + index)), { style: 'full', ...UTC })).to.equal(
          `${weekday} ${5 + index} ឧសភា 2024`,
        );
      });
    });

    it('takes the date in the time zone', () => {
      const lateUtc = at('2024-12-31T23:30:00Z');
      expect(latn.date(lateUtc, UTC)).to.equal('31 ធ្នូ 2024');
      expect(latn.date(lateUtc, { timeZone: 'Asia/Phnom_Penh', style: 'full' })).to.equal('ពុធ 1 មករា 2025');
      expect(latn.date(lateUtc, { timeZone: 'America/New_York', style: 'short' })).to.equal('31/12/24');
    });

    it('formats times in a time zone', () => {
      expect(km.time(MAY_8, UTC)).to.equal(`១០:០៥ ${MORNING}`);
      expect(latn.time(MAY_8, UTC)).to.equal(`10:05 ${MORNING}`);
      expect(km.time(MAY_8, ZURICH)).to.equal(`១២:០៥ ${AFTERNOON}`);
      expect(latn.time(MAY_8, { ...ZURICH, seconds: true })).to.equal(`12:05:07 ${AFTERNOON}`);
      expect(latn.time(at('2024-05-08T00:07:00Z'), UTC)).to.equal(`12:07 ${MORNING}`);
      expect(latn.time(at('2024-05-08T23:59:59Z'), { ...UTC, seconds: true })).to.equal(`11:59:59 ${NIGHT}`);
      // Winter: Zurich is UTC+1.
      expect(latn.time(at('2024-01-08T10:05:00Z'), ZURICH)).to.equal(`11:05 ${MORNING}`);
    });

    it('names the part of the day with CLDR flexible day periods, not AM/PM', () => {
      const time = (iso: string, seconds = false) => latn.time(at(iso), { ...UTC, seconds });
      expect(time('2024-05-08T00:00:00Z')).to.equal(`12:00 ${MORNING}`);
      expect(time('2024-05-08T11:59:00Z')).to.equal(`11:59 ${MORNING}`);
      // Noon is a moment: 12:00 as shown, so 12:00:30 is noon without seconds and afternoon with them.
      expect(time('2024-05-08T12:00:00Z')).to.equal(`12:00 ${NOON}`);
      expect(time('2024-05-08T12:00:30Z')).to.equal(`12:00 ${NOON}`);
      expect(time('2024-05-08T12:00:00Z', true)).to.equal(`12:00:00 ${NOON}`);
      expect(time('2024-05-08T12:00:30Z', true)).to.equal(`12:00:30 ${AFTERNOON}`);
      expect(time('2024-05-08T12:01:00Z')).to.equal(`12:01 ${AFTERNOON}`);
      expect(time('2024-05-08T17:59:00Z')).to.equal(`5:59 ${AFTERNOON}`);
      expect(time('2024-05-08T18:00:00Z')).to.equal(`6:00 ${EVENING}`);
      expect(time('2024-05-08T20:59:00Z')).to.equal(`8:59 ${EVENING}`);
      expect(time('2024-05-08T21:00:00Z')).to.equal(`9:00 ${NIGHT}`);
      // The reader's zone decides the period: 10:05 UTC is 17:05 in Phnom Penh.
      expect(km.time(MAY_8, { timeZone: 'Asia/Phnom_Penh' })).to.equal(`៥:០៥ ${AFTERNOON}`);
    });

    it('formats date and time together', () => {
      expect(km.dateTime(MAY_8, UTC)).to.equal(`៨ ឧសភា ២០២៤ នៅ${ZWSP}ម៉ោង ១០:០៥ ${MORNING}`);
      expect(latn.dateTime(MAY_8, { style: 'full', ...ZURICH })).to.equal(
        `ពុធ 8 ឧសភា 2024 នៅ${ZWSP}ម៉ោង 12:05 ${AFTERNOON}`,
      );
      expect(latn.dateTime(MAY_8, { style: 'short', seconds: true, ...UTC })).to.equal(
        `8/5/24, 10:05:07 ${MORNING}`,
      );
      expect(km.dateTime(MAY_8, { style: 'medium', ...UTC })).to.equal(`៨ ឧសភា ២០២៤, ១០:០៥ ${MORNING}`);
    });

    it('formats relative times in every unit exactly as CLDR', () => {
      const expected: Record<TimeUnit, [string, string]> = {
        year: ['3 ឆ្នាំទៀត', `3 ឆ្នាំ${ZWSP}មុន`],
        month: ['3 ខែទៀត', '3 ខែមុន'],
        week: ['3 សប្ដាហ៍ទៀត', `3 សប្ដាហ៍${ZWSP}មុន`],
        day: ['3 ថ្ងៃទៀត', `3 ថ្ងៃ${ZWSP}មុន`],
        hour: [`ក្នុង${ZWSP}រយៈ${ZWSP}ពេល 3 ម៉ោង`, `3 ម៉ោង${ZWSP}មុន`],
        minute: ['3 នាទីទៀត', `3 នាទី${ZWSP}មុន`],
        second: ['3 វិនាទីទៀត', `3 វិនាទី${ZWSP}មុន`],
      };
      for (const unit of UNITS) {
        const [future, past] = expected[unit];
        expect(latn.relative(3, unit), unit).to.equal(future);
        expect(latn.relative(-3, unit), unit).to.equal(past);
        expect(km.relative(3, unit), unit).to.equal(toKhmerDigits(future));
      }
      expect(km.relative(-1500, 'day')).to.equal(`១.៥០០ ថ្ងៃ${ZWSP}មុន`);
      expect(latn.relative(-0, 'day')).to.equal(`0 ថ្ងៃ${ZWSP}មុន`);
    });

    it('formats units and durations', () => {
      expect(km.unit(3, 'day')).to.equal('៣ ថ្ងៃ');
      expect(latn.unit(1, 'hour')).to.equal('1 ម៉ោង');
      expect(km.duration({ years: 1, months: 2 })).to.equal('១ ឆ្នាំ ២ ខែ');
      expect(latn.duration({ days: 3, hours: 4, minutes: 5, seconds: 6 })).to.equal(
        '3 ថ្ងៃ 4 ម៉ោង 5 នាទី 6 វិនាទី',
      );
      expect(latn.duration({ weeks: 1 })).to.equal('1 សប្ដាហ៍');
      expect(km.duration({})).to.equal('០ វិនាទី');
    });

    it('formats numbers with CLDR km separators', () => {
      expect(latn.number(1234567.5)).to.equal('1,234,567.5');
      expect(km.number(1234567.5)).to.equal('១.២៣៤.៥៦៧,៥');
      expect(km.number(-1234.5, { minimumFractionDigits: 2 })).to.equal('-១.២៣៤,៥០');
      expect(km.number(0.42, { percent: true })).to.equal('៤២%');
      expect(latn.number(0.425, { percent: true, maximumFractionDigits: 1 })).to.equal('42.5%');
      expect(km.digits('10:05')).to.equal('១០:០៥');
      expect(latn.digits('10:05')).to.equal('10:05');
    });

    it('joins lists', () => {
      expect(km.list(['A', 'B', 'C'])).to.equal('A, B និង C');
      expect(km.list(['A', 'B', 'C', 'D'])).to.equal('A, B, C និង D');
      expect(km.list(['A', 'B'])).to.equal(`A និង${ZWSP}B`);
      expect(km.list(['A'])).to.equal('A');
      expect(km.list([])).to.equal('');
    });

    it('has only the plural category other', () => {
      for (const value of [0, 1, 2, 1.5, 1000000]) expect(km.plural(value)).to.equal('other');
    });
  });

  describe('bad input', () => {
    for (const [locale, numerals] of [
      ['en', 'latn'],
      ['fr', 'latn'],
      ['km', 'khmr'],
    ] as const) {
      it(`gives '' for invalid dates and non-finite numbers in ${locale}`, () => {
        const f = createFormatter(locale, numerals);
        expect(f.date(INVALID)).to.equal('');
        expect(f.time(INVALID, ZURICH)).to.equal('');
        expect(f.dateTime(INVALID)).to.equal('');
        expect(f.relativeTo(INVALID, MAY_8)).to.equal('');
        expect(f.relativeTo(MAY_8, INVALID)).to.equal('');
        expect(f.number(NaN)).to.equal('');
        expect(f.number(Infinity)).to.equal('');
        expect(f.relative(NaN, 'day')).to.equal('');
        expect(f.unit(-Infinity, 'day')).to.equal('');
        expect(f.duration({ days: NaN, hours: Infinity, minutes: 2 })).to.equal(f.unit(2, 'minute'));
      });

      it(`treats an unknown time zone as the reader's own in ${locale}`, () => {
        const f = createFormatter(locale, numerals);
        expect(f.date(MAY_8, { timeZone: 'Mars/Olympus' })).to.equal(f.date(MAY_8));
        expect(f.time(MAY_8, { timeZone: '+07:00' })).to.equal(f.time(MAY_8));
      });
    }
  });

  describe('relativeTo', () => {
    const en = createFormatter('en', 'latn');
    const now = at('2024-05-08T10:00:00Z');

    it('uses the largest whole unit, in either direction', () => {
      expect(en.relativeTo(at('2026-07-09T10:00:00Z'), now)).to.equal('in 2 years');
      expect(en.relativeTo(at('2024-07-11T10:00:00Z'), now)).to.equal('in 2 months');
      expect(en.relativeTo(at('2024-05-18T10:00:00Z'), now)).to.equal('in 1 week');
      expect(en.relativeTo(at('2024-05-09T06:00:00Z'), now)).to.equal('in 20 hours');
      expect(en.relativeTo(at('2024-05-10T06:00:00Z'), now)).to.equal('in 1 day');
      expect(en.relativeTo(at('2024-05-08T09:55:00Z'), now)).to.equal('5 minutes ago');
      expect(en.relativeTo(at('2024-05-08T09:59:30Z'), now)).to.equal('30 seconds ago');
      expect(en.relativeTo(at('2023-05-08T10:00:00Z'), now)).to.equal('1 year ago');
      expect(en.relativeTo(now, now)).to.equal('in 0 seconds');
    });

    it('speaks Khmer', () => {
      expect(createFormatter('km').relativeTo(at('2024-05-11T10:00:00Z'), now)).to.equal('៣ ថ្ងៃទៀត');
    });
  });

  describe('durationBetween', () => {
    const zero = { years: 0, months: 0, days: 0, hours: 0, minutes: 0, seconds: 0 };
    const between = (from: string, to: string) => durationBetween(at(from), at(to));

    it('counts years, months, days and time', () => {
      expect(between('2024-05-08T10:00:00Z', '2025-07-10T13:14:15.999Z')).to.deep.equal({
        years: 1,
        months: 2,
        days: 2,
        hours: 3,
        minutes: 14,
        seconds: 15,
      });
      expect(between('2024-05-08T10:00:00Z', '2024-05-08T10:00:00Z')).to.deep.equal(zero);
    });

    it('is order-insensitive and never negative', () => {
      expect(between('2025-07-10T13:14:15Z', '2024-05-08T10:00:00Z')).to.deep.equal(
        between('2024-05-08T10:00:00Z', '2025-07-10T13:14:15Z'),
      );
    });

    it('keeps month ends: a month from 31 January is the end of February', () => {
      expect(between('2024-01-31T00:00:00Z', '2024-02-29T00:00:00Z')).to.deep.equal({ ...zero, months: 1 });
      expect(between('2024-01-31T00:00:00Z', '2024-03-01T00:00:00Z')).to.deep.equal({
        ...zero,
        months: 1,
        days: 1,
      });
      expect(between('2023-01-31T00:00:00Z', '2023-02-28T00:00:00Z')).to.deep.equal({ ...zero, months: 1 });
      expect(between('2023-01-30T00:00:00Z', '2023-03-01T00:00:00Z')).to.deep.equal({
        ...zero,
        months: 1,
        days: 1,
      });
      expect(between('2024-01-31T12:00:00Z', '2024-03-01T06:00:00Z')).to.deep.equal({
        ...zero,
        months: 1,
        hours: 18,
      });
      expect(between('2024-03-31T00:00:00Z', '2024-04-30T00:00:00Z')).to.deep.equal({ ...zero, months: 1 });
      expect(between('2024-04-30T00:00:00Z', '2024-05-31T00:00:00Z')).to.deep.equal({
        ...zero,
        months: 1,
        days: 1,
      });
    });

    it('handles leap years and year ends', () => {
      expect(between('2024-02-29T00:00:00Z', '2025-02-28T00:00:00Z')).to.deep.equal({ ...zero, years: 1 });
      expect(between('2024-02-29T00:00:00Z', '2025-03-01T00:00:00Z')).to.deep.equal({
        ...zero,
        years: 1,
        days: 1,
      });
      expect(between('2024-02-28T00:00:00Z', '2024-03-01T00:00:00Z')).to.deep.equal({ ...zero, days: 2 });
      expect(between('2023-02-28T00:00:00Z', '2023-03-01T00:00:00Z')).to.deep.equal({ ...zero, days: 1 });
      expect(between('2023-12-31T23:59:59Z', '2024-01-01T00:00:01Z')).to.deep.equal({ ...zero, seconds: 2 });
      expect(between('2020-02-29T00:00:00Z', '2024-02-29T00:00:00Z')).to.deep.equal({ ...zero, years: 4 });
    });

    it('gives {} for an invalid date', () => {
      expect(durationBetween(INVALID, MAY_8)).to.deep.equal({});
      expect(durationBetween(MAY_8, INVALID)).to.deep.equal({});
    });
  });

  describe('isTimeZone', () => {
    it('knows IANA zones', () => {
      for (const tz of [
        'UTC',
        'Europe/Zurich',
        'Asia/Phnom_Penh',
        'America/Argentina/Buenos_Aires',
        'Etc/GMT+7',
      ]) {
        expect(isTimeZone(tz), tz).to.equal(true);
      }
    });

    it('rejects what is not a zone name', () => {
      for (const tz of ['', 'Mars/Olympus', 'Europe/Zürich', '+07:00', '-0500', 'CEST ', 'Phnom Penh']) {
        expect(isTimeZone(tz), tz).to.equal(false);
      }
    });
  });

  describe('Khmer helpers', () => {
    it('maps every digit', () => {
      expect(toKhmerDigits('0123456789 -1.5')).to.equal('០១២៣៤៥៦៧៨៩ -១.៥');
    });

    it('fills padded and 24-hour fields', () => {
      const date = at('2024-05-08T09:05:07Z');
      expect(fillPattern('dd/MM/yyyy HH:mm:ss', date, 'UTC')).to.equal('08/05/2024 09:05:07');
      expect(fillPattern('d MMM, hh B', at('2024-01-02T15:00:00Z'), 'UTC')).to.equal(
        `2 មករា, 03 ${AFTERNOON}`,
      );
      expect(fillPattern('d/M/yy', at('2009-03-04T00:00:00Z'), 'UTC')).to.equal('4/3/09');
    });

    it('joins with the CLDR joiners', () => {
      const joiners = { pair: ' & ', start: ' [ ', middle: ' | ', end: ' ] ' };
      expect(joinList(['a', 'b'], joiners)).to.equal('a & b');
      expect(joinList(['a', 'b', 'c', 'd', 'e'], joiners)).to.equal('a [ b | c | d ] e');
    });
  });
});
