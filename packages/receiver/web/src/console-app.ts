import { css, html, nothing } from 'lit';
import { query, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { SamlengElement } from '@samleng/core';
import { api, ApiError } from './api.js';
import type { CampaignStats, Me, Tally } from './api.js';
import { pageControls } from './page-controls.js';
import type { SamlengConsoleTable } from './pledge-table.js';
import { formStyles } from './styles.js';

type View = 'pledges' | 'cases' | 'subscribers';
const viewOf = (hash: string): View =>
  hash === '#cases' ? 'cases' : hash === '#subscribers' ? 'subscribers' : 'pledges';

/**
 * @summary The organizers' console: sign in with a token, then three views (the address's `#pledges`,
 * `#cases`, `#subscribers`): a campaign's numbers, its pledges, a CSV download and erasure; the cases and
 * their editor; the alerts' subscribers. What a partner's token may see is decided by the receiver, never here.
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
      nav ul {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      nav a.button[aria-current='page'] {
        background: var(--_accent) !important;
        color: var(--_on-accent) !important;
        border-color: var(--_accent);
      }
    `,
  ];

  @state() private me: Me | null | undefined;
  @state() private campaigns: Tally[] = [];
  @state() private campaign = '';
  @state() private stats: CampaignStats | undefined;
  @state() private failed = false;
  @state() private view: View = viewOf(location.hash);
  #onHash = () => {
    this.view = viewOf(location.hash);
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('main h2, main [tabindex]')?.focus(),
    );
  };
  @query('samleng-console-table') private table!: SamlengConsoleTable | null;

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('hashchange', this.#onHash);
    void this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('hashchange', this.#onHash);
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

  private renderNav() {
    const views: [View, string][] = [
      ['pledges', msg('Pledges', { id: 'console.nav.pledges' })],
      ['cases', msg('Cases', { id: 'console.cases.heading' })],
      ['subscribers', msg('Alert subscribers', { id: 'console.subscribers.heading' })],
    ];
    return html`<nav aria-label=${msg('Console sections', { id: 'console.nav' })}>
      <ul>
        ${views.map(
          ([view, label]) =>
            html`<li>
              <a
                class="button secondary"
                href="#${view}"
                aria-current=${view === this.view ? 'page' : 'false'}
                >${label}</a
              >
            </li>`,
        )}
      </ul>
    </nav>`;
  }

  private renderSignedIn(me: Me) {
    const view =
      this.view === 'cases'
        ? html`<samleng-console-cases
            ?read-only=${me.partner !== null}
            .theme=${this.theme}
          ></samleng-console-cases>`
        : this.view === 'subscribers'
          ? html`<samleng-console-subscribers .theme=${this.theme}></samleng-console-subscribers>`
          : this.renderPledges(me);
    return html`${this.renderNav()} ${view}`;
  }

  private renderPledges(me: Me) {
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
        <h1 tabindex="-1">${msg('Samleng console', { id: 'console.title' })}</h1>
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
