/** The "add the deadlines to my calendar" file: one all-day VEVENT per dated step. */
import { buildCalendar, icsFileName, pickText, type CalendarEvent, type Locale } from '@samleng/core';
import type { Step } from './step.js';

export function stepsCalendar(
  steps: readonly Step[],
  options: { heading: string; storageItem: string; locale: Locale; now?: Date },
): { fileName: string; text: string } {
  const events: CalendarEvent[] = [];
  for (const step of steps) {
    if (!step.due) continue;
    const summary = pickText(step.title, options.locale);
    const details = pickText(step.details, options.locale);
    events.push({
      // The same step downloaded twice updates the event instead of adding a second one.
      uid: `${step.id}.${options.storageItem}@samleng`.replace(/\s+/g, '-'),
      start: step.due,
      allDay: true,
      summary,
      description: [options.heading, details].filter(Boolean).join('\n\n'),
      url: step.href,
    });
  }
  return { fileName: icsFileName(options.heading), text: buildCalendar(events, options.now) };
}
