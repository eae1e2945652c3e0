import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { SamlengElement, cardStyles } from '@samleng/core';
import { pledgeStyles } from './pledge.styles.js';

/**
 * @summary A pledge form whose every signature reaches the campaign, with a live count.
 *
 * @tag samleng-pledge
 *
 * @slot - The pledge statement, readable before the script runs.
 *
 * @csspart base - The card around the whole widget.
 * @csspart heading - The heading.
 *
 * @cssprop [--samleng-pledge-accent=var(--samleng-color-accent)] - Color of the heading.
 */
export class SamlengPledge extends SamlengElement {
  static override styles = [...SamlengElement.styles, cardStyles, pledgeStyles];

  /** The heading of the card. */
  @property() heading: string | undefined;

  protected override render() {
    const heading = this.heading?.trim() || msg('Take the pledge', { id: 'pledge.default-heading' });
    return html`<section class="card" part="base" lang=${this.l10n.locale}>
      <h2 class="heading" part="heading">${heading}</h2>
      <slot></slot>
    </section>`;
  }
}
