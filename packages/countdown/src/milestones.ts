/**
 * The milestones a partner writes as child `<time datetime>` elements. The element reads them as data
 * (date and text) and draws its own timeline, so their text is only ever rendered as text.
 */
import { parseEventTime, type EventTime } from './parse-date.js';

export interface Milestone extends EventTime {
  /** The `datetime` attribute as written. */
  datetime: string;
  /** The element's text, whitespace collapsed. */
  text: string;
  /** When it counts as past: the end of its day for a date alone, else the instant. */
  over: Date;
}

/** Reads the host's child `<time>` elements; `bad` gets the `datetime` values that do not parse. */
export function readMilestones(host: Element, timeZone: string | undefined, bad: (datetime: string) => void) {
  const milestones: Milestone[] = [];
  for (const time of host.querySelectorAll(':scope > time')) {
    const datetime = time.getAttribute('datetime') ?? '';
    const parsed = parseEventTime(datetime, timeZone);
    const text = (time.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!parsed) {
      bad(datetime);
      continue;
    }
    const over = parsed.day ? new Date(parsed.instant.getTime() + 864e5) : parsed.instant;
    milestones.push({ ...parsed, datetime, text: text || datetime, over });
  }
  return milestones.sort((a, b) => a.instant.getTime() - b.instant.getTime());
}
