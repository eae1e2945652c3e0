import { css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { SamlengElement, cardStyles } from '@samleng/core';
import type { CampaignStats, Tally } from './api.js';
import { formStyles } from './styles.js';

/**
 * @summary A campaign's numbers: the total (and those waiting for confirmation), by partner, by country,
 * and by day as a chart.
 *
 * @tag samleng-console-stats
 * @csspart base - The card.
 * @csspart total - The big number.
 */
export class SamlengConsoleStats extends SamlengElement {
  static override styles = [
    ...SamlengElement.styles,
    cardStyles,
    formStyles,
    css`
      .total {
        font-size: 2.5em;
        font-weight: bold !important;
        line-height: 1.2;
        margin: 0;
      }
      .tallies {
        display: grid;
        gap: var(--_space);
        grid-template-columns: repeat(auto-fit, minmax(14em, 1fr));
        margin-block: var(--_space);
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li {
        display: flex;
        justify-content: space-between;
        gap: 1em;
        border-bottom: 1px solid var(--_surface-alt);
        padding-block: 0.25em;
      }
    `,
  ];

  @property({ attribute: false }) stats: CampaignStats | undefined;

  private list(heading: string, tallies: readonly Tally[], empty: string, part: string) {
    return html`<section part=${part}>
      <h3>${heading}</h3>
      ${
        tallies.length === 0
          ? html`<p class="muted">${msg('None yet.', { id: 'console.stats.none' })}</p>`
          : html`<ul>
              ${tallies.map(
                (tally) =>
                  html`<li>
                    <span>${tally.key || empty}</span><span>${this.l10n.format.number(tally.count)}</span>
                  </li>`,
              )}
            </ul>`
      }
    </section>`;
  }

  protected override render() {
    const stats = this.stats;
    if (!stats) return nothing;
    const format = this.l10n.format;
    return html`<section class="card" part="base" lang=${this.l10n.locale}>
      <h2>${msg('Pledges', { id: 'console.stats.heading' })}</h2>
      <p class="total" part="total" data-count=${stats.confirmed}>${format.number(stats.confirmed)}</p>
      <p class="muted">${msg('confirmed pledges in this campaign', { id: 'console.stats.confirmed' })}</p>
      ${
        stats.pending > 0
          ? html`<p data-pending=${stats.pending}>
              ${format.number(stats.pending)}
              ${msg('waiting for their owner’s confirmation by e-mail (not counted yet)', { id: 'console.stats.pending' })}
            </p>`
          : nothing
      }
      <div class="tallies">
        ${this.list(
          msg('By partner', { id: 'console.stats.by-partner' }),
          stats.byPartner,
          msg('(no partner)', { id: 'console.stats.no-partner' }),
          'partners',
        )}
        ${this.list(
          msg('By country', { id: 'console.stats.by-country' }),
          stats.byCountry,
          msg('(not given)', { id: 'console.stats.no-country' }),
          'countries',
        )}
      </div>
      <h3>${msg('By day', { id: 'console.stats.by-day' })}</h3>
      <samleng-console-chart .days=${stats.byDay} .theme=${this.theme}></samleng-console-chart>
    </section>`;
  }
}
