import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import {
  SamlengElement,
  cardStyles,
  formStyles,
  renderConfigError,
  safeUrl,
  uuid,
  type ConfigProblem,
} from '@samleng/core';
import { followConfig, readCountConfig, shown, type CountConfig } from './config.js';
import { CountController } from './count-source.js';
import { countStyles, renderCount } from './count-view.js';
import { cleanPageUrl, SLUG } from './endpoint.js';
import { cleanValue, FIELDS, parseFields, validate, type FieldName } from './fields.js';
import { onDelivery, outboxPersistent, resumeOutbox, submitPledge } from './outbox.js';
import { pledgeStyles, pledgeTokens } from './pledge.styles.js';
import type { FieldErrors, PledgeBody, SendResult } from './send.js';
import { renderShare } from './share-view.js';

/** What `samleng-pledge-sent` reports: the pledge's id, and whether it waits for confirmation by e-mail. */
export interface PledgeSentDetail {
  id: string;
  /** True when the receiver confirms pledges by e-mail: the reader gets a link to confirm. */
  confirm: boolean;
}

type Phase = 'form' | 'sending' | 'queued' | 'thanks';

type Config = CountConfig & { partner: string | undefined; fields: FieldName[] };

/**
 * @summary A pledge form whose every signature reaches the campaign, with a live count.
 *
 * @tag samleng-pledge
 *
 * @slot - The pledge statement, readable before the script runs.
 *
 * @csspart base - The card around the whole widget.
 * @csspart heading - The heading.
 * @csspart statement - The box around the pledge statement.
 * @csspart progress - The count, the bar and the goal.
 * @csspart count - "1,234 people have pledged".
 * @csspart status - "Loading the number of pledges…", or why it cannot be shown.
 * @csspart bar - The progress bar's track (only with a `goal`).
 * @csspart bar-fill - The filled part of the progress bar.
 * @csspart goal - "Goal: 5,000", or the next goal once it is passed.
 * @csspart form - The form.
 * @csspart field - Each field: its label, input and message.
 * @csspart label - Each field's label.
 * @csspart input - Each text field.
 * @csspart field-error - The message under a field that needs fixing.
 * @csspart consent - The consent checkbox, its text and the privacy link.
 * @csspart privacy - The privacy link.
 * @csspart form-error - A message about the whole form (the campaign refused the pledge).
 * @csspart button - Every button.
 * @csspart note - "Link copied.", under the share buttons.
 * @csspart queued - The "saved, will be sent" message.
 * @csspart thanks - The thank-you step.
 * @csspart share - The sharing area of the thank-you step.
 * @csspart share-link - Each network's share link.
 * @csspart error - The message shown when the attributes are wrong.
 *
 * @cssprop [--samleng-pledge-accent=var(--samleng-color-accent)] - Heading, button, checkbox and progress bar.
 * @cssprop [--samleng-pledge-on-accent=var(--samleng-color-on-accent)] - Text on the button.
 * @cssprop [--samleng-pledge-track=var(--samleng-color-surface-alt)] - The empty part of the progress bar, the thank-you box.
 *
 * @fires {CustomEvent<{id: string, campaign: string}>} samleng-pledge-submit - The reader sent the form and it passed the checks; no personal data.
 * @fires {CustomEvent<PledgeSentDetail>} samleng-pledge-sent - The receiver has the pledge: `{id, confirm}`.
 * @fires {CustomEvent<{id: string}>} samleng-pledge-queued - The receiver could not be reached: the pledge waits in the outbox.
 * @fires {CustomEvent<{errors: Record<string, string>}>} samleng-pledge-error - The pledge needs fixing (`{field: code}`), or the receiver refused it (`{request: "http-403"}`).
 * @fires {CustomEvent<{channel: string}>} samleng-pledge-share - The reader used a share button or link (`native`, `copy`, `whatsapp`, `telegram`, `facebook`, `x`, `line`, `email`).
 */
export class SamlengPledge extends SamlengElement {
  static override styles = [
    ...SamlengElement.styles,
    cardStyles,
    formStyles,
    pledgeTokens,
    countStyles,
    pledgeStyles,
  ];

