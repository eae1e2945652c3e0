import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import {
  ClockController,
  FeedError,
  SamlengElement,
  cardStyles,
  downloadCalendar,
  fetchJson,
  forget,
  pageStorage,
  pickLocalized,
  type PickedText,
  renderConfigError,
  safeUrl,
  styleProps,
  type KeyValueStore,
} from '@samleng/core';
import { checklistStyles } from './checklist.styles.js';
import { dueText } from './due-text.js';
import { adoptItems, listKind, stepFromItem } from './list-items.js';
import { defaultStorageKey, parseDone, readDone, storageItem, writeDone } from './progress-store.js';
import { dedupeIds, type Step } from './step.js';
import { stepsCalendar } from './steps-calendar.js';
import { FeedShapeError, parseStepsFeed } from './steps-feed.js';

/** What `samleng-checklist-change` reports. */
export interface ChecklistChangeDetail {
  /** The id of the step the reader ticked or unticked. */
  id: string;
  done: boolean;
  /** Steps of the list now done, and all steps of the list. */
  completed: number;
  total: number;
}

/** Why the feed of steps is not shown: it could not be loaded, or it is not a steps feed. */
type FeedState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'ready'; steps: Step[]; duplicates: string[]; skipped: number }
  | { kind: 'error'; problem: 'load' | 'timeout' | 'invalid' };

/** How long a reader waits for the feed before the widget offers a retry. */
const FEED_TIMEOUT = 10_000;

/**
 * @summary The community's action steps, ticked off and remembered.
 *
 * @tag samleng-checklist
 *
 * @slot - Each `<li>` of the partner's `<ol>` or `<ul>` is a step (`data-id` a stable id, `data-due` an
 * optional ISO due date such as `2029-05-01`). Each item is shown through a slot of its own beside its
 * checkbox, so its links and formatting stay the partner's. Other content (an intro paragraph) is shown
 * above the steps.
 *
 * @csspart base - The card around the whole widget.
 * @csspart heading - The heading.
 * @csspart progress - The progress area: the count and the bar.
 * @csspart count - "2 of 4 done".
 * @csspart bar - The progress bar's track.
 * @csspart bar-fill - The filled part of the progress bar.
 * @csspart steps - The list of steps.
 * @csspart step - One step; a finished one also has the part `step-done`.
 * @csspart checkbox - The checkbox of a step.
 * @csspart title - The title of a step from a feed.
 * @csspart details - The details of a step from a feed.
 * @csspart link - The link of a step from a feed.
 * @csspart due - The due line of a step ("Due in 3 days"); an overdue one also has the part `overdue`.
 * @csspart complete - The congratulation shown when every step is done.
 * @csspart actions - The row of buttons.
 * @csspart button - Each button.
 * @csspart confirm - The "start over?" confirmation.
 * @csspart note - The quiet notes (progress not kept, steps left out, shared ids).
 * @csspart error - The message shown when the steps cannot be shown.
 *
 * @cssprop [--samleng-checklist-accent=var(--samleng-color-accent)] - Heading, checkboxes, progress bar and buttons.
 * @cssprop [--samleng-checklist-on-accent=var(--samleng-color-on-accent)] - Text on the buttons.
 * @cssprop [--samleng-checklist-track=var(--samleng-color-surface-alt)] - The empty part of the progress bar.
 * @cssprop [--samleng-checklist-overdue=var(--samleng-color-danger)] - The due line of an overdue step.
 * @cssprop [--samleng-checklist-success=var(--samleng-color-success)] - The congratulation's border.
 * @cssprop [--samleng-checklist-box-size=1.5em] - The size of the checkboxes.
 *
 * @fires {CustomEvent<ChecklistChangeDetail>} samleng-checklist-change - The reader ticked or unticked a step: `{id, done, completed, total}`.
 * @fires {CustomEvent<{total: number}>} samleng-checklist-complete - The reader ticked the last step that was left.
 * @fires {CustomEvent<{completed: 0, total: number}>} samleng-checklist-reset - The reader confirmed "Start over".
 */
export class SamlengChecklist extends SamlengElement {
  static override styles = [...SamlengElement.styles, cardStyles, checklistStyles];

  /** The heading of the card. */
  @property() heading: string | undefined;

  /**
   * A JSON feed of steps: `{"version": 1, "steps": [{"id", "title", "details", "href", "due"}]}`, text
   * plain or by locale (`{"en", "km", "fr"}`). When set, it replaces the list inside the element.
   */
  @property() src: string | undefined;

