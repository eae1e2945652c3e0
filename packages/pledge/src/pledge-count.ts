import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { SamlengElement, cardStyles, renderConfigError } from '@samleng/core';
import { followConfig, readCountConfig, type CountConfig } from './config.js';
import { CountController } from './count-source.js';
import { countStyles, renderCount } from './count-view.js';
import { pledgeTokens } from './pledge.styles.js';

/**
 * @summary The campaign's live pledge count, with a progress bar toward its goal.
 *
 * @tag samleng-pledge-count
 *
 * @csspart base - The card around the whole widget.
 * @csspart heading - The heading, when `heading` is set.
 * @csspart progress - The count, the bar and the goal.
 * @csspart count - "1,234 people have pledged".
 * @csspart bar - The progress bar's track (only with a `goal`).
 * @csspart bar-fill - The filled part of the progress bar.
 * @csspart goal - "Goal: 5,000", or the next goal once it is passed.
 * @csspart status - "Loading the number of pledges…", or why it cannot be shown.
 * @csspart error - The message shown when the attributes are wrong.
 *
 * @cssprop [--samleng-pledge-accent=var(--samleng-color-accent)] - Heading and progress bar.
 * @cssprop [--samleng-pledge-track=var(--samleng-color-surface-alt)] - The empty part of the progress bar.
 */
export class SamlengPledgeCount extends SamlengElement {
  static override styles = [...SamlengElement.styles, cardStyles, pledgeTokens, countStyles];

  /** The receiver's pledge address, e.g. `https://pledges.example.org/api/pledges`; the count is read from `{endpoint}/count`. */
  @property() endpoint: string | undefined;

  /** The campaign's short name, e.g. `upr-2029`. */
  @property() campaign: string | undefined;

  /** The number of pledges aimed at; shows a progress bar. Once passed, the shown goal steps up. */
  @property({ type: Number }) goal: number | undefined;

  /** Seconds between two readings of the count while the page is visible (at least 5). */
  @property({ type: Number }) refresh: number | undefined;

  /** An optional heading above the count. */
  @property() heading: string | undefined;

  readonly #count = new CountController(this);
  #config: CountConfig | undefined;

  #readConfig() {
    const { endpoint, campaign, goal } = this;
    return readCountConfig({ endpoint, campaign, goal, goalText: this.getAttribute('goal') });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('endpoint') || changed.has('campaign') || changed.has('goal') || changed.has('refresh')) {
      const config = this.#readConfig();
      this.#config = 'problem' in config ? undefined : config;
      followConfig(this, this.#count, this.#config);
    }
  }

  protected override render() {
    const config = this.#config;
    if (!config) {
      const result = this.#readConfig();
      return 'problem' in result ? renderConfigError(this, result.problem) : nothing;
    }
    const heading = this.heading?.trim();
    const count = this.#count.count;
    return html`<section class="card" part="base" lang=${this.l10n.locale}>
      ${heading ? html`<h2 class="heading" part="heading">${heading}</h2>` : nothing}
      ${renderCount(this.l10n.format, count, config.goal, this.#count.status)}
    </section>`;
  }
}
