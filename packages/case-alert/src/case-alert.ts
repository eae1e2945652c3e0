import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import {
  ClockController,
  SamlengElement,
  cardStyles,
  durationBetween,
  pickLocalized,
  pickText,
  renderConfigError,
  safeUrl,
  styleProps,
  type LocalizedText,
  type PickedText,
} from '@samleng/core';
import { caseAlertStyles } from './case-alert.styles.js';
import { caseFromAttributes, type AttributeProblem, type CaseAttributes } from './case-from-attributes.js';
import {
  DEPRIVED_OF_LIBERTY,
  type CaseActionKind,
  type CaseDate,
  type CaseRecord,
  type LetterAction,
  type LinkAction,
} from './case-record.js';
import { copyText } from './clipboard.js';
import { FeedController } from './feed-controller.js';
import { discColor, initialsOf } from './initials.js';
import { mailtoUrl } from './letter.js';
import { feedProblemMessage, retryLabel, statusLabel } from './messages.js';
import { CaseFieldError, parseCase } from './parse-case.js';
import { deadlineEnd } from './parse-date.js';

/** The properties that describe a case inline; `updated` is read from `lastUpdated` (Lit owns `updated`). */
const INLINE_FIELDS = [
  'caseId',
  'name',
  'nameKm',
  'status',
  'statusNote',
  'charge',
  'sentence',
  'arrested',
  'sentenced',
  'photo',
  'photoAlt',
  'deadline',
  'actionHref',
  'actionLabel',
  'sourceHref',
  'letterTo',
  'letterSubject',
  'letterBody',
] as const satisfies readonly (keyof CaseAttributes)[];

/** Stands for a feed text inside a localized sentence or list until the text, in its own language, takes its place. */
const MARK = '\ue000';

/** A summary longer than this many characters starts collapsed behind "Read more". */
export const LONG_SUMMARY = 280;

/**
 * @summary An urgent-action card for a political prisoner in Cambodia: who, why, since when, and what
 * the reader can do now (act, write to the authorities, share).
 *
 * @tag samleng-case-alert
 *
 * @slot - The case summary, as plain text readable before the script runs (inline cards).
 *
 * @csspart base - The card around the whole widget.
 * @csspart kicker - The small line above the name ("Urgent action", or `heading`).
 * @csspart heading - The person's name (or the heading when there is no name).
 * @csspart photo - The photo, or the initials disc that stands in for it.
 * @csspart badge - The status badge.
 * @csspart facts - The list of charges, sentence and dates.
 * @csspart summary - The summary text.
 * @csspart toggle - The "Read more" / "Show less" button.
 * @csspart deadline - The deadline line.
 * @csspart actions - The row of actions.
 * @csspart action - The primary action link.
 * @csspart button - The secondary actions (write, copy the letter, share).
 * @csspart letter - The letter, shown on demand.
 * @csspart confirmation - The confirmation after a copy or a share (announced politely).
 * @csspart sources - The list of sources.
 * @csspart updated - The "Facts last checked on …" line (the case's `updated`).
 * @csspart error - The message shown when the feed or an attribute is wrong.
 * @csspart loading - The placeholder shown while the feed loads.
 *
 * @cssprop [--samleng-case-alert-accent=var(--samleng-color-accent)] - Color of the name, badge and primary action.
 * @cssprop [--samleng-case-alert-on-accent=var(--samleng-color-on-accent)] - Text on the primary action.
 * @cssprop [--samleng-case-alert-photo-size=4.5em] - Size of the photo and of the initials disc.
 * @cssprop [--samleng-case-alert-min-height=14em] - Height kept while the feed loads, so the page does not jump.
 *
 * @fires {CustomEvent<{caseId: string, kind: 'link' | 'letter' | 'copy-letter' | 'share' | 'copy-link'}>} samleng-case-action - The reader used an action: the primary link, the mailto letter, "copy the letter", the share sheet, or "copy the link".
 */
export class SamlengCaseAlert extends SamlengElement {
  static override styles = [...SamlengElement.styles, cardStyles, caseAlertStyles];

  /** The small line above the name; "Urgent action" by default. Without a name it is the heading. */
  @property() heading: string | undefined;

