import { jsonValues, payloads } from './payloads.js';
import { serveAll } from './serve.js';
import { check, describeAttributes, useHostileHarness, type Sample } from './hostile-harness.js';
import {
  CASE_FREE,
  CASE_GATED,
  CASE_WHOLES,
  SHARED_LIMIT,
  STEP_FREE,
  STEP_GATED,
  allValues,
  baseCase,
  baseStep,
  caseWidgets,
  checklist,
  feedSamples,
  freeEntries,
  gatedEntries,
  typeEntries,
  type Json,
} from './hostile-feed-entries.js';

/**
 * Issue 8, part 3 (hostile data): every field of the case and steps feeds, and the feeds themselves,
 * served by the test server (hostile-feed-entries.ts), and every attribute of <samleng-checklist>. The
 * hostile-*.test.ts files split one suite by running time; what is checked, and why: hostile-harness.ts.
 */
useHostileHarness({ receiver: false });

describe('hostile data: the case feed, served', function () {
  this.timeout(60_000);
  const feed = (cases: unknown[]) => ({ version: 1, cases });

  it('text and link fields of a case: every payload', async () => {
    await check(
      'the case feed',
      await feedSamples('cases-free', freeEntries(baseCase, CASE_FREE), feed, caseWidgets),
    );
  });

  it('checked fields of a case (id, status, dates, kinds, addresses): every payload', async () => {
    await check(
      'the case feed',
      await feedSamples('cases-gated', gatedEntries(baseCase, CASE_GATED), feed, caseWidgets),
    );
  });

  it('every field, array and object of a case: JSON values of every wrong type', async () => {
    const entries = typeEntries(baseCase, [...CASE_FREE, ...CASE_GATED, ...CASE_WHOLES]);
    await check('the case feed', await feedSamples('cases-types', entries, feed, caseWidgets));
  });
});

describe('hostile data: the steps feed, served', function () {
  this.timeout(60_000);
  const feed = (steps: unknown[]) => ({ version: 1, steps });

  it('every field of a step: every payload, and JSON values of every wrong type', async () => {
    const entries = [
      ...freeEntries(baseStep, STEP_FREE),
      ...gatedEntries(baseStep, STEP_GATED),
      ...typeEntries(baseStep, [...STEP_FREE, ...STEP_GATED]),
      // A step that is not an object at all (refused by type: the long strings add nothing here).
      ...allValues()
        .filter(({ fed }) => fed.length < SHARED_LIMIT)
        .map(({ value, fed }) => ({ entry: value, fed })),
    ];
    await check('the steps feed', await feedSamples('steps', entries, feed, checklist));
  });
});

describe('hostile data: the feeds themselves, served', function () {
  this.timeout(60_000);

  it('top-level fields of the case and steps feeds: every payload', async () => {
    // One file is both a case feed and a steps feed, so that each payload costs one file.
    const feeds: Json[] = [];
    // Fields the widgets do not read ($schema, updated, checked, note): four payloads a file, so
    // that every payload is in one of them.
    for (let i = 0; i < payloads.length; i += 4) {
      const [a, b, c, d] = [0, 1, 2, 3].map((k) => payloads[(i + k) % payloads.length]!.value);
      feeds.push({
        $schema: a,
        version: 1,
        updated: b,
        checked: c,
        note: d,
        cases: [baseCase('ok')],
        steps: [baseStep('ok')],
      });
    }
    // Fields whose type decides (version, cases, steps): every wrong type, and one string of each kind.
    const kinds = [...new Map(payloads.map((p) => [p.category, p.value])).values()];
    for (const v of [...jsonValues, ...kinds]) {
      feeds.push({ version: v, cases: [baseCase('ok')], steps: [baseStep('ok')] });
      feeds.push({ version: 1, cases: v, steps: v });
    }
    // Not an object at all.
    feeds.push(...(jsonValues as Json[]));
    const paths = await serveAll(feeds.map((feed, i) => [`top-${i}.json`, JSON.stringify(feed)]));
    const samples = feeds.flatMap((feed, i): Sample[] => {
      const src = `${location.origin}${paths[i]!}`;
      const fed = JSON.stringify(feed);
      const label = `feed ${fed.slice(0, 80)}`;
      const list = document.createElement('samleng-case-list');
      list.setAttribute('src', src);
      return [{ el: list, label, fed }, ...checklist(src).map((el) => ({ el, label, fed }))];
    });
    await check('the feeds themselves', samples);
  });
});

describeAttributes('hostile-feeds.test.ts');
