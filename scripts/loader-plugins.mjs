// Rollup plugins of the loader build (rollup.loader.config.mjs): dist/samleng-loader.js and dist/chunks/.
//
// splitKit(): one entry chunk per tag, Lit + core in one shared chunk, and the Khmer and French strings cut
// per language and widget package by message id prefix (`countdown.`, `pledge.` …) out of the generated
// locale modules. Core's translations.ts (every language inside) is swapped for translations-split.ts, so
// @lit/localize stays the runtime, only `loadLocale` fetches. It writes dist/chunks/loader-manifest.json:
// for each tag its entry chunk, its string chunks and the chunks to preload.
//
// loaderManifest(): the manifest as a module the loader imports (tag → entry and string chunks).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = (path) => `${root}packages/${path}`;

/** The widget packages, the message id prefixes that are theirs, and their tags with what each defines. */
export const PACKAGES = {
  countdown: {
    prefixes: ['countdown.'],
    tags: { 'samleng-countdown': [['samleng-countdown', 'countdown/src/countdown.ts', 'SamlengCountdown']] },
  },
  'case-alert': {
    prefixes: ['case-alert.', 'case-list.'],
    tags: {
      'samleng-case-alert': [['samleng-case-alert', 'case-alert/src/case-alert.ts', 'SamlengCaseAlert']],
      // A list draws case alerts: its entry defines both.
      'samleng-case-list': [
        ['samleng-case-alert', 'case-alert/src/case-alert.ts', 'SamlengCaseAlert'],
        ['samleng-case-list', 'case-alert/src/case-list.ts', 'SamlengCaseList'],
      ],
    },
  },
  checklist: {
    prefixes: ['checklist.'],
    tags: { 'samleng-checklist': [['samleng-checklist', 'checklist/src/checklist.ts', 'SamlengChecklist']] },
  },
  pledge: {
    prefixes: ['pledge.'],
    tags: {
      'samleng-pledge': [['samleng-pledge', 'pledge/src/pledge.ts', 'SamlengPledge']],
      'samleng-pledge-count': [['samleng-pledge-count', 'pledge/src/pledge-count.ts', 'SamlengPledgeCount']],
    },
  },
};
/** Ids every package needs (the core's own messages). */
const SHARED_PREFIXES = ['core.'];
export const LOCALES = ['km', 'fr'];

const ENTRY = '\0samleng-entry:';
export const STRINGS = '\0samleng-strings:';
const TRANSLATIONS = src('core/src/translations.ts');
const TRANSLATIONS_SPLIT = src('core/src/translations-split.ts');
const KHMER_DATA = src('core/src/format/khmer-data.ts');
const KHMER_DATA_SPLIT = src('core/src/format/khmer-data-split.ts');

/** Every tag and its package. */
export const TAGS = Object.fromEntries(
  Object.entries(PACKAGES).flatMap(([name, { tags }]) => Object.keys(tags).map((tag) => [tag, name])),
);

/** The rollup `input`: one entry per tag. */
export const loaderInput = Object.fromEntries(Object.keys(TAGS).map((tag) => [tag, `${ENTRY}${tag}`]));

function entryCode(tag) {
  const name = TAGS[tag];
  const defines = PACKAGES[name].tags[tag];
  const classes = [...new Map(defines.map(([, file, cls]) => [cls, file]))];
  const chunks = LOCALES.map(
    (locale) => `${locale}: () => import(${JSON.stringify(`${STRINGS}${locale}:${name}`)})`,
  );
  return [
    `import { addStrings, ensureStrings } from ${JSON.stringify(TRANSLATIONS_SPLIT)};`,
    `import { define, localeFromTag, pageLanguageTag, syncLocale } from ${JSON.stringify(src('core/src/index.ts'))};`,
    ...classes.map(([cls, file]) => `import { ${cls} } from ${JSON.stringify(src(file))};`),
    `addStrings(${JSON.stringify(name)}, { ${chunks.join(', ')} });`,
    // The page's language first (its strings here, then the runtime switched to it), so a Khmer page never
    // draws the widget in English.
    `export default () => ensureStrings(${JSON.stringify(name)}, localeFromTag(pageLanguageTag())).then(() => syncLocale()).then(() => {`,
    ...defines.map(([t, , cls]) => `  define(${JSON.stringify(t)}, ${cls});`),
    `});`,
  ].join('\n');
}

