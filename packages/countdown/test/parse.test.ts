import '../../../test/harness.js';
import { expect } from '@open-wc/testing';
import { parseEventDate, parseEventTime } from '../src/parse-date.js';
import { coarser, isPrecision, splitRemaining } from '../src/remaining.js';

describe('parseEventDate', () => {
  it('reads a date alone as midnight in the event’s zone', () => {
    expect(parseEventDate('2024-05-08')!.toISOString()).to.equal('2024-05-08T00:00:00.000Z');
    expect(parseEventDate('2024-05-08', 'Europe/Zurich')!.toISOString()).to.equal('2024-05-07T22:00:00.000Z');
    expect(parseEventDate('2024-01-08', 'Europe/Zurich')!.toISOString()).to.equal('2024-01-07T23:00:00.000Z');
    expect(parseEventDate('2024-05-08', 'Asia/Phnom_Penh')!.toISOString()).to.equal(
      '2024-05-07T17:00:00.000Z',
    );
  });

  it('keeps the calendar day of a date alone', () => {
    expect(parseEventTime('2024-05-08', 'Europe/Zurich')!.day!.toISOString()).to.equal(
      '2024-05-08T00:00:00.000Z',
    );
    expect(parseEventTime('2024-05-08T10:00Z')!.day).to.equal(undefined);
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

describe('splitRemaining', () => {
  const ms = ((3 * 24 + 1) * 60 + 1) * 60_000 + 30_000; // 3 d 1 h 1 min 30 s
  it('splits down to the precision and rounds the last unit up', () => {
    expect(splitRemaining(ms, 'second').map((p) => p.value)).to.deep.equal([3, 1, 1, 30]);
    expect(splitRemaining(ms, 'minute').map((p) => p.value)).to.deep.equal([3, 1, 2]);
    expect(splitRemaining(ms, 'hour').map((p) => p.value)).to.deep.equal([3, 2]);
    expect(splitRemaining(ms, 'day').map((p) => p.value)).to.deep.equal([4]);
    expect(splitRemaining(1, 'second')).to.deep.equal([
      { unit: 'day', value: 0 },
      { unit: 'hour', value: 0 },
      { unit: 'minute', value: 0 },
      { unit: 'second', value: 1 },
    ]);
    expect(splitRemaining(-5, 'day')).to.deep.equal([{ unit: 'day', value: 0 }]);
  });

  it('knows its precisions', () => {
    expect(isPrecision('minute')).to.equal(true);
    expect(isPrecision('week')).to.equal(false);
    expect(coarser('second', 'minute')).to.equal('minute');
    expect(coarser('day', 'minute')).to.equal('day');
  });
});
