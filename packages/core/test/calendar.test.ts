import '../../../test/harness.js';
import { expect } from '@open-wc/testing';
import { calendarDay, isoDay, utcTime } from '../src/format/calendar.js';

describe('calendarDay', () => {
  it('is midnight UTC of the day written', () => {
    expect(calendarDay(2029, 1, 24)?.toISOString()).to.equal('2029-01-24T00:00:00.000Z');
    expect(calendarDay(2024, 2, 29)?.toISOString()).to.equal('2024-02-29T00:00:00.000Z');
  });

  it('keeps the years 0 to 99 in their own century', () => {
    // Date.UTC(50, 11, 31) is 31 December 1950.
    expect(calendarDay(50, 12, 31)?.getUTCFullYear()).to.equal(50);
    expect(calendarDay(0, 1, 1)?.getUTCFullYear()).to.equal(0);
    expect(calendarDay(99, 12, 31)?.getUTCFullYear()).to.equal(99);
  });

  it('refuses days that do not exist rather than rolling them over', () => {
    expect(calendarDay(2023, 2, 29)).to.equal(undefined);
    expect(calendarDay(2023, 2, 30)).to.equal(undefined);
    expect(calendarDay(2023, 13, 1)).to.equal(undefined);
    expect(calendarDay(2023, 0, 10)).to.equal(undefined);
    expect(calendarDay(2023, 4, 31)).to.equal(undefined);
  });
});

describe('utcTime', () => {
  it('matches Date.UTC from the year 100 on, and keeps earlier years', () => {
    expect(utcTime(2029, 0, 24, 9, 30, 15)).to.equal(Date.UTC(2029, 0, 24, 9, 30, 15));
    expect(new Date(utcTime(7, 6, 1, 12)).toISOString()).to.equal('0007-07-01T12:00:00.000Z');
  });
});

describe('isoDay', () => {
  it('reads a calendar date alone, in any century', () => {
    expect(isoDay('2029-05-01')?.toISOString()).to.equal('2029-05-01T00:00:00.000Z');
    expect(isoDay('0050-12-31')?.getUTCFullYear()).to.equal(50);
  });

  it('refuses anything else, and days that do not exist', () => {
    for (const text of ['2023-02-30', '2029-5-1', '2029-05-01T10:00Z', ' 2029-05-01', '', 'May 1, 2029']) {
      expect(isoDay(text), text).to.equal(undefined);
    }
  });
});