/** A locale module holding only the messages of one package (and the shared ones). */
function stringsCode(context, locale, name) {
  const file = src(`core/src/generated/locales/${locale}.ts`);
  const code = readFileSync(file, 'utf8');
  let templates;
  const visit = (node) => {
    if (node.type === 'VariableDeclarator' && node.id.name === 'templates') templates = node.init;
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach((child) => child?.type && visit(child));
      else if (value?.type) visit(value);
    }
  };
  visit(context.parse(code));
  if (templates?.type !== 'ObjectExpression') context.error(`${file}: no templates object`);
  const keyOf = (property) =>
    String(property.key.type === 'Identifier' ? property.key.name : property.key.value);
  // A message no package claims would be in no string chunk: untranslated through the loader, silently.
  const all = [...Object.values(PACKAGES).flatMap((p) => p.prefixes), ...SHARED_PREFIXES];
  const orphans = templates.properties
    .map(keyOf)
    .filter((key) => !all.some((prefix) => key.startsWith(prefix)));
  if (orphans.length) {
    context.error(
      `message id(s) ${orphans.join(', ')} belong to no widget package: add their prefix to PACKAGES in scripts/loader-plugins.mjs`,
    );
  }
  const prefixes = [...PACKAGES[name].prefixes, ...SHARED_PREFIXES];
  const kept = templates.properties.filter((property) =>
    prefixes.some((prefix) => keyOf(property).startsWith(prefix)),
  );
  if (kept.length === 0) context.error(`no ${locale} messages with the prefixes ${prefixes.join(' ')}`);
  // The Khmer calendar and number table travels with the Khmer strings (see khmer-data-split.ts).
  const khmerData =
    locale === 'km'
      ? [
          `import * as khmerData from ${JSON.stringify(KHMER_DATA)};`,
          `import { installKhmerData } from ${JSON.stringify(KHMER_DATA_SPLIT)};`,
          `installKhmerData(khmerData);`,
        ]
      : [];
  return [
    ...khmerData,
    `import { str } from '@lit/localize';`,
    `export const templates = {`,
    ...kept.map((property) => `${code.slice(property.start, property.end)},`),
    `};`,
  ].join('\n');
}

const isKit = (id) => id.startsWith(root) && !id.includes('/node_modules/');

/**
 * Modules of the core and of Lit that some widgets need and others do not. Each widget package gets its own
 * copy (`ics.samleng-copy-countdown.ts`), built into its own chunk, so that the shared core chunk holds only
 * what every widget needs, and a page with one widget makes no request for a small shared piece. The core's
 * index is copied too: it is the barrel every widget imports these through. Copies keep no state that must be
 * page-wide (the clock's ticks, the feed cache and storage are per package, which is harmless).
 */
const COPIED = [
  /[\\/]packages[\\/]core[\\/]src[\\/](index|ics|clock|url|storage|localized-text|style-props|fetch-json|form-rules|form-styles|uuid|format[\\/]khmer-data)\.ts$/,
  /[\\/]node_modules[\\/]lit(-html)?[\\/](directives[\\/](class-map|repeat|live)|directive-helpers)\.js$/,
];
const COPY = /\.samleng-copy-([a-z-]+)(\.[jt]s)$/;

/** The widget package whose code imports from `importer`, if any. */
function packageOf(importer) {
  if (!importer) return undefined;
  if (importer.startsWith(ENTRY)) return TAGS[importer.slice(ENTRY.length)];
  if (importer.startsWith(STRINGS)) return importer.split(':')[2];
  const copy = COPY.exec(importer);
  if (copy) return copy[1];
  const name = /[\\/]packages[\\/]([^/\\]+)[\\/]src[\\/]/.exec(importer)?.[1];
  return name && name in PACKAGES ? name : undefined;
}

/** For packages with two tags: the tag whose chunk holds the package's shared code (the other imports it). */
const BASE = { 'case-alert': 'samleng-case-alert', pledge: 'samleng-pledge-count' };

