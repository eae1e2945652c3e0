import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import {
  ClockController,
  SamlengElement,
  buildCalendar,
  cardStyles,
  downloadCalendar,
  icsFileName,
  isTimeZone,
  renderConfigError,
  safeUrl,
  type ConfigProblem,
} from '@samleng/core';
import { countdownEvents } from './calendar.js';
import { countdownStyles } from './countdown.styles.js';
import { readMilestones, type Milestone } from './milestones.js';
import { parseEventTime, type EventTime } from './parse-date.js';
import { coarser, isPrecision, splitRemaining, type Precision, type RemainingPart } from './remaining.js';

type Phase = 'before' | 'during' | 'after';

/** Everything the attributes say, once checked. */
interface Schedule {
  start: EventTime;
  end: EventTime | undefined;
  /** When "happening now" ends: `end`, else the end of the day for a date alone, else the start. */
  over: Date;
  precision: Precision;
}

type Validation =
  { schedule: Schedule; problem?: undefined } | { schedule?: undefined; problem: ConfigProblem };
const problem = (p: ConfigProblem): Validation => ({ problem: p });

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

/**
 * @summary A countdown to Cambodia's UN Universal Periodic Review, with its milestones.
 *
 * @tag samleng-countdown
 *
 * @slot - Milestones as `<time datetime>` elements. They read as plain text before the script runs;
 * after, the widget draws them as a timeline (past ones marked, the next one highlighted) and no
 * longer shows the originals.
 *
 * @csspart base - The card around the whole widget.
 * @csspart heading - The heading.
 * @csspart badge - The "Estimated date" label.
 * @csspart when - The line that gives the event's date (and time, in the event's and the reader's zone).
 * @csspart digits - The row of numbers counting down (hidden from assistive technology).
 * @csspart unit - One number and its unit name in the row of numbers.
 * @csspart status - The text summary: time left, "happening now" or when it took place.
 * @csspart actions - The row holding the link and the calendar button.
 * @csspart link - The link to `href` ("More information", "See the outcome").
 * @csspart button - The "Add to calendar" button.
 * @csspart milestones - The list of milestones.
 * @csspart milestone - One milestone.
 * @csspart error - The message shown when an attribute is wrong.
 *
 * @cssprop [--samleng-countdown-accent=var(--samleng-color-accent)] - Heading, numbers and the "next" mark.
 * @cssprop [--samleng-countdown-digits-background=var(--samleng-color-surface-alt)] - Behind each number.
 * @cssprop [--samleng-countdown-digits-size=2em] - Font size of the numbers.
 *
 * @fires {CustomEvent<{ date: Date }>} samleng-countdown-end - Once, when the date is reached while the page is open.
 */
export class SamlengCountdown extends SamlengElement {
  static override styles = [...SamlengElement.styles, cardStyles, countdownStyles];

  /** The heading above the countdown; also the calendar entry's title. */
  @property() heading: string | undefined;

  /** When the event starts: an ISO 8601 date (`2029-05-01`) or date-time with offset (`2029-05-01T10:00+02:00`). */
  @property() date: string | undefined;

  /** When the event ends (same forms as `date`); until then the widget says it is happening now. */
  @property() end: string | undefined;

  /** The IANA time zone where the event is held, e.g. `Europe/Zurich`; a date alone is midnight there. */
  @property({ attribute: 'time-zone' }) timeZone: string | undefined;

  /** Where the event is held, e.g. `Geneva`: shown with the time and put in the calendar entry. */
  @property() place: string | undefined;

  /** The link to follow: a webcast or page before and during the event, the outcome after it. */
  @property() href: string | undefined;

  /** The smallest unit counted: `day`, `hour`, `minute` or `second` (default). */
  @property() precision: string | undefined;

  /** The date is an estimate: the widget says so and counts in days only. */
  @property({ type: Boolean, reflect: true }) estimated = false;

  @state() private milestones: Milestone[] = [];

  /** One shared page timer for every countdown (see core/clock.ts); off until there is a schedule. */
  readonly #clock = new ClockController(this, 'second');
  #schedule: Schedule | undefined;
  #phase: Phase | undefined;
  #endReached = false;
  /** The start to announce in `updated()`, once the "happening now" state is drawn. */
  #announceEnd: Date | undefined;
  #observer: MutationObserver | undefined;
  #motion: MediaQueryList | undefined;
  readonly #onMotion = () => this.requestUpdate();

