import { html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { SamlengElement, cardStyles, renderConfigError } from '@samleng/core';
import { countdownStyles } from './countdown.styles.js';
import { parseEventDate } from './parse-date.js';

/**
 * @summary A countdown to Cambodia's UN Universal Periodic Review, with its milestones.
 *
 * @tag samleng-countdown
 *
 * @slot - Milestones as `<time datetime>` elements; they read as plain text before the script runs.
 *
 * @csspart base - The card around the whole widget.
 * @csspart heading - The heading.
 * @csspart when - The line that gives the event's date.
 * @csspart error - The message shown when an attribute is wrong.
 *
 * @cssprop [--samleng-countdown-accent=var(--samleng-color-accent)] - Color of the heading.
 */
export class SamlengCountdown extends SamlengElement {
  static override styles = [...SamlengElement.styles, cardStyles, countdownStyles];

  /** The heading above the countdown. */
  @property() heading: string | undefined;

  /** When the event starts: an ISO 8601 date (`2029-05-01`) or date-time with offset (`2029-05-01T10:00+02:00`). */
  @property() date: string | undefined;

  /** The IANA time zone where the event is held, e.g. `Europe/Zurich`; a date alone is midnight there. */
  @property({ attribute: 'time-zone' }) timeZone: string | undefined;

  #when: Date | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('date') || changed.has('timeZone')) {
      this.#when = parseEventDate(this.date, this.timeZone);
    }
  }

  protected override render() {
    const heading = this.heading?.trim() || msg('Countdown', { id: 'countdown.default-heading' });
    const when = this.#when;
    if (!when) {
      const value = this.date ?? '';
      return renderConfigError(this, {
        attribute: 'date',
        message: msg(str`The date "${value}" could not be read. Use an ISO date such as 2029-05-01.`, {
          id: 'countdown.error.date',
        }),
        warning: `\`date\` must be an ISO date such as 2029-05-01 (got "${value}").`,
      });
    }
    const date = this.l10n.format.date(when, { style: 'long', timeZone: this.timeZone });
    return html`<section class="card" part="base" lang=${this.l10n.locale}>
      <h2 class="heading" part="heading">${heading}</h2>
      <p class="when" part="when">${msg(str`Scheduled for ${date}`, { id: 'countdown.scheduled-for' })}</p>
      <slot></slot>
    </section>`;
  }
}
