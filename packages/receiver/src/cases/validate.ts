// Checks a case, and a whole feed, against the feed schema the widgets read
// (packages/case-alert/case-feed.schema.json, copied into dist/ by the build) plus the widgets' own rules
// that a schema cannot say: ids unique in a feed, real calendar dates, links the widgets would not drop.
// ajv (JSON Schema 2020-12) rather than hand-written checks: the schema stays the one description of the
// format, for the console, the feed route and `samleng-receiver feed check` alike.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';

export const SCHEMA_PATH = new URL('../../case-feed.schema.json', import.meta.url);

/** Longest text in a case (a letter body in three languages fits well within it). */
export const MAX_TEXT = 20_000;

let compiled: { feed: ValidateFunction; item: ValidateFunction } | undefined;
function validators() {
  if (compiled) return compiled;
  const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  ajv.addSchema(schema);
  const id = String(schema.$id);
  const feed = ajv.getSchema(id);
  const item = ajv.getSchema(`${id}#/$defs/case`);
  if (!feed || !item) throw new Error(`the case feed schema at ${SCHEMA_PATH.pathname} has no $defs/case`);
  compiled = { feed, item };
  return compiled;
}

/** One problem: where (`sources[0].url`, from the object checked) and a short code. */
export interface Problem {
  path: string;
  code: string;
}

/** `/sources/0/url` → `sources[0].url`. */
export function dotted(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), '');
}

const DATE_FIELDS = new Set(['arrested', 'sentenced', 'deadline', 'updated', 'date', 'checked']);

function codeOf(error: ErrorObject, path: string): string {
  const last =
    path
      .split('.')
      .pop()
      ?.replace(/\[\d+\]$/, '') ?? '';
  if (error.keyword === 'required') return 'required';
  if (error.keyword === 'enum' && last === 'status') return 'status';
  if (DATE_FIELDS.has(last)) return 'date';
  if (last === 'to') return 'email';
  return 'format';
}

/** `…/oneOf/1` and the item it was tried on, for an error inside a oneOf branch. */
function branchOf(error: ErrorObject): { branch: string; item: string } | undefined {
  const match = /^(.*\/oneOf\/\d+)\//.exec(error.schemaPath);
  if (!match) return undefined;
  const item =
    error.keyword === 'const' && error.instancePath.endsWith('/kind')
      ? error.instancePath.slice(0, -'/kind'.length)
      : undefined;
  return { branch: match[1], item: item ?? '' };
}

