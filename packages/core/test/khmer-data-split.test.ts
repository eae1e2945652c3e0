import '../../../test/harness.js';
import { expect } from '@open-wc/testing';
import * as khmerData from '../src/format/khmer-data.js';
import * as split from '../src/format/khmer-data-split.js';

// The loader build's stand-in for the Khmer table: empty of the same shape until a Khmer string chunk
// installs the real one, and then the same values as khmer-data.ts, export for export.
describe('khmer-data-split (the loader way)', () => {
  const names = Object.keys(khmerData) as (keyof typeof khmerData)[];

  it('has every export of the table, with the same keys, before the table is installed', () => {
    for (const name of names) {
      expect(split, name).to.have.property(name);
      const value = khmerData[name];
      // DAY_PERIODS_AT is a lookup by hour (empty: no hour is special), the others have fixed keys.
      if (!Array.isArray(value) && name !== 'DAY_PERIODS_AT')
        expect(Object.keys(split[name]), name).to.have.members(Object.keys(value));
    }
    expect(split.MONTHS).to.deep.equal([]);
    expect(split.DATE_TIME_PATTERNS.long.replace('{1}', 'x')).to.equal('');
  });

  it('holds the real table once installed (the formatter reads the live bindings)', () => {
    split.installKhmerData(khmerData);
    for (const name of names) expect(split[name], name).to.equal(khmerData[name]);
    split.installKhmerData(khmerData);
    expect(split.MONTHS[0]).to.equal('មករា');
  });
});