  /** The receiver's pledge address, e.g. `https://pledges.example.org/api/pledges`. Required. */
  @property() endpoint: string | undefined;

  /** The campaign's short name, e.g. `upr-2029`. Required. */
  @property() campaign: string | undefined;

  /** The partner's short name, recorded with each pledge so the campaign sees where it came from. */
  @property() partner: string | undefined;

  /** The number of pledges aimed at; shows a progress bar that steps up once the goal is passed. */
  @property({ type: Number }) goal: number | undefined;

  /** Optional fields besides name and e-mail, space-separated: `country`, `phone`, `city`, `comment`. */
  @property() fields: string | undefined;

  /** The partner's privacy page, linked beside the consent box. */
  @property({ attribute: 'privacy-href' }) privacyHref: string | undefined;

  /** The address people are invited to share; by default this page (without the prefill parameters). */
  @property({ attribute: 'share-url' }) shareUrl: string | undefined;

  /** The text that goes with shared links. */
  @property({ attribute: 'share-text' }) shareText: string | undefined;

  /** The heading of the card. */
  @property() heading: string | undefined;

  /** Replaces the consent sentence (sent and stored with each pledge as the reader saw it). */
  @property({ attribute: 'consent-text' }) consentText: string | undefined;

  /** The heading of the thank-you step. */
  @property({ attribute: 'thanks-heading' }) thanksHeading: string | undefined;

  /** Seconds between two readings of the count while the page is visible (at least 5; default 60). */
  @property({ type: Number }) refresh: number | undefined;

  @state() private _phase: Phase = 'form';
  @state() private _errors: FieldErrors = {};
  @state() private _formError = false;
  @state() private _confirm = false;
  @state() private _retrying = false;

