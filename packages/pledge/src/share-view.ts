/**
 * The sharing part of the thank-you step: the system share sheet where the browser has one, a
 * "copy link" button, and a plain link per network. Nothing is loaded from any network until the
 * reader clicks.
 */
import { html, nothing, render, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { CHANNELS, shareLink, taggedUrl, type ShareChannel } from './share.js';

export interface ShareOptions {
  url: string;
  campaign: string;
  text: string;
  /** The e-mail subject. */
  subject: string;
  onShare: (channel: string) => void;
}

const NAMES: Record<Exclude<ShareChannel, 'email'>, string> = {
  whatsapp: 'WhatsApp',
  telegram: 'Telegram',
  facebook: 'Facebook',
  x: 'X',
  line: 'LINE',
};

export function renderShare(options: ShareOptions): TemplateResult {
  const { url, campaign, text, subject, onShare } = options;
  const canShare = typeof navigator.share === 'function';
  const nativeShare = async () => {
    onShare('native');
    try {
      await navigator.share({ title: subject, text, url: taggedUrl(url, 'native', campaign) });
    } catch {
      // The reader closed the share sheet: nothing to say.
    }
  };
  const copy = async (event: Event) => {
    onShare('copy');
    const button = event.currentTarget as HTMLButtonElement;
    const status = button.closest('.share')?.querySelector<HTMLElement>('.copy-status');
    if (!status) return;
    const link = taggedUrl(url, 'copy', campaign);
    try {
      await navigator.clipboard.writeText(link);
      render(msg('Link copied.', { id: 'pledge.share.copied' }), status);
    } catch {
      // No clipboard (an insecure page, a refusal): the link in a field, selected, to copy by hand.
      render(
        html`<label
          >${msg('Copy this link:', { id: 'pledge.share.copy-by-hand' })}
          <input
            class="copy-field"
            readonly
            .value=${link}
            @focus=${(e: Event) => (e.target as HTMLInputElement).select()}
        /></label>`,
        status,
      );
      status.querySelector('input')?.focus();
    }
  };
  return html`<div class="share" part="share">
    <h4>${msg('Ask others to join', { id: 'pledge.share.heading' })}</h4>
    <ul class="share-actions">
      ${
        canShare
          ? html`<li>
              <button part="button" type="button" @click=${nativeShare}>
                ${msg('Share…', { id: 'pledge.share.native' })}
              </button>
            </li>`
          : nothing
      }
      <li>
        <button class="secondary" part="button" type="button" @click=${copy}>
          ${msg('Copy link', { id: 'pledge.share.copy' })}
        </button>
      </li>
    </ul>
    <p class="copy-status note" part="note" role="status"></p>
    <ul class="networks" aria-label=${msg('Share on', { id: 'pledge.share.on' })}>
      ${CHANNELS.map(
        (channel) =>
          html`<li>
            <a
              part="share-link"
              href=${shareLink(channel, url, text, campaign, subject)}
              target=${channel === 'email' ? nothing : '_blank'}
              rel="noopener noreferrer"
              @click=${() => onShare(channel)}
              >${channel === 'email' ? msg('E-mail', { id: 'pledge.share.email' }) : NAMES[channel]}</a
            >
          </li>`,
      )}
    </ul>
  </div>`;
}