  /** A case feed (JSON, see case-feed.schema.json); with `case-id`, the card shows that case. */
  @property() src: string | undefined;

  /** The `id` of the case to show from the feed; also the `caseId` of events for inline cards. */
  @property({ attribute: 'case-id' }) caseId: string | undefined;

  /** The person's name. */
  @property() name: string | undefined;

  /** The name in Khmer script, e.g. `កឹម សុខា`; in Khmer it becomes the heading. */
  @property({ attribute: 'name-km' }) nameKm: string | undefined;

  /** `detained`, `house-arrest`, `in-exile`, `convicted-in-absentia`, `released` or `deceased`. */
  @property() status: string | undefined;

  /** What is or is not verified about the status, shown under the badge. */
  @property({ attribute: 'status-note' }) statusNote: string | undefined;

  /** The charge, as text. */
  @property() charge: string | undefined;

  /** The sentence, as text (`27 years`). */
  @property() sentence: string | undefined;

  /** Date of arrest (ISO, `2017-09-03`); with `detained` or `house-arrest` it starts the live "… since arrest". */
  @property() arrested: string | undefined;

  /** Date of the sentence (ISO). */
  @property() sentenced: string | undefined;

  /** URL of a photo; initials on a colored disc stand in when it is missing or broken. */
  @property() photo: string | undefined;

  /** Text alternative of the photo; without it the photo is decorative (the name is beside it). */
  @property({ attribute: 'photo-alt' }) photoAlt: string | undefined;

  /** The date to act before (ISO); once passed, the card says so and the actions stay usable. */
  @property() deadline: string | undefined;

  /** When the case was last checked (ISO). The property is `lastUpdated` (`updated` is Lit's lifecycle method). */
  @property({ attribute: 'updated' }) lastUpdated: string | undefined;

  /** The primary action's URL. */
  @property({ attribute: 'action-href' }) actionHref: string | undefined;

  /** The primary action's label; "Take action" by default. */
  @property({ attribute: 'action-label' }) actionLabel: string | undefined;

  /** A source for the facts (its host name is shown). */
  @property({ attribute: 'source-href' }) sourceHref: string | undefined;

  /** E-mail address for "write to the authorities". */
  @property({ attribute: 'letter-to' }) letterTo: string | undefined;

  /** Subject of the letter. */
  @property({ attribute: 'letter-subject' }) letterSubject: string | undefined;

  /** Text of the letter. */
  @property({ attribute: 'letter-body' }) letterBody: string | undefined;

  /** The link shared by "Share"; the page's address by default. */
  @property({ attribute: 'share-url' }) shareUrl: string | undefined;

  /** A case object in the feed's format (for scripts); wins over `src` and the attributes. */
  @property({ attribute: false }) data: unknown;

  /**
   * Set by `<samleng-case-list>`: a case it already read (and checked); its cards use `<h3>` and no kicker.
   * @internal
   */
  @property({ attribute: false }) record: CaseRecord | undefined;

  @state() private expanded = false;
  @state() private photoFailed = false;
  @state() private confirmation = '';
  @state() private letterOpen = false;
  @state() private slotLength = 0;

