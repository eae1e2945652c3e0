import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { SamlengElement, cardStyles } from '@samleng/core';
import { api, ApiError } from './api.js';
import type { Me } from './api.js';
import { formStyles } from './styles.js';

/**
 * @summary The console's sign-in: the organizer pastes the token the receiver's operator gave them.
 *
 * @tag samleng-console-sign-in
 * @fires samleng-console-signed-in - The receiver accepted the token and set the session cookie; `detail` is `{partner}` (null for the admin).
 * @csspart base - The form's card.
 */
export class SamlengConsoleSignIn extends SamlengElement {
  static override styles = [...SamlengElement.styles, cardStyles, formStyles];

  @state() private busy = false;
  @state() private error: string | undefined;

  private async submit(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const token = String(new FormData(form).get('token') ?? '').trim();
    if (!token) {
      this.error = msg('Paste your access token.', { id: 'console.sign-in.empty' });
      return;
    }
    this.busy = true;
    this.error = undefined;
    try {
      const me = await api<Me>('/console/api/session', { method: 'POST', body: { token } });
      form.reset();
      this.dispatchEvent(
        new CustomEvent('samleng-console-signed-in', { detail: me, bubbles: true, composed: true }),
      );
    } catch (error) {
      this.error = this.explain(error);
    } finally {
      this.busy = false;
    }
  }

  private explain(error: unknown): string {
    if (error instanceof ApiError && error.status === 401) {
      return msg('This token is not valid. Check that you copied all of it.', {
        id: 'console.sign-in.invalid',
      });
    }
    if (error instanceof ApiError && error.status === 429) {
      const seconds = this.l10n.format.number(error.retryAfter || 60);
      return msg(str`Too many attempts. Try again in ${seconds} seconds.`, { id: 'console.sign-in.limited' });
    }
    return msg('The receiver could not be reached. Try again.', { id: 'console.error.network' });
  }

  protected override render() {
    return html`<form class="card" part="base" @submit=${this.submit} lang=${this.l10n.locale}>
      <h2>${msg('Sign in', { id: 'console.sign-in.heading' })}</h2>
      <p class="muted">
        ${msg(
          'Paste the access token your receiver’s operator gave you. It stays valid on this device for 12 hours.',
          {
            id: 'console.sign-in.help',
          },
        )}
      </p>
      <label for="token">${msg('Access token', { id: 'console.sign-in.token' })}</label>
      <input id="token" name="token" type="password" autocomplete="off" spellcheck="false" required />
      <p class="error" role="alert">${this.error ?? nothing}</p>
      <button type="submit" ?disabled=${this.busy}>
        ${msg('Sign in', { id: 'console.sign-in.submit' })}
      </button>
    </form>`;
  }
}