  readonly #count = new CountController(this);
  /** Undefined while the attributes are wrong. */
  #config: Config | undefined;
  #values: Partial<Record<FieldName, string>> = {};
  #consent = false;
  #pendingId: string | undefined;
  #stopListening: (() => void) | undefined;
  #prefilled = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#stopListening = onDelivery(({ id, result }) => {
      if (id === this.#pendingId) this.#settle(id, result);
    });
    if (!this.#prefilled) {
      this.#prefilled = true;
      // A partner's mailing can link to the page with ?name=…&email=… so readers only tick and send.
      const query = new URLSearchParams(location.search);
      for (const name of ['name', 'email'] as const) {
        const value = query.get(name) ?? this.dataset[name];
        if (value) this.#values[name] = value.slice(0, FIELDS[name].maxLength);
      }
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopListening?.();
  }

  #readConfig(): Config | { problem: ConfigProblem } {
    const { endpoint, campaign, goal } = this;
    const count = readCountConfig({ endpoint, campaign, goal, goalText: this.getAttribute('goal') });
    if ('problem' in count) return count;
    const partner = this.partner?.trim() || undefined;
    if (partner !== undefined && !SLUG.test(partner)) {
      return {
        problem: {
          attribute: 'partner',
          message: msg(
            'Set partner to your organization’s short name: letters, digits, dots, dashes or underscores, such as lowell-kca.',
            { id: 'pledge.error.partner' },
          ),
          warning: `\`partner\` must be a short name of letters, digits, ".", "-" or "_", at most 64 characters, such as lowell-kca (got "${shown(partner)}").`,
        },
      };
    }
    const { fields, unknown } = parseFields(this.fields);
    if (unknown.length > 0) {
      const value = shown(unknown.join(' '));
      return {
        problem: {
          attribute: 'fields',
          message: msg(str`Unknown fields: "${value}". Use country, phone, city or comment.`, {
            id: 'pledge.error.fields',
          }),
          warning: `\`fields\` may list country, phone, city and comment (got "${value}").`,
        },
      };
    }
    return { ...count, partner, fields: ['name', 'email', ...fields] };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const watched = ['endpoint', 'campaign', 'partner', 'goal', 'fields', 'refresh'] as const;
    if (watched.some((name) => changed.has(name))) {
      const config = this.#readConfig();
      this.#config = 'problem' in config ? undefined : config;
      followConfig(this, this.#count, this.#config);
    }
  }

  get #consentSentence(): string {
    return (
      this.consentText?.trim() ||
      msg(
        'I agree that the campaign keeps the details I give here to count my pledge, and may contact me about it.',
        { id: 'pledge.consent' },
      )
    );
  }

  protected override render() {
    const config = this.#config;
    if (!config) {
      // Read again, so the message follows a change of language.
      const result = this.#readConfig();
      return 'problem' in result ? renderConfigError(this, result.problem) : nothing;
    }
    const heading = this.heading?.trim() || msg('Take the pledge', { id: 'pledge.default-heading' });
    return html`<section class="card" part="base" lang=${this.l10n.locale}>
      <h2 class="heading" part="heading">${heading}</h2>
      <div class="statement" part="statement"><slot></slot></div>
      ${renderCount(this.l10n.format, this.#count.count, config.goal, this.#count.status)}
      ${
        this._phase === 'thanks'
          ? this.#renderThanks(config, heading)
          : this._phase === 'queued'
            ? this.#renderQueued()
            : this.#renderForm(config)
      }
    </section>`;
  }

  #renderForm(config: Config): TemplateResult {
    const sending = this._phase === 'sending';
    const privacy = safeUrl(this.privacyHref, { host: this, field: 'privacy-href' });
    const consentError = this._errors.consent;
    return html`<form part="form" novalidate @submit=${this.#submit}>
      ${config.fields.map((name) => this.#renderField(name))}
      <div class="consent" part="consent">
        <input
          id="consent"
          type="checkbox"
          required
          .checked=${live(this.#consent)}
          aria-invalid=${consentError ? 'true' : 'false'}
          aria-describedby=${consentError ? 'consent-error' : nothing}
          @change=${(event: Event) => (this.#consent = (event.target as HTMLInputElement).checked)}
        />
        <label for="consent">${this.#consentSentence}</label>
        ${
          consentError
            ? html`<p class="error" id="consent-error" part="field-error">
                ${msg('Please tick this box: a pledge is counted only with your agreement.', {
                  id: 'pledge.error.consent',
                })}
              </p>`
            : nothing
        }
        ${
          privacy
            ? html`<a part="privacy" href=${privacy} target="_blank" rel="noopener"
                >${msg('How your data is used (opens in a new tab)', { id: 'pledge.privacy' })}</a
              >`
            : nothing
        }
      </div>
      <div class="hp sr-only" aria-hidden="true" .inert=${true}>
        <label>Website <input name="website" tabindex="-1" autocomplete="off" /></label>
      </div>
      ${
        this._formError
          ? html`<p class="form-error" part="form-error" role="alert" tabindex="-1">
              ${msg(
                'The campaign could not accept this pledge. Please let the organizers of this site know.',
                {
                  id: 'pledge.error.rejected',
                },
              )}
            </p>`
          : nothing
      }
      <button class="submit" part="button" type="submit" aria-disabled=${sending ? 'true' : 'false'}>
        ${
          sending
            ? msg('Sending your pledge…', { id: 'pledge.sending' })
            : msg('Sign the pledge', { id: 'pledge.submit' })
        }
      </button>
    </form>`;
  }

  #renderField(name: FieldName): TemplateResult {
    const spec = FIELDS[name];
    const error = this._errors[name];
    const labels: Record<FieldName, string> = {
      name: msg('Your name', { id: 'pledge.field.name' }),
      email: msg('E-mail address', { id: 'pledge.field.email' }),
      country: msg('Country (optional)', { id: 'pledge.field.country' }),
      phone: msg('Phone number (optional)', { id: 'pledge.field.phone' }),
      city: msg('City (optional)', { id: 'pledge.field.city' }),
      comment: msg('Comment (optional)', { id: 'pledge.field.comment' }),
    };
    const onInput = (event: Event) => {
      this.#values[name] = (event.target as HTMLInputElement).value;
    };
    const value = this.#values[name] ?? '';
    const invalid = error ? 'true' : 'false';
    const described = error ? `${name}-error` : nothing;
    return html`<div class="field" part="field">
      <label part="label" for=${name}>${labels[name]}</label>
      ${
        spec.type === 'textarea'
          ? html`<textarea
              id=${name}
              part="input"
              maxlength=${spec.maxLength}
              aria-invalid=${invalid}
              aria-describedby=${described}
              .value=${live(value)}
              @input=${onInput}
            ></textarea>`
          : html`<input
              id=${name}
              part="input"
              type=${spec.type}
              autocomplete=${spec.autocomplete}
              maxlength=${spec.maxLength}
              ?required=${spec.required}
              aria-invalid=${invalid}
              aria-describedby=${described}
              .value=${live(value)}
              @input=${onInput}
            />`
      }
      ${
        error
          ? html`<p class="error" id="${name}-error" part="field-error">${this.#errorText(name, error)}</p>`
          : nothing
      }
    </div>`;
  }

  #errorText(name: FieldName, code: string): string {
    if (code === 'too-long') {
      const max = this.l10n.format.number(FIELDS[name].maxLength);
      return msg(str`Please shorten this to ${max} characters or fewer.`, { id: 'pledge.error.too-long' });
    }
    if (name === 'name' && code === 'required')
      return msg('Please enter your name.', { id: 'pledge.error.name' });
    if (name === 'email') {
      return code === 'required'
        ? msg('Please enter your e-mail address.', { id: 'pledge.error.email-required' })
        : msg('Please enter an e-mail address such as name@example.org.', { id: 'pledge.error.email' });
    }
    if (name === 'phone') {
      return msg('Please use only digits, spaces and + ( ) - . / in the phone number.', {
        id: 'pledge.error.phone',
      });
    }
    return msg('Please check this field.', { id: 'pledge.error.other' });
  }

  #renderQueued(): TemplateResult {
    const persistent = outboxPersistent();
    return html`<div class="done queued" part="queued">
      <h3 tabindex="-1">${msg('Your pledge is saved', { id: 'pledge.queued.heading' })}</h3>
      <p>
        ${
          persistent
            ? msg(
                'The campaign could not be reached. Your pledge is saved on this device and will be sent when you are back online. If you close this page, it will be sent the next time you open it.',
                { id: 'pledge.queued.saved' },
              )
            : msg(
                'The campaign could not be reached, and this browser does not let us save your pledge for later. Keep this page open: it will be sent when you are back online.',
                { id: 'pledge.queued.not-saved' },
              )
        }
      </p>
      <button
        class="secondary"
        part="button"
        type="button"
        aria-disabled=${this._retrying ? 'true' : 'false'}
        @click=${this.#retryNow}
      >
        ${
          this._retrying
            ? msg('Trying again…', { id: 'pledge.queued.retrying' })
            : msg('Try again now', { id: 'pledge.queued.retry' })
        }
      </button>
    </div>`;
  }

  #renderThanks(config: Config, subject: string): TemplateResult {
    const heading =
      this.thanksHeading?.trim() || msg('Thank you for your pledge!', { id: 'pledge.thanks.heading' });
    const url = safeUrl(this.shareUrl, { host: this, field: 'share-url' }) ?? cleanPageUrl();
    return html`<div class="done" part="thanks">
      <h3 tabindex="-1">${heading}</h3>
      <p>
        ${
          // Never "you had already pledged": the receiver does not tell, so that nobody can test an
          // address (only its owner hears of it, by mail).
          this._confirm
            ? msg('Check your inbox to confirm your pledge.', {
                id: 'pledge.thanks.confirm',
                desc: 'The receiver sent the reader an e-mail with a link that confirms the pledge.',
              })
            : msg('Your pledge has been counted.', { id: 'pledge.thanks.counted' })
        }
      </p>
      ${
        url
          ? renderShare({
              url,
              campaign: config.campaign,
              text:
                this.shareText?.trim() ||
                msg('I took the pledge to stand up for human rights in Cambodia. Will you join me?', {
                  id: 'pledge.share.text',
                }),
              subject,
              onShare: (channel) => this.emit('samleng-pledge-share', { channel }),
            })
          : nothing
      }
    </div>`;
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const config = this.#config;
    // One click, one pledge: a second click while sending does nothing.
    if (this._phase !== 'form' || !config) return;
    const errors = validate(this.#values, config.fields, this.#consent);
    if (Object.keys(errors).length > 0) {
      await this.#showErrors(config.fields, errors, false);
      return;
    }
    const form = event.target as HTMLFormElement;
    const honeypot = form.querySelector<HTMLInputElement>('[name=website]')?.value ?? '';
    const value = (name: FieldName) => cleanValue(name, this.#values[name]) || undefined;
    const pageUrl = cleanPageUrl();
    const body: PledgeBody = {
      id: uuid(),
      campaign: config.campaign,
      ...(config.partner ? { partner: config.partner } : {}),
      name: value('name') ?? '',
      email: value('email') ?? '',
      ...Object.fromEntries(
        config.fields.slice(2).flatMap((name) => (value(name) ? [[name, value(name)]] : [])),
      ),
      consent: true,
      consentText: this.#consentSentence,
      locale: this.l10n.locale,
      ...(pageUrl ? { pageUrl } : {}),
      website: honeypot,
    };
    this._phase = 'sending';
    this._errors = {};
    this._formError = false;
    this.#pendingId = body.id;
    this.emit('samleng-pledge-submit', { id: body.id, campaign: config.campaign });
    this.#settle(body.id, await submitPledge(config.endpoint, body));
  }

  #settle(id: string, result: SendResult): void {
    const config = this.#config;
    if (!config) return;
    this._retrying = false;
    switch (result.kind) {
      case 'sent':
        this.#pendingId = undefined;
        this._confirm = result.confirm;
        this._phase = 'thanks';
        // The reader's details are with the campaign now: the form keeps none of them.
        this.#values = {};
        this.#consent = false;
        this.emit('samleng-pledge-sent', { id, confirm: result.confirm });
        void this.#focus('.done h3');
        return;
      case 'retry':
        this._phase = 'queued';
        this.emit('samleng-pledge-queued', { id });
        void this.#focus('.done h3');
        return;
      case 'invalid':
        this.#pendingId = undefined;
        this._phase = 'form';
        void this.#showErrors(config.fields, result.errors, true);
        return;
      case 'rejected':
        this.#pendingId = undefined;
        this._phase = 'form';
        this.warn(
          `rejected:${result.status}`,
          result.status === 403
            ? `the receiver at ${config.endpoint} does not accept pledges from ${location.origin}: add it to SAMLENG_ALLOWED_ORIGINS.`
            : `the receiver at ${config.endpoint} refused the pledge (HTTP ${result.status}).`,
        );
        void this.#showErrors(config.fields, { request: `http-${result.status}` }, true);
    }
  }

  /** Shows field errors beside their fields, others as one form message, and moves focus to the first. */
  async #showErrors(fields: FieldName[], errors: FieldErrors, fromServer: boolean): Promise<void> {
    const own = new Set<string>([...fields, 'consent']);
    const other = Object.keys(errors).filter((field) => !own.has(field));
    this._errors = errors;
    this._formError = other.length > 0;
    if (fromServer && other.length > 0 && !errors.request) {
      this.warn(
        `server-errors:${other.join(',')}`,
        `the receiver refused the pledge: ${other.map((field) => `${field} (${errors[field]})`).join(', ')}.`,
      );
    }
    this.emit('samleng-pledge-error', { errors });
    const first = [...fields, 'consent'].find((field) => errors[field]);
    await this.#focus(first ? `#${first}` : '.form-error');
  }

  async #focus(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  async #retryNow(): Promise<void> {
    const config = this.#config;
    if (this._retrying || !config) return;
    this._retrying = true;
    await resumeOutbox(config.endpoint);
    this._retrying = false;
  }
}
