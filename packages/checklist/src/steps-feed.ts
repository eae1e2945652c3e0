/**
 * Steps from a JSON feed: `{"version": 1, "steps": [{"id", "title", "details", "href", "due"}]}`, text
 * fields plain or by locale. A feed of the wrong shape is refused as a whole; a step of the wrong
 * shape is left out, and each problem is described for the one console warning.
 */
import { isLocalizedText } from '@samleng/core';
import { parseDueDate } from './due-date.js';
import { deriveId, normalizeSpace, type Step } from './step.js';

/** The feed is not a steps feed at all. */
export class FeedShapeError extends Error {}

export interface FeedSteps {
  steps: Step[];
  /** One line per step left out or field ignored, for the console. */
  problems: string[];
  /** How many steps were left out. */
  skipped: number;
  /** How many steps had no `id`. */
  derived: number;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const hasText = (value: unknown): boolean =>
  isLocalizedText(value) &&
  (typeof value === 'string' ? value.trim() !== '' : Object.values(value).some((text) => text?.trim()));

export function parseStepsFeed(json: unknown): FeedSteps {
  if (!isRecord(json)) throw new FeedShapeError('the feed must be a JSON object');
  if (json['version'] !== 1) {
    throw new FeedShapeError(`"version" must be 1 (got ${JSON.stringify(json['version']) ?? 'nothing'})`);
  }
  const entries = json['steps'];
  if (!Array.isArray(entries)) throw new FeedShapeError('"steps" must be an array');
  const result: FeedSteps = { steps: [], problems: [], skipped: 0, derived: 0 };
  entries.forEach((entry: unknown, index) => {
    const at = `steps[${index}]`;
    if (!isRecord(entry) || !hasText(entry['title'])) {
      result.skipped++;
      result.problems.push(`${at} was left out: "title" must be a string or {"en", "km", "fr"} strings`);
      return;
    }
    const title = entry['title'] as Step['title'];
    const step: Step = { id: '', title };
    const id = entry['id'];
    if (typeof id === 'string' && id.trim()) {
      step.id = id.trim();
    } else {
      if (id !== undefined) result.problems.push(`${at}.id must be a string; an id was made from the title`);
      step.id = deriveId(
        normalizeSpace(typeof title === 'string' ? title : (title.en ?? Object.values(title)[0])),
      );
      result.derived++;
    }
    const details = entry['details'];
    if (hasText(details)) step.details = details as Step['details'];
    else if (details !== undefined && details !== '')
      result.problems.push(`${at}.details must be text and was ignored`);
    const href = entry['href'];
    if (typeof href === 'string') step.href = href;
    else if (href !== undefined) result.problems.push(`${at}.href must be a string and was ignored`);
    const due = entry['due'];
    if (typeof due === 'string' && due.trim()) {
      step.due = parseDueDate(due);
      if (!step.due) step.badDue = due;
    } else if (due !== undefined) {
      step.badDue = String(JSON.stringify(due));
    }
    result.steps.push(step);
  });
  return result;
}
