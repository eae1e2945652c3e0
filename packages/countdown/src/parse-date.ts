import { isoDay, utcTime, wallClock } from '@samleng/core';

/**
 * Reads the `date` and `end` attributes and the milestones' `datetime`: an ISO 8601 date-time with an
 * offset or `Z`, or a date alone, which means midnight in the event's time zone (UTC when none is
 * given). A local date-time without an offset is refused: it would mean a different instant for
 * every reader.
 */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** A parsed instant, and whether it was written as a calendar date alone. */
export interface EventTime {
  /** The instant: midnight in the event's zone for a date alone. */
  instant: Date;
  /**
   * For a date alone, the calendar day at UTC midnight (its UTC fields are the written day), as the
   * `.ics` all-day form wants; absent for a date-time.
   */
  day?: Date;
}

/** Reads `value` as an ISO instant or date; `undefined` when it is neither. */
export function parseEventTime(value: string | null | undefined, timeZone?: string): EventTime | undefined {
  const text = value?.trim() ?? '';
  const day = isoDay(text);
  if (day) {
    const utc = day.getTime();
    return { instant: new Date(utc - offsetAt(utc, timeZone)), day };
  }
  if (!DATE_TIME.test(text)) return undefined;
  const parsed = new Date(text);
  return Number.isNaN(parsed.getTime()) ? undefined : { instant: parsed };
}

/** The instant alone (see `parseEventTime`). */
export function parseEventDate(value: string | undefined, timeZone?: string): Date | undefined {
  return parseEventTime(value, timeZone)?.instant;
}

/** The zone's offset from UTC in milliseconds around the instant `utc` (0 for UTC or a bad zone). */
function offsetAt(utc: number, timeZone: string | undefined): number {
  if (!timeZone) return 0;
  try {
    const [year, month, day, hour, minute, second] = wallClock(new Date(utc), timeZone);
    return utcTime(year, month - 1, day, hour, minute, second) - utc;
  } catch {
    return 0;
  }
}
