import '../../../test/harness.js';
import { expect } from '@open-wc/testing';
import { caseFromAttributes, slug } from '../src/case-from-attributes.js';
import { discColor, initialsOf } from '../src/initials.js';
import { mailtoUrl } from '../src/letter.js';
import type { CaseFieldError } from '../src/parse-case.js';
import { parseCase, parseFeed } from '../src/parse-case.js';
import { deadlineEnd, parseCaseDate } from '../src/parse-date.js';

describe('case-alert parsing helpers', () => {
  it('reads ISO dates and date-times with a zone, and nothing else', () => {
    expect(parseCaseDate('2017-09-03')).to.deep.equal({
      value: new Date(Date.UTC(2017, 8, 3)),
      dateOnly: true,
    });
    expect(parseCaseDate(' 2024-02-29 ')?.dateOnly).to.equal(true);
    const withZone = parseCaseDate('2024-05-08T10:00+02:00')!;
    expect(withZone.dateOnly).to.equal(false);
    expect(withZone.value.toISOString()).to.equal('2024-05-08T08:00:00.000Z');
    for (const bad of ['2023-02-30', '2024-13-01', '2024-05-08T10:00', 'yesterday', '', 20240508, null]) {
      expect(parseCaseDate(bad), String(bad)).to.equal(undefined);
    }
  });

  it('ends a date-only deadline at the end of its day', () => {
    expect(deadlineEnd(parseCaseDate('2026-12-12')!)).to.equal(Date.UTC(2026, 11, 13));
    expect(deadlineEnd(parseCaseDate('2026-12-12T10:00Z')!)).to.equal(Date.UTC(2026, 11, 12, 10));
  });

  it('makes initials of the first and last word, whole Khmer clusters included', () => {
    expect(initialsOf('Kem Sokha')).to.equal('KS');
    expect(initialsOf('  ana maria example ')).to.equal('AE');
    expect(initialsOf('Sokha')).to.equal('S');
    expect(initialsOf('កឹម សុខា')).to.equal('កឹសុ');
    expect(initialsOf('')).to.equal('');
    expect(discColor('Kem Sokha')).to.equal(discColor('Kem Sokha'));
    expect(discColor('Kem Sokha')).to.match(/^#[0-9a-f]{6}$/);
  });

  it('builds a mailto: URL with CRLF line breaks and every field encoded', () => {
    expect(mailtoUrl('a.b+c@example.org', 'Hi & bye?', 'Line 1\nLine 2\r\n#3')).to.equal(
      'mailto:a.b%2Bc@example.org?subject=Hi%20%26%20bye%3F&body=Line%201%0D%0ALine%202%0D%0A%233',
    );
  });

  it('slugs a name into an event id', () => {
    expect(slug('Kem Sokha')).to.equal('kem-sokha');
    expect(slug(' Théary  Seng! ')).to.equal('theary-seng');
    expect(slug('កឹម សុខា')).to.equal('កឹម-សុខា');
  });

  it('refuses a feed that is not an object with version 1 and a cases array', () => {
    const field = (value: unknown) => {
      try {
        parseFeed(value);
        return 'no error';
      } catch (error) {
        return (error as CaseFieldError).field;
      }
    };
    expect(field([])).to.equal('(feed)');
    expect(field(null)).to.equal('(feed)');
    expect(field({ version: '1', cases: [] })).to.equal('version');
    expect(field({ version: 1, cases: {} })).to.equal('cases');
    expect(parseFeed({ version: 1, cases: [] })).to.deep.equal({ cases: [], skipped: [] });
  });

  it('names the first wrong field of a case, down to nested actions and sources', () => {
    const field = (value: unknown) => {
      try {
        parseCase(value, 'cases[0]');
        return 'no error';
      } catch (error) {
        return (error as CaseFieldError).message;
      }
    };
    const ok = { id: 'a', name: 'A', status: 'detained' };
    expect(field(ok)).to.equal('no error');
    expect(field({ ...ok, id: 'a b' })).to.contain('`cases[0].id`');
    expect(field({ ...ok, id: undefined })).to.contain('`cases[0].id`');
    expect(field({ ...ok, name: '  ' })).to.contain('`cases[0].name`');
    expect(field({ ...ok, name: {} })).to.contain('`cases[0].name`');
    expect(field({ ...ok, nameKm: 3 })).to.contain('`cases[0].nameKm`');
    expect(field({ ...ok, charges: [1] })).to.contain('`cases[0].charges[0]`');
    expect(field({ ...ok, sources: [{ url: 'https://example.org' }] })).to.contain(
      '`cases[0].sources[0].title`',
    );
    expect(field({ ...ok, sources: ['x'] })).to.contain('`cases[0].sources[0]`');
    expect(field({ ...ok, sources: [{ title: 'T', date: '2020' }] })).to.contain(
      '`cases[0].sources[0].date`',
    );
    expect(field({ ...ok, actions: [{ kind: 'link', label: 'L' }] })).to.contain(
      '`cases[0].actions[0].href`',
    );
    expect(field({ ...ok, actions: [{ kind: 'letter', subject: 's', body: 'b' }] })).to.contain(
      '`cases[0].actions[0].to`',
    );
    expect(field({ ...ok, actions: [{ kind: 'letter', to: 'a@example.org', body: 'b' }] })).to.contain(
      '`cases[0].actions[0].subject`',
    );
    expect(field({ ...ok, actions: [7] })).to.contain('`cases[0].actions[0]`');
    expect(field({ ...ok, actions: 'x' })).to.contain('`cases[0].actions` must be an array');
  });

  it('reads a case from attributes, naming the first wrong one', () => {
    expect(caseFromAttributes({})).to.equal(undefined);
    expect(caseFromAttributes({ name: 'A', status: 'free' })).to.deep.equal({
      attribute: 'status',
      value: 'free',
    });
    expect(caseFromAttributes({ name: 'A', deadline: 'soon' })).to.deep.equal({
      attribute: 'deadline',
      value: 'soon',
    });
    const record = caseFromAttributes({ name: 'Ana Example', actionHref: 'https://example.org' });
    expect(record).to.include({ id: 'ana-example', name: 'Ana Example' });
    expect((record as { actions: unknown[] }).actions).to.deep.equal([
      { kind: 'link', label: '', href: 'https://example.org' },
    ]);
  });
});
