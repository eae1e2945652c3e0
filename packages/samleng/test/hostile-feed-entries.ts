/**
 * Entries of the case and steps feeds for hostile-feeds.test.ts (and the value lists the receiver's
 * answers in hostile-pledge.test.ts are built from): each field fed the hostile corpus, and JSON values
 * of every wrong type, in feeds written for the run and served by the test server (serve.ts). What is
 * checked, and why, is in hostile-harness.ts.
 */
import { jsonValues, payloads } from './payloads.js';
import { serveAll } from './serve.js';
import type { Sample } from './hostile-harness.js';

export type Json = Record<string, unknown>;
export type Setter = (target: Json, value: unknown) => void;

export const at =
  (...path: (string | number)[]): Setter =>
  (target, value) => {
    let node = target as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
    node[path.at(-1)!] = value;
  };

/** A value as an object key (JSON for non-strings: String() throws on a null-prototype object). */
export const key = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

const bytes = (text: string) => new TextEncoder().encode(text).length;

/** Splits entries into feeds well below fetchJson's 1 MB limit (a 100 KB emoji string is 200 KB). */
function chunk<T>(entries: T[], limit = 700_000): T[][] {
  const chunks: T[][] = [[]];
  let size = 0;
  for (const entry of entries) {
    const length = bytes(JSON.stringify(entry));
    if (size + length > limit && chunks.at(-1)!.length) {
      chunks.push([]);
      size = 0;
    }
    chunks.at(-1)!.push(entry);
    size += length;
  }
  return chunks;
}

export interface FeedEntry {
  entry: unknown;
  fed: string;
}

/**
 * Writes the entries as feeds and returns the widgets that show them.
 * @param wrap makes a feed of a chunk of entries.
 * @param widgets the widgets that read one feed.
 */
export async function feedSamples(
  name: string,
  entries: FeedEntry[],
  wrap: (entries: unknown[]) => Json,
  widgets: (src: string, first: unknown) => HTMLElement[],
): Promise<Sample[]> {
  const parts = chunk(entries);
  const paths = await serveAll(
    parts.map((part, i) => [`${name}-${i}.json`, JSON.stringify(wrap(part.map((p) => p.entry)))]),
  );
  return parts.flatMap((part, i) => {
    const path = paths[i]!;
    const fed = part.map((p) => p.fed).join(' ');
    return widgets(`${location.origin}${path}`, part[0]!.entry).map((el) => ({
      el,
      label: `${name} feed #${i} (${path.split('/').at(-1)})`,
      fed,
    }));
  });
}

/** `list` in runs of `size`. */
export const chunkOf = <T>(list: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, i * size + size));

/** Strings (the corpus) and JSON values of the wrong types, each with what it "says". */
export const allValues = (): { value: unknown; fed: string; id: string }[] => [
  ...payloads.map((p) => ({ value: p.value as unknown, fed: p.value, id: `p${p.id}` })),
  ...jsonValues.map((value, i) => ({ value, fed: JSON.stringify(value), id: `j${i}` })),
];

/**
 * A payload longer than this goes into one field of an entry, not all: in every field at once, the long
 * ones would take a feed past fetchJson's 1 MB limit, and rendering 2,000 Khmer letters sixteen times
 * in a card is slow in Chromium (see the Khmer test in hostile-attributes-case-alert.test.ts).
 */
export const SHARED_LIMIT = 1_000;

const slug = (field: string) => field.replace(/\W+/g, '_');

/**
 * For each payload, one entry with every free field (text or URL, never refused) set to it. A long
 * payload (SHARED_LIMIT) goes into one field, a different one for each long payload. (The attribute
 * tests put every long payload in every attribute; the card renders a feed's case with the same code.)
 */
export function freeEntries(make: (id: string) => Json, free: [string, Setter][]): FeedEntry[] {
  let long = 0;
  return payloads.map((p) => {
    const entry = make(`p${p.id}`);
    const fields = p.value.length < SHARED_LIMIT ? free : [free[long++ % free.length]!];
    for (const [, set] of fields) set(entry, p.value);
    return { entry, fed: p.value };
  });
}

/**
 * One entry per checked field and payload: a refused value skips the entry, hiding nothing else. A
 * long payload goes into one of the fields (a different one each time), as in `freeEntries`.
 */
export function gatedEntries(make: (id: string) => Json, gated: [string, Setter][]): FeedEntry[] {
  let long = 0;
  return payloads.flatMap((p) => {
    const fields = p.value.length < SHARED_LIMIT ? gated : [gated[long++ % gated.length]!];
    return fields.map(([field, set]) => {
      const entry = make(`p${p.id}-${slug(field)}`);
      set(entry, p.value);
      return { entry, fed: p.value };
    });
  });
}

/** One entry per field and JSON value of a wrong type. */
export function typeEntries(make: (id: string) => Json, fields: [string, Setter][]): FeedEntry[] {
  return jsonValues.flatMap((value, j) =>
    fields.map(([field, set]) => {
      const entry = make(`j${j}-${slug(field)}`);
      set(entry, value);
      return { entry, fed: JSON.stringify(value) };
    }),
  );
}