function schemaProblems(errors: readonly ErrorObject[] | null | undefined, prefix = ''): Problem[] {
  const list = errors ?? [];
  // An action is a letter or a link, told by its `kind`: the branch whose kind does not match says
  // nothing about it (a letter need not have a link's label).
  const dead = new Set<string>();
  for (const error of list) {
    const at = branchOf(error);
    if (at?.item !== undefined && at.item !== '') dead.add(`${at.branch}@${at.item}`);
  }
  const relevant = list.filter((error) => {
    const at = branchOf(error);
    if (!at) return true;
    return ![...dead].some((key) => {
      const [branch, item] = key.split('@');
      return branch === at.branch && error.instancePath.startsWith(item);
    });
  });
  const found = new Map<string, string>();
  for (const error of relevant) {
    let path = dotted(error.instancePath);
    if (error.keyword === 'required') {
      const missing = String((error.params as { missingProperty: string }).missingProperty);
      path = path ? `${path}.${missing}` : missing;
    }
    let full = prefix && path ? `${prefix}.${path}` : prefix || path;
    if (error.keyword === 'oneOf') {
      // A oneOf repeats what its branches said; a branch's own error, deeper in, is kept instead.
      const deeper = (key: string) =>
        key === full || key.startsWith(`${full}.`) || key.startsWith(`${full}[`);
      if ([...found.keys()].some(deeper)) continue;
      // Neither a letter nor a link (every branch's kind refused it): said at its kind.
      if ([...dead].some((key) => key.endsWith(`@${error.instancePath}`))) full = `${full}.kind`;
    }
    if (!found.has(full)) found.set(full, codeOf(error, full));
  }
  return [...found].map(([path, code]) => ({ path, code }));
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// eslint-disable-next-line no-control-regex -- control characters are what this finds
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** A real day: 2023-02-30 matches the pattern but is not one. */
function realDate(value: string): boolean {
  const day = value.slice(0, 10);
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day;
}

/** http(s) or relative; `mailto:` too where a link may be one. */
function usableUrl(value: string, mailto: boolean): boolean {
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(value.trim())?.[1]?.toLowerCase();
  if (!scheme) return value.trim() !== '';
  return scheme === 'http' || scheme === 'https' || (mailto && scheme === 'mailto');
}

/** The rules beyond the schema, over one case object. */
function caseRules(value: unknown, prefix: string): Problem[] {
  const problems: Problem[] = [];
  const at = (path: string) => (prefix ? `${prefix}.${path}` : path);
  const walk = (node: unknown, path: string) => {
    if (typeof node === 'string') {
      if (node.length > MAX_TEXT) problems.push({ path: at(path), code: 'too-long' });
      // As the pledge form's text rules: well-formed Unicode, no control characters but line breaks and tabs.
      if (LONE_SURROGATE.test(node) || CONTROL.test(node)) problems.push({ path: at(path), code: 'format' });
      const key =
        path
          .split('.')
          .pop()
          ?.replace(/\[\d+\]$/, '') ?? '';
      if (DATE_FIELDS.has(key) && /^\d{4}-\d{2}-\d{2}/.test(node) && !realDate(node)) {
        problems.push({ path: at(path), code: 'date' });
      }
      if ((key === 'url' || key === 'photo' || key === 'href') && !usableUrl(node, key === 'href')) {
        problems.push({ path: at(path), code: 'url' });
      }
      return;
    }
    if (Array.isArray(node)) node.forEach((item, i) => walk(item, `${path}[${i}]`));
    else if (node && typeof node === 'object') {
      for (const [key, item] of Object.entries(node)) walk(item, path ? `${path}.${key}` : key);
    }
  };
  walk(value, '');
  return problems;
}

/** Problems of one case object (the console's form): paths relative to the case. */
export function checkCase(value: unknown): Problem[] {
  const { item } = validators();
  const problems = item(value) ? [] : schemaProblems(item.errors);
  const known = new Set(problems.map((p) => p.path));
  return [...problems, ...caseRules(value, '').filter((p) => !known.has(p.path))];
}

/** Problems of a whole feed (feed check): paths from the feed's root. */
export function checkFeed(value: unknown): Problem[] {
  const { feed } = validators();
  const problems = feed(value) ? [] : schemaProblems(feed.errors);
  const cases = (value as { cases?: unknown } | null)?.cases;
  if (Array.isArray(cases)) {
    const seen = new Set<string>();
    cases.forEach((item, i) => {
      problems.push(...caseRules(item, `cases[${i}]`));
      const id = (item as { id?: unknown } | null)?.id;
      if (typeof id === 'string') {
        if (seen.has(id)) problems.push({ path: `cases[${i}].id`, code: 'duplicate-id' });
        seen.add(id);
      }
    });
  }
  const unique = new Map<string, Problem>();
  for (const problem of problems) unique.set(`${problem.path}\n${problem.code}`, problem);
  // In the file's order: cases[2] before cases[10].
  return [...unique.values()].sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }));
}

/** What each code means, for people reading `feed check`. */
export const PROBLEM_TEXT: Record<string, string> = {
  required: 'is missing',
  format: 'does not match the feed format',
  url: 'is not an http(s) or relative link (the widgets drop it)',
  'too-long': `is longer than ${MAX_TEXT} characters`,
  status: 'is not one of detained, house-arrest, in-exile, convicted-in-absentia, released, deceased',
  date: 'is not a date such as 2023-09-23 (or a date-time with Z or an offset)',
  email: 'is not one e-mail address',
  'duplicate-id': 'repeats the id of an earlier case (ids are unique in a feed)',
};

/** Problems as `{errors: {path: code}}`. */
export function errorMap(problems: readonly Problem[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const problem of problems) errors[problem.path || 'case'] ??= problem.code;
  return errors;
}
