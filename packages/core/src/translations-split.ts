/**
 * The loader build's strings (it replaces `translations.ts` there): one chunk per language and widget
 * package (`countdown.*` ids in one, `pledge.*` in another; the build cuts them by id prefix), fetched
 * only when the page's language needs them and a widget of that package is on the page.
 *
 * Each package's entry chunk registers its chunks with `addStrings` before it defines its tags, and
 * awaits `ensureStrings` for the page's language, so a Khmer page never shows a widget in English
 * first. @lit/localize keeps the object `loadTranslations` returns, so strings of a package that
 * arrives later (a tag added to the page after the language was loaded) are merged into it in place.
 */
import type { LocaleModule } from './translations.js';

export type { LocaleModule };

/** A package's string chunks by locale (`km`, `fr`); English is in the code itself. */
export type StringChunks = Partial<Record<string, () => Promise<LocaleModule>>>;

const packages = new Map<string, StringChunks>();
const merged = new Map<string, Record<string, unknown>>();

function templatesOf(locale: string): Record<string, unknown> {
  let templates = merged.get(locale);
  if (!templates) merged.set(locale, (templates = {}));
  return templates;
}

function load(chunks: StringChunks, locale: string): Promise<void> {
  const chunk = chunks[locale];
  // The browser loads a module once; a second call only waits for the first.
  return chunk
    ? chunk().then((module) => void Object.assign(templatesOf(locale), module.templates))
    : Promise.resolve();
}

/** Registers the string chunks of the widget package `name` (called by its entry chunk). */
export function addStrings(name: string, chunks: StringChunks): void {
  packages.set(name, chunks);
}

/** Resolves once the package's strings of `locale` are in place. */
export function ensureStrings(name: string, locale: string): Promise<void> {
  const chunks = packages.get(name);
  return chunks ? load(chunks, locale) : Promise.resolve();
}

/** The strings of `locale` for every widget package on the page so far. */
export async function loadTranslations(locale: string): Promise<LocaleModule> {
  await Promise.all([...packages.values()].map((chunks) => load(chunks, locale)));
  return { templates: templatesOf(locale) };
}
