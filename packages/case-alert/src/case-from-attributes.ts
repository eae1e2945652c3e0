/**
 * Builds a case from the card's attributes, for partners who show one case without a feed.
 * The same checks as the feed, but a wrong attribute is named as the partner wrote it (`arrested`).
 */
import type { CaseAction, CaseDate, CaseRecord, CaseSource, CaseStatus } from './case-record.js';
import { isStatus } from './parse-case.js';
import { parseCaseDate } from './parse-date.js';

/** The attributes a case can be written with. */
export interface CaseAttributes {
  caseId?: string | undefined;
  name?: string | undefined;
  nameKm?: string | undefined;
  status?: string | undefined;
  statusNote?: string | undefined;
  charge?: string | undefined;
  sentence?: string | undefined;
  arrested?: string | undefined;
  sentenced?: string | undefined;
  photo?: string | undefined;
  photoAlt?: string | undefined;
  deadline?: string | undefined;
  updated?: string | undefined;
  actionHref?: string | undefined;
  actionLabel?: string | undefined;
  sourceHref?: string | undefined;
  letterTo?: string | undefined;
  letterSubject?: string | undefined;
  letterBody?: string | undefined;
}

/** An attribute whose value cannot be used. */
export interface AttributeProblem {
  attribute: 'status' | 'arrested' | 'sentenced' | 'deadline' | 'updated' | 'letter-to';
  value: string;
}

const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/;

const clean = (value: string | undefined) => value?.trim() || undefined;

/** "Kem Sokha" → "kem-sokha": an id for events when the partner gave none. */
export const slug = (name: string) =>
  name
    .normalize('NFKD')
    // Accents off Latin letters (é → e); Khmer vowel signs are marks too, and stay.
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
    .replace(/^-|-$/g, '');

export function caseFromAttributes(a: CaseAttributes): CaseRecord | AttributeProblem | undefined {
  const name = clean(a.name);
  if (!name) return undefined;
  const status = clean(a.status);
  if (status !== undefined && !isStatus(status)) return { attribute: 'status', value: status };
  const dates: Record<'arrested' | 'sentenced' | 'deadline' | 'updated', CaseDate | undefined> = {
    arrested: undefined,
    sentenced: undefined,
    deadline: undefined,
    updated: undefined,
  };
  for (const key of ['arrested', 'sentenced', 'deadline', 'updated'] as const) {
    const value = clean(a[key]);
    if (value === undefined) continue;
    const date = parseCaseDate(value);
    if (!date) return { attribute: key, value };
    dates[key] = date;
  }
  const actions: CaseAction[] = [];
  const actionHref = clean(a.actionHref);
  if (actionHref) actions.push({ kind: 'link', label: clean(a.actionLabel) ?? '', href: actionHref });
  const letterTo = clean(a.letterTo);
  if (letterTo) {
    if (!EMAIL.test(letterTo)) return { attribute: 'letter-to', value: letterTo };
    actions.push({ kind: 'letter', to: letterTo, subject: a.letterSubject ?? '', body: a.letterBody ?? '' });
  }
  const sources: CaseSource[] = [];
  const sourceHref = clean(a.sourceHref);
  if (sourceHref) sources.push({ title: '', url: sourceHref });
  const charge = clean(a.charge);
  return {
    id: clean(a.caseId) ?? slug(name),
    name,
    nameKm: clean(a.nameKm),
    status: status as CaseStatus | undefined,
    statusNote: clean(a.statusNote),
    charges: charge ? [charge] : [],
    sentence: clean(a.sentence),
    ...dates,
    photo: clean(a.photo),
    photoAlt: clean(a.photoAlt),
    actions,
    sources,
  };
}
