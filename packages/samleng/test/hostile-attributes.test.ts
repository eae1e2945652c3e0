import { expect, waitUntil } from '@open-wc/testing';
import { blank, leaks, overflow, unsafeMarkup, unsafeUrls } from './inspect.js';
import { payloads, trapCalls } from './payloads.js';
import { WIDTH, describeAttributes, useHostileHarness } from './hostile-harness.js';

/**
 * Issue 8, part 3 (hostile data): the corpus and the checks themselves, and every attribute of
 * <samleng-countdown>, <samleng-case-list> and <samleng-pledge-count> (whose endpoint is a fixture, not
 * the receiver), fed the whole corpus. The hostile-*.test.ts files split one suite by running time; what
 * is checked, and why: hostile-harness.ts.
 */
useHostileHarness({ receiver: false });

// ---------------------------------------------------------------------------------------------------
// The corpus itself

describe('hostile data: the corpus', () => {
  it('holds at least 200 payloads of every kind the issue names', () => {
    expect(payloads.length).to.be.at.least(200);
    const values = payloads.map((p) => p.value);
    for (const probe of [
      /<img src=x onerror=/,
      /<svg onload=/,
      /^"><script>/,
      /\$\{/,
      /^javascript:/,
      /^data:/i,
      /^vbscript:/i,
      /<\/style>/,
      /expression\(/,
      /url\(javascript:/,
      /\u202e/,
      /\u200b/,
      /[\ud800-\udbff](?![\udc00-\udfff])/,
      // NUL (a character class, which the lint rule against control characters in patterns allows).
      /[\0]/,
      /^-1$/,
      /^NaN$/,
      /^1e308$/,
      /^0001-01-01$/,
      /^9999-12-31$/,
    ]) {
      expect(
        values.some((v) => probe.test(v)),
        String(probe),
      ).to.equal(true);
    }
    expect(values.filter((v) => v.length >= 100_000).length).to.be.at.least(5);
    expect(new Set(payloads.map((p) => p.id)).size).to.equal(payloads.length);
  });

  it('catches a payload that runs (the trap works)', async () => {
    const probe = payloads.find((p) => p.value.startsWith('<img src=x onerror='))!;
    const div = document.createElement('div');
    // On purpose: what a widget rendering data as HTML would do.
    div.innerHTML = probe.value;
    document.body.append(div);
    await waitUntil(() => trapCalls.length > 0, 'the trap was not called', { timeout: 5000 });
    div.remove();
    expect(trapCalls.splice(0).map((c) => c.id)).to.deep.equal([probe.id]);
  });

  it('sees what a leaky widget would render: an unsafe link, a handler, overflow, a blank box', async () => {
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = `<a href="java\tscript:x">x</a><p onclick="x" style="width:2000px">wide</p>`;
    const box = document.createElement('div');
    box.style.width = `${WIDTH}px`;
    box.append(host);
    document.body.append(box);
    expect(unsafeUrls(host)).to.have.length(1);
    expect(unsafeMarkup(host)).to.have.length(1);
    expect(overflow(host, WIDTH).length).to.be.greaterThan(0);
    root.innerHTML = '<p part="error"></p>';
    expect(blank(host)).to.include('the widget shows no text');
    root.innerHTML = '<p>NaN people have pledged</p>';
    expect(leaks(host, '')).to.have.length(1);
    box.remove();
  });
});

describeAttributes('hostile-attributes.test.ts');
