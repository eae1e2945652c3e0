import { css, html, nothing } from 'lit';
import { query, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { SamlengElement } from '@samleng/core';
import { api, ApiError } from './api.js';
import type { CampaignStats, Me, Tally } from './api.js';
import { pageControls } from './page-controls.js';
import type { SamlengConsoleTable } from './pledge-table.js';
import { formStyles } from './styles.js';

/**
 * @summary The organizers' console: sign in with a token, then a campaign's numbers, its pledges, a CSV
 * download and erasure. What a partner's token may see is decided by the receiver, never here.
 *
 * @tag samleng-console
 * @csspart base - The page's main column.
 */
export class SamlengConsole extends SamlengElement {
  static override styles = [
    ...SamlengElement.styles,
    formStyles,
    css`
      :host {
        max-width: 64em;
        margin-inline: auto;
        padding: var(--_space);
      }
      header {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        gap: 0.5em;
        align-items: center;
        margin-block-end: var(--_space);
      }
      h1 {
        margin: 0;
        font-size: 1.5em;
        color: var(--_accent);
      }
      main > * {
        margin-block-end: var(--_space);
      }
      .campaign {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
        align-items: end;
      }
      .campaign > div {
        flex: 1 1 12em;
      }
    `,
  ];

  @state() private me: Me | null | undefined;
  @state() private campaigns: Tally[] = [];
  @state() private campaign = '';
  @state() private stats: CampaignStats | undefined;
  @state() private failed = false;
  @query('samleng-console-table') private table!: SamlengConsoleTable | null;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.start();
  }

  private async start() {
    try {
      const me = await api<Me>('/console/api/session');
      this.me = me.signedIn ? me : null;
      if (me.signedIn) await this.loadCampaigns();
    } catch (error) {
      this.me = null;
      this.failed = !(error instanceof ApiError && error.status === 401);
    }
  }

  private async loadCampaigns() {
    const { campaigns } = await api<{ campaigns: Tally[] }>('/console/api/campaigns');
    this.campaigns = campaigns;
    const wanted = new URLSearchParams(location.search).get('campaign');
    const keep = campaigns.find((item) => item.key === (this.campaign || wanted));
    await this.choose(keep?.key ?? campaigns[0]?.key ?? '');
  }

  private async choose(campaign: string) {
    this.campaign = campaign;
    this.stats = campaign
      ? await api<CampaignStats>(`/console/api/stats?${new URLSearchParams({ campaign })}`)
      : undefined;
  }

  private async signedIn(event: CustomEvent<Me>) {
    this.me = event.detail;
    await this.loadCampaigns();
    await this.updateComplete;
    this.renderRoot.querySelector('h1')?.focus();
  }

  private async signOut() {
    await api('/console/api/session', { method: 'DELETE' }).catch(() => undefined);
    this.me = null;
    this.campaigns = [];
    this.campaign = '';
    this.stats = undefined;
  }

  private async erased() {
    await this.choose(this.campaign);
    await this.table?.refresh();
  }

  private who(me: Me) {
    const partner = me.partner;
    return partner
      ? msg(str`Signed in for ${partner}: you see only the pledges ${partner} brought in.`, {
          id: 'console.who.partner',
        })
      : msg('Signed in as the administrator: you see every partner’s pledges.', { id: 'console.who.admin' });
  }

  private renderSignedIn(me: Me) {
    const campaign = this.campaign;
    const csv = `/console/api/export.csv?${new URLSearchParams({ campaign })}`;
    return html`<p>${this.who(me)}</p>
      ${
        this.campaigns.length === 0
          ? html`<p>
              ${msg('No pledges yet. They appear here as soon as people sign.', { id: 'console.no-campaigns' })}
            </p>`
          : html`<div class="campaign">
                <div>
                  <label for="campaign">${msg('Campaign', { id: 'console.campaign' })}</label>
                  <select
                    id="campaign"
                    @change=${(e: Event) => this.choose((e.target as HTMLSelectElement).value)}
                  >
                    ${this.campaigns.map(
                      (item) =>
                        html`<option value=${item.key} ?selected=${item.key === campaign}>
                          ${item.key}
                        </option>`,
                    )}
                  </select>
                </div>
                <a class="button secondary" href=${csv} download
                  >${msg('Download CSV', { id: 'console.csv' })}</a
                >
              </div>
              <samleng-console-stats .stats=${this.stats} .theme=${this.theme}></samleng-console-stats>
              <samleng-console-table
                campaign=${campaign}
                ?show-partner=${me.partner === null}
                .theme=${this.theme}
              ></samleng-console-table>
              <samleng-console-erase
                campaign=${campaign}
                .theme=${this.theme}
                @samleng-console-erased=${this.erased}
              ></samleng-console-erase>`
      }`;
  }

  protected override render() {
    const me = this.me;
    return html`<header lang=${this.l10n.locale}>
        <h1 tabindex="-1">${msg('Samleng pledges', { id: 'console.title' })}</h1>
        <div class="row">
          ${pageControls(this)}
          <a class="button secondary" href="/builder/"
            >${msg('Embed builder', { id: 'console.builder-link' })}</a
          >
          ${me ? html`<button class="secondary" @click=${this.signOut}>${msg('Sign out', { id: 'console.sign-out' })}</button>` : nothing}
        </div>
      </header>
      <main part="base" lang=${this.l10n.locale}>
        ${
          this.failed
            ? html`<p class="error" role="alert">
                ${msg('The receiver could not be reached. Try again.', { id: 'console.error.network' })}
              </p>`
            : nothing
        }
        ${
          me === undefined
            ? nothing
            : me === null
              ? html`<samleng-console-sign-in
                  .theme=${this.theme}
                  @samleng-console-signed-in=${this.signedIn}
                ></samleng-console-sign-in>`
              : this.renderSignedIn(me)
        }
      </main>`;
  }
}
