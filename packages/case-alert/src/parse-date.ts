import { calendarDay } from '@samleng/core';
import type { CaseDate } from './case-record.js';

// A calendar date, or a date-time that says where it is (Z or an offset): a date-time without a zone
// would mean a different instant for every reader.
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Reads an ISO 8601 date (`2017-09-03`) or date-time with offset; `undefined` when it is not one. */
export function parseCaseDate(value: unknown): CaseDate | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const parts = DATE.exec(text);
  if (parts) {
    const [year, month, day] = parts.slice(1).map(Number) as [number, number, number];
    const date = calendarDay(year, month, day);
    return date && { value: date, dateOnly: true };
  }
  if (!DATE_TIME.test(text)) return undefined;
  const date = new Date(text);
  return isNaN(+date) ? undefined : { value: date, dateOnly: false };
}

/** The instant after which a deadline has passed: the end of its day for a calendar date. */
export function deadlineEnd(deadline: CaseDate): number {
  return deadline.dateOnly ? +deadline.value + 864e5 : +deadline.value;
}
