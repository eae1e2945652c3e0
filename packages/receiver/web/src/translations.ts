/**
 * The console's and builder's strings, in place of the kit's (the build swaps core's translations.ts for
 * this module): organizers' strings stay out of the partners' drop-in script, and the widgets the builder
 * previews come with their own strings inside the kit's script.
 */
import * as km from './generated/locales/km.js';
import * as fr from './generated/locales/fr.js';

export type LocaleModule = { templates: Record<string, unknown> };

const translations: Record<string, LocaleModule> = { km, fr };

export function loadTranslations(locale: string): Promise<LocaleModule> {
  return Promise.resolve(translations[locale] as LocaleModule);
}