  readonly #feed = new FeedController(this);
  readonly #clock = new ClockController(this, 'minute');
  #record: CaseRecord | AttributeProblem | CaseFieldError | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#feed.setSource(this.#mode() === 'feed' ? this.src : undefined);
    if (
      changed.has('photo') ||
      changed.has('data') ||
      changed.has('record') ||
      changed.has('src') ||
      changed.has('caseId')
    ) {
      this.photoFailed = false;
    }
    this.#record = this.#readCase();
    const record = this.#record && 'id' in this.#record ? this.#record : undefined;
    // The clock runs only for what changes with time: the "since arrest" counter, and a deadline to come.
    const counting = !!record?.arrested && !!record.status && DEPRIVED_OF_LIBERTY.includes(record.status);
    const awaiting = !!record?.deadline && Date.now() < deadlineEnd(record.deadline);
    this.#clock.active = counting || awaiting;
  }

  /** Where the case comes from, in order of precedence. */
  #mode(): 'record' | 'data' | 'feed' | 'inline' {
    if (this.record) return 'record';
    if (this.data !== undefined) return 'data';
    return this.src?.trim() ? 'feed' : 'inline';
  }

  #readCase(): CaseRecord | AttributeProblem | CaseFieldError | undefined {
    if (this.record) return this.record;
    if (this.data !== undefined) {
      try {
        return parseCase(this.data, 'data');
      } catch (error) {
        if (error instanceof CaseFieldError) return error;
        throw error;
      }
    }
    if (this.src?.trim()) {
      const feed = this.#feed.state;
      if (feed.kind !== 'ready') return undefined;
      return feed.cases.find((c) => c.id === this.caseId?.trim());
    }
    const attributes: CaseAttributes = { updated: this.lastUpdated };
    for (const key of INLINE_FIELDS) attributes[key] = this[key];
    return caseFromAttributes(attributes);
  }

  protected override render() {
    const record = this.#record;
    if (record instanceof CaseFieldError) {
      return renderConfigError(this, {
        attribute: 'data',
        message: msg('The case given to this card could not be read.', { id: 'case-alert.error.data' }),
        warning: `${record.message}.`,
      });
    }
    if (record && !('id' in record)) return this.#renderAttributeProblem(record);
    if (this.#mode() === 'feed') {
      const feed = this.#feed.state;
      if (feed.kind === 'error') return this.#renderFeedError(feed.problem, feed.status);
      if (feed.kind !== 'ready') return this.#renderLoading();
      const id = this.caseId?.trim() ?? '';
      if (!record) {
        return renderConfigError(this, {
          attribute: 'case-id',
          message: id
            ? msg(str`There is no case "${id}" in the list of cases.`, { id: 'case-alert.error.not-found' })
            : msg('Add the case-id attribute to choose a case from the list.', {
                id: 'case-alert.error.case-id',
              }),
          warning: id
            ? `no case with the id "${id}" in ${this.src} (or it was skipped: see the warnings above).`
            : '`case-id` is missing: it names the case of the feed to show, e.g. case-id="kem-sokha".',
        });
      }
    }
    return record ? this.#renderCase(record) : this.#renderMinimal();
  }

  /** No name and no feed: the heading and the partner's text (the simplest embed). */
  #renderMinimal(): TemplateResult {
    const heading = this.heading?.trim() || msg('Urgent action', { id: 'case-alert.default-heading' });
    return html`<article class="card" part="base" lang=${this.l10n.locale}>
      <h2 class="heading" part="heading">${heading}</h2>
      <div class="summary" part="summary"><slot></slot></div>
    </article>`;
  }

  #renderAttributeProblem(problem: AttributeProblem): TemplateResult {
    const { attribute, value } = problem;
    if (attribute === 'status') {
      return renderConfigError(this, {
        attribute,
        message: msg(
          str`The status "${value}" is not known. Use detained, house-arrest, in-exile, convicted-in-absentia, released or deceased.`,
          { id: 'case-alert.error.status' },
        ),
        warning: `\`status\` must be one of detained, house-arrest, in-exile, convicted-in-absentia, released, deceased (got "${value}").`,
      });
    }
    if (attribute === 'letter-to') {
      return renderConfigError(this, {
        attribute,
        message: msg(str`"${value}" is not an e-mail address. Use one address such as office@example.org.`, {
          id: 'case-alert.error.letter-to',
        }),
        warning: `\`letter-to\` must be one e-mail address such as office@example.org (got "${value}").`,
      });
    }
    return renderConfigError(this, {
      attribute,
      message: msg(
        str`The date "${value}" (${attribute}) could not be read. Use an ISO date such as 2017-09-03.`,
        {
          id: 'case-alert.error.date',
        },
      ),
      warning: `\`${attribute}\` must be an ISO date such as 2017-09-03 (got "${value}").`,
    });
  }

  #renderLoading(): TemplateResult {
    return html`<div class="card loading" part="base loading" lang=${this.l10n.locale} aria-busy="true">
      <p class="sr-only" role="status">${msg('Loading the case…', { id: 'case-alert.loading' })}</p>
      <div class="skeleton" aria-hidden="true">
        <span class="bone disc"></span><span class="bone line"></span><span class="bone line short"></span>
      </div>
    </div>`;
  }

  #renderFeedError(problem: Parameters<typeof feedProblemMessage>[0], status?: number): TemplateResult {
    return html`<div class="card feed-error" part="base error" lang=${this.l10n.locale} role="alert">
      <p>${feedProblemMessage(problem, status, this.l10n.format)}</p>
      ${
        problem === 'src'
          ? nothing
          : html`<button type="button" class="button" part="button" @click=${() => this.#feed.retry()}>
              ${retryLabel()}
            </button>`
      }
    </div>`;
  }

  #text(value: LocalizedText | undefined): string {
    return pickText(value, this.l10n.locale).trim();
  }

  /** A feed text with its language when it is not the card's, for the `lang` of the element showing it. */
  #picked(value: LocalizedText | undefined): PickedText {
    const { text, lang } = pickLocalized(value, this.l10n.locale);
    return { text: text.trim(), lang };
  }

  /**
   * Feed texts inside a localized sentence or list ("Subject: …", "A, B and C"), each in its own
   * language: `text` is asked for with marks in place of the feed texts (MARK, their index, MARK), and
   * each text goes where its mark is.
   */
  #fill(text: string, values: PickedText[]): TemplateResult {
    return html`${text.split(MARK).map((piece, index) => {
      const value = index % 2 ? values[Number(piece)] : undefined;
      return value ? html`<span lang=${ifDefined(value.lang)}>${value.text}</span>` : piece;
    })}`;
  }

  #date(date: CaseDate): TemplateResult {
    const text = this.l10n.format.date(date.value, {
      style: 'long',
      timeZone: date.dateOnly ? 'UTC' : undefined,
    });
    const iso = date.dateOnly ? date.value.toISOString().slice(0, 10) : date.value.toISOString();
    return html`<time datetime=${iso}>${text}</time>`;
  }

  #dateText(date: CaseDate): string {
    return this.l10n.format.date(date.value, { style: 'long', timeZone: date.dateOnly ? 'UTC' : undefined });
  }

  #act(kind: CaseActionKind): void {
    const record = this.#record;
    this.emit('samleng-case-action', { caseId: record && 'id' in record ? record.id : '', kind });
  }

  #renderCase(record: CaseRecord): TemplateResult {
    const locale = this.l10n.locale;
    const picked = this.#picked(record.name);
    const nameKm = record.nameKm?.trim();
    const khmerName = { text: nameKm ?? '', lang: locale === 'km' ? undefined : 'km' };
    // In Khmer the Khmer-script name leads; elsewhere it follows the name as written in the feed.
    const [first, second] = locale === 'km' && nameKm ? [khmerName, picked] : [picked, khmerName];
    const title = first.text;
    const alternate = second.text;
    const heading = this.record
      ? html`<h3 class="heading" part="heading" id="name" lang=${ifDefined(first.lang)}>${title}</h3>`
      : html`<h2 class="heading" part="heading" id="name" lang=${ifDefined(first.lang)}>${title}</h2>`;
    const kicker = this.record
      ? nothing
      : html`<p class="kicker" part="kicker">
          ${this.heading?.trim() || msg('Urgent action', { id: 'case-alert.default-heading' })}
        </p>`;
    return html`<article class="card case" part="base" lang=${locale} aria-labelledby="name">
      ${kicker}
      <div class="head">
        ${this.#renderPhoto(record, picked.text ? picked : khmerName)}
        <div class="who">
          ${heading}
          ${
            alternate && alternate !== title
              ? html`<p class="alternate" lang=${ifDefined(second.lang)}>${alternate}</p>`
              : nothing
          }
          ${this.#renderStatus(record)}
        </div>
      </div>
      ${this.#renderFacts(record)} ${this.#renderSummary(record)} ${this.#renderDeadline(record)}
      ${this.#renderActions(record, title)} ${this.#renderSources(record)} ${this.#renderUpdated(record)}
    </article>`;
  }

  #renderUpdated(record: CaseRecord): TemplateResult | typeof nothing {
    if (!record.updated) return nothing;
    const date = this.#dateText(record.updated);
    return html`<p class="updated" part="updated">
      ${msg(str`Facts last checked on ${date}`, { id: 'case-alert.checked' })}
    </p>`;
  }

  #renderPhoto(record: CaseRecord, { text: name, lang }: PickedText): TemplateResult {
    const src = safeUrl(record.photo, { host: this, field: this.#field('photo') });
    if (src && !this.photoFailed) {
      const photoAlt = this.#picked(record.photoAlt);
      return html`<img
        class="photo"
        part="photo"
        src=${src}
        alt=${photoAlt.text}
        lang=${ifDefined(photoAlt.lang)}
        loading="lazy"
        decoding="async"
        @error=${() => (this.photoFailed = true)}
      />`;
    }
    return html`<span
      class="photo initials"
      part="photo"
      aria-hidden="true"
      lang=${ifDefined(lang)}
      ${styleProps({ background: discColor(name) })}
      >${initialsOf(name)}</span
    >`;
  }

  /** Names a field in warnings the way the partner wrote it: an attribute, or a path in the data. */
  #field(name: string): string {
    const mode = this.#mode();
    if (mode === 'data') return `data.${name}`;
    if (mode === 'record' || mode === 'feed')
      return `case "${this.#record && 'id' in this.#record ? this.#record.id : ''}" ${name}`;
    return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  }

  #renderStatus(record: CaseRecord): TemplateResult | typeof nothing {
    if (!record.status) return nothing;
    const since = this.#since(record);
    const note = this.#picked(record.statusNote);
    return html`<p class="status">
        <span class="badge" part="badge" data-status=${record.status}>${statusLabel(record.status)}</span>
        ${since ? html`<span class="since">${since}</span>` : nothing}
      </p>
      ${note.text ? html`<p class="note" lang=${ifDefined(note.lang)}>${note.text}</p>` : nothing}`;
  }

  /** "9 years, 2 months since arrest", live, for people still deprived of liberty. */
  #since(record: CaseRecord): string {
    if (!record.arrested || !record.status || !DEPRIVED_OF_LIBERTY.includes(record.status)) return '';
    const now = this.#clock.now;
    if (+record.arrested.value > +now) return '';
    const { years = 0, months = 0, days = 0 } = durationBetween(record.arrested.value, now);
    const parts = years || months ? { years, months } : { days };
    if (!years && !months && !days) return '';
    const duration = this.l10n.format.duration(parts);
    return msg(str`${duration} since arrest`, { id: 'case-alert.since-arrest' });
  }

  #renderFacts(record: CaseRecord): TemplateResult | typeof nothing {
    const charges = record.charges.map((c) => this.#picked(c)).filter((c) => c.text);
    const sentence = this.#picked(record.sentence);
    const rows: TemplateResult[] = [];
    if (charges.length) {
      rows.push(
        html`<div>
          <dt>${msg('Charges', { id: 'case-alert.charges' })}</dt>
          <dd>${this.#fill(this.l10n.format.list(charges.map((_, i) => `${MARK}${i}${MARK}`)), charges)}</dd>
        </div>`,
      );
    }
    if (sentence.text) {
      rows.push(
        html`<div>
          <dt>${msg('Sentence', { id: 'case-alert.sentence' })}</dt>
          <dd lang=${ifDefined(sentence.lang)}>${sentence.text}</dd>
        </div>`,
      );
    }
    if (record.arrested) {
      rows.push(
        html`<div>
          <dt>${msg('Arrested', { id: 'case-alert.arrested' })}</dt>
          <dd>${this.#date(record.arrested)}</dd>
        </div>`,
      );
    }
    if (record.sentenced) {
      rows.push(
        html`<div>
          <dt>${msg('Sentenced', { id: 'case-alert.sentenced' })}</dt>
          <dd>${this.#date(record.sentenced)}</dd>
        </div>`,
      );
    }
    return rows.length ? html`<dl class="facts" part="facts">${rows}</dl>` : nothing;
  }

  #renderSummary(record: CaseRecord): TemplateResult | typeof nothing {
    const inline = this.#mode() === 'inline';
    const summary = this.#picked(inline ? undefined : record.summary);
    const text = summary.text;
    const length = inline ? this.slotLength : text.length;
    if (!inline && !text) return nothing;
    const long = length > LONG_SUMMARY;
    const collapsed = long && !this.expanded;
    return html`<div
        class="summary ${collapsed ? 'collapsed' : ''}"
        part="summary"
        id="summary"
        lang=${ifDefined(summary.lang)}
      >
        ${inline ? html`<slot @slotchange=${this.#measureSlot}></slot>` : text}
      </div>
      ${
        long
          ? html`<button
              type="button"
              class="toggle"
              part="toggle"
              aria-expanded=${this.expanded ? 'true' : 'false'}
              aria-controls="summary"
              @click=${() => (this.expanded = !this.expanded)}
            >
              ${
                this.expanded
                  ? msg('Show less', { id: 'case-alert.read-less' })
                  : msg('Read more', { id: 'case-alert.read-more' })
              }
            </button>`
          : nothing
      }`;
  }

  #measureSlot(event: Event): void {
    const slot = event.target as HTMLSlotElement;
    this.slotLength = slot
      .assignedNodes({ flatten: true })
      .map((node) => node.textContent ?? '')
      .join('')
      .replace(/\s+/g, ' ')
      .trim().length;
  }

  #renderDeadline(record: CaseRecord): TemplateResult | typeof nothing {
    if (!record.deadline) return nothing;
    const date = this.#dateText(record.deadline);
    const passed = Date.now() >= deadlineEnd(record.deadline);
    return html`<p class="deadline ${passed ? 'passed' : ''}" part="deadline">
      ${
        passed
          ? msg(str`The deadline (${date}) has passed. You can still act.`, {
              id: 'case-alert.deadline-passed',
            })
          : msg(str`Act before ${date}`, { id: 'case-alert.deadline' })
      }
    </p>`;
  }

  #renderActions(record: CaseRecord, title: string): TemplateResult {
    const link = record.actions.find((a): a is LinkAction => a.kind === 'link');
    const letter = record.actions.find((a): a is LetterAction => a.kind === 'letter');
    const linkIndex = link ? record.actions.indexOf(link) : -1;
    const inline = this.#mode() === 'inline';
    const field = this.#field(inline ? 'actionHref' : `actions[${linkIndex}].href`);
    const href = link ? safeUrl(link.href, { host: this, field }) : undefined;
    const label = this.#picked(link?.label);
    return html`<div class="actions" part="actions">
        ${
          href
            ? html`<a
                class="action"
                part="action"
                href=${href}
                lang=${ifDefined(label.text ? label.lang : undefined)}
                @click=${() => this.#act('link')}
                >${label.text || msg('Take action', { id: 'case-alert.take-action' })}</a
              >`
            : nothing
        }
        ${letter ? this.#renderLetterActions(letter) : nothing}
        <button type="button" class="button" part="button" @click=${() => this.#share(title)}>
          ${msg('Share', { id: 'case-alert.share' })}
        </button>
      </div>
      ${letter ? this.#renderLetter(letter) : nothing}
      <p class="confirmation" part="confirmation" role="status">${this.confirmation}</p>`;
  }

  #letterParts(letter: LetterAction) {
    const subject = this.#text(letter.subject);
    const body = this.#text(letter.body);
    return { to: letter.to, subject, body };
  }

  #renderLetterActions(letter: LetterAction): TemplateResult {
    const { to, subject, body } = this.#letterParts(letter);
    const href = safeUrl(mailtoUrl(to, subject, body));
    return html`<a class="button" part="button" href=${ifDefined(href)} @click=${() => this.#act('letter')}
        >${msg('Write to the authorities', { id: 'case-alert.write' })}</a
      >
      <button type="button" class="button" part="button" @click=${() => this.#copyLetter(letter)}>
        ${msg('Copy the letter', { id: 'case-alert.copy-letter' })}
      </button>`;
  }

  #renderLetter(letter: LetterAction): TemplateResult {
    const body = this.#picked(letter.body);
    const to = letter.to;
    // The subject, in its own language, goes where this mark is in the localized sentence.
    const subject = `${MARK}0${MARK}`;
    return html`<details
      class="letter"
      part="letter"
      ?open=${this.letterOpen}
      @toggle=${(event: Event) => (this.letterOpen = (event.target as HTMLDetailsElement).open)}
    >
      <summary>${msg('Read the letter', { id: 'case-alert.read-letter' })}</summary>
      <p>${msg(str`To: ${to}`, { id: 'case-alert.letter-to' })}</p>
      <p>
        ${this.#fill(msg(str`Subject: ${subject}`, { id: 'case-alert.letter-subject' }), [this.#picked(letter.subject)])}
      </p>
      <p class="letter-body" lang=${ifDefined(body.lang)}>${body.text}</p>
    </details>`;
  }

  async #copyLetter(letter: LetterAction): Promise<void> {
    const { to, subject, body } = this.#letterParts(letter);
    const text = [
      msg(str`To: ${to}`, { id: 'case-alert.letter-to' }),
      msg(str`Subject: ${subject}`, { id: 'case-alert.letter-subject' }),
      '',
      body,
    ].join('\n');
    const copied = await copyText(text, this.renderRoot as ShadowRoot);
    if (copied) {
      this.#confirm(
        msg(str`The letter was copied. Paste it into an e-mail to ${to}.`, {
          id: 'case-alert.letter-copied',
        }),
      );
      this.#act('copy-letter');
    } else {
      this.letterOpen = true;
      this.#confirm(
        msg('Copying did not work. The letter is shown below: select its text to copy it.', {
          id: 'case-alert.copy-failed',
        }),
      );
    }
  }

  async #share(title: string): Promise<void> {
    const wanted = safeUrl(this.shareUrl, { host: this, field: 'share-url' }) ?? location.href;
    const absolute = new URL(wanted, document.baseURI).href;
    if (typeof navigator.share === 'function') {
      try {
        await navigator.share({ title, url: absolute });
        this.#confirm(msg('Thank you for sharing.', { id: 'case-alert.shared' }));
        this.#act('share');
      } catch {
        // The reader closed the share sheet: nothing happened, so nothing to say.
      }
      return;
    }
    const url = absolute;
    if (await copyText(url, this.renderRoot as ShadowRoot)) {
      this.#confirm(msg('The link was copied.', { id: 'case-alert.link-copied' }));
      this.#act('copy-link');
    } else {
      this.#confirm(
        msg(str`Copying did not work. The link is ${url}`, { id: 'case-alert.link-copy-failed' }),
      );
    }
  }

  /** Sets the polite live region; clearing first makes a repeated message be announced again. */
  #confirm(text: string): void {
    this.confirmation = '';
    void this.updateComplete.then(() => (this.confirmation = text));
  }

  #renderSources(record: CaseRecord): TemplateResult | typeof nothing {
    if (!record.sources.length) return nothing;
    const inline = this.#mode() === 'inline';
    const items = record.sources.map((source, i) => {
      const url = safeUrl(source.url, {
        host: this,
        field: inline ? 'source-href' : this.#field(`sources[${i}].url`),
      });
      const given = this.#picked(source.title);
      // A host name is no language's: it inherits the card's.
      const title = given.text || (url ? hostOf(url) : '');
      const lang = given.text ? given.lang : undefined;
      if (!title) return nothing;
      const publisher = this.#picked(source.publisher);
      return html`<li>
        ${url ? html`<a href=${url} lang=${ifDefined(lang)}>${title}</a>` : html`<span lang=${ifDefined(lang)}>${title}</span>`}
        ${publisher.text ? html`<span class="meta" lang=${ifDefined(publisher.lang)}>${publisher.text}</span>` : nothing}
        ${source.date ? html`<span class="meta">${this.#date(source.date)}</span>` : nothing}
      </li>`;
    });
    return html`<div class="sources" part="sources">
      <p class="label" id="sources">${msg('Sources', { id: 'case-alert.sources' })}</p>
      <ul aria-labelledby="sources">
        ${items}
      </ul>
    </div>`;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url, document.baseURI).hostname || url;
  } catch {
    return url;
  }
}
