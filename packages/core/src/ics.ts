/**
 * iCalendar (RFC 5545) files for "add to calendar": one VCALENDAR with a VEVENT per date, built as
 * text and handed to the reader as a download, so no calendar service sees the reader.
 */

export interface CalendarEvent {
  /** Stable id: the same event downloaded twice updates rather than duplicates it in calendars. */
  uid: string;
  start: Date;
  /** Defaults to the start (a point in time) or the next day (all-day). */
  end?: Date;
  /** A date without a time of day: written as VALUE=DATE in the event's own calendar day. */
  allDay?: boolean;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
}

const CRLF = '\r\n';

/** Escapes a TEXT value (RFC 5545 §3.3.11) and drops control characters that have no place in it. */
function text(value: string): string {
  return value
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/\p{Cc}/gu, '');
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** UTC date-time form: 20290501T080000Z. */
export function icsDateTime(date: Date): string {
  return `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`;
}

/** DATE form of the UTC calendar day of `date`: 20290501. */
function icsDate(date: Date): string {
  return `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}`;
}

/** Folds a content line at 75 octets without splitting a UTF-8 character (RFC 5545 §3.1). */
export function fold(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (size + bytes > limit) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += bytes;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** The whole calendar file, CRLF line endings included. */
export function buildCalendar(events: readonly CalendarEvent[], now: Date = new Date()): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Samleng//Samleng widgets//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ];
  for (const event of events) {
    lines.push('BEGIN:VEVENT', `UID:${text(event.uid)}`, `DTSTAMP:${icsDateTime(now)}`);
    if (event.allDay) {
      const end = event.end ?? new Date(event.start.getTime() + 86_400_000);
      lines.push(`DTSTART;VALUE=DATE:${icsDate(event.start)}`, `DTEND;VALUE=DATE:${icsDate(end)}`);
    } else {
      lines.push(`DTSTART:${icsDateTime(event.start)}`);
      if (event.end) lines.push(`DTEND:${icsDateTime(event.end)}`);
    }
    lines.push(`SUMMARY:${text(event.summary)}`);
    if (event.description) lines.push(`DESCRIPTION:${text(event.description)}`);
    if (event.location) lines.push(`LOCATION:${text(event.location)}`);
    // A URI value is not escaped, but a line break in it would end the property early.
    if (event.url) lines.push(`URL:${event.url.replace(/[\r\n]/g, '')}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join(CRLF) + CRLF;
}

/** A file name safe on every system, from any heading: "upr-review.ics". */
export function icsFileName(title: string): string {
  const slug = title
    .normalize('NFKD')
    // Accents split off by NFKD go, so "Détention" gives "detention" rather than "de-tention".
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60)
    // Trimmed after the cut, which may end on a hyphen.
    .replace(/^-+|-+$/g, '');
  return `${slug || 'event'}.ics`;
}

/** Hands the calendar to the reader as a download. */
export function downloadCalendar(fileName: string, calendar: string): void {
  const url = URL.createObjectURL(new Blob([calendar], { type: 'text/calendar;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the blob after click() returns: free it a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
