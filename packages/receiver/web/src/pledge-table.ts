import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { SamlengElement, cardStyles } from '@samleng/core';
import { api } from './api.js';
import type { PledgePage } from './api.js';
import { pager, searchForm, tableStyles } from './data-table.js';
import { formStyles } from './styles.js';

/**
 * @summary A campaign's pledges, newest first, 25 a page, searchable by name or e-mail, with the consent
 * text each person agreed to and when.
 *
 * @tag samleng-console-table
 * @csspart base - The card.
 * @csspart table - The table (scrolls sideways on a narrow screen).
 */
export class SamlengConsoleTable extends SamlengElement {
  static override styles = [
    ...SamlengElement.styles,
    cardStyles,
    formStyles,
    tableStyles,
    css`
      table {
        min-width: 48em;
      }
      .consent {
        max-width: 20em;
        font-size: 0.875em;
      }
    `,
  ];

  /** The campaign shown. */
  @property() campaign = '';
  /** Whether to show the partner column (not for a partner, who sees only its own). */
  @property({ type: Boolean, attribute: 'show-partner' }) showPartner = false;

  /** The page shown; loaded from the receiver whenever `campaign` changes (a story sets it directly). */
  @property({ attribute: false }) data: PledgePage | undefined;
  @state() private search = '';
  @state() private failed = false;

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('campaign')) void this.load(0);
  }

  /** Reloads the current page (after an erasure). */
  refresh(): Promise<void> {
    return this.load(this.data?.page ?? 0);
  }

  private async load(page: number) {
    if (!this.campaign) return;
    const query = new URLSearchParams({ campaign: this.campaign, page: String(page) });
    if (this.search) query.set('q', this.search);
    try {
      this.data = await api<PledgePage>(`/console/api/pledges?${query}`);
      this.failed = false;
    } catch {
      this.failed = true;
    }
  }

  private find(q: string) {
    this.search = q;
    void this.load(0);
  }

  protected override render() {
    const data = this.data;
    const format = this.l10n.format;
    const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
    const page = format.number((data?.page ?? 0) + 1);
    const of = format.number(pages);
    const total = format.number(data?.total ?? 0);
    return html`<section class="card" part="base" lang=${this.l10n.locale}>
      <h2>${msg('Recent pledges', { id: 'console.table.heading' })}</h2>
      ${searchForm(msg('Search by name or e-mail', { id: 'console.table.search' }), this.search, (q) => this.find(q))}
      ${
        this.failed
          ? html`<p class="error" role="alert">
              ${msg('The receiver could not be reached. Try again.', { id: 'console.error.network' })}
            </p>`
          : nothing
      }
      <p aria-live="polite">
        ${msg(str`${total} pledges · page ${page} of ${of}`, { id: 'console.table.summary' })}
      </p>
      <div
        class="scroll"
        tabindex="0"
        role="region"
        aria-label=${msg('Recent pledges', { id: 'console.table.heading' })}
      >
        <table part="table">
          <thead>
            <tr>
              <th scope="col">${msg('Name', { id: 'console.table.name' })}</th>
              <th scope="col">${msg('E-mail', { id: 'console.table.email' })}</th>
              ${this.showPartner ? html`<th scope="col">${msg('Partner', { id: 'console.table.partner' })}</th>` : nothing}
              <th scope="col">${msg('Country', { id: 'console.table.country' })}</th>
              <th scope="col">${msg('Signed', { id: 'console.table.signed' })}</th>
              <th scope="col">${msg('Consent text', { id: 'console.table.consent' })}</th>
            </tr>
          </thead>
          <tbody>
            ${(data?.rows ?? []).map(
              (row) =>
                html`<tr data-id=${row.id}>
                  <td>${row.name}</td>
                  <td>${row.email}</td>
                  ${this.showPartner ? html`<td>${row.partner}</td>` : nothing}
                  <td>${row.country ?? ''}</td>
                  <td>${format.dateTime(new Date(row.consent_at), { style: 'medium' })}</td>
                  <td class="consent">${row.consent_text}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${pager((data?.page ?? 0) + 1, pages, (next) => void this.load(next - 1))}
    </section>`;
  }
}
