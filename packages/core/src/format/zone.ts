import { utcTime } from './calendar.js';
import { intl } from './intl-cache.js';

/** Whether `tz` is an IANA time zone this browser knows ("Europe/Zurich", "UTC"). */
export function isTimeZone(tz: string): boolean {
  // Recent browsers also take offsets ("+07:00") as zones, older ones throw on them: they are not names.
  if (!/^[a-z]/i.test(tz)) return false;
  try {
    intl(Intl.DateTimeFormat, 'en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** year, month 1–12, day, hour 0–23, minute, second, weekday 0–6 from Sunday. */
export type WallClock = [number, number, number, number, number, number, number];

/**
 * The wall clock of `date` in `timeZone` (the reader's zone when absent), as numbers:
 * [year, month 1–12, day, hour 0–23, minute, second, weekday 0–6 from Sunday].
 * Intl does the zone arithmetic; en-US is only a locale whose numeric parts are plain ASCII digits.
 */
export function wallClock(date: Date, timeZone?: string): WallClock {
  const parts = intl(Intl.DateTimeFormat, 'en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(date);
  const { year, month, day, hour, minute, second } = Object.fromEntries(
    parts.map((part) => [part.type, +part.value]),
  ) as Record<Intl.DateTimeFormatPartTypes, number>;
  // The weekday comes from the civil date alone.
  const weekday = new Date(utcTime(year, month - 1, day)).getUTCDay();
  return [year, month, day, hour, minute, second, weekday];
}
