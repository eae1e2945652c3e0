import { expect } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { TEXT_MAX } from '@samleng/core';
import { overflow, renderedText } from './inspect.js';
import { WIDTH, describeAttributes, stages, useHostileHarness } from './hostile-harness.js';

/**
 * Issue 8, part 3 (hostile data): every attribute of <samleng-case-alert>, fed the whole corpus, and two
 * findings that are not safety problems but would make a partner's page misbehave: dates in the years 0
 * to 99, and a long unbroken Khmer run. The hostile-*.test.ts files split one suite by running time; what
 * is checked, and why: hostile-harness.ts.
 */
useHostileHarness({ receiver: false });

describeAttributes('hostile-attributes-case-alert.test.ts');

// ---------------------------------------------------------------------------------------------------
// Dates far in the past: `Date.UTC` reads years 0 to 99 as 1900 to 1999.

describe('hostile data: dates in the years 0 to 99', function () {
  this.timeout(30_000);

  /** Each widget's date fields, with valid values around them. */
  const fields: [tag: string, attribute: string, base: Record<string, string>][] = [
    ['samleng-countdown', 'date', { precision: 'day' }],
    ['samleng-countdown', 'end', { date: '0001-01-01', precision: 'day' }],
    ['samleng-case-alert', 'arrested', { name: 'Ana Example', status: 'detained' }],
    ['samleng-case-alert', 'sentenced', { name: 'Ana Example' }],
    ['samleng-case-alert', 'deadline', { name: 'Ana Example' }],
    ['samleng-case-alert', 'updated', { name: 'Ana Example' }],
  ];
  const years = ['0000', '0001', '0050', '0099'];

  it('are shown in their own century or refused, never moved to the 1900s', async () => {
    const problems: string[] = [];
    for (const [tag, attribute, base] of fields) {
      for (const year of years) {
        const value = `${year}-12-31`;
        const el = document.createElement(tag);
        for (const [name, v] of Object.entries(base)) el.setAttribute(name, v);
        el.setAttribute(attribute, value);
        const stage = document.createElement('div');
        stage.append(el);
        stages.add(stage);
        document.body.append(stage);
        await (el as LitElement).updateComplete;
        const shown = renderedText(el);
        const moved = `19${year.slice(2)}`;
        if (shown.includes(moved))
          problems.push(`<${tag} ${attribute}="${value}"> shows ${moved}: "${shown}"`);
        stage.remove();
      }
    }
    expect(problems, problems.join('\n')).to.deep.equal([]);
  });
});

// ---------------------------------------------------------------------------------------------------
// A long unbroken Khmer run. In Chromium, wrapping one costs time that grows with the square of its
// length (50,000 letters take seconds; see TEXT_MAX in core's localized-text.ts), so a feed text is cut
// to TEXT_MAX characters before it is shown. The cost itself is not timed here: tests assert behaviour.

describe('hostile data: 50,000 Khmer letters without a space', function () {
  it('are cut to TEXT_MAX letters and an ellipsis in a feed text, and wrap inside the card', async () => {
    const run = 'ក'.repeat(50_000);
    const el = document.createElement('samleng-case-alert') as LitElement & { data: unknown };
    el.data = { id: 'ana-example', name: 'Ana Example', status: 'detained', summary: { km: run, en: run } };
    const box = document.createElement('div');
    box.style.width = `${WIDTH}px`;
    box.append(el);
    document.body.append(box);
    try {
      await el.updateComplete;
      const summary = el.shadowRoot!.querySelector('[part=summary]');
      expect(summary?.textContent!.trim()).to.equal(`${'ក'.repeat(TEXT_MAX)}…`);
      expect(overflow(el, WIDTH)).to.deep.equal([]);
    } finally {
      box.remove();
    }
  });
});
