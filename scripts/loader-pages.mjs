// What a partner page fetches through the loader, before any interaction, from the built files in dist/:
// the loader, each shown tag's entry chunk and the chunks it imports, and on a Khmer or French page that
// language's strings of each shown package. Used by the size guard (scripts/check-size.mjs) and the bench.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSize } from './size-report.mjs';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
export const LOADER = 'samleng-loader.js';

/** The pages the issue sets targets for: each widget alone, and the four widgets together. */
export const PAGES = {
  countdown: ['samleng-countdown'],
  'case-alert': ['samleng-case-alert'],
  'case-list': ['samleng-case-list'],
  checklist: ['samleng-checklist'],
  pledge: ['samleng-pledge'],
  'pledge-count': ['samleng-pledge-count'],
  'all four': ['samleng-countdown', 'samleng-case-alert', 'samleng-checklist', 'samleng-pledge'],
};
/** gzip bytes: one widget alone per language, all four widgets, the loader itself. */
export const TARGETS = { en: 20 * 1024, km: 22 * 1024, all: 48 * 1024, loader: 1.5 * 1024, requests: 4 };

export function readManifest() {
  return JSON.parse(readFileSync(`${dist}chunks/loader-manifest.json`, 'utf8')).tags;
}

const sizes = new Map();
/** gzip -9 bytes of a file in dist/. */
export function gzipOf(file) {
  if (!sizes.has(file)) sizes.set(file, gzipSize(readFileSync(`${dist}${file}`)));
  return sizes.get(file);
}

/** The files a page with `tags` fetches in `locale`, loader first, and their gzip bytes. */
export function page(tags, locale, manifest = readManifest()) {
  const files = new Set([LOADER]);
  for (const tag of tags) {
    const { entry, imports, strings } = manifest[tag];
    files.add(entry);
    for (const file of imports) files.add(file);
    if (strings[locale]) files.add(strings[locale]);
  }
  const list = [...files];
  return { files: list, requests: list.length, bytes: list.reduce((sum, file) => sum + gzipOf(file), 0) };
}

/** The target for a page: one widget per language, or all four. */
export const targetOf = (name, locale) =>
  name === 'all four' ? TARGETS.all : TARGETS[locale === 'km' ? 'km' : 'en'];

/** The `<link rel="modulepreload">` lines that bring a page's chunks in one round trip. */
export function preloadLines(tags, locale, base = '/samleng/', manifest = readManifest()) {
  return page(tags, locale, manifest)
    .files.filter((file) => file !== LOADER)
    .map((file) => `<link rel="modulepreload" href="${base}${file}">`);
}
