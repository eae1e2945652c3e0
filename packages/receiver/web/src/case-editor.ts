import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { SamlengElement, cardStyles } from '@samleng/core';
import { api, ApiError } from './api.js';
import { errorText, fieldLabel, inputField, textsField } from './case-fields.js';
import {
  caseOf,
  checkDraft,
  draftOf,
  editorPath,
  emptyCase,
  emptyLink,
  emptySource,
  idFrom,
  noTexts,
  STATUSES,
  type CaseDraft,
  type CaseObject,
  type Language,
  type Texts,
} from './case-model.js';
import { caseStyles } from './case-styles.js';
import { formStyles } from './styles.js';

interface CaseDetail {
  case: CaseObject;
  published: boolean;
  needsAction: boolean;
  revision: number;
  history: { at: string; by: string; field: string }[];
}

export function statusText(status: string): string {
  switch (status) {
    case 'detained':
      return msg('Detained', { id: 'console.case.status.detained' });
    case 'house-arrest':
      return msg('Under house arrest', { id: 'console.case.status.house-arrest' });
    case 'in-exile':
      return msg('In exile', { id: 'console.case.status.in-exile' });
    case 'convicted-in-absentia':
      return msg('Convicted in absentia', { id: 'console.case.status.convicted-in-absentia' });
    case 'released':
      return msg('Released', { id: 'console.case.status.released' });
    case 'deceased':
      return msg('Deceased', { id: 'console.case.status.deceased' });
    default:
      return status;
  }
}

const today = () => new Date().toISOString().slice(0, 10);

/**
 * @summary Writes one case: every field of the feed's case object, each text in English, Khmer and French,
 * the letter and links, the sources; saves (errors beside their fields; a stale save says so and offers to
 * reload), publishes, marks as needing action (which e-mails the subscribers), shows who changed what and
 * when, and deletes after a confirmation. Read-only for a partner's session.
 *
 * @tag samleng-console-case-editor
 * @fires samleng-console-case-closed - Back to the list; `detail` is `{}`.
 * @csspart base - The card.
 */
export class SamlengConsoleCaseEditor extends SamlengElement {
  static override styles = [...SamlengElement.styles, cardStyles, formStyles, caseStyles];

  /** The case to edit; empty for a new one. */
  @property({ attribute: 'case-id' }) caseId = '';
  /** A partner's session: the case is shown, not changed. */
  @property({ type: Boolean, attribute: 'read-only' }) readOnly = false;

