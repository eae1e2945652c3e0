/**
 * Civil dates as UTC instants. `Date.UTC` and `new Date(y, …)` read the years 0–99 as 1900–1999, so a
 * feed's "0050-12-31" would show as 1950: these set the full year instead.
 */

/** Milliseconds since the epoch of a UTC wall-clock time; `monthIndex` counts from 0, as in `Date`. */
export function utcTime(
  year: number,
  monthIndex: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

/** Midnight UTC of the calendar date `year-month-day` (month 1–12), or undefined when no such day exists. */
export function calendarDay(year: number, month: number, day: number): Date | undefined {
  const date = new Date(utcTime(year, month - 1, day));
  // `Date` rolls 2023-02-30 over to March: a date that does not round-trip does not exist.
  const same =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return same ? date : undefined;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Midnight UTC of an ISO calendar date (`2029-05-01`, no time), or undefined when it is not one. */
export function isoDay(text: string): Date | undefined {
  const parts = ISO_DAY.exec(text);
  return parts ? calendarDay(Number(parts[1]), Number(parts[2]), Number(parts[3])) : undefined;
}