/** @returns {import('rollup').Plugin} */
export function splitKit() {
  return {
    name: 'samleng-split-kit',
    resolveId: {
      order: 'pre',
      async handler(source, importer) {
        if (source.startsWith(ENTRY) || source.startsWith(STRINGS)) return source;
        if (source === './translations.js' && importer?.startsWith(src('core/src/'))) {
          return importer === TRANSLATIONS_SPLIT ? TRANSLATIONS : TRANSLATIONS_SPLIT;
        }
        // The core's formatter reads the Khmer table from its stand-in; only Khmer string chunks import it.
        if (source === './khmer-data.js' && importer?.startsWith(src('core/src/format/'))) {
          return importer === KHMER_DATA_SPLIT ? KHMER_DATA : KHMER_DATA_SPLIT;
        }
        const name = packageOf(importer);
        if (!name) return null;
        const resolved = await this.resolve(source, importer, { skipSelf: true });
        if (!resolved || resolved.external || !COPIED.some((pattern) => pattern.test(resolved.id)))
          return resolved;
        return { ...resolved, id: resolved.id.replace(/(\.[jt]s)$/, `.samleng-copy-${name}$1`) };
      },
    },
    load(id) {
      if (COPY.test(id)) return readFileSync(id.replace(COPY, '$2'), 'utf8');
      if (id.startsWith(ENTRY)) return entryCode(id.slice(ENTRY.length));
      if (id.startsWith(STRINGS)) {
        const [locale, name] = id.slice(STRINGS.length).split(':');
        return stringsCode(this, locale, name);
      }
      return null;
    },
    // translations.ts may only be reached as the type source of translations-split.ts (erased by esbuild).
    buildEnd(error) {
      if (error) return;
      const ids = [...this.getModuleIds()];
      if (ids.includes(KHMER_DATA))
        this.error('the Khmer table reached a chunk other than the Khmer strings');
      if (ids.some((id) => id.includes('/generated/locales/')))
        this.error(
          'the loader build pulled in a whole locale module: something imports translations.ts directly',
        );
    },
    generateBundle(options, bundle) {
      const chunks = Object.values(bundle).filter((output) => output.type === 'chunk');
      const byFacade = new Map(chunks.map((chunk) => [chunk.facadeModuleId, chunk]));
      const closure = (chunk, seen = new Set()) => {
        for (const file of chunk.imports) {
          if (seen.has(file)) continue;
          seen.add(file);
          closure(bundle[file], seen);
        }
        return seen;
      };
      const tags = {};
      for (const [tag, name] of Object.entries(TAGS)) {
        const entry = byFacade.get(`${ENTRY}${tag}`);
        if (!entry) this.error(`no entry chunk for <${tag}>`);
        const strings = Object.fromEntries(
          LOCALES.map((locale) => {
            const chunk = byFacade.get(`${STRINGS}${locale}:${name}`);
            if (!chunk) this.error(`no ${locale} strings chunk for ${name}`);
            return [locale, chunk.fileName];
          }),
        );
        tags[tag] = { package: name, entry: entry.fileName, strings, imports: [...closure(entry)] };
      }
      this.emitFile({
        type: 'asset',
        fileName: 'chunks/loader-manifest.json',
        source: `${JSON.stringify({ tags }, null, 2)}\n`,
      });
    },
  };
}

/**
 * Lit, @lit/localize and the core every widget needs in one shared chunk; for a package of two tags, the
 * code both need in the chunk of its base tag, so one widget alone is its entry chunk and the core.
 */
export function manualChunks(id, { getModuleInfo }) {
  const lit = /[\\/]node_modules[\\/](lit|lit-html|lit-element|@lit[\\/](reactive-element|localize))[\\/]/;
  // `\0samleng:` modules are the build's own stand-ins inside @lit/localize (scripts/rollup-plugins.mjs).
  const core = lit.test(id) || id.startsWith('\0samleng:') || (id.startsWith(src('core/src/')) && isKit(id));
  if (core && !COPY.test(id)) return 'core';
  for (const tag of Object.values(BASE)) if (reachedFrom(`${ENTRY}${tag}`, getModuleInfo).has(id)) return tag;
  return undefined;
}

/** The modules `entry` imports, directly or not (not through dynamic imports). */
function reachedFrom(entry, getModuleInfo) {
  const seen = new Set();
  const stack = [entry];
  while (stack.length) {
    const id = stack.pop();
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(getModuleInfo(id)?.importedIds ?? []));
  }
  return seen;
}

/** The manifest read back into the loader: tag → [entry, { km, fr }], paths relative to the loader. */
export function loaderManifest(file = `${root}dist/chunks/loader-manifest.json`) {
  const ID = 'samleng:loader-manifest';
  return {
    name: 'samleng-loader-manifest',
    resolveId: (source) => (source === ID ? `\0${ID}` : null),
    load(id) {
      if (id !== `\0${ID}`) return null;
      this.addWatchFile(file);
      const { tags } = JSON.parse(readFileSync(file, 'utf8'));
      const table = Object.fromEntries(Object.entries(tags).map(([tag, t]) => [tag, [t.entry, t.strings]]));
      return `export default ${JSON.stringify(table)};`;
    },
  };
}
