import type { DurationParts } from './types.js';

/** `date` plus whole months of the UTC calendar, kept within a shorter month: 31 Jan + 1 = 28/29 Feb. */
function addMonths(date: Date, months: number): number {
  const result = new Date(date);
  result.setUTCMonth(date.getUTCMonth() + months + 1, 0);
  result.setUTCDate(Math.min(date.getUTCDate(), result.getUTCDate()));
  return +result;
}

/**
 * The calendar distance between two instants, in either order: as many whole months as fit from the
 * earlier one (a month from 31 January is the end of February), then days, hours, minutes and seconds
 * (the milliseconds are dropped). The calendar is UTC's, so every day has 24 hours and the parts add
 * up to the exact time elapsed whatever daylight saving time does where the reader is.
 * An invalid date gives `{}` (all zero).
 */
export function durationBetween(from: Date, to: Date): DurationParts {
  if (isNaN(+from) || isNaN(+to)) return {};
  const [start, end] = from > to ? [to, from] : [from, to];
  let months = (end.getUTCFullYear() - start.getUTCFullYear()) * 12 + end.getUTCMonth() - start.getUTCMonth();
  if (addMonths(start, months) > +end) months--;
  const rest = +end - addMonths(start, months);
  return {
    years: Math.floor(months / 12),
    months: months % 12,
    days: Math.floor(rest / 864e5),
    hours: Math.floor(rest / 36e5) % 24,
    minutes: Math.floor(rest / 6e4) % 60,
    seconds: Math.floor(rest / 1e3) % 60,
  };
}
