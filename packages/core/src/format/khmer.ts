/**
 * Khmer text from the committed CLDR table (khmer-data.ts), never from the browser's Intl: Chromium
 * has no km data and Firefox has its own CLDR release, and a widget must read the same in both.
 */
import {
  DAY_PERIODS,
  DAY_PERIODS_AT,
  MONTHS,
  MONTHS_SHORT,
  NUMBER_SEPARATORS,
  WEEKDAYS,
  type ListJoiners,
} from './khmer-data.js';
import type { Numerals } from './types.js';
import { wallClock } from './zone.js';

/**
 * CLDR's flexible day period of a time (`B`): "at" a moment such as noon when the time shown is exactly
 * on it (12:00, or 12:00:00 when seconds are shown), else the period the hour falls in.
 */
function dayPeriod(hour: number, minute: number, second: number, seconds: boolean): string {
  const moment = DAY_PERIODS_AT[hour];
  if (moment && !minute && !(seconds && second)) return moment;
  let period = '';
  for (const [from, word] of DAY_PERIODS) if (hour >= from) period = word;
  return period;
}

/** Fills an LDML date/time pattern (the fields km uses, no quoting) with `date` in `timeZone`. */
export function fillPattern(pattern: string, date: Date, timeZone?: string): string {
  const [year, month, day, hour, minute, second, weekday] = wallClock(date, timeZone);
  return pattern.replace(/([EdMyhHmsB])\1*/g, (field) => {
    const pad = (value: number) => String(value).padStart(field.length, '0');
    switch (field[0]) {
      case 'E':
        return WEEKDAYS[weekday];
      case 'd':
        return pad(day);
      case 'M':
        return field.length > 3 ? MONTHS[month - 1] : field.length > 2 ? MONTHS_SHORT[month - 1] : pad(month);
      case 'y':
        return pad(field.length === 2 ? year % 100 : year);
      case 'h':
        return pad(hour % 12 || 12);
      case 'H':
        return pad(hour);
      case 'm':
        return pad(minute);
      case 's':
        return pad(second);
      default:
        return dayPeriod(hour, minute, second, pattern.includes('s'));
    }
  });
}

/** Puts km's separators into a number formatted by en-US Intl (km has en-US's patterns otherwise). */
export function khmerSeparators(text: string, numerals: Numerals): string {
  const [group, decimal] = NUMBER_SEPARATORS[numerals];
  return text.replace(/[,.]/g, (separator) => (separator === ',' ? group : decimal));
}

/** Joins list items the CLDR way: one joiner for two items, else start, middle… and end joiners. */
export function joinList(items: readonly string[], { pair, start, middle, end }: ListJoiners): string {
  const last = items.length - 1;
  return last < 2
    ? items.join(pair)
    : items.reduce(
        (text, item, index) => text + (index === 1 ? start : index === last ? end : middle) + item,
      );
}
