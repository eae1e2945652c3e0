import { isoDay } from '@samleng/core';
import type { CaseDate } from './case-record.js';

// A calendar date, or a date-time that says where it is (Z or an offset): a date-time without a zone
// would mean a different instant for every reader.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Reads an ISO 8601 date (`2017-09-03`) or date-time with offset; `undefined` when it is not one. */
export function parseCaseDate(value: unknown): CaseDate | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const day = isoDay(text);
  if (day) return { value: day, dateOnly: true };
  if (!DATE_TIME.test(text)) return undefined;
  const date = new Date(text);
  return isNaN(+date) ? undefined : { value: date, dateOnly: false };
}

/** The instant after which a deadline has passed: the end of its day for a calendar date. */
export function deadlineEnd(deadline: CaseDate): number {
  return deadline.dateOnly ? +deadline.value + 864e5 : +deadline.value;
}
