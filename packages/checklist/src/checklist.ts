import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { SamlengElement, cardStyles } from '@samleng/core';
import { checklistStyles } from './checklist.styles.js';

/**
 * @summary The community's action steps, ticked off and remembered.
 *
 * @tag samleng-checklist
 *
 * @slot - The steps, as the partner's own list (`<ol>` of `<li>`).
 *
 * @csspart base - The card around the whole widget.
 * @csspart heading - The heading.
 *
 * @cssprop [--samleng-checklist-accent=var(--samleng-color-accent)] - Color of the heading.
 */
export class SamlengChecklist extends SamlengElement {
  static override styles = [...SamlengElement.styles, cardStyles, checklistStyles];

  /** The heading of the card. */
  @property() heading: string | undefined;

  protected override render() {
    const heading = this.heading?.trim() || msg('Action steps', { id: 'checklist.default-heading' });
    return html`<section class="card" part="base" lang=${this.l10n.locale}>
      <h2 class="heading" part="heading">${heading}</h2>
      <slot></slot>
    </section>`;
  }
}
