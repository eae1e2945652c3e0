import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { SamlengElement, cardStyles } from '@samleng/core';
import { caseAlertStyles } from './case-alert.styles.js';

/**
 * @summary An urgent-action card for a political prisoner in Cambodia.
 *
 * @tag samleng-case-alert
 *
 * @slot - The case summary, as plain text readable before the script runs.
 *
 * @csspart base - The card around the whole widget.
 * @csspart heading - The heading.
 *
 * @cssprop [--samleng-case-alert-accent=var(--samleng-color-accent)] - Color of the heading.
 */
export class SamlengCaseAlert extends SamlengElement {
  static override styles = [...SamlengElement.styles, cardStyles, caseAlertStyles];

  /** The heading of the card. */
  @property() heading: string | undefined;

  protected override render() {
    const heading = this.heading?.trim() || msg('Urgent action', { id: 'case-alert.default-heading' });
    return html`<section class="card" part="base" lang=${this.l10n.locale}>
      <h2 class="heading" part="heading">${heading}</h2>
      <slot></slot>
    </section>`;
  }
}
