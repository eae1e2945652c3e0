/**
 * Reads the `date` attribute: an ISO 8601 date-time with an offset or `Z`, or a date alone, which
 * means midnight in the event's time zone (UTC when none is given).
 */
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

export function parseEventDate(value: string | undefined, timeZone?: string): Date | undefined {
  const text = value?.trim() ?? '';
  const dateOnly = DATE_ONLY.exec(text);
  if (dateOnly) {
    const [, y, m, d] = dateOnly.map(Number) as [number, number, number, number];
    const utc = Date.UTC(y, m - 1, d);
    const check = new Date(utc);
    if (check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return undefined;
    return new Date(utc - offsetAt(utc, timeZone));
  }
  if (!DATE_TIME.test(text)) return undefined;
  const parsed = new Date(text);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}

/** The zone's offset from UTC in milliseconds around the instant `utc` (0 for UTC or a bad zone). */
function offsetAt(utc: number, timeZone: string | undefined): number {
  if (!timeZone) return 0;
  try {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    }).formatToParts(new Date(utc));
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    const local = Date.UTC(
      get('year'),
      get('month') - 1,
      get('day'),
      get('hour'),
      get('minute'),
      get('second'),
    );
    return local - utc;
  } catch {
    return 0;
  }
}
