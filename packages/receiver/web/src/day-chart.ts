import { css, html, svg } from 'lit';
import { property } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { SamlengElement } from '@samleng/core';
import type { Tally } from './api.js';
import { formStyles } from './styles.js';

/** Days shown at most: the last ones, so a long campaign's chart stays readable on a phone. */
export const MAX_DAYS = 90;

/** Every day from the first to the last with pledges (UTC), days without any as 0; the last MAX_DAYS. */
export function fillDays(days: readonly Tally[]): Tally[] {
  if (days.length === 0) return [];
  const counts = new Map(days.map((day) => [day.key, day.count]));
  const first = Date.parse(`${days[0].key}T00:00:00Z`);
  const last = Date.parse(`${days[days.length - 1].key}T00:00:00Z`);
  const out: Tally[] = [];
  for (let t = Math.max(first, last - (MAX_DAYS - 1) * 86_400_000); t <= last; t += 86_400_000) {
    const key = new Date(t).toISOString().slice(0, 10);
    out.push({ key, count: counts.get(key) ?? 0 });
  }
  return out;
}

/**
 * @summary Pledges per day as bars (SVG drawn here: a chart library would weigh more than this whole
 * console), with the same numbers as a table for screen readers.
 *
 * @tag samleng-console-chart
 * @csspart chart - The SVG.
 */
export class SamlengConsoleChart extends SamlengElement {
  static override styles = [
    ...SamlengElement.styles,
    formStyles,
    css`
      svg {
        width: 100%;
        height: 160px;
        display: block;
      }
      .bar {
        fill: var(--_accent);
      }
      .axis {
        stroke: var(--_border);
      }
      .labels {
        display: flex;
        justify-content: space-between;
        font-size: 0.875em;
      }
    `,
  ];

  /** Pledges per UTC day (`YYYY-MM-DD`), oldest first. */
  @property({ attribute: false }) days: Tally[] = [];

  protected override render() {
    const days = fillDays(this.days);
    const format = this.l10n.format;
    if (days.length === 0)
      return html`<p class="muted">${msg('No pledges yet.', { id: 'console.chart.none' })}</p>`;
    const max = Math.max(...days.map((day) => day.count), 1);
    // At least 30 slots wide: a campaign's first days are thin bars, not one block.
    const width = Math.max(days.length, 30) * 10;
    const date = (key: string) =>
      format.date(new Date(`${key}T12:00:00Z`), { style: 'medium', timeZone: 'UTC' });
    const firstDay = date(days[0].key);
    const lastDay = date(days[days.length - 1].key);
    const top = format.number(max);
    const label = msg(str`Pledges per day from ${firstDay} to ${lastDay}; at most ${top} in a day.`, {
      id: 'console.chart.label',
    });
    return html`<svg
        part="chart"
        role="img"
        aria-label=${label}
        viewBox="0 0 ${width} 100"
        preserveAspectRatio="none"
      >
        ${days.map((day, index) => {
          const height = (day.count / max) * 96;
          return svg`<rect class="bar" data-day=${day.key} data-count=${day.count}
            x=${index * 10 + 1} y=${100 - height} width="8" height=${height}><title>${date(day.key)}: ${format.number(day.count)}</title></rect>`;
        })}
        <line class="axis" x1="0" y1="100" x2=${width} y2="100" vector-effect="non-scaling-stroke"></line>
      </svg>
      <div class="labels muted" aria-hidden="true"><span>${firstDay}</span><span>${lastDay}</span></div>
      <p class="muted" aria-hidden="true">${msg(str`Most in a day: ${top}`, { id: 'console.chart.max' })}</p>
      <table class="visually-hidden">
        <caption>
          ${msg('Pledges per day', { id: 'console.chart.caption' })}
        </caption>
        <tbody>
          ${days
            .filter((day) => day.count > 0)
            .map(
              (day) =>
                html`<tr>
                  <th scope="row">${date(day.key)}</th>
                  <td>${format.number(day.count)}</td>
                </tr>`,
            )}
        </tbody>
      </table>`;
  }
}
