import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { SamlengElement, cardStyles } from '@samleng/core';
import { api } from './api.js';
import { fieldLabel } from './case-fields.js';
import { statusText } from './case-editor.js';
import { textsOf } from './case-model.js';
import { caseListStyles, caseStyles } from './case-styles.js';
import { formStyles } from './styles.js';

interface CaseSummary {
  id: string;
  name: unknown;
  status: unknown;
  published: boolean;
  needsAction: boolean;
  revision: number;
  updatedAt: string | null;
  publishedAt: string | null;
}

/**
 * @summary The cases: each with its state (draft, published, needs action) and its last change; opens one in
 * the editor, or a new one. The published ones are the feed at /feeds/cases.json.
 *
 * @tag samleng-console-cases
 * @csspart base - The card.
 */
export class SamlengConsoleCases extends SamlengElement {
  static override styles = [...SamlengElement.styles, cardStyles, formStyles, caseStyles, caseListStyles];

  /** A partner's session: cases are read, not written. */
  @property({ type: Boolean, attribute: 'read-only' }) readOnly = false;

  @state() private cases: CaseSummary[] | undefined;
  /** The case open in the editor: its id, '' for a new one, undefined for the list. */
  @state() private editing: string | undefined;
  @state() private failed = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    try {
      this.cases = (await api<{ cases: CaseSummary[] }>('/console/api/cases')).cases;
      this.failed = false;
    } catch {
      this.failed = true;
    }
  }

  private async open(id: string | undefined) {
    const from = this.editing;
    this.editing = id;
    if (id === undefined) await this.load();
    await this.updateComplete;
    if (id !== undefined) {
      const editor = this.renderRoot.querySelector('samleng-console-case-editor');
      await editor?.updateComplete;
      editor?.shadowRoot?.querySelector<HTMLElement>('h2')?.focus();
    } else {
      this.renderRoot
        .querySelector<HTMLElement>(from ? `[data-id="${CSS.escape(from)}"] button` : 'h2')
        ?.focus();
    }
  }

  protected override render() {
    if (this.editing !== undefined) {
      return html`<samleng-console-case-editor
        case-id=${this.editing}
        ?read-only=${this.readOnly}
        .theme=${this.theme}
        @samleng-console-case-closed=${() => this.open(undefined)}
      ></samleng-console-case-editor>`;
    }
    const format = this.l10n.format;
    const cases = this.cases ?? [];
    const lang = this.l10n.locale as 'en' | 'km' | 'fr';
    return html`<section class="card" part="base" lang=${this.l10n.locale}>
      <div class="row spread">
        <h2 tabindex="-1">${msg('Cases', { id: 'console.cases.heading' })}</h2>
        ${
          this.readOnly
            ? nothing
            : html`<button data-action="new-case" @click=${() => this.open('')}>
                ${msg('Write a new case', { id: 'console.cases.new' })}
              </button>`
        }
      </div>
      <p class="muted">
        ${msg(
          'Published cases appear on partners’ pages through the feed at /feeds/cases.json, within a minute.',
          {
            id: 'console.cases.help',
          },
        )}
      </p>
      ${
        this.failed
          ? html`<p class="error" role="alert">
              ${msg('The receiver could not be reached. Try again.', { id: 'console.error.network' })}
            </p>`
          : nothing
      }
      ${
        this.cases && cases.length === 0
          ? html`<p>${msg('No case yet.', { id: 'console.cases.none' })}</p>`
          : html`<ul class="cases">
              ${cases.map((item) => {
                const names = textsOf(item.name);
                const name = names[lang] || names.en || names.km || names.fr || item.id;
                const changed = item.updatedAt
                  ? format.dateTime(new Date(item.updatedAt), { style: 'medium' })
                  : '';
                return html`<li data-id=${item.id}>
                  <div>
                    <strong>${name}</strong> · ${statusText(String(item.status))}
                    <p>
                      <span class="badge ${item.published ? 'on' : ''}"
                        >${item.published ? fieldLabel('published') : msg('Draft', { id: 'console.cases.draft' })}</span
                      >
                      ${item.needsAction ? html`<span class="badge urgent">${fieldLabel('needsAction')}</span>` : nothing}
                      ${changed ? html`<span class="muted">${msg(str`Last change: ${changed}`, { id: 'console.cases.changed' })}</span>` : nothing}
                    </p>
                  </div>
                  <button
                    class="secondary"
                    @click=${() => this.open(item.id)}
                    aria-label=${this.readOnly ? msg(str`Read ${name}`, { id: 'console.cases.read' }) : msg(str`Edit ${name}`, { id: 'console.cases.edit' })}
                  >
                    ${this.readOnly ? msg('Read', { id: 'console.cases.read-short' }) : msg('Edit', { id: 'console.cases.edit-short' })}
                  </button>
                </li>`;
              })}
            </ul>`
      }
    </section>`;
  }
}