  /**
   * Where progress is kept in the reader's browser. Give each checklist its own (`upr-2024`); by
   * default the page's path and the heading (or `src`).
   */
  @property({ attribute: 'storage-key' }) storageKey: string | undefined;

  @state() private _feed: FeedState = { kind: 'idle' };
  @state() private _confirming = false;

  readonly #clock = new ClockController(this, 'minute');
  readonly #store: KeyValueStore = pageStorage();
  /** The steps of the partner's list (list mode). */
  #items: Step[] = [];
  #itemDuplicates: string[] = [];
  #listKind: 'ol' | 'ul' = 'ol';
  /** Every finished id kept under the storage entry, including steps not shown now. */
  #done = new Set<string>();
  #storageItem = '';
  #observer: MutationObserver | undefined;
  #request = 0;
  #feedUrl: string | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('storage', this.#onStorage);
    this.#observer ??= new MutationObserver(this.#onMutation);
    this.#observer.observe(this, { childList: true, subtree: true });
    if (!this.#feedMode) this.#readList();
    if (document.readyState === 'loading') {
      // Items still being parsed: judge an empty list once the page is there.
      document.addEventListener('DOMContentLoaded', () => this.requestUpdate(), { once: true });
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('storage', this.#onStorage);
    this.#observer?.disconnect();
  }

  get #feedMode(): boolean {
    return Boolean(this.src?.trim());
  }

  /** The steps shown now. */
  get #steps(): Step[] {
    if (!this.#feedMode) return this.#items;
    return this._feed.kind === 'ready' ? this._feed.steps : [];
  }

  #progress(): { completed: number; total: number } {
    const steps = this.#steps;
    return { completed: steps.filter((step) => this.#done.has(step.id)).length, total: steps.length };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src')) {
      if (this.#feedMode) this.#loadFeed();
      else if (changed.get('src')) {
        // Back from a feed to the partner's list.
        this._feed = { kind: 'idle' };
        this.#readList();
      }
    }
    if (changed.has('storageKey') || changed.has('heading') || changed.has('src')) {
      const key =
        this.storageKey?.trim() ||
        defaultStorageKey(location.pathname, this.heading?.trim() || this.src?.trim() || '');
      const item = storageItem(key);
      if (item !== this.#storageItem) {
        this.#storageItem = item;
        this.#done = readDone(this.#store, item);
      }
    }
    // Tick (each minute) only while a due line is shown: a finished list costs nothing.
    this.#clock.active = this.#steps.some((step) => step.due && !this.#done.has(step.id));
  }

  #onMutation = (records: MutationRecord[]): void => {
    if (this.#feedMode) return;
    // Only a change of the lists themselves, not of the text inside an item, changes the steps.
    const relevant = records.some(
      (record) =>
        record.target === this ||
        (record.target.parentNode === this && /^(ol|ul)$/.test((record.target as Element).localName)),
    );
    if (relevant) this.#readList();
  };

  #readList(): void {
    this.#listKind = listKind(this);
    const read = adoptItems(this).map(stepFromItem);
    const steps = read.map(({ step }) => step);
    const derived = read.filter(({ derived }) => derived).map(({ step }) => step.id);
    if (derived.length > 0) {
      this.warn(
        `derived:${derived.join(' ')}`,
        `${derived.length} step(s) have no data-id, so their ids were made from their text (${derived.map((id) => `"${id}"`).join(', ')}) and their progress is forgotten if the text changes. Give each <li> a data-id="…".`,
      );
    }
    this.#itemDuplicates = dedupeIds(steps);
    this.#warnDuplicates(this.#itemDuplicates, 'data-id');
    this.#warnBadDates(steps, 'data-due');
    this.#items = steps;
    this.requestUpdate();
  }

  #warnDuplicates(duplicates: string[], field: string): void {
    if (duplicates.length === 0) return;
    const list = duplicates.map((id) => `"${id}"`).join(', ');
    this.warn(
      `duplicates:${list}`,
      `more than one step has the ${field} ${list}; the later ones are kept as "<id>~2", "<id>~3"… so their progress is not shared. Give each step its own ${field}.`,
    );
  }

