import '../../../test/harness.js';
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { encodeText, safeUrl } from '../src/url.js';

describe('safeUrl', () => {
  let warn: sinon.SinonStub;
  beforeEach(() => (warn = sinon.stub(console, 'warn')));
  afterEach(() => warn.restore());

  for (const url of [
    'https://www.ohchr.org/en/hr-bodies/upr/kh-index',
    'http://example.org/',
    'HTTPS://EXAMPLE.ORG',
    'mailto:office@example.org?subject=Kem%20Sokha',
    '/relative/path',
    'relative/path?x=1#y',
    '#anchor',
    '?query',
    '//example.org/protocol-relative',
    'data.json',
    'cases.json?javascript:alert(1)',
  ]) {
    it(`keeps ${url}`, () => {
      expect(safeUrl(url, { host: document.body, field: 'href' })).to.equal(url);
      expect(warn.called).to.equal(false);
    });
  }

  for (const url of [
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0000javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'blob:https://example.org/1',
  ]) {
    it(`drops ${JSON.stringify(url)} with one warning naming the element and field`, () => {
      const host = document.createElement('samleng-test-url');
      expect(safeUrl(url, { host, field: 'action-href' })).to.equal(undefined);
      expect(safeUrl(url, { host, field: 'action-href' })).to.equal(undefined);
      expect(warn.callCount).to.equal(1);
      expect(String(warn.firstCall.args[0])).to.match(/^<samleng-test-url>: `action-href` was dropped/);
    });
  }

  it('trims, and treats empty or non-string values as absent', () => {
    expect(safeUrl('  https://example.org  ')).to.equal('https://example.org');
    expect(safeUrl('   ')).to.equal(undefined);
    expect(safeUrl(undefined)).to.equal(undefined);
    expect(safeUrl(42)).to.equal(undefined);
    expect(safeUrl('javascript:alert(1)')).to.equal(undefined);
    expect(warn.called).to.equal(false);
  });
});

describe('encodeText', () => {
  it('percent-encodes text as encodeURIComponent does', () => {
    expect(encodeText('Free Theary & others?')).to.equal('Free%20Theary%20%26%20others%3F');
    expect(encodeText('សំឡេង 🇰🇭')).to.equal(encodeURIComponent('សំឡេង 🇰🇭'));
  });

  it('writes a lone surrogate as U+FFFD instead of throwing', () => {
    expect(() => encodeURIComponent('a\uD800b')).to.throw(URIError);
    expect(encodeText('a\uD800b')).to.equal('a%EF%BF%BDb');
    expect(encodeText('\uDC00')).to.equal('%EF%BF%BD');
  });
});
