/**
 * Due dates are calendar days (`2023-10-10`): a deadline is "the 10th" wherever the reader is, so it
 * is kept as midnight UTC of that day and compared with the reader's own calendar day.
 */
import { isoDay } from '@samleng/core';

const DAY = 86_400_000;

/** Midnight UTC of an ISO calendar date, or undefined when `value` is not a real date. */
export function parseDueDate(value: string): Date | undefined {
  return isoDay(value.trim());
}

/** Whole days from the reader's today (in their time zone) to `due`: 0 today, < 0 overdue. */
export function daysUntil(due: Date, now: Date): number {
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.round((due.getTime() - today) / DAY);
}
