/**
 * Which language the widgets speak, and live changes of it.
 *
 * The page decides: `<html lang>` (`km-KH` → km, `fr-CA` → fr, anything else → en). A partner who
 * cannot or will not change `<html lang>` (a WordPress theme, a bilingual page) forces the language
 * with `<meta name="samleng-locale" content="km">`. Both are watched, so a language switcher that
 * rewrites either one changes every widget at once. Where the strings come from: translations.ts.
 */
import { configureLocalization } from '@lit/localize';
import { sourceLocale, targetLocales } from './generated/locale-codes.js';
import { loadTranslations } from './translations.js';
import type { Locale } from './format/types.js';

/** The `name` of the `<meta>` element that forces the widgets' language. */
export const LOCALE_META_NAME = 'samleng-locale';

const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  // The drop-in script has every language inside; the loader fetches one language per widget package.
  loadLocale: (locale) =>
    loadTranslations(locale) as ReturnType<Parameters<typeof configureLocalization>[0]['loadLocale']>,
});

/** Maps any BCP 47 tag to the Samleng locale that serves it: `km-KH` → km, `fr-CA` → fr, else en. */
export function localeFromTag(tag: string | null | undefined): Locale {
  const language = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return language === 'km' || language === 'fr' ? language : 'en';
}

/** The language tag the page asks for: the `<meta>` override first, then `<html lang>`. */
export function pageLanguageTag(doc: Document = document): string {
  const meta = doc.querySelector<HTMLMetaElement>(`meta[name="${LOCALE_META_NAME}"]`);
  const forced = meta?.content.trim();
  return forced ? forced : doc.documentElement.lang;
}

/** The locale the widgets render in now. */
export function activeLocale(): Locale {
  return getLocale() as Locale;
}

let pending: Promise<void> = Promise.resolve();
let observer: MutationObserver | undefined;

/** Applies the page's language now; resolves when the widgets can render in it. */
export function syncLocale(doc: Document = document): Promise<void> {
  const wanted = localeFromTag(pageLanguageTag(doc));
  if (wanted !== getLocale()) pending = setLocale(wanted);
  return pending;
}

/** Resolves once the latest language change has been applied. */
export function localeReady(): Promise<void> {
  return pending;
}

/**
 * Starts following the page's language. Called by every widget when it connects; the first call
 * sets up one observer for the whole page, later calls only re-read the language.
 */
export function watchPageLocale(doc: Document = document): Promise<void> {
  if (!observer) {
    observer = new MutationObserver(() => void syncLocale(doc));
    observer.observe(doc.documentElement, { attributes: true, attributeFilter: ['lang'] });
    // Only the head is watched for the <meta> override: watching the whole body would wake up on
    // every change a busy host page makes.
    if (doc.head) {
      observer.observe(doc.head, {
        childList: true,
        subtree: true,
        attributes: true,
        attributeFilter: ['name', 'content'],
      });
    }
  }
  return syncLocale(doc);
}
