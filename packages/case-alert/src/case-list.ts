import { css, html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import { msg } from '@lit/localize';
import { SamlengElement, cardStyles, formStyles, renderConfigError } from '@samleng/core';
import { AlertsSignup } from './alerts-signup.js';
import { caseAlertStyles } from './case-alert.styles.js';
import type { CaseRecord, CaseStatus } from './case-record.js';
import { FeedController } from './feed-controller.js';
import { feedProblemMessage, retryLabel } from './messages.js';
import { isStatus } from './parse-case.js';

/** The date a case is sorted by: when it was last updated, else sentenced, else arrested. */
const recency = (c: CaseRecord) => +(c.updated?.value ?? c.sentenced?.value ?? c.arrested?.value ?? 0);

/**
 * @summary The cases of a shared feed as urgent-action cards, newest first, filtered by status.
 *
 * @tag samleng-case-list
 *
 * @csspart base - The box around the whole list.
 * @csspart heading - The list's heading.
 * @csspart list - The list of cards.
 * @csspart empty - The message shown when no case matches.
 * @csspart error - The message shown when the feed cannot be loaded or read.
 * @csspart button - The retry button.
 * @csspart loading - The placeholder shown while the feed loads (it keeps the list's height).
 * @csspart alerts - The alerts sign-up under the list (with `alerts`): the form, then "check your inbox".
 * @csspart alerts-heading - The sign-up's heading.
 * @csspart field - Each field of the sign-up: its label, input and message.
 * @csspart label - Each field's label.
 * @csspart input - The e-mail field and the language select.
 * @csspart field-error - The message under a field that needs fixing.
 * @csspart consent - The consent checkbox, its sentence and the privacy link.
 * @csspart privacy - The privacy link.
 * @csspart form-error - Why the sign-up could not be sent, with its retry button.
 *
 * @cssprop [--samleng-case-list-min-height=20em] - Height kept while the feed loads, so the page does not jump.
 * @cssprop [--samleng-case-list-gap=var(--samleng-space)] - Space between cards.
 * @cssprop [--samleng-case-list-alerts-background=var(--samleng-color-surface-alt)] - Background of the alerts sign-up.
 *
 * @fires {CustomEvent<{caseId: string, kind: 'link' | 'letter' | 'copy-letter' | 'share' | 'copy-link'}>} samleng-case-action - From a card of the list (it bubbles out of the list).
 * @fires {CustomEvent<{confirm: true}>} samleng-case-list-subscribed - The receiver has the alerts sign-up; a mail asks the reader to confirm. No personal data.
 * @fires {CustomEvent<{errors: Record<string, string>}>} samleng-case-list-error - The sign-up needs fixing (`{email: "format"}`, `{consent: "not-accepted"}`), or could not be sent (`{request: "network"}`, `{request: "http-503"}`).
 */
export class SamlengCaseList extends SamlengElement {
  static override styles = [
    ...SamlengElement.styles,
    cardStyles,
    formStyles,
    caseAlertStyles,
    css`
      :host {
        --_list-min-height: var(--samleng-case-list-min-height, 20em);
        --_gap: var(--samleng-case-list-gap, var(--_space));
      }
      .list {
        display: grid;
        gap: var(--_gap);
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .loading {
        min-height: var(--_list-min-height);
      }
      .list-heading {
        margin-block-end: var(--_gap);
      }
      .alerts {
        margin-block-start: var(--_gap);
        background: var(--samleng-case-list-alerts-background, var(--_surface-alt));
      }
      .alerts-heading {
        margin: 0;
        font-size: 1.125em;
      }
      .alerts.done {
        display: grid;
        gap: 0.5em;
        border-inline-start: 4px solid var(--_success);
      }
      .submit {
        justify-self: start;
      }
      .form-error p {
        margin-block-end: 0.5em;
      }
    `,
  ];

  /** The heading above the list; none by default (the page usually has one). */
  @property() heading: string | undefined;

  /** The case feed (JSON, see case-feed.schema.json). */
  @property() src: string | undefined;

  /** Show at most this many cases (newest first). */
  @property({ type: Number }) limit: number | undefined;

  /** Show only these statuses, space-separated: `detained house-arrest`. */
  @property() status: string | undefined;

  /** The link each card shares; the page's address by default. */
  @property({ attribute: 'share-url' }) shareUrl: string | undefined;

  /** The receiver's sign-up address (`https://…/api/subscriptions`): shows an alerts sign-up under the list. */
  @property() alerts: string | undefined;

  /** The partner's short name, sent with each sign-up so the campaign knows where it came from. */
  @property() partner: string | undefined;

  /** Replaces the sign-up's consent sentence (sent and stored with each sign-up as the reader saw it). */
  @property({ attribute: 'consent-text' }) consentText: string | undefined;

  /** The partner's privacy page, linked beside the sign-up's consent box. */
  @property({ attribute: 'privacy-href' }) privacyHref: string | undefined;

  readonly #feed = new FeedController(this);
  readonly #signup = new AlertsSignup(this, this.l10n);

  protected override willUpdate(_changed: PropertyValues<this>): void {
    this.#feed.setSource(this.src);
  }

  #statuses(): Set<CaseStatus> | undefined {
    const words = this.status?.split(/\s+/).filter(Boolean) ?? [];
    if (!words.length) return undefined;
    const unknown = words.filter((word) => !isStatus(word));
    if (unknown.length) {
      this.warn(
        `status:${unknown.join(' ')}`,
        `\`status\` ignores "${unknown.join(' ')}": use detained, house-arrest, in-exile, convicted-in-absentia, released or deceased.`,
      );
    }
    return new Set(words.filter(isStatus));
  }

  #limit(): number {
    const limit = this.limit;
    if (limit === undefined || limit === null) return Infinity;
    if (!Number.isInteger(limit) || limit < 1) {
      this.warn(
        `limit:${String(limit)}`,
        `\`limit\` must be a whole number of 1 or more (got "${this.getAttribute('limit') ?? limit}"); all cases are shown.`,
      );
      return Infinity;
    }
    return limit;
  }

  protected override render() {
    const signup = this.alerts?.trim() ? this.#signup.render() : nothing;
    return html`${this.#renderList()}${signup}`;
  }

  #renderList() {
    const heading = this.heading?.trim();
    const state = this.#feed.state;
    const titled = heading
      ? html`<h2 class="heading list-heading" part="heading" id="heading">${heading}</h2>`
      : nothing;
    const label = heading ? 'heading' : undefined;
    if (state.kind === 'idle') {
      // Idle: no `src`, so nothing to wait for; say so instead of loading forever.
      return html`<section part="base" lang=${this.l10n.locale}>
        ${titled}
        ${renderConfigError(this, {
          attribute: 'src',
          message: msg('Add the src attribute with the address of a list of cases.', {
            id: 'case-list.error.src-missing',
          }),
          warning: '`src` is required: the address of a case feed (JSON, see case-feed.schema.json).',
        })}
      </section>`;
    }
    if (state.kind === 'error') {
      return html`<section class="card feed-error" part="base error" lang=${this.l10n.locale}>
        ${titled}
        <div role="alert">
          <p>${feedProblemMessage(state.problem, state.status, this.l10n.format)}</p>
          ${
            state.problem === 'src'
              ? nothing
              : html`<button type="button" class="button" part="button" @click=${() => this.#feed.retry()}>
                  ${retryLabel()}
                </button>`
          }
        </div>
      </section>`;
    }
    if (state.kind !== 'ready') {
      return html`<section class="loading" part="base loading" lang=${this.l10n.locale} aria-busy="true">
        ${titled}
        <p class="sr-only" role="status">${msg('Loading the cases…', { id: 'case-list.loading' })}</p>
        <div class="card skeleton" aria-hidden="true">
          <span class="bone disc"></span><span class="bone line"></span><span class="bone line short"></span>
        </div>
      </section>`;
    }
    const wanted = this.#statuses();
    const cases = state.cases
      .filter((c) => !wanted || (c.status && wanted.has(c.status)))
      .sort((a, b) => recency(b) - recency(a))
      .slice(0, this.#limit());
    if (!cases.length) {
      return html`<section part="base" lang=${this.l10n.locale} aria-labelledby=${ifDefined(label)}>
        ${titled}
        <p class="card empty" part="empty">
          ${msg('No case to show at the moment.', { id: 'case-list.empty' })}
        </p>
      </section>`;
    }
    return html`<section part="base" lang=${this.l10n.locale} aria-labelledby=${ifDefined(label)}>
      ${titled}
      <ul class="list" part="list">
        ${repeat(
          cases,
          (c) => c.id,
          (c) =>
            html`<li>
              <samleng-case-alert
                .record=${c}
                theme=${ifDefined(this.theme)}
                .numerals=${this.numerals}
                share-url=${ifDefined(this.shareUrl)}
              ></samleng-case-alert>
            </li>`,
        )}
      </ul>
    </section>`;
  }
}
