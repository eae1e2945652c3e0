/**
 * Reads untrusted case data (a feed entry or the `data` property) into a `CaseRecord`. The first
 * field that is wrong is named, so the partner's console can say exactly what to fix; a case with a
 * wrong field is skipped rather than shown half-right.
 */
import { isLocalizedText, type LocalizedText } from '@samleng/core';
import {
  STATUSES,
  type CaseAction,
  type CaseDate,
  type CaseRecord,
  type CaseSource,
  type CaseStatus,
} from './case-record.js';
import { parseCaseDate } from './parse-date.js';

/** A field that could not be read: its path (`cases[1].status`) and what it should be. */
export class CaseFieldError extends Error {
  constructor(
    readonly field: string,
    readonly expected: string,
  ) {
    super(`\`${field}\` must be ${expected}`);
    this.name = 'CaseFieldError';
  }
}

// Conservative on purpose: the address goes into a mailto: URL, so no `?`, `&`, `,` or spaces.
const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/;
const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const TEXT = 'a string or an object of strings by language ({"en": …, "km": …, "fr": …})';

/** Reads fields off one object, each check naming `<path>.<field>` when it fails. */
class Reader {
  constructor(
    private readonly data: Json,
    private readonly path: string,
  ) {}

  field(name: string): string {
    return `${this.path}.${name}`;
  }

  has(name: string): boolean {
    return this.data[name] !== undefined && this.data[name] !== null;
  }

  text(name: string): LocalizedText | undefined {
    if (!this.has(name)) return undefined;
    const value = this.data[name];
    if (!isLocalizedText(value)) throw new CaseFieldError(this.field(name), TEXT);
    return value;
  }

  requiredText(name: string): LocalizedText {
    const value = this.text(name);
    if (value === undefined || (typeof value === 'string' && value.trim() === '')) {
      throw new CaseFieldError(this.field(name), `present: ${TEXT}`);
    }
    return value;
  }

  string(name: string, pattern?: RegExp, expected = 'a string'): string | undefined {
    if (!this.has(name)) return undefined;
    const value = this.data[name];
    if (typeof value !== 'string' || (pattern && !pattern.test(value.trim()))) {
      throw new CaseFieldError(this.field(name), expected);
    }
    return value.trim();
  }

  date(name: string): CaseDate | undefined {
    if (!this.has(name)) return undefined;
    const date = parseCaseDate(this.data[name]);
    if (!date) throw new CaseFieldError(this.field(name), 'an ISO date such as 2017-09-03');
    return date;
  }

  array(name: string): unknown[] {
    if (!this.has(name)) return [];
    const value = this.data[name];
    if (!Array.isArray(value)) throw new CaseFieldError(this.field(name), 'an array');
    return value;
  }
}

/** Whether `value` is one of the six statuses. */
export function isStatus(value: unknown): value is CaseStatus {
  return typeof value === 'string' && (STATUSES as readonly string[]).includes(value);
}

function readAction(value: unknown, path: string): CaseAction {
  if (!isObject(value)) throw new CaseFieldError(path, 'an object');
  const read = new Reader(value, path);
  if (value['kind'] === 'letter') {
    const to = read.string('to', EMAIL, 'one e-mail address such as authorities@example.org');
    if (!to) throw new CaseFieldError(read.field('to'), 'one e-mail address such as authorities@example.org');
    return { kind: 'letter', to, subject: read.requiredText('subject'), body: read.requiredText('body') };
  }
  if (value['kind'] === 'link') {
    const href = read.string('href');
    if (!href) throw new CaseFieldError(read.field('href'), 'a URL');
    return { kind: 'link', label: read.requiredText('label'), href };
  }
  throw new CaseFieldError(read.field('kind'), '"letter" or "link"');
}

function readSource(value: unknown, path: string): CaseSource {
  if (!isObject(value)) throw new CaseFieldError(path, 'an object');
  const read = new Reader(value, path);
  return {
    title: read.requiredText('title'),
    publisher: read.text('publisher'),
    url: read.string('url'),
    date: read.date('date'),
  };
}

/**
 * Reads one case. `path` names it in errors (`cases[2]`).
 * @throws CaseFieldError naming the first wrong field.
 */
export function parseCase(value: unknown, path: string): CaseRecord {
  if (!isObject(value)) throw new CaseFieldError(path, 'an object');
  const read = new Reader(value, path);
  const id = read.string('id', ID, 'an id of letters, digits, "-" and "_" such as "kem-sokha"');
  if (!id) throw new CaseFieldError(read.field('id'), 'an id such as "kem-sokha"');
  const status = value['status'];
  if (!isStatus(status)) throw new CaseFieldError(read.field('status'), `one of ${STATUSES.join(', ')}`);
  return {
    id,
    name: read.requiredText('name'),
    nameKm: read.string('nameKm'),
    status,
    statusNote: read.text('statusNote'),
    charges: read.array('charges').map((charge, i) => {
      if (!isLocalizedText(charge)) throw new CaseFieldError(`${read.field('charges')}[${i}]`, TEXT);
      return charge;
    }),
    sentence: read.text('sentence'),
    arrested: read.date('arrested'),
    sentenced: read.date('sentenced'),
    photo: read.string('photo'),
    photoAlt: read.text('photoAlt'),
    summary: read.text('summary'),
    deadline: read.date('deadline'),
    updated: read.date('updated'),
    actions: read.array('actions').map((action, i) => readAction(action, `${read.field('actions')}[${i}]`)),
    sources: read.array('sources').map((source, i) => readSource(source, `${read.field('sources')}[${i}]`)),
  };
}

/** A feed once read: the valid cases, and one problem per skipped case. */
export interface ParsedFeed {
  cases: CaseRecord[];
  skipped: CaseFieldError[];
}

/**
 * Reads a whole feed. A feed without `version: 1` and a `cases` array cannot be used at all
 * (it throws); a single bad case is skipped and reported.
 */
export function parseFeed(value: unknown): ParsedFeed {
  if (!isObject(value)) throw new CaseFieldError('(feed)', 'a JSON object with "version" and "cases"');
  if (value['version'] !== 1) throw new CaseFieldError('version', '1');
  if (!Array.isArray(value['cases'])) throw new CaseFieldError('cases', 'an array');
  const cases: CaseRecord[] = [];
  const skipped: CaseFieldError[] = [];
  const seen = new Set<string>();
  value['cases'].forEach((entry, i) => {
    try {
      const record = parseCase(entry, `cases[${i}]`);
      if (seen.has(record.id))
        throw new CaseFieldError(`cases[${i}].id`, `unique ("${record.id}" is repeated)`);
      seen.add(record.id);
      cases.push(record);
    } catch (error) {
      if (!(error instanceof CaseFieldError)) throw error;
      skipped.push(error);
    }
  });
  return { cases, skipped };
}