  constructor() {
    super();
    // No timer until the first update has checked that there is something to count down to.
    this.#setTicking(false);
  }

  #setTicking(on: boolean): void {
    this.#clock.active = on;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Text or dates of the milestones may change after the script ran (a CMS preview, a framework).
    this.#observer ??= new MutationObserver(() => this.#readMilestones());
    this.#observer.observe(this, {
      childList: true,
      subtree: true,
      characterData: true,
      attributeFilter: ['datetime'],
    });
    this.#motion = globalThis.matchMedia?.(REDUCED_MOTION);
    this.#motion?.addEventListener('change', this.#onMotion);
    this.#readMilestones();
    // Decide again whether a timer is needed: the page time has moved on since the last render.
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer?.disconnect();
    this.#motion?.removeEventListener('change', this.#onMotion);
    this.#setTicking(false);
  }

  #readMilestones(): void {
    this.milestones = readMilestones(this, this.#zone, (datetime) =>
      this.warn(
        `milestone:${datetime}`,
        `a milestone's \`datetime\` must be an ISO date such as 2028-10-15 (got "${datetime}"); it is left out.`,
      ),
    );
  }

  /** The event's zone when it is a known one. */
  get #zone(): string | undefined {
    const zone = this.timeZone?.trim();
    return zone && isTimeZone(zone) ? zone : undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const inputs = ['date', 'end', 'timeZone', 'precision'] as const;
    const rescheduled = inputs.some((name) => changed.has(name));
    if (!this.hasUpdated || rescheduled) {
      this.#schedule = this.#validate().schedule;
      if (changed.has('timeZone')) this.#readMilestones();
      // A new date may be reached again; a date moved into the past by an edit is not "reached".
      this.#endReached = false;
    }
    const schedule = this.#schedule;
    if (!schedule) {
      this.#phase = undefined;
      this.#setTicking(false);
      return;
    }
    const now = Date.now();
    const before = now < schedule.start.instant.getTime();
    const phase: Phase = before ? 'before' : now < schedule.over.getTime() ? 'during' : 'after';
    // Only a change seen while the page is open counts as "reached", not a page opened afterwards.
    if (this.#phase === 'before' && phase !== 'before' && !this.#endReached && !rescheduled) {
      this.#endReached = true;
      this.#announceEnd = schedule.start.instant;
    }
    this.#phase = phase;
    this.#clock.setInterval(this.#effectivePrecision(schedule) === 'second' ? 'second' : 'minute');
    // Nothing changes any more once the event is over: no timer at all.
    this.#setTicking(phase !== 'after' && this.isConnected);
  }

  protected override updated(): void {
    const date = this.#announceEnd;
    if (!date) return;
    this.#announceEnd = undefined;
    this.emit('samleng-countdown-end', { date });
  }

  /** Seconds are left out when the date is an estimate or the reader asked for less motion. */
  #effectivePrecision(schedule: Schedule): Precision {
    if (this.estimated) return 'day';
    return this.#motion?.matches ? coarser(schedule.precision, 'minute') : schedule.precision;
  }

  /**
   * Checks the attributes: a schedule, or the first problem. Called again when rendering an error, so
   * the message follows the language.
   */
  #validate(): Validation {
    const zone = this.timeZone?.trim();
    if (zone && !isTimeZone(zone)) {
      return problem({
        attribute: 'time-zone',
        message: msg(str`The time zone "${zone}" is unknown. Use an IANA name such as Europe/Zurich.`, {
          id: 'countdown.error.time-zone',
        }),
        warning: `\`time-zone\` must be an IANA time zone such as Europe/Zurich (got "${zone}").`,
      });
    }
    const start = parseEventTime(this.date, zone);
    if (!start) {
      const value = this.date ?? '';
      return problem({
        attribute: 'date',
        message: msg(str`The date "${value}" could not be read. Use an ISO date such as 2029-05-01.`, {
          id: 'countdown.error.date',
        }),
        warning: `\`date\` must be an ISO date such as 2029-05-01 (got "${value}").`,
      });
    }
    const end = this.end === undefined || this.end === null ? undefined : parseEventTime(this.end, zone);
    if ((this.end !== undefined && this.end !== null && !end) || (end && end.instant <= start.instant)) {
      const value = this.end ?? '';
      return problem({
        attribute: 'end',
        message: msg(str`The end "${value}" must be an ISO date after the start date, such as 2029-05-03.`, {
          id: 'countdown.error.end',
        }),
        warning: `\`end\` must be an ISO date after \`date\` (got "${value}" for a date of "${this.date}").`,
      });
    }
    const precision = this.precision ?? 'second';
    if (!isPrecision(precision)) {
      const value = String(precision);
      return problem({
        attribute: 'precision',
        message: msg(str`The precision "${value}" is not valid. Use day, hour, minute or second.`, {
          id: 'countdown.error.precision',
        }),
        warning: `\`precision\` must be day, hour, minute or second (got "${value}").`,
      });
    }
    const over = end?.instant ?? new Date(start.instant.getTime() + (start.day ? 864e5 : 0));
    return { schedule: { start, end, over, precision } };
  }

  get #heading(): string {
    return this.heading?.trim() || msg('Countdown', { id: 'countdown.default-heading' });
  }

  protected override render() {
    const schedule = this.#schedule;
    const phase = this.#phase;
    if (!schedule || !phase) {
      const { problem } = this.#validate();
      return problem ? renderConfigError(this, problem) : nothing;
    }
    const now = new Date();
    const href = safeUrl(this.href, { host: this, field: 'href' });
    return html`<section class="card" part="base" lang=${this.l10n.locale}>
      <h2 class="heading" part="heading">${this.#heading}</h2>
      ${
        this.estimated
          ? html`<p class="badge" part="badge">${msg('Estimated date', { id: 'countdown.estimated' })}</p>`
          : nothing
      }
      <p class="when" part="when">${this.#when(schedule.start)}</p>
      ${phase === 'before' ? this.#digits(schedule, now) : nothing}
      <p
        class="status ${phase === 'before' ? 'sr-only' : ''}"
        part="status"
        aria-live="polite"
        aria-atomic="true"
      >
        ${this.#status(schedule, phase, now)}
      </p>
      ${this.#actions(phase, href)} ${this.#timeline(now)}
    </section>`;
  }

  /** "1 May 2029 in Geneva", or the time in the event's zone and the reader's when they differ. */
  #when(time: EventTime): string {
    const format = this.l10n.format;
    const zone = this.#zone;
    const place = this.place?.trim();
    if (time.day) {
      const date = format.date(time.instant, { timeZone: zone });
      return this.#atPlace(date, place);
    }
    const eventTime = format.dateTime(time.instant, { timeZone: zone });
    const ownTime = format.dateTime(time.instant);
    if (!zone || eventTime === ownTime) {
      return this.#atPlace(eventTime, place);
    }
    const sameDay = format.date(time.instant, { timeZone: zone }) === format.date(time.instant);
    const readerTime = sameDay ? format.time(time.instant) : ownTime;
    return place
      ? msg(str`${eventTime} in ${place} (${readerTime} your time)`, { id: 'countdown.when.zones-place' })
      : msg(str`${eventTime} event time (${readerTime} your time)`, { id: 'countdown.when.zones' });
  }

  #atPlace(date: string, place: string | undefined): string {
    return place ? msg(str`${date} in ${place}`, { id: 'countdown.when.place' }) : date;
  }

  #remaining(schedule: Schedule, now: Date, precision: Precision): RemainingPart[] {
    const parts = splitRemaining(schedule.start.instant.getTime() - now.getTime(), precision);
    // Leading zero units say nothing ("0 days, 5 hours"); the last one always stays.
    const first = parts.findIndex((part) => part.value > 0);
    return first < 0 ? parts.slice(-1) : parts.slice(first);
  }

  /** The big numbers: visual only, since they change every second. */
  #digits(schedule: Schedule, now: Date): TemplateResult {
    const parts = this.#remaining(schedule, now, this.#effectivePrecision(schedule));
    return html`<ol class="digits" part="digits" aria-hidden="true">
      ${parts.map(
        ({ unit, value }) =>
          html`<li class="unit" part="unit">
            <span class="value">${this.l10n.format.number(value)}</span>
            <span class="label">${this.#unitName(unit, value)}</span>
          </li>`,
      )}
    </ol>`;
  }

  #unitName(unit: Precision, value: number): string {
    const one = this.l10n.format.plural(value) === 'one';
    switch (unit) {
      case 'day':
        return one ? msg('day', { id: 'countdown.unit.day.one' }) : msg('days', { id: 'countdown.unit.day' });
      case 'hour':
        return one
          ? msg('hour', { id: 'countdown.unit.hour.one' })
          : msg('hours', { id: 'countdown.unit.hour' });
      case 'minute':
        return one
          ? msg('minute', { id: 'countdown.unit.minute.one' })
          : msg('minutes', { id: 'countdown.unit.minute' });
      case 'second':
        return one
          ? msg('second', { id: 'countdown.unit.second.one' })
          : msg('seconds', { id: 'countdown.unit.second' });
    }
  }

  /**
   * What assistive technology reads: at most minutes, so the polite live region changes at most once
   * a minute, and only days for an estimate.
   */
  #status(schedule: Schedule, phase: Phase, now: Date): string {
    const format = this.l10n.format;
    if (phase === 'during') return msg('Happening now', { id: 'countdown.now' });
    if (phase === 'after') {
      const ago = format.relativeTo(schedule.start.instant, now);
      const date = format.date(schedule.start.instant, { timeZone: this.#zone });
      return msg(str`Took place ${ago}, on ${date}.`, { id: 'countdown.took-place' });
    }
    const precision = this.estimated ? 'day' : coarser(schedule.precision, 'minute');
    const parts = this.#remaining(schedule, now, precision);
    const duration = format.duration(Object.fromEntries(parts.map((p) => [`${p.unit}s`, p.value])));
    return this.estimated
      ? msg(str`About ${duration} to go. The date is an estimate.`, { id: 'countdown.left.estimated' })
      : msg(str`${duration} to go.`, { id: 'countdown.left' });
  }

  #actions(phase: Phase, href: string | undefined) {
    if (!href && phase !== 'before') return nothing;
    return html`<div class="actions" part="actions">
      ${
        href
          ? html`<a part="link" href=${href}
              >${
                phase === 'after'
                  ? msg('See the outcome', { id: 'countdown.outcome' })
                  : msg('More information', { id: 'countdown.more' })
              }</a
            >`
          : nothing
      }
      ${
        phase === 'before'
          ? html`<button type="button" part="button" @click=${this.#addToCalendar}>
              ${msg('Add to calendar', { id: 'countdown.add-to-calendar' })}
            </button>`
          : nothing
      }
    </div>`;
  }

  /** The `.ics` text the calendar button downloads. */
  calendar(now: Date = new Date()): string {
    const schedule = this.#schedule;
    if (!schedule) return '';
    const events = countdownEvents(
      {
        heading: this.#heading,
        start: schedule.start,
        end: schedule.end,
        place: this.place?.trim() || undefined,
        url: safeUrl(this.href),
        note: this.estimated
          ? msg('The date is an estimate.', { id: 'countdown.calendar.estimated' })
          : undefined,
        milestones: this.milestones,
      },
      now,
    );
    return buildCalendar(events, now);
  }

  #addToCalendar(): void {
    downloadCalendar(icsFileName(this.#heading), this.calendar());
  }

  #timeline(now: Date) {
    const milestones = this.milestones;
    if (!milestones.length) return nothing;
    const next = milestones.find((m) => m.over > now);
    return html`<h3 class="milestones-heading">${msg('Milestones', { id: 'countdown.milestones' })}</h3>
      <ol class="milestones" part="milestones">
        ${milestones.map((m) => {
          const past = m.over <= now;
          const isNext = m === next;
          return html`<li
            class="milestone ${past ? 'past' : ''} ${isNext ? 'next' : ''}"
            part="milestone"
            aria-current=${ifDefined(isNext ? 'step' : undefined)}
          >
            <span class="mark" aria-hidden="true"></span>
            <span class="milestone-text">${m.text}</span>
            <time datetime=${m.datetime}>${this.#when(m)}</time>
            ${past ? html`<span class="tag">${msg('Past', { id: 'countdown.milestone.past' })}</span>` : nothing}
            ${isNext ? html`<span class="tag next-tag">${msg('Next', { id: 'countdown.milestone.next' })}</span>` : nothing}
          </li>`;
        })}
      </ol>`;
  }
}
