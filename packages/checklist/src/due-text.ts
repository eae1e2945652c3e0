/** The due line of a step, as whole localized sentences ("Due in 3 days (10 Oct 2023)"). */
import { msg, str } from '@lit/localize';
import type { Formatter } from '@samleng/core';
import { daysUntil } from './due-date.js';

export interface DueText {
  text: string;
  overdue: boolean;
}

export function dueText(due: Date, now: Date, format: Formatter): DueText {
  const days = daysUntil(due, now);
  // The day is the calendar day written by the partner, wherever the reader is.
  const date = format.date(due, { style: 'medium', timeZone: 'UTC' });
  const count = format.number(Math.abs(days));
  const one = format.plural(Math.abs(days)) === 'one';
  if (days === 0)
    return { text: msg(str`Due today (${date})`, { id: 'checklist.due.today' }), overdue: false };
  if (days > 0) {
    return {
      text: one
        ? msg(str`Due in ${count} day (${date})`, { id: 'checklist.due.in.one' })
        : msg(str`Due in ${count} days (${date})`, { id: 'checklist.due.in.other' }),
      overdue: false,
    };
  }
  return {
    text: one
      ? msg(str`Overdue by ${count} day (${date})`, { id: 'checklist.overdue.one' })
      : msg(str`Overdue by ${count} days (${date})`, { id: 'checklist.overdue.other' }),
    overdue: true,
  };
}
