import '../../../test/harness.js';
import { expect, fixtureCleanup } from '@open-wc/testing';
import sinon from 'sinon';
import { boxes, checklist, click, count, freshKey, setLang, shadow } from './helpers.js';

// Storage refuses every write, as with blocked cookies or a sandboxed frame. This runs in its own
// page, before any checklist opens the page's store.
const blocked = sinon.stub(Storage.prototype, 'setItem').throws(new DOMException('blocked', 'SecurityError'));

describe('<samleng-checklist> with storage blocked', function () {
  // axe in a loaded CI machine (two browsers, coverage) can take longer than the default 10 s.
  this.timeout(30_000);
  after(() => blocked.restore());
  afterEach(() => setLang('en'));

  it('works for the visit and says calmly that ticks are not kept', async () => {
    const warn = sinon.spy(console, 'warn');
    const error = sinon.spy(console, 'error');
    try {
      const key = freshKey();
      const el = await checklist(key);
      await click(el, 0);
      await click(el, 3);
      expect(count(el)).to.equal('2 of 4 done');
      expect(boxes(el)[3]!.checked).to.equal(true);
      const note = shadow(el).querySelector('.note')!;
      expect(note.textContent!.trim()).to.equal(
        'This browser is not keeping data for this page, so your ticks last only until you leave it.',
      );
      expect(note.closest('[role=alert]')).to.equal(null);
      expect(warn.called || error.called).to.equal(false);
      await expect(el).to.be.accessible();
      // A storage event (from nowhere: nothing is shared) changes nothing.
      window.dispatchEvent(new StorageEvent('storage', { key: `samleng-checklist:${key}`, newValue: null }));
      await el.updateComplete;
      expect(count(el)).to.equal('2 of 4 done');
      await click(el, 0);
      expect(count(el)).to.equal('1 of 4 done');
      // Start over works too.
      shadow(el).querySelector<HTMLButtonElement>('.start-over')!.click();
      await el.updateComplete;
      shadow(el).querySelector<HTMLButtonElement>('.yes')!.click();
      await el.updateComplete;
      expect(count(el)).to.equal('0 of 4 done');
      await setLang('km');
      await el.updateComplete;
      expect(shadow(el).querySelector('.note')!.textContent).not.to.contain('This browser');
      fixtureCleanup();
    } finally {
      warn.restore();
      error.restore();
    }
  });
});
