// /healthz for a supervisor or a load balancer: unhealthy (503) while pledges cannot be written (another
// process holds SQLite's write lock, the last write gave up) or while the event loop lags, which is when
// answers are slow for everyone. It answered 200 through a 7 s lock before.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { IntervalHistogram } from 'node:perf_hooks';

/** The loop lagging more than this (ms) in the last few seconds counts as unhealthy. */
export const MAX_LOOP_LAG_MS = 500;
/** How long a lag is remembered (ms). */
const LAG_MEMORY_MS = 5_000;

export interface HealthSource {
  /** Whether the write lock can be taken now (without waiting). */
  canWrite(): boolean;
  /** Whether the last write gave up. */
  writeFailing: boolean;
}

export type Health = { status: 'ok' } | { status: 'unavailable'; reasons: ('store' | 'event-loop')[] };

export class HealthMonitor {
  private readonly histogram: IntervalHistogram;
  private readonly timer: NodeJS.Timeout;
  /** When the loop last lagged more than MAX_LOOP_LAG_MS. */
  private laggedAt = -Infinity;

  constructor(private readonly store: HealthSource) {
    this.histogram = monitorEventLoopDelay({ resolution: 20 });
    this.histogram.enable();
    // Read and reset every second; unref'd so it never keeps the process alive.
    this.timer = setInterval(() => this.sample(), 1_000);
    this.timer.unref();
  }

  private sample(): void {
    if (this.histogram.max / 1e6 > MAX_LOOP_LAG_MS) this.laggedAt = Date.now();
    this.histogram.reset();
  }

  check(): Health {
    this.sample();
    const reasons: ('store' | 'event-loop')[] = [];
    if (this.store.writeFailing || !this.store.canWrite()) reasons.push('store');
    if (Date.now() - this.laggedAt < LAG_MEMORY_MS) reasons.push('event-loop');
    return reasons.length === 0 ? { status: 'ok' } : { status: 'unavailable', reasons };
  }

  close(): void {
    clearInterval(this.timer);
    this.histogram.disable();
  }
}
