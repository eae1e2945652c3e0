// `samleng-receiver feed check <file>`: for partners who keep a static case feed. Checks it against the
// feed schema and the widgets' own rules (validate.ts) and prints each problem as `<path>: <what is
// wrong>`; the exit code is 1 when there is any, so a site's build can stop on it.
import { readFileSync } from 'node:fs';
import { checkFeed, PROBLEM_TEXT } from './validate.js';

/** Returns the lines to print and whether the feed is good. */
export function feedCheck(file: string): { ok: boolean; lines: string[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return {
      ok: false,
      lines: [`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`],
    };
  }
  let feed: unknown;
  try {
    feed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, lines: [`${file}: is not JSON (${(error as Error).message})`] };
  }
  const problems = checkFeed(feed);
  if (problems.length === 0) {
    const count = Array.isArray((feed as { cases?: unknown }).cases)
      ? (feed as { cases: unknown[] }).cases.length
      : 0;
    return { ok: true, lines: [`${file}: a good feed (${count} case${count === 1 ? '' : 's'})`] };
  }
  return {
    ok: false,
    lines: problems.map(
      (problem) => `${problem.path || '(the feed)'}: ${PROBLEM_TEXT[problem.code] ?? problem.code}`,
    ),
  };
}
