/**
 * A reactive controller that keeps a widget in the page's language: it starts the page-wide
 * language watcher, re-renders the host when the language changes, and hands out a formatter for
 * the active locale and the host's `numerals`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { updateWhenLocaleChanges } from '@lit/localize';
import { activeLocale, pageLanguageTag, watchPageLocale } from './locale.js';
import { createFormatter, defaultNumerals } from './format/index.js';
import type { Formatter, Locale, Numerals } from './format/types.js';

/** What the controller needs of its host. */
export interface LocaleHost extends ReactiveControllerHost, HTMLElement {
  /** The `numerals` attribute: `latn`, `khmr`, or unset for the locale's default. */
  numerals?: string | undefined;
}

export class LocaleController implements ReactiveController {
  #formatter: Formatter | undefined;

  constructor(private readonly host: LocaleHost) {
    host.addController(this);
    updateWhenLocaleChanges(host);
  }

  hostConnected(): void {
    void watchPageLocale(this.host.ownerDocument);
  }

  /** The language the widget renders in now. */
  get locale(): Locale {
    return activeLocale();
  }

  /** The digits in use: the host's `numerals` when valid, else Khmer digits in Khmer. */
  get numerals(): Numerals {
    const wanted = this.host.numerals;
    return wanted === 'latn' || wanted === 'khmr' ? wanted : defaultNumerals(this.locale);
  }

  /** A formatter for the active locale and numerals (rebuilt only when either changes). */
  get format(): Formatter {
    const locale = this.locale;
    const numerals = this.numerals;
    const current = this.#formatter;
    if (current && current.locale === locale && current.numerals === numerals) return current;
    const tag = pageLanguageTag(this.host.ownerDocument);
    this.#formatter = createFormatter(locale, numerals, tag || undefined);
    return this.#formatter;
  }
}
