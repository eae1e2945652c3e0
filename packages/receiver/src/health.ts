// /healthz for a supervisor or a load balancer: unhealthy (503) while pledges cannot be written (another
// process holds SQLite's write lock, the last write gave up) or while the event loop lags, which is when
// answers are slow for everyone. It answered 200 through a 7 s lock before.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { IntervalHistogram } from 'node:perf_hooks';

/** The loop lagging more than this (ms) in the last few seconds counts as unhealthy. */
export const MAX_LOOP_LAG_MS = 1_000;
/** A timer's period (ms); it running this much late, or not at all, is a lag. */
const PROBE_MS = 100;
/** How long a lag is remembered (ms). */
const LAG_MEMORY_MS = 5_000;

export interface HealthSource {
  /** Whether a write could start now (SQLite: the write lock is free; PostgreSQL: the server answers). */
  canWrite(): Promise<boolean>;
  /** Whether the last write gave up. */
  writeFailing: boolean;
}

export type Health = { status: 'ok' } | { status: 'unavailable'; reasons: ('store' | 'event-loop')[] };

export class HealthMonitor {
  private readonly histogram: IntervalHistogram;
  private readonly timer: NodeJS.Timeout;
  private readonly probe: NodeJS.Timeout;
  /** When the probe last ran: a gap since then is a loop stuck right now, before the histogram hears of it. */
  private lastTick = Date.now();
  /** When the loop last lagged more than MAX_LOOP_LAG_MS. */
  private laggedAt = -Infinity;

  constructor(private readonly store: HealthSource) {
    this.histogram = monitorEventLoopDelay({ resolution: 20 });
    this.histogram.enable();
    // Read and reset every second; unref'd so it never keeps the process alive.
    this.timer = setInterval(() => this.sample(), 1_000);
    this.timer.unref();
    this.probe = setInterval(() => this.tick(), PROBE_MS);
    this.probe.unref();
  }

  private tick(): void {
    const now = Date.now();
    if (now - this.lastTick > PROBE_MS + MAX_LOOP_LAG_MS) this.laggedAt = now;
    this.lastTick = now;
  }

  private sample(): void {
    if (this.histogram.max / 1e6 > MAX_LOOP_LAG_MS) this.laggedAt = Date.now();
    this.histogram.reset();
  }

  async check(): Promise<Health> {
    this.sample();
    this.tick();
    const reasons: ('store' | 'event-loop')[] = [];
    if (this.store.writeFailing || !(await this.store.canWrite())) reasons.push('store');
    if (Date.now() - this.laggedAt < LAG_MEMORY_MS) reasons.push('event-loop');
    return reasons.length === 0 ? { status: 'ok' } : { status: 'unavailable', reasons };
  }

  close(): void {
    clearInterval(this.timer);
    clearInterval(this.probe);
    this.histogram.disable();
  }
}
