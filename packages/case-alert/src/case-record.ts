/**
 * The shape of one case once read: what the card renders, whichever way it was given (a feed entry,
 * the `data` property, or attributes). Text fields stay `LocalizedText` so the card can follow a
 * change of language without reading the feed again.
 */
import type { LocalizedText } from '@samleng/core';

/** The six statuses a case can have; each is shown as a localized badge. */
export const STATUSES = [
  'detained',
  'house-arrest',
  'in-exile',
  'convicted-in-absentia',
  'released',
  'deceased',
] as const;

export type CaseStatus = (typeof STATUSES)[number];

/** Statuses where the reader sees a live "… since arrest". */
export const DEPRIVED_OF_LIBERTY: readonly CaseStatus[] = ['detained', 'house-arrest'];

/** A calendar date (`2017-09-03`, shown in UTC so it never shifts a day) or an instant with an offset. */
export interface CaseDate {
  value: Date;
  dateOnly: boolean;
}

export interface LetterAction {
  kind: 'letter';
  /** One e-mail address. */
  to: string;
  subject: LocalizedText;
  body: LocalizedText;
}

export interface LinkAction {
  kind: 'link';
  label: LocalizedText;
  href: string;
}

export type CaseAction = LetterAction | LinkAction;

export interface CaseSource {
  title: LocalizedText;
  publisher?: LocalizedText | undefined;
  url?: string | undefined;
  date?: CaseDate | undefined;
}

export interface CaseRecord {
  id: string;
  name: LocalizedText;
  /** The name in Khmer script, shown beside (or, in Khmer, instead of) `name`. */
  nameKm?: string | undefined;
  /** Always set for feed cases; inline cards may leave it out (no badge). */
  status?: CaseStatus | undefined;
  /** What is and is not verified about the status, e.g. "not verified since mid-2023". */
  statusNote?: LocalizedText | undefined;
  charges: LocalizedText[];
  sentence?: LocalizedText | undefined;
  arrested?: CaseDate | undefined;
  sentenced?: CaseDate | undefined;
  photo?: string | undefined;
  photoAlt?: LocalizedText | undefined;
  summary?: LocalizedText | undefined;
  deadline?: CaseDate | undefined;
  updated?: CaseDate | undefined;
  actions: CaseAction[];
  sources: CaseSource[];
}

/** The kinds of `samleng-case-action` events. */
export type CaseActionKind = 'link' | 'letter' | 'copy-letter' | 'share' | 'copy-link';

export interface CaseActionDetail {
  caseId: string;
  kind: CaseActionKind;
}
