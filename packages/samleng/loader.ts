/**
 * The loader: `<script type="module" src=".../samleng-loader.js"></script>` instead of `samleng.js`.
 *
 * It looks for the `samleng-*` tags on the page, and those added later, and imports only what they
 * need from `chunks/` beside it (resolved from this script's own URL, so any host and sub-folder
 * works): the tag's entry chunk, the Lit + core chunk every widget shares, and, on a Khmer or French
 * page, that language's strings of that widget package. The entry chunk defines the tag once its
 * strings are in (through the core's guarded `define`, so a second loader or `samleng.js` on the same
 * page throws nothing). Built by rollup.loader.config.mjs; the table of chunks is written in at build.
 */
import chunks from 'samleng:loader-manifest';

const started = new Set<string>();
const url = (file: string): string => new URL(file, import.meta.url).href;

/** The page's language as the core reads it (`<meta name="samleng-locale">`, then `<html lang>`). */
function pageLocale(): string {
  const forced = document.querySelector<HTMLMetaElement>('meta[name="samleng-locale"]')?.content.trim();
  return (forced || document.documentElement.lang).trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

function start(tag: string): void {
  const found = chunks[tag];
  if (!found || started.has(tag)) return;
  started.add(tag);
  const [entry, strings] = found;
  const language = strings[pageLocale()];
  // Fetched beside the entry, not after it; the entry waits for it before it defines the tag.
  if (language) import(url(language)).catch(() => {});
  import(url(entry))
    .then((module: { default: () => Promise<void> }) => module.default())
    .catch((error: unknown) =>
      console.error(`<${tag}>: Samleng could not load its code from ${url(entry)}`, error),
    );
}

const selector = Object.keys(chunks).join(',');

function scan(root: Element | Document): void {
  if (root instanceof Element && root.matches(selector)) start(root.localName);
  for (const element of root.querySelectorAll(selector)) start(element.localName);
}

scan(document);
new MutationObserver((records) => {
  for (const record of records) {
    for (const node of record.addedNodes) if (node instanceof Element) scan(node);
  }
}).observe(document, { childList: true, subtree: true });
