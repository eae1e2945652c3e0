/**
 * One clock for the whole page.
 *
 * A page may hold a hundred countdowns and "detained for" counters. They all share a single timer,
 * aligned to the next whole second, that runs only while some widget listens and the page is
 * visible. Every tick hands out the current time, so after a sleeping tab or a clock change the
 * value is right at the next tick: nothing counts down by decrementing.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How often a listener wants to hear the time. */
export type TickInterval = 'second' | 'minute';

type Listener = (now: Date) => void;

interface Subscription {
  listener: Listener;
  interval: TickInterval;
  lastMinute: number;
}

const subscriptions = new Set<Subscription>();
let timer: ReturnType<typeof setTimeout> | undefined;
/** The rhythm the pending timer was set for (1000 or 60 000 ms). */
let timerPeriod = 0;
let watchingVisibility = false;

const hidden = () => typeof document !== 'undefined' && document.visibilityState === 'hidden';

function schedule(): void {
  if (timer !== undefined || subscriptions.size === 0 || hidden()) return;
  const wantsSeconds = [...subscriptions].some((s) => s.interval === 'second');
  const now = Date.now();
  // Wake just after the boundary, so the displayed value has already changed.
  const period = wantsSeconds ? 1000 : 60_000;
  const delay = period - (now % period) + 5;
  timerPeriod = period;
  timer = setTimeout(tick, delay);
}

function tick(): void {
  timer = undefined;
  notify(false);
  schedule();
}

function notify(force: boolean): void {
  const now = new Date();
  const minute = Math.floor(now.getTime() / 60_000);
  for (const subscription of [...subscriptions]) {
    // A listener may have unsubscribed another one during this round.
    if (!subscriptions.has(subscription)) continue;
    if (!force && subscription.interval === 'minute' && subscription.lastMinute === minute) continue;
    subscription.lastMinute = minute;
    try {
      subscription.listener(now);
    } catch (error) {
      // One broken widget must neither starve the others nor stop the page clock: report the error
      // as uncaught (console, window.onerror) once this round is over.
      queueMicrotask(() => {
        throw error;
      });
    }
  }
}

function stop(): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
}

function onVisibilityChange(): void {
  if (hidden()) {
    stop();
  } else {
    // Back from the background: show the right time at once, then resume the rhythm.
    notify(true);
    schedule();
  }
}

/**
 * Calls `listener` with the current time every second or minute while the page is visible.
 * @returns a function that stops listening; the timer stops with the last listener.
 */
export function subscribeClock(listener: Listener, interval: TickInterval = 'second'): () => void {
  const subscription: Subscription = { listener, interval, lastMinute: Math.floor(Date.now() / 60_000) };
  subscriptions.add(subscription);
  if (!watchingVisibility && typeof document !== 'undefined') {
    document.addEventListener('visibilitychange', onVisibilityChange);
    watchingVisibility = true;
  }
  // One timer for everyone: it is set again only when a second listener joins a minute rhythm.
  if (interval === 'second' && timerPeriod !== 1000) stop();
  schedule();
  return () => {
    subscriptions.delete(subscription);
    if (subscriptions.size === 0) stop();
  };
}

/** How many listeners the page clock has, and whether its one timer is set (for tests and the bench). */
export function clockState(): { listeners: number; running: boolean } {
  return { listeners: subscriptions.size, running: timer !== undefined };
}

/**
 * A reactive controller: `now` is the current time, and the host re-renders on every tick while it
 * is connected and `active` is true.
 */
export class ClockController implements ReactiveController {
  now = new Date();
  #unsubscribe: (() => void) | undefined;
  #active = true;
  #connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private interval: TickInterval = 'second',
  ) {
    host.addController(this);
  }

  /** Whether the host needs ticks at all (e.g. false once a countdown is over). */
  set active(value: boolean) {
    if (value === this.#active) return;
    this.#active = value;
    // A disconnected host must not listen: nothing would ever unsubscribe it.
    if (value && this.#connected) this.#start();
    else this.#stop();
  }
  get active(): boolean {
    return this.#active;
  }

  /** Changes the rhythm, e.g. to minutes when only days are shown. */
  setInterval(interval: TickInterval): void {
    if (interval === this.interval) return;
    this.interval = interval;
    if (this.#unsubscribe) {
      this.#stop();
      this.#start();
    }
  }

  hostConnected(): void {
    this.#connected = true;
    this.now = new Date();
    if (this.#active) this.#start();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#stop();
  }

  #start(): void {
    if (this.#unsubscribe) return;
    // Resuming after a pause: the time shown next must be now, not when ticks stopped.
    this.now = new Date();
    this.#unsubscribe = subscribeClock((now) => {
      this.now = now;
      this.host.requestUpdate();
    }, this.interval);
  }

  #stop(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }
}
