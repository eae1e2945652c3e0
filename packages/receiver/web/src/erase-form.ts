import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { SamlengElement, cardStyles } from '@samleng/core';
import { api } from './api.js';
import { formStyles } from './styles.js';

/**
 * @summary Erases a person by e-mail, after a confirmation step: from a campaign (their pledge and any mail
 * waiting for them), or with `scope="subscribers"` from the alerts' subscribers — from every file of the
 * database (the receiver's erasure), within what the session may see.
 *
 * @tag samleng-console-erase
 * @fires samleng-console-erased - After an erasure; `detail` is `{deleted}` (0 when nobody had that address here).
 * @csspart base - The card.
 */
export class SamlengConsoleErase extends SamlengElement {
  static override styles = [...SamlengElement.styles, cardStyles, formStyles];

  /** The campaign to erase from. */
  @property() campaign = '';
  /** `campaign` (default): a pledge of `campaign`; `subscribers`: an alerts subscriber. */
  @property() scope: 'campaign' | 'subscribers' = 'campaign';

  /** The address waiting for confirmation, if any. */
  @state() private pending: string | undefined;
  @state() private result: string | undefined;
  @state() private busy = false;

  private ask(event: SubmitEvent) {
    event.preventDefault();
    const email = String(new FormData(event.target as HTMLFormElement).get('email') ?? '').trim();
    if (!email) return;
    this.pending = email;
    this.result = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>('.danger')?.focus());
  }

  private async erase() {
    const email = this.pending;
    if (!email) return;
    this.busy = true;
    try {
      const subscribers = this.scope === 'subscribers';
      const deleted = subscribers
        ? (
            await api<{ erased: number }>('/console/api/subscribers/erase', {
              method: 'POST',
              body: { email },
            })
          ).erased
        : (
            await api<{ deleted: number }>('/console/api/erase', {
              method: 'POST',
              body: { campaign: this.campaign, email },
            })
          ).deleted;
      this.result = subscribers
        ? deleted > 0
          ? msg(str`Erased: ${email} no longer receives alerts.`, { id: 'console.erase.subscriber-done' })
          : msg(str`Nobody with the address ${email} receives alerts (for you).`, {
              id: 'console.erase.subscriber-none',
            })
        : deleted > 0
          ? msg(str`Erased: ${email} is no longer in this campaign.`, { id: 'console.erase.done' })
          : msg(str`Nobody with the address ${email} is in this campaign (for you).`, {
              id: 'console.erase.none',
            });
      this.pending = undefined;
      this.renderRoot.querySelector('form')?.reset();
      this.dispatchEvent(
        new CustomEvent('samleng-console-erased', { detail: { deleted }, bubbles: true, composed: true }),
      );
    } catch {
      this.result = msg('The receiver could not be reached. Try again.', { id: 'console.error.network' });
    } finally {
      this.busy = false;
    }
  }

  protected override render() {
    const campaign = this.campaign;
    const email = this.pending ?? '';
    return html`<section class="card" part="base" lang=${this.l10n.locale}>
      <h2>${msg('Erase a person', { id: 'console.erase.heading' })}</h2>
      <p class="muted">
        ${
          this.scope === 'subscribers'
            ? msg(
                'When someone asks to be removed, enter their e-mail. Their subscription is deleted for good.',
                {
                  id: 'console.erase.subscriber-help',
                },
              )
            : msg('When someone asks to be removed, enter their e-mail. Their pledge is deleted for good.', {
                id: 'console.erase.help',
              })
        }
      </p>
      <form @submit=${this.ask}>
        <label for="email">${msg('E-mail address', { id: 'console.erase.email' })}</label>
        <input id="email" name="email" type="email" autocomplete="off" required />
        <p><button type="submit" class="secondary">${msg('Erase…', { id: 'console.erase.ask' })}</button></p>
      </form>
      ${
        this.pending
          ? html`<div role="alertdialog" aria-labelledby="confirm-text">
              <p id="confirm-text">
                ${
                  this.scope === 'subscribers'
                    ? msg(str`Erase ${email} from the alerts' subscribers? This cannot be undone.`, {
                        id: 'console.erase.subscriber-confirm',
                      })
                    : msg(str`Erase ${email} from ${campaign}? This cannot be undone.`, {
                        id: 'console.erase.confirm',
                      })
                }
              </p>
              <div class="row">
                <button class="danger" ?disabled=${this.busy} @click=${this.erase}>
                  ${msg('Erase for good', { id: 'console.erase.yes' })}
                </button>
                <button class="secondary" @click=${() => (this.pending = undefined)}>
                  ${msg('Cancel', { id: 'console.erase.cancel' })}
                </button>
              </div>
            </div>`
          : nothing
      }
      <p role="status">${this.result ?? nothing}</p>
    </section>`;
  }
}