/** Text as a feed may give it by language: the same value in each, whatever the page's language. */
export const byLanguage =
  (...path: (string | number)[]): Setter =>
  (target, value) =>
    at(...path)(target, { en: value, km: value, fr: value });

export const baseCase = (id: string): Json => ({
  id,
  name: 'Ana Example',
  nameKm: 'អាណា ឧទាហរណ៍',
  status: 'detained',
  statusNote: { en: 'Not verified since 2025.', fr: 'Non vérifié depuis 2025.' },
  charges: ['Incitement', { en: 'Conspiracy', km: 'ការឃុបឃិត' }],
  sentence: '5 years',
  arrested: '2019-09-03',
  sentenced: '2020-03-03',
  photoAlt: 'Portrait of Ana Example',
  summary: 'A short summary.',
  deadline: '2099-12-12',
  updated: '2026-06-01',
  actions: [
    { kind: 'link', label: 'Sign the petition', href: 'https://example.org/petition' },
    {
      kind: 'letter',
      to: 'office@example.org',
      subject: 'Release Ana',
      body: 'Dear Sir or Madam,\nRelease her.',
    },
  ],
  sources: [
    { title: 'Report', publisher: 'Example News', url: 'https://example.org/report', date: '2023-03-03' },
  ],
});

let names = 0;

/**
 * Fields of case-feed.schema.json's case that take any text or URL: shown, never refusing the case.
 * Text fields take a string or one string per language; both forms are here, on different fields.
 */
export const CASE_FREE: [string, Setter][] = [
  // A string for one payload, by language for the next: both forms of text, every payload in one.
  ['name', (c, v) => ((names += 1) % 2 ? at('name')(c, v) : byLanguage('name')(c, v))],
  ['nameKm', at('nameKm')],
  ['statusNote', at('statusNote')],
  ['charges[0]', at('charges', 0)],
  ['charges[1]', byLanguage('charges', 1)],
  ['sentence', byLanguage('sentence')],
  ['photo', at('photo')],
  ['photoAlt', byLanguage('photoAlt')],
  ['summary', at('summary')],
  ['actions[0].label', byLanguage('actions', 0, 'label')],
  ['actions[0].href', at('actions', 0, 'href')],
  ['actions[1].subject', at('actions', 1, 'subject')],
  ['actions[1].body', byLanguage('actions', 1, 'body')],
  ['sources[0].title', at('sources', 0, 'title')],
  ['sources[0].publisher', byLanguage('sources', 0, 'publisher')],
  ['sources[0].url', at('sources', 0, 'url')],
];
/** Fields that are checked: a wrong value skips the case, so each is fed alone. */
export const CASE_GATED: [string, Setter][] = [
  ['id', at('id')],
  ['name.<language>', (c, v) => (c['name'] = { [key(v)]: 'Ana Example' })],
  ['status', at('status')],
  ['arrested', at('arrested')],
  ['sentenced', at('sentenced')],
  ['deadline', at('deadline')],
  ['updated', at('updated')],
  ['actions[0].kind', at('actions', 0, 'kind')],
  ['actions[1].to', at('actions', 1, 'to')],
  ['sources[0].date', at('sources', 0, 'date')],
];
/** The arrays and objects holding the fields, fed JSON values of the wrong type. */
export const CASE_WHOLES: [string, Setter][] = [
  ['charges', at('charges')],
  ['actions', at('actions')],
  ['actions[0]', at('actions', 0)],
  ['sources', at('sources')],
  ['sources[0]', at('sources', 0)],
];

export const caseWidgets = (src: string, first: unknown) => {
  const list = document.createElement('samleng-case-list');
  list.setAttribute('src', src);
  const card = document.createElement('samleng-case-alert');
  card.setAttribute('src', src);
  card.setAttribute('case-id', String((first as Json)['id']));
  return [list, card];
};

export const baseStep = (id: string): Json => ({
  id,
  title: { en: 'Write to your representative', km: 'សរសេរទៅតំណាងរបស់អ្នក', fr: 'Écrivez à votre député' },
  details: 'Before the review.',
  href: 'https://example.org/how',
  due: '2099-10-10',
});

/** The step fields steps-feed.ts reads that take any text or URL, as strings and by language. */
let steps = 0;
export const STEP_FREE: [string, Setter][] = [
  // By turns: the title by language with the details as a string, then the other way round.
  ['title', (s, v) => ((steps += 1) % 2 ? at('title', 'en')(s, v) : at('title')(s, v))],
  ['details', (s, v) => (steps % 2 ? at('details')(s, v) : byLanguage('details')(s, v))],
  ['href', at('href')],
];
export const STEP_GATED: [string, Setter][] = [
  ['id', at('id')],
  ['due', at('due')],
  ['title.<language>', (s, v) => (s['title'] = { [key(v)]: 'Write' })],
];

export const checklist = (src: string) => {
  const el = document.createElement('samleng-checklist');
  el.setAttribute('src', src);
  el.setAttribute('heading', 'Steps');
  el.setAttribute('storage-key', `hostile-${src}`);
  return [el];
};
