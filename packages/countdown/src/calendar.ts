/**
 * The events of a countdown's "Add to calendar" file: the event itself and each milestone still to
 * come. A date alone becomes an all-day event on that calendar day (a timed event at midnight in
 * Geneva would land on the previous evening in the Americas); a date-time is written in UTC.
 */
import { icsDateTime, icsFileName, type CalendarEvent } from '@samleng/core';
import type { Milestone } from './milestones.js';
import type { EventTime } from './parse-date.js';

export interface CountdownCalendar {
  heading: string;
  start: EventTime;
  end?: EventTime | undefined;
  place?: string | undefined;
  url?: string | undefined;
  /** Said in the description when the date is an estimate. */
  note?: string | undefined;
  milestones: readonly Milestone[];
}

/** A UID that stays the same for the same heading and time, so a second download updates the entry. */
function uid(heading: string, start: Date, index: number): string {
  const slug = icsFileName(heading).replace(/\.ics$/, '');
  return `${slug}-${icsDateTime(start)}-${index}@samleng`;
}

function timing(start: EventTime, end?: EventTime): Pick<CalendarEvent, 'start' | 'end' | 'allDay'> {
  if (start.day && (!end || end.day)) return { start: start.day, end: end?.day, allDay: true };
  return { start: start.instant, end: end?.instant };
}

export function countdownEvents(calendar: CountdownCalendar, now: Date): CalendarEvent[] {
  const { heading, start, end, place, url, note, milestones } = calendar;
  const events: CalendarEvent[] = [
    {
      uid: uid(heading, start.instant, 0),
      ...timing(start, end),
      summary: heading,
      description: note,
      location: place,
      url,
    },
  ];
  milestones.forEach((milestone, index) => {
    if (milestone.over <= now) return;
    events.push({
      uid: uid(heading, milestone.instant, index + 1),
      ...timing(milestone),
      summary: milestone.text,
      description: heading,
      url,
    });
  });
  return events;
}
