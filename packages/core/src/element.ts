/**
 * The small base every Samleng widget extends: the shared attributes (`theme`, `numerals`), the
 * language controller and the typed event helper. Behaviour a widget may or may not need (clocks,
 * fetching, storage) lives in controllers and helpers, not here.
 */
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { LocaleController } from './locale-controller.js';
import { baseStyles } from './theme.js';
import { emit, type SamlengEventDetail, type SamlengEventName } from './emit.js';
import { warnOnce } from './warn.js';

/**
 * @cssprop [--samleng-font-family=inherit] - Font of the widget; the host page's font by default.
 * @cssprop [--samleng-font-size=1em] - Base font size; the host page's size by default.
 * @cssprop [--samleng-line-height=1.5] - Line height (Khmer text never goes below 1.6).
 * @cssprop [--samleng-radius=0.5em] - Corner radius of cards, buttons and fields.
 * @cssprop [--samleng-space=1em] - The base spacing unit.
 * @cssprop [--samleng-color-text=#1d1b20] - Text color (dark scheme default #e6e0e9).
 * @cssprop [--samleng-color-muted=#56525c] - Secondary text color (dark #cac4d0).
 * @cssprop [--samleng-color-surface=#ffffff] - Card background (dark #1d1b20).
 * @cssprop [--samleng-color-surface-alt=#f4eff4] - Background of inset areas (dark #2b2930).
 * @cssprop [--samleng-color-border=#79747e] - Borders of cards and fields (dark #938f99).
 * @cssprop [--samleng-color-accent=#9c1c1f] - Headings, buttons and progress (dark #ffb4ab).
 * @cssprop [--samleng-color-on-accent=#ffffff] - Text on the accent color (dark #5f1412).
 * @cssprop [--samleng-color-focus=#0b57d0] - The focus ring (dark #a8c7fa).
 * @cssprop [--samleng-color-danger=#b3261e] - Errors (dark #ffb4ab).
 * @cssprop [--samleng-color-success=#146c2e] - Success (dark #6dd58c).
 */
export class SamlengElement extends LitElement {
  static override styles = baseStyles;

  /** `light` or `dark` forces a color scheme; without it the widget follows the reader's setting. */
  @property({ reflect: true }) theme: 'light' | 'dark' | undefined;

  /** `latn` for 0123456789 or `khmr` for ០១២៣៤៥៦៧៨៩; by default Khmer digits in Khmer. */
  @property() numerals: 'latn' | 'khmr' | undefined;

  /** The active language and a formatter bound to it. */
  protected readonly l10n = new LocaleController(this);

  /** Dispatches a typed, bubbling, composed `samleng-*` event from this element. */
  protected emit<K extends SamlengEventName>(name: K, detail: SamlengEventDetail<K>): boolean {
    return emit(this, name, detail);
  }

  /** One console warning per element and `key`, prefixed with the tag name. */
  protected warn(key: string, message: string): void {
    warnOnce(this, key, message);
  }
}
