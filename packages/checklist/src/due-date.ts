/**
 * Due dates are calendar days (`2023-10-10`): a deadline is "the 10th" wherever the reader is, so it
 * is kept as midnight UTC of that day and compared with the reader's own calendar day.
 */
import { calendarDay } from '@samleng/core';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY = 86_400_000;

/** Midnight UTC of an ISO calendar date, or undefined when `value` is not a real date. */
export function parseDueDate(value: string): Date | undefined {
  const match = ISO_DATE.exec(value.trim());
  if (!match) return undefined;
  return calendarDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Whole days from the reader's today (in their time zone) to `due`: 0 today, < 0 overdue. */
export function daysUntil(due: Date, now: Date): number {
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.round((due.getTime() - today) / DAY);
}
