/**
 * Splits the time left into the units a countdown shows, down to its precision. The smallest unit is
 * rounded up, as countdowns do: with 2 days and 3 hours left a day-precision countdown says 3 days,
 * and it never says 0 before the moment has come.
 */
export type Precision = 'day' | 'hour' | 'minute' | 'second';

export const PRECISIONS: readonly Precision[] = ['day', 'hour', 'minute', 'second'];

const UNIT_MS: Record<Precision, number> = { day: 864e5, hour: 36e5, minute: 6e4, second: 1e3 };

export interface RemainingPart {
  unit: Precision;
  value: number;
}

export function isPrecision(value: unknown): value is Precision {
  return (PRECISIONS as readonly unknown[]).includes(value);
}

/** The coarser of two precisions. */
export function coarser(a: Precision, b: Precision): Precision {
  return PRECISIONS.indexOf(a) < PRECISIONS.indexOf(b) ? a : b;
}

/** `ms` (> 0) as days, hours, minutes, seconds down to `precision`, largest first, zeros kept. */
export function splitRemaining(ms: number, precision: Precision): RemainingPart[] {
  const step = UNIT_MS[precision];
  let rest = Math.ceil(Math.max(0, ms) / step) * step;
  const parts: RemainingPart[] = [];
  for (const unit of PRECISIONS) {
    const value = Math.floor(rest / UNIT_MS[unit]);
    rest -= value * UNIT_MS[unit];
    parts.push({ unit, value });
    if (unit === precision) break;
  }
  return parts;
}