  @state() private draft: CaseDraft | undefined;
  @state() private detail: Omit<CaseDetail, 'case'> | undefined;
  @state() private errors: Record<string, string> = {};
  @state() private notice = '';
  @state() private failure = '';
  @state() private stale = false;
  @state() private dirty = false;
  @state() private busy = false;
  @state() private confirmDelete = false;
  /** The id was typed by hand: stop deriving it from the name. */
  #idTouched = false;
  /** Paths whose errors were shown beside a field in the last render. */
  #shown = new Set<string>();

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('caseId')) void this.load();
  }

  private async load() {
    this.errors = {};
    this.stale = false;
    this.dirty = false;
    this.failure = '';
    this.confirmDelete = false;
    if (!this.caseId) {
      this.draft = emptyCase(today());
      this.detail = undefined;
      this.#idTouched = false;
      return;
    }
    try {
      const { case: value, ...detail } = await api<CaseDetail>(
        `/console/api/cases/${encodeURIComponent(this.caseId)}`,
      );
      this.draft = draftOf(value);
      this.detail = detail;
    } catch {
      this.failure = msg('The receiver could not be reached. Try again.', { id: 'console.error.network' });
    }
  }

  /** Changes the draft through `change`, and marks it unsaved. */
  private edit(change: (draft: CaseDraft) => void) {
    if (!this.draft || this.readOnly) return;
    change(this.draft);
    // A new case's id follows its name, until it is typed by hand.
    if (!this.detail && !this.#idTouched) this.draft.id = idFrom(this.draft.name.en || this.draft.name.fr);
    this.dirty = true;
    this.notice = '';
    this.requestUpdate();
  }

  private errorAt(path: string): string | undefined {
    const draft = this.draft;
    if (!draft) return undefined;
    for (const [key, code] of Object.entries(this.errors)) {
      const at = editorPath(key, draft);
      if (at === path || (at.startsWith(`${path}.`) && /^\.(en|km|fr)$/.test(at.slice(path.length)))) {
        this.#shown.add(key);
        return code;
      }
    }
    return undefined;
  }

  private texts(path: string, legend: string, value: Texts, multiline = false) {
    return textsField({
      path,
      legend,
      value,
      multiline,
      error: this.errorAt(path),
      disabled: this.readOnly,
      onChange: (lang: Language, text: string) => this.edit(() => (value[lang] = text)),
    });
  }

  private input(
    path: string,
    label: string,
    value: string,
    onChange: (value: string) => void,
    extra: { type?: 'text' | 'url' | 'email' | 'date'; hint?: string; lang?: string } = {},
  ) {
    // A date with a time (a feed may give `2024-05-01T10:00:00+07:00`) is not what a date input shows:
    // it would show empty and be lost on save, so it stays in a text input, editable as written.
    const type =
      extra.type === 'date' && value !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(value) ? 'text' : extra.type;
    return inputField({
      path,
      label,
      value,
      ...extra,
      type,
      error: this.errorAt(path),
      disabled: this.readOnly,
      onChange: (text: string) => this.edit(() => onChange(text)),
    });
  }

  /** Saves; true when the receiver has this version. */
  private async save(): Promise<boolean> {
    const draft = this.draft;
    if (!draft || this.busy) return false;
    const isNew = !this.detail;
    const own = checkDraft(draft, isNew);
    if (Object.keys(own).length) {
      await this.showErrors(own);
      return false;
    }
    this.busy = true;
    this.failure = '';
    try {
      const value = caseOf(draft);
      if (isNew) {
        await api('/console/api/cases', { method: 'POST', body: { case: value } });
        this.caseId = value.id;
        await this.load();
      } else {
        await api(`/console/api/cases/${encodeURIComponent(draft.id)}`, {
          method: 'PUT',
          body: { case: value, revision: this.detail?.revision },
        });
        // The receiver's version, with its new revision and history line.
        await this.load();
      }
      this.errors = {};
      this.notice = msg('Saved.', { id: 'console.case.saved' });
      return true;
    } catch (error) {
      await this.refused(error);
      return false;
    } finally {
      this.busy = false;
    }
  }

  private async refused(error: unknown) {
    if (error instanceof ApiError && error.status === 409) {
      this.stale = true;
      await this.focusOn('.stale');
    } else if (error instanceof ApiError && error.status === 400 && Object.keys(error.errors).length) {
      await this.showErrors(error.errors);
    } else if (error instanceof ApiError && error.status === 403) {
      this.failure = msg('Only the administrator can change cases.', { id: 'console.case.admin-only' });
    } else {
      this.failure = msg('The receiver could not be reached. Try again.', { id: 'console.error.network' });
    }
  }

  private async showErrors(errors: Record<string, string>) {
    this.errors = errors;
    this.notice = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  private async setState(change: { published?: boolean; needsAction?: boolean }) {
    if (this.dirty && !(await this.save())) return;
    const draft = this.draft;
    if (!draft || this.busy) return;
    this.busy = true;
    try {
      const result = await api<{
        published: boolean;
        needsAction: boolean;
        revision: number;
        alerts: number;
      }>(`/console/api/cases/${encodeURIComponent(draft.id)}/state`, { method: 'POST', body: change });
      await this.load();
      const count = this.l10n.format.number(result.alerts);
      this.notice =
        change.published === false
          ? msg('Unpublished: the case is no longer in the feed.', { id: 'console.case.unpublished' })
          : result.alerts > 0
            ? msg(str`Done. ${count} alert e-mails are on their way to the subscribers.`, {
                id: 'console.case.alerts-sent',
              })
            : change.published
              ? msg('Published: partners’ pages show it within a minute.', { id: 'console.case.published' })
              : msg('Saved.', { id: 'console.case.saved' });
    } catch (error) {
      await this.refused(error);
    } finally {
      this.busy = false;
    }
  }

  private async deleteCase() {
    const draft = this.draft;
    if (!draft) return;
    this.busy = true;
    try {
      await api(`/console/api/cases/${encodeURIComponent(draft.id)}`, { method: 'DELETE' });
      this.close();
    } catch (error) {
      await this.refused(error);
    } finally {
      this.busy = false;
    }
  }

  private close() {
    this.dispatchEvent(
      new CustomEvent('samleng-console-case-closed', { detail: {}, bubbles: true, composed: true }),
    );
  }

  private async focusOn(selector: string) {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  protected override render() {
    const draft = this.draft;
    this.#shown = new Set();
    const name = draft ? draft.name.en || draft.name.km || draft.name.fr || draft.id : '';
    const heading = name
      ? msg(str`Case: ${name}`, { id: 'console.case.heading' })
      : msg('New case', { id: 'console.case.new' });
    return html`<section class="card" part="base" lang=${this.l10n.locale}>
      <div class="row spread">
        <h2 tabindex="-1">${heading}</h2>
        <button class="secondary" data-action="back" @click=${this.close}>
          ${msg('Back to the cases', { id: 'console.case.back' })}
        </button>
      </div>
      ${this.failure ? html`<p class="error" role="alert">${this.failure}</p>` : nothing}
      ${draft ? this.renderEditor(draft) : nothing}
    </section>`;
  }

  private renderEditor(draft: CaseDraft): TemplateResult {
    const detail = this.detail;
    /** The item's number as the reader counts (Khmer digits in Khmer). */
    const n = (index: number) => this.l10n.format.number(index + 1);
    const readOnly = this.readOnly;
    const fields = html` ${
        readOnly
          ? html`<p class="note">
              ${msg('You can read this case. Only the administrator can change it.', { id: 'console.case.read-only' })}
            </p>`
          : nothing
      }
      ${detail ? this.renderState(detail) : nothing}
      <fieldset class="group">
        <legend>${msg('The person', { id: 'console.case.group.person' })}</legend>
        ${this.texts('name', fieldLabel('name'), draft.name)}
        ${
          detail
            ? html`<p class="muted">${fieldLabel('id')}: <code>${draft.id}</code></p>`
            : this.input(
                'id',
                fieldLabel('id'),
                draft.id,
                (value) => {
                  this.#idTouched = true;
                  draft.id = value;
                },
                {
                  hint: msg('Letters, digits and dashes, such as kem-sokha. It cannot change later.', {
                    id: 'console.case.id-hint',
                  }),
                },
              )
        }
        ${this.input('nameKm', fieldLabel('nameKm'), draft.nameKm, (value) => (draft.nameKm = value), { lang: 'km' })}
        ${this.input('photo', fieldLabel('photo'), draft.photo, (value) => (draft.photo = value), {
          type: 'url',
          hint: msg('A web address starting with https://. Leave empty to show initials.', {
            id: 'console.case.photo-hint',
          }),
        })}
        ${this.texts('photoAlt', fieldLabel('photoAlt'), draft.photoAlt)}
      </fieldset>
      <fieldset class="group">
        <legend>${msg('Status and dates', { id: 'console.case.group.status' })}</legend>
        <div class="field" data-path="status">
          <label for="f-status">${fieldLabel('status')}</label>
          <select
            id="f-status"
            ?disabled=${readOnly}
            aria-invalid=${this.errorAt('status') ? 'true' : 'false'}
            @change=${(event: Event) => this.edit((d) => (d.status = (event.target as HTMLSelectElement).value))}
          >
            ${STATUSES.map((status) => html`<option value=${status} ?selected=${draft.status === status}>${statusText(status)}</option>`)}
          </select>
        </div>
        ${this.texts('statusNote', fieldLabel('statusNote'), draft.statusNote)}
        <div class="dates">
          ${this.input('arrested', fieldLabel('arrested'), draft.arrested, (value) => (draft.arrested = value), { type: 'date' })}
          ${this.input('sentenced', fieldLabel('sentenced'), draft.sentenced, (value) => (draft.sentenced = value), { type: 'date' })}
          ${this.input('deadline', fieldLabel('deadline'), draft.deadline, (value) => (draft.deadline = value), { type: 'date' })}
        </div>
      </fieldset>
      <fieldset class="group">
        <legend>${msg('Charges, sentence and summary', { id: 'console.case.group.facts' })}</legend>
        ${draft.charges.map(
          (charge, index) =>
            html`<div class="item">
              ${this.texts(`charges[${index}]`, msg(str`Charge ${n(index)}`, { id: 'console.case.charge' }), charge)}
              ${this.removeButton(() => draft.charges.splice(index, 1), msg(str`Remove charge ${n(index)}`, { id: 'console.case.remove-charge' }))}
            </div>`,
        )}
        ${this.addButton(() => draft.charges.push(noTexts()), msg('Add a charge', { id: 'console.case.add-charge' }))}
        ${this.texts('sentence', fieldLabel('sentence'), draft.sentence)}
        ${this.texts('summary', fieldLabel('summary'), draft.summary, true)}
      </fieldset>
      <fieldset class="group">
        <legend>${msg('The letter to the authorities', { id: 'console.case.group.letter' })}</legend>
        ${this.input('letter.to', msg('Send to (e-mail address)', { id: 'console.case.letter-to' }), draft.letter.to, (value) => (draft.letter.to = value), { type: 'email' })}
        ${this.texts('letter.subject', msg('Subject', { id: 'console.case.letter-subject' }), draft.letter.subject)}
        ${this.texts('letter.body', msg('Letter', { id: 'console.case.letter-body' }), draft.letter.body, true)}
      </fieldset>
      <fieldset class="group">
        <legend>${msg('Links to act', { id: 'console.case.group.links' })}</legend>
        <p class="hint">
          ${msg('The first link is the card’s main button.', { id: 'console.case.links-hint' })}
        </p>
        ${draft.links.map(
          (link, index) =>
            html`<div class="item">
              ${this.texts(`links[${index}].label`, msg(str`Button text of link ${n(index)}`, { id: 'console.case.link-label' }), link.label)}
              ${this.input(`links[${index}].href`, msg(str`Address of link ${n(index)}`, { id: 'console.case.link-href' }), link.href, (value) => (link.href = value), { type: 'url' })}
              ${this.removeButton(() => draft.links.splice(index, 1), msg(str`Remove link ${n(index)}`, { id: 'console.case.remove-link' }))}
            </div>`,
        )}
        ${this.addButton(() => draft.links.push(emptyLink()), msg('Add a link', { id: 'console.case.add-link' }))}
      </fieldset>
      <fieldset class="group">
        <legend>${fieldLabel('sources')}</legend>
        ${draft.sources.map(
          (source, index) =>
            html`<div class="item">
              ${this.texts(`sources[${index}].title`, msg(str`Title of source ${n(index)}`, { id: 'console.case.source-title' }), source.title)}
              ${this.texts(`sources[${index}].publisher`, msg('Publisher', { id: 'console.case.source-publisher' }), source.publisher)}
              ${this.input(`sources[${index}].url`, msg('Address', { id: 'console.case.source-url' }), source.url, (value) => (source.url = value), { type: 'url' })}
              ${this.input(`sources[${index}].date`, msg('Published on', { id: 'console.case.source-date' }), source.date, (value) => (source.date = value), { type: 'date' })}
              ${this.removeButton(() => draft.sources.splice(index, 1), msg(str`Remove source ${n(index)}`, { id: 'console.case.remove-source' }))}
            </div>`,
        )}
        ${this.addButton(() => draft.sources.push(emptySource()), msg('Add a source', { id: 'console.case.add-source' }))}
      </fieldset>
      <fieldset class="group">
        <legend>${fieldLabel('updated')}</legend>
        <div class="row">
          ${this.input('updated', fieldLabel('updated'), draft.updated, (value) => (draft.updated = value), {
            type: 'date',
            hint: msg('The card shows this date. Change it each time you check the facts.', {
              id: 'console.case.updated-hint',
            }),
          })}
          ${
            readOnly
              ? nothing
              : html`<button
                  class="secondary"
                  type="button"
                  @click=${() => this.edit((d) => (d.updated = today()))}
                >
                  ${msg('Checked today', { id: 'console.case.checked-today' })}
                </button>`
          }
        </div>
      </fieldset>`;
    return html`<form novalidate @submit=${(event: Event) => (event.preventDefault(), void this.save())}>
        ${fields} ${readOnly ? nothing : this.renderActions(draft)}
      </form>
      ${detail ? this.renderHistory(detail) : nothing}`;
  }

  private renderState(detail: Omit<CaseDetail, 'case'>) {
    const readOnly = this.readOnly;
    return html`<div class="state">
      <p>
        <span class="badge ${detail.published ? 'on' : ''}"
          >${detail.published ? msg('Published', { id: 'console.case.field.published' }) : msg('Draft (only you see it)', { id: 'console.case.draft' })}</span
        >
        ${detail.needsAction ? html`<span class="badge urgent">${fieldLabel('needsAction')}</span>` : nothing}
      </p>
      ${
        readOnly
          ? nothing
          : html`<div class="row">
                <button
                  type="button"
                  data-action="publish"
                  ?disabled=${this.busy}
                  @click=${() => this.setState({ published: !detail.published })}
                >
                  ${detail.published ? msg('Unpublish', { id: 'console.case.unpublish' }) : msg('Publish', { id: 'console.case.publish' })}
                </button>
                <button
                  type="button"
                  class="secondary"
                  data-action="needs-action"
                  aria-pressed=${detail.needsAction ? 'true' : 'false'}
                  ?disabled=${this.busy}
                  @click=${() => this.setState({ needsAction: !detail.needsAction })}
                >
                  ${msg('Needs action', { id: 'console.case.field.needs-action' })}
                </button>
              </div>
              <p class="hint">
                ${msg('Publishing a new case, or marking a published case as needing action, e-mails every confirmed subscriber once.', { id: 'console.case.state-hint' })}
              </p>`
      }
    </div>`;
  }

  private renderActions(draft: CaseDraft) {
    const name = draft.name.en || draft.name.km || draft.name.fr || draft.id;
    const unshown = Object.keys(this.errors).filter((key) => !this.#shown.has(key));
    const count = Object.keys(this.errors).length;
    return html`<div class="actions">
      ${
        count
          ? html`<div class="error" role="alert">
              <p>
                ${msg('The case was not saved: please fix the fields marked in red.', { id: 'console.case.not-saved' })}
              </p>
              ${
                unshown.length
                  ? html`<ul>
                      ${unshown.map((key) => html`<li><code>${key}</code>: ${errorText(this.errors[key] ?? '')}</li>`)}
                    </ul>`
                  : nothing
              }
            </div>`
          : nothing
      }
      ${
        this.stale
          ? html`<div class="stale" role="alert" tabindex="-1">
              <p>
                ${msg('Someone else saved this case after you opened it. Reload it to see their version (your changes here will be lost), or copy your text first.', { id: 'console.case.stale' })}
              </p>
              <button type="button" class="secondary" @click=${this.load}>
                ${msg('Reload the case', { id: 'console.case.reload' })}
              </button>
            </div>`
          : nothing
      }
      <div class="row">
        <button type="submit" data-action="save" ?disabled=${this.busy}>
          ${msg('Save', { id: 'console.case.save' })}
        </button>
        ${
          this.detail
            ? html`<button
                type="button"
                class="secondary"
                data-action="delete"
                ?disabled=${this.busy}
                @click=${() => void ((this.confirmDelete = true), this.focusOn('.danger'))}
              >
                ${msg('Delete…', { id: 'console.case.delete' })}
              </button>`
            : nothing
        }
        <span role="status" class="success">${this.notice}</span>
        ${this.dirty && !this.notice ? html`<span class="muted">${msg('Unsaved changes', { id: 'console.case.unsaved' })}</span>` : nothing}
      </div>
      ${
        this.confirmDelete
          ? html`<div role="alertdialog" aria-labelledby="delete-text">
              <p id="delete-text">
                ${msg(str`Delete the case ${name} for good? It disappears from every partner's page.`, { id: 'console.case.delete-confirm' })}
              </p>
              <div class="row">
                <button type="button" class="danger" ?disabled=${this.busy} @click=${this.deleteCase}>
                  ${msg('Delete for good', { id: 'console.case.delete-yes' })}
                </button>
                <button type="button" class="secondary" @click=${() => (this.confirmDelete = false)}>
                  ${msg('Cancel', { id: 'console.erase.cancel' })}
                </button>
              </div>
            </div>`
          : nothing
      }
    </div>`;
  }

  private renderHistory(detail: Omit<CaseDetail, 'case'>) {
    const format = this.l10n.format;
    return html`<section class="history">
      <h3>${msg('History', { id: 'console.case.history' })}</h3>
      ${
        detail.history.length
          ? html`<ul>
              ${detail.history.map(
                (entry) =>
                  html`<li>
                    <time datetime=${entry.at}
                      >${format.dateTime(new Date(entry.at), { style: 'medium' })}</time
                    >
                    · ${entry.by} · ${fieldLabel(entry.field)}
                  </li>`,
              )}
            </ul>`
          : html`<p class="muted">${msg('No changes yet.', { id: 'console.case.no-history' })}</p>`
      }
    </section>`;
  }

  private addButton(add: () => void, label: string) {
    if (this.readOnly) return nothing;
    return html`<button type="button" class="secondary" @click=${() => this.edit(add)}>${label}</button>`;
  }

  private removeButton(remove: () => void, label: string) {
    if (this.readOnly) return nothing;
    return html`<button type="button" class="secondary remove" @click=${() => this.edit(remove)}>
      ${label}
    </button>`;
  }
}
