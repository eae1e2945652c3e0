import { css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { SamlengElement, cardStyles } from '@samleng/core';
import { api } from './api.js';
import { pager, searchForm, tableStyles } from './data-table.js';
import { formStyles } from './styles.js';

interface SubscriberPage {
  total: number;
  pending: number;
  byLanguage: { en: number; km: number; fr: number };
  rows: {
    email: string;
    language: string;
    partner: string | null;
    confirmedAt: string | null;
    createdAt: string;
  }[];
  pages: number;
}

const LANGUAGE_NAMES: Record<string, string> = { en: 'English', km: 'ខ្មែរ', fr: 'Français' };

/**
 * @summary The alerts' subscribers the session may see: how many per language, a page of them (searchable by
 * e-mail), the CSV download and erasure by e-mail. Personal data: the receiver scopes it to the partner.
 *
 * @tag samleng-console-subscribers
 * @csspart base - The card.
 */
export class SamlengConsoleSubscribers extends SamlengElement {
  static override styles = [
    ...SamlengElement.styles,
    cardStyles,
    formStyles,
    tableStyles,
    css`
      :host {
        display: grid;
        gap: var(--_space);
      }
      .totals {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em 1.5em;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .totals strong {
        font-size: 1.5em;
      }
      table {
        min-width: 32em;
      }
    `,
  ];

  @state() private data: SubscriberPage | undefined;
  @state() private page = 1;
  @state() private search = '';
  @state() private failed = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load(1);
  }

  private async load(page: number) {
    const query = new URLSearchParams({ page: String(page) });
    if (this.search) query.set('q', this.search);
    try {
      this.data = await api<SubscriberPage>(`/console/api/subscribers?${query}`);
      this.page = page;
      this.failed = false;
    } catch {
      this.failed = true;
    }
  }

  protected override render() {
    const data = this.data;
    const format = this.l10n.format;
    const total = format.number(data?.total ?? 0);
    const pending = format.number(data?.pending ?? 0);
    const page = format.number(this.page);
    const pages = format.number(data?.pages ?? 1);
    const heading = msg('Alert subscribers', { id: 'console.subscribers.heading' });
    return html`<section class="card" part="base" lang=${this.l10n.locale}>
        <div class="row spread">
          <h2 tabindex="-1">${heading}</h2>
          <a class="button secondary" href="/console/api/subscribers/export.csv" download
            >${msg('Download CSV', { id: 'console.csv' })}</a
          >
        </div>
        ${
          this.failed
            ? html`<p class="error" role="alert">
                ${msg('The receiver could not be reached. Try again.', { id: 'console.error.network' })}
              </p>`
            : nothing
        }
        <p>
          ${msg(str`${total} confirmed subscribers; ${pending} waiting for their confirmation.`, {
            id: 'console.subscribers.total',
          })}
        </p>
        <ul
          class="totals"
          aria-label=${msg('Subscribers by language', { id: 'console.subscribers.by-language' })}
        >
          ${(['km', 'en', 'fr'] as const).map(
            (lang) =>
              html`<li data-language=${lang}>
                <strong>${format.number(data?.byLanguage[lang] ?? 0)}</strong>
                <span lang=${lang}>${LANGUAGE_NAMES[lang]}</span>
              </li>`,
          )}
        </ul>
        ${searchForm(msg('Search by e-mail', { id: 'console.subscribers.search' }), this.search, (q) => {
          this.search = q;
          void this.load(1);
        })}
        <p aria-live="polite">${msg(str`Page ${page} of ${pages}`, { id: 'console.subscribers.page' })}</p>
        <div class="scroll" tabindex="0" role="region" aria-label=${heading}>
          <table>
            <thead>
              <tr>
                <th scope="col">${msg('E-mail', { id: 'console.table.email' })}</th>
                <th scope="col">${msg('Language', { id: 'console.language' })}</th>
                <th scope="col">${msg('Partner', { id: 'console.table.partner' })}</th>
                <th scope="col">${msg('Confirmed', { id: 'console.subscribers.confirmed' })}</th>
              </tr>
            </thead>
            <tbody>
              ${(data?.rows ?? []).map(
                (row) =>
                  html`<tr>
                    <td>${row.email}</td>
                    <td lang=${row.language}>${LANGUAGE_NAMES[row.language] ?? row.language}</td>
                    <td>${row.partner ?? ''}</td>
                    <td>
                      ${row.confirmedAt ? format.dateTime(new Date(row.confirmedAt), { style: 'medium' }) : ''}
                    </td>
                  </tr>`,
              )}
            </tbody>
          </table>
        </div>
        ${pager(this.page, data?.pages ?? 1, (next) => void this.load(next))}
      </section>
      <samleng-console-erase
        scope="subscribers"
        .theme=${this.theme}
        @samleng-console-erased=${() => this.load(this.page)}
      ></samleng-console-erase>`;
  }
}