  #warnBadDates(steps: Step[], field: string): void {
    for (const step of steps) {
      if (step.badDue === undefined) continue;
      this.warn(
        `due:${step.id}:${step.badDue}`,
        `${field} of step "${step.id}" must be an ISO date such as 2029-05-01 (got "${step.badDue}"); its due date is not shown.`,
      );
    }
  }

  #loadFeed(): void {
    const request = ++this.#request;
    const src = this.src?.trim() ?? '';
    const url = safeUrl(src, { host: this, field: 'src' });
    if (!url) {
      this.#feedUrl = undefined;
      this._feed = { kind: 'error', problem: 'invalid' };
      return;
    }
    this.#feedUrl = url;
    this._feed = { kind: 'loading' };
    fetchJson(url, { timeout: FEED_TIMEOUT }).then(
      (json) => {
        if (request !== this.#request) return;
        try {
          const feed = parseStepsFeed(json);
          if (feed.problems.length > 0) {
            this.warn(
              `feed-steps:${url}`,
              `some steps of ${url} were not read as they are: ${feed.problems.join('; ')}.`,
            );
          }
          if (feed.derived > 0) {
            this.warn(
              `feed-derived:${url}`,
              `${feed.derived} step(s) of ${url} have no "id", so their ids were made from their titles; give each step an "id".`,
            );
          }
          const duplicates = dedupeIds(feed.steps);
          this.#warnDuplicates(duplicates, 'id');
          this.#warnBadDates(feed.steps, 'due');
          this._feed = { kind: 'ready', steps: feed.steps, duplicates, skipped: feed.skipped };
        } catch (error) {
          const reason = error instanceof FeedShapeError ? error.message : String(error);
          this.warn(`feed:${url}`, `${url} is not a steps feed: ${reason}. See the README for its shape.`);
          this._feed = { kind: 'error', problem: 'invalid' };
        }
      },
      (error: unknown) => {
        if (request !== this.#request) return;
        const kind = error instanceof FeedError ? error.kind : 'network';
        this.warn(`feed:${url}:${kind}`, `the steps could not be read from ${url} (${String(error)}).`);
        // A feed too large or not JSON will not get better by retrying; a slow one might.
        const problem =
          kind === 'not-json' || kind === 'too-large' ? 'invalid' : kind === 'timeout' ? 'timeout' : 'load';
        this._feed = { kind: 'error', problem };
      },
    );
  }

  #retry(): void {
    if (this.#feedUrl) forget(this.#feedUrl);
    this.#loadFeed();
  }

  /** Another tab ticked or cleared this list: show what it keeps. */
  #onStorage = (event: StorageEvent): void => {
    if (!this.#store.persistent) return;
    if (event.key !== null && event.key !== this.#storageItem) return;
    let value: unknown = null;
    try {
      value = event.newValue === null ? null : JSON.parse(event.newValue);
    } catch {
      // An unreadable value counts as nothing done, as when it is read at load.
    }
    this.#done = parseDone(value);
    this.requestUpdate();
  };

  #toggle(step: Step, event: Event): void {
    const done = (event.target as HTMLInputElement).checked;
    const before = this.#progress();
    // Start from what is stored now: another tab may have ticked a step since this one last read.
    const stored = readDone(this.#store, this.#storageItem);
    const kept = this.#store.persistent ? stored : this.#done;
    if (done) kept.add(step.id);
    else kept.delete(step.id);
    writeDone(this.#store, this.#storageItem, kept);
    this.#done = kept;
    this.requestUpdate();
    const { completed, total } = this.#progress();
    this.emit('samleng-checklist-change', { id: step.id, done, completed, total });
    if (completed === total && before.completed < total) this.emit('samleng-checklist-complete', { total });
  }

  #downloadCalendar(): void {
    const heading = this.#heading();
    const { fileName, text } = stepsCalendar(this.#steps, {
      heading,
      storageItem: this.#storageItem,
      locale: this.l10n.locale,
    });
    downloadCalendar(fileName, text);
  }

  async #askStartOver(): Promise<void> {
    this._confirming = true;
    await this.updateComplete;
    // The safe answer gets the focus: Enter or Space by reflex keeps the reader's progress.
    this.renderRoot.querySelector<HTMLButtonElement>('.confirm .cancel')?.focus();
  }

  async #cancelStartOver(): Promise<void> {
    this._confirming = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('.start-over')?.focus();
  }

  async #startOver(): Promise<void> {
    this.#done = new Set();
    writeDone(this.#store, this.#storageItem, this.#done);
    this._confirming = false;
    this.emit('samleng-checklist-reset', { completed: 0, total: this.#steps.length });
    await this.updateComplete;
    // The button is gone with the progress: go back to the first step.
    this.renderRoot.querySelector<HTMLInputElement>('.box')?.focus();
  }

  #onConfirmKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.stopPropagation();
      void this.#cancelStartOver();
    }
  }

  #heading(): string {
    return this.heading?.trim() || msg('Action steps', { id: 'checklist.default-heading' });
  }

  protected override render() {
    return html`<section class="card" part="base" lang=${this.l10n.locale} aria-labelledby="heading">
      <h2 class="heading" id="heading" part="heading">${this.#heading()}</h2>
      ${this.#feedMode ? this.#renderFeed() : this.#renderList()}
    </section>`;
  }

  #renderList(): TemplateResult {
    return html`<slot></slot>${
        this.#items.length === 0
          ? document.readyState === 'loading'
            ? nothing
            : this.#renderEmpty()
          : this.#renderSteps(this.#items, this.#itemDuplicates, 0)
      }`;
  }

  #renderFeed(): TemplateResult | typeof nothing {
    const feed = this._feed;
    switch (feed.kind) {
      case 'loading':
        return html`<p class="loading" role="status">
          ${msg('Loading the steps…', { id: 'checklist.loading' })}
        </p>`;
      case 'error':
        return html`<div class="feed-error" part="error" role="alert">
          <p>
            ${
              feed.problem === 'load'
                ? msg('The steps could not be loaded. Check your connection and try again.', {
                    id: 'checklist.feed.error.load',
                  })
                : feed.problem === 'timeout'
                  ? msg('The steps took too long to load. Try again.', { id: 'checklist.feed.error.timeout' })
                  : msg('The list of steps could not be read.', { id: 'checklist.feed.error.invalid' })
            }
          </p>
          <button type="button" part="button" class="retry" @click=${this.#retry}>
            ${msg('Try again', { id: 'checklist.feed.retry' })}
          </button>
        </div>`;
      case 'ready':
        return feed.steps.length === 0
          ? this.#renderEmpty()
          : this.#renderSteps(feed.steps, feed.duplicates, feed.skipped);
      default:
        return nothing;
    }
  }

  #renderEmpty(): TemplateResult {
    return renderConfigError(this, {
      attribute: 'steps',
      message: msg(
        'There are no steps to show. Put a list of steps inside the element, or give it a feed of steps.',
        {
          id: 'checklist.error.empty',
        },
      ),
      warning: this.#feedMode
        ? `the feed ${this.src ?? ''} has no steps: give "steps" at least one {"id", "title"}.`
        : 'found no steps: put an <ol> of <li data-id="…"> items inside the element, or set src to a feed of steps.',
    });
  }

  #renderSteps(steps: Step[], duplicates: string[], skipped: number): TemplateResult {
    const format = this.l10n.format;
    const { completed, total } = this.#progress();
    const done = format.number(completed);
    const all = format.number(total);
    const count = msg(str`${done} of ${all} done`, { id: 'checklist.progress' });
    const complete = completed === total;
    const now = new Date();
    const items = steps.map((step, index) => this.#renderStep(step, index, now));
    const list =
      this.#feedMode || this.#listKind === 'ol'
        ? html`<ol class="steps" part="steps">
            ${items}
          </ol>`
        : html`<ul class="steps" part="steps">
            ${items}
          </ul>`;
    return html`<div class="progress" part="progress">
        <p class="count" part="count" role="status">${count}</p>
        <div
          class="bar"
          part="bar"
          role="progressbar"
          aria-label=${msg('Your progress', { id: 'checklist.progress-label' })}
          aria-valuemin="0"
          aria-valuemax=${total}
          aria-valuenow=${completed}
          aria-valuetext=${count}
          ${styleProps({ '--_ratio': String(completed / total) })}
        >
          <div class="fill" part="bar-fill"></div>
        </div>
      </div>
      ${list}
      <div class="announce" role="status">
        ${
          complete
            ? html`<p class="complete" part="complete">
                ${msg('Every step is done. Thank you for acting!', { id: 'checklist.complete' })}
              </p>`
            : nothing
        }
      </div>
      ${this.#renderActions(steps, completed)} ${this.#renderNotes(duplicates, skipped)}`;
  }

  #renderStep(step: Step, index: number, now: Date): TemplateResult {
    const done = this.#done.has(step.id);
    const locale = this.l10n.locale;
    // A feed's text in another language than the list's (an English fallback) says so in `lang`.
    const { text: title, lang } = pickLocalized(step.title, locale);
    const details = pickLocalized(step.details, locale);
    const due = !done && step.due ? dueText(step.due, now, this.l10n.format) : undefined;
    const showDue = Boolean(due) || (!done && step.badDue !== undefined);
    const box = `box-${index}`;
    const dueId = `due-${index}`;
    const href = step.item ? undefined : safeUrl(step.href, { host: this, field: `steps[${step.id}].href` });
    return html`<li class=${done ? 'step done' : 'step'} part=${done ? 'step step-done' : 'step'}>
      <input
        type="checkbox"
        class="box"
        part="checkbox"
        id=${box}
        .checked=${live(done)}
        aria-label=${ifDefined(step.item ? title : undefined)}
        aria-describedby=${ifDefined(showDue ? dueId : undefined)}
        @change=${(event: Event) => this.#toggle(step, event)}
      />
      <div class="body">
        ${
          step.slot
            ? html`<slot name=${step.slot}></slot>`
            : html`<label class="title" part="title" for=${box} lang=${ifDefined(lang)}>${title}</label> ${
                  step.details ? this.#renderDetails(details) : nothing
                }
                ${href ? html`<a class="link" part="link" href=${href}>${msg('How to do it', { id: 'checklist.step-link' })}</a>` : nothing}`
        }
        ${
          due
            ? html`<p class="due" id=${dueId} part=${due.overdue ? 'due overdue' : 'due'}>${due.text}</p>`
            : showDue
              ? html`<p class="due bad" id=${dueId} part="due">${this.#badDueText(step.badDue ?? '')}</p>`
              : nothing
        }
      </div>
    </li>`;
  }

  /** A step's details from a feed, in their language when it is not the list's. */
  #renderDetails({ text, lang }: PickedText): TemplateResult {
    return html`<p class="details" part="details" lang=${ifDefined(lang)}>${text}</p>`;
  }

  #badDueText(value: string): string {
    return msg(str`The due date "${value}" could not be read. Use a date such as 2029-05-01.`, {
      id: 'checklist.error.due',
    });
  }

  #renderActions(steps: Step[], completed: number): TemplateResult {
    const dated = steps.some((step) => step.due);
    const confirm = this._confirming
      ? html`<div
          class="confirm"
          part="confirm"
          role="group"
          aria-labelledby="confirm-question"
          @keydown=${this.#onConfirmKeydown}
        >
          <p id="confirm-question">
            ${msg('Clear all your ticks on this list?', { id: 'checklist.confirm.question' })}
          </p>
          <button type="button" part="button" class="yes" @click=${this.#startOver}>
            ${msg('Yes, start over', { id: 'checklist.confirm.yes' })}
          </button>
          <button type="button" part="button" class="cancel secondary" @click=${this.#cancelStartOver}>
            ${msg('Keep my progress', { id: 'checklist.confirm.cancel' })}
          </button>
        </div>`
      : nothing;
    const startOver =
      completed > 0 && !this._confirming
        ? html`<button type="button" part="button" class="start-over secondary" @click=${this.#askStartOver}>
            ${msg('Start over', { id: 'checklist.start-over' })}
          </button>`
        : nothing;
    if (!dated && confirm === nothing && startOver === nothing) return html``;
    return html`<div class="actions" part="actions">
      ${
        dated
          ? html`<button type="button" part="button" class="calendar" @click=${this.#downloadCalendar}>
              ${msg('Add the deadlines to my calendar', { id: 'checklist.calendar' })}
            </button>`
          : nothing
      }
      ${startOver} ${confirm}
    </div>`;
  }

  #renderNotes(duplicates: string[], skipped: number): TemplateResult {
    const ids = this.l10n.format.list(duplicates.map((id) => `"${id}"`));
    return html`${
      this.#store.persistent
        ? nothing
        : html`<p class="note" part="note">
            ${msg(
              'This browser is not keeping data for this page, so your ticks last only until you leave it.',
              {
                id: 'checklist.note.storage',
              },
            )}
          </p>`
    }
    ${
      skipped > 0
        ? html`<p class="note" part="note">
            ${msg('Some steps could not be read and are not shown.', { id: 'checklist.note.skipped' })}
          </p>`
        : nothing
    }
    ${
      duplicates.length > 0
        ? html`<p class="note" part="note">
            ${msg(
              str`Note for the page's editor: more than one step has the id ${ids}. Give each step its own id so that progress is kept correctly.`,
              { id: 'checklist.note.duplicates' },
            )}
          </p>`
        : nothing
    }`;
  }
}
