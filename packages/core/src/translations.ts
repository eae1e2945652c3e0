/**
 * Where the Khmer and French strings come from, for the drop-in script (`samleng.js`): every widget's
 * strings of both languages are inside the script, so loading a locale never makes a request.
 *
 * The loader build (`samleng-loader.js`, see rollup.loader.config.mjs) swaps this module for
 * `translations-split.ts`, which fetches the strings of one language and one widget package at a time.
 * Both modules export the same functions, so the rest of the kit does not know which way it runs.
 */
import * as km from './generated/locales/km.js';
import * as fr from './generated/locales/fr.js';

/** A generated locale module, as @lit/localize's `loadLocale` returns it. */
export type LocaleModule = { templates: Record<string, unknown> };

const translations: Record<string, LocaleModule> = { km, fr };

/** The strings of `locale` for every widget on the page (here: all of them, already loaded). */
export function loadTranslations(locale: string): Promise<LocaleModule> {
  return Promise.resolve(translations[locale] as LocaleModule);
}
