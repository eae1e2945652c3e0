/**
 * The case list's alerts sign-up (the `alerts` attribute turns it on): e-mail, the language of the mails
 * (the page's by default), the consent box with its sentence, a honeypot; then "check your inbox" once the
 * receiver has it (it confirms by e-mail, and answers alike for a new address, a known one and a retry, so
 * nothing here can tell whether someone had signed up). A failed attempt keeps the same id for "Try
 * again", so the receiver sees one sign-up however many times it is sent.
 */
import {
  html,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import {
  EMAIL_MAX,
  SLUG,
  cleanPageUrl,
  emailProblem,
  emit,
  safeUrl,
  uuid,
  warnOnce,
  type Formatter,
} from '@samleng/core';
import { retryLabel } from './messages.js';
import { subscribe, type SubscribeResult, type SubscriptionBody } from './subscribe.js';

/** The languages alerts are written in, each named in itself (not translated: a reader looks for their own). */
const LANGUAGES = [
  ['en', 'English'],
  ['km', 'ខ្មែរ'],
  ['fr', 'Français'],
] as const;

export type SignupPhase = 'idle' | 'sending' | 'sent' | 'failed';

/** What the sign-up reads from its list. */
export interface SignupHost extends ReactiveControllerHost, HTMLElement {
  alerts: string | undefined;
  partner: string | undefined;
  consentText: string | undefined;
  privacyHref: string | undefined;
}

export interface SignupDetail {
  confirm: true;
}

export class AlertsSignup implements ReactiveController {
  phase: SignupPhase = 'idle';
  /** Field → code, from the form's own checks or the receiver's 400. */
  errors: Record<string, string> = {};
  /** The failed attempt's HTTP status (0: no answer) and the receiver's code, if any. */
  failure: { status: number; code?: string | undefined } | undefined;
  #email = '';
  #language: string | undefined;
  #consent = false;
  /** The attempt to send again on "Try again" (same id). */
  #body: SubscriptionBody | undefined;

  constructor(
    private readonly host: SignupHost,
    private readonly l10n: { readonly locale: string; readonly format: Formatter },
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  get #consentSentence(): string {
    return (
      this.host.consentText?.trim() ||
      msg(
        'I agree that the campaign keeps my e-mail address and language to send me urgent actions, until I unsubscribe.',
        { id: 'case-list.alerts.consent' },
      )
    );
  }

  /** The `partner` attribute when it is a short name the receiver takes; a wrong one is left out, with a warning. */
  get #partner(): string | undefined {
    const partner = this.host.partner?.trim();
    if (!partner) return undefined;
    if (SLUG.test(partner)) return partner;
    warnOnce(
      this.host,
      `partner:${partner}`,
      `\`partner\` must be a short name of letters, digits, ".", "-" or "_", such as lowell-kca (got "${partner.slice(0, 80)}"); sign-ups are sent without it.`,
    );
    return undefined;
  }

  render(): TemplateResult {
    if (this.phase === 'sent') {
      return html`<div class="card alerts done" part="alerts">
        <h3 class="alerts-heading" part="alerts-heading" tabindex="-1">
          ${msg('Check your inbox to confirm', { id: 'case-list.alerts.sent' })}
        </h3>
        <p role="status">
          ${msg('We have sent you an e-mail with a link. Alerts start once you confirm.', {
            id: 'case-list.alerts.sent-text',
          })}
        </p>
      </div>`;
    }
    const sending = this.phase === 'sending';
    const privacy = safeUrl(this.host.privacyHref, { host: this.host, field: 'privacy-href' });
    const language = this.#language ?? this.l10n.locale;
    const { email: emailError, consent: consentError } = this.errors;
    return html`<form
      class="card alerts"
      part="alerts"
      novalidate
      aria-labelledby="alerts-heading"
      @submit=${this.#submit}
    >
      <h3 class="alerts-heading" part="alerts-heading" id="alerts-heading">
        ${msg('Get urgent actions by e-mail', { id: 'case-list.alerts.heading' })}
      </h3>
      <p class="note">
        ${msg('One e-mail when a case needs your action. Every e-mail has a link to unsubscribe.', {
          id: 'case-list.alerts.intro',
        })}
      </p>
      <div class="field" part="field">
        <label part="label" for="alerts-email"
          >${msg('E-mail address', { id: 'case-list.alerts.email' })}</label
        >
        <input
          id="alerts-email"
          part="input"
          type="email"
          autocomplete="email"
          maxlength=${EMAIL_MAX}
          required
          aria-invalid=${emailError ? 'true' : 'false'}
          aria-describedby=${emailError ? 'alerts-email-error' : nothing}
          .value=${live(this.#email)}
          @input=${(event: Event) => (this.#email = (event.target as HTMLInputElement).value)}
        />
        ${
          emailError
            ? html`<p class="error" id="alerts-email-error" part="field-error">
                ${this.#emailError(emailError)}
              </p>`
            : nothing
        }
      </div>
      <div class="field" part="field">
        <label part="label" for="alerts-language"
          >${msg('Language of the e-mails', { id: 'case-list.alerts.language' })}</label
        >
        <select
          id="alerts-language"
          part="input"
          @change=${(event: Event) => (this.#language = (event.target as HTMLSelectElement).value)}
        >
          ${LANGUAGES.map(
            ([code, name]) =>
              html`<option value=${code} lang=${code} ?selected=${code === language}>${name}</option>`,
          )}
        </select>
      </div>
      <div class="consent" part="consent">
        <input
          id="alerts-consent"
          type="checkbox"
          required
          .checked=${live(this.#consent)}
          aria-invalid=${consentError ? 'true' : 'false'}
          aria-describedby=${consentError ? 'alerts-consent-error' : nothing}
          @change=${(event: Event) => (this.#consent = (event.target as HTMLInputElement).checked)}
        />
        <label for="alerts-consent">${this.#consentSentence}</label>
        ${
          consentError
            ? html`<p class="error" id="alerts-consent-error" part="field-error">
                ${msg('Please tick this box: alerts are sent only with your agreement.', {
                  id: 'case-list.alerts.error.consent',
                })}
              </p>`
            : nothing
        }
        ${
          privacy
            ? html`<a part="privacy" href=${privacy} target="_blank" rel="noopener"
                >${msg('How your data is used (opens in a new tab)', { id: 'case-list.alerts.privacy' })}</a
              >`
            : nothing
        }
      </div>
      <div class="sr-only" aria-hidden="true" .inert=${true}>
        <label>Website <input name="website" tabindex="-1" autocomplete="off" /></label>
      </div>
      ${this.phase === 'failed' ? this.#renderFailure() : nothing}
      <button class="action submit" part="button" type="submit" aria-disabled=${sending ? 'true' : 'false'}>
        ${
          sending
            ? msg('Signing you up…', { id: 'case-list.alerts.sending' })
            : msg('Sign up for alerts', { id: 'case-list.alerts.submit' })
        }
      </button>
    </form>`;
  }

  #emailError(code: string): string {
    if (code === 'required')
      return msg('Please enter your e-mail address.', { id: 'case-list.alerts.error.email-required' });
    if (code === 'too-long') {
      const max = this.l10n.format.number(EMAIL_MAX);
      return msg(str`Please shorten this to ${max} characters or fewer.`, {
        id: 'case-list.alerts.error.too-long',
      });
    }
    return msg('Please enter an e-mail address such as name@example.org.', {
      id: 'case-list.alerts.error.email',
    });
  }

  #renderFailure(): TemplateResult {
    const status = this.failure?.status ?? 0;
    const text =
      status === 0
        ? msg('Your sign-up could not be sent. Check your connection and try again.', {
            id: 'case-list.alerts.error.network',
          })
        : status === 429 || (status >= 500 && this.failure?.code !== 'not-configured')
          ? msg('The alerts service is busy. Please try again in a few minutes.', {
              id: 'case-list.alerts.error.busy',
            })
          : msg('This site cannot sign people up for alerts at the moment. Please let its organizers know.', {
              id: 'case-list.alerts.error.refused',
            });
    return html`<div class="form-error" part="form-error" role="alert" tabindex="-1">
      <p>${text}</p>
      <button type="button" class="button" part="button" @click=${this.#retry}>${retryLabel()}</button>
    </div>`;
  }

  #submit = (event: SubmitEvent): void => {
    event.preventDefault();
    // One click, one sign-up: a second click while sending does nothing.
    if (this.phase === 'sending') return;
    const email = this.#email.trim();
    const errors: Record<string, string> = {};
    const problem = emailProblem(email);
    if (problem) errors.email = problem;
    if (!this.#consent) errors.consent = 'not-accepted';
    if (Object.keys(errors).length) {
      void this.#showErrors(errors);
      return;
    }
    const form = event.target as HTMLFormElement;
    const partner = this.#partner;
    const pageUrl = cleanPageUrl();
    this.#body = {
      id: uuid(),
      email,
      language: this.#language ?? this.l10n.locale,
      ...(partner ? { partner } : {}),
      consent: true,
      consentText: this.#consentSentence,
      ...(pageUrl ? { pageUrl } : {}),
      website: form.querySelector<HTMLInputElement>('[name=website]')?.value ?? '',
    };
    void this.#send();
  };

  #retry = (): void => {
    if (this.phase === 'failed') void this.#send();
  };

  async #send(): Promise<void> {
    const body = this.#body;
    const endpoint = safeUrl(this.host.alerts, { host: this.host, field: 'alerts' });
    if (!body) return;
    this.phase = 'sending';
    this.errors = {};
    this.host.requestUpdate();
    const result: SubscribeResult = endpoint
      ? await subscribe(endpoint, body)
      : { kind: 'failed', status: 400 };
    if (result.kind === 'sent') {
      this.phase = 'sent';
      // The reader's address is with the campaign now: the form keeps none of it.
      this.#email = '';
      this.#consent = false;
      this.#body = undefined;
      this.host.requestUpdate();
      emit(this.host, 'samleng-case-list-subscribed', { confirm: true });
      await this.#focus('.alerts-heading');
      return;
    }
    if (
      result.kind === 'invalid' &&
      Object.keys(result.errors).every((field) => field === 'email' || field === 'consent')
    ) {
      this.phase = 'idle';
      await this.#showErrors(result.errors);
      return;
    }
    const { status, code } = result.kind === 'failed' ? result : { status: 400, code: undefined };
    this.phase = 'failed';
    this.failure = { status, code };
    if (status !== 0 && status !== 429 && (status < 500 || code === 'not-configured')) {
      warnOnce(
        this.host,
        `alerts:${status}:${code ?? ''}`,
        status === 403
          ? `the receiver at ${this.host.alerts} does not accept sign-ups from ${location.origin}: add it to SAMLENG_ALLOWED_ORIGINS.`
          : code === 'not-configured'
            ? `the receiver at ${this.host.alerts} has no mail settings, which alerts need (see its README).`
            : `the receiver at ${this.host.alerts} refused the sign-up (HTTP ${status}${code ? `, ${code}` : ''}).`,
      );
    }
    this.host.requestUpdate();
    emit(this.host, 'samleng-case-list-error', {
      errors: result.kind === 'invalid' ? result.errors : { request: status ? `http-${status}` : 'network' },
    });
    await this.#focus('.form-error');
  }

  async #showErrors(errors: Record<string, string>): Promise<void> {
    this.errors = errors;
    this.host.requestUpdate();
    emit(this.host, 'samleng-case-list-error', { errors });
    await this.#focus(errors.email ? '#alerts-email' : '#alerts-consent');
  }

  async #focus(selector: string): Promise<void> {
    await this.host.updateComplete;
    this.host.shadowRoot?.querySelector<HTMLElement>(selector)?.focus();
  }
}
