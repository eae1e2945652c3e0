import '../../../test/harness.js';
import { aTimeout, expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import sinon from 'sinon';
import { boxes, checklist, click, count, freshKey, type SamlengChecklist } from './helpers.js';

const checked = (el: Element) => boxes(el).map((box) => box.checked);
const stored = (key: string) => JSON.parse(localStorage.getItem(`samleng-checklist:${key}`) ?? 'null');

describe('<samleng-checklist> progress', function () {
  // axe in a loaded CI machine (two browsers, coverage) can take longer than the default 10 s.
  this.timeout(30_000);
  afterEach(() => {
    sinon.restore();
    localStorage.clear();
  });

  it('is kept under storage-key and the step ids, and survives a reload', async () => {
    const key = freshKey();
    let el = await checklist(key);
    await click(el, 0);
    await click(el, 2);
    expect(stored(key)).to.deep.equal({ version: 1, done: ['upr', 'pressure'] });
    fixtureCleanup();
    // A reload: a new element with the same key.
    el = await checklist(key);
    expect(checked(el)).to.deep.equal([true, false, true, false]);
    expect(count(el)).to.equal('2 of 4 done');
    // No note about storage where it works.
    expect(el.shadowRoot!.querySelector('.note')).to.equal(null);
  });

  it('keeps the right states when the partner reorders, adds and removes steps', async () => {
    const key = freshKey();
    let el = await checklist(
      key,
      html`<ol>
        <li data-id="a">A</li>
        <li data-id="b">B</li>
        <li data-id="c">C</li>
      </ol>`,
    );
    await click(el, 0);
    await click(el, 2);
    fixtureCleanup();
    // Reordered, "b" removed, "d" added.
    el = await checklist(
      key,
      html`<ol>
        <li data-id="c">C</li>
        <li data-id="d">D</li>
        <li data-id="a">A</li>
      </ol>`,
    );
    expect(checked(el)).to.deep.equal([true, false, true]);
    expect(count(el)).to.equal('2 of 3 done');
    await click(el, 1);
    fixtureCleanup();
    // "b" comes back: it had not been ticked; all the others keep theirs.
    el = await checklist(
      key,
      html`<ol>
        <li data-id="a">A</li>
        <li data-id="b">B</li>
        <li data-id="c">C</li>
        <li data-id="d">D</li>
      </ol>`,
    );
    expect(checked(el)).to.deep.equal([true, false, true, true]);
  });

  it('keeps a removed step done for when it comes back', async () => {
    const key = freshKey();
    let el = await checklist(
      key,
      html`<ol>
        <li data-id="a">A</li>
        <li data-id="b">B</li>
      </ol>`,
    );
    await click(el, 1);
    fixtureCleanup();
    el = await checklist(
      key,
      html`<ol>
        <li data-id="a">A</li>
      </ol>`,
    );
    expect(count(el)).to.equal('0 of 1 done');
    await click(el, 0);
    expect(stored(key).done).to.have.members(['a', 'b']);
    fixtureCleanup();
    el = await checklist(
      key,
      html`<ol>
        <li data-id="a">A</li>
        <li data-id="b">B</li>
      </ol>`,
    );
    expect(checked(el)).to.deep.equal([true, true]);
  });

  it('keeps two checklists with different keys apart, and defaults the key to the path and heading', async () => {
    const el = await fixture<SamlengChecklist>(
      html`<div>
        <samleng-checklist heading="First list"
          ><ol>
            <li data-id="a">A</li>
          </ol></samleng-checklist
        >
        <samleng-checklist heading="Second list"
          ><ol>
            <li data-id="a">A</li>
          </ol></samleng-checklist
        >
      </div>`,
    );
    const [first, second] = [...el.querySelectorAll('samleng-checklist')] as SamlengChecklist[];
    await first!.updateComplete;
    await click(first!, 0);
    await second!.updateComplete;
    expect(checked(second!)).to.deep.equal([false]);
    expect(localStorage.getItem(`samleng-checklist:${location.pathname}#First list`)).to.contain('"a"');
  });

  it('stays in step with another tab through the storage event', async () => {
    const key = freshKey();
    const el = await checklist(key);
    const changes = sinon.spy();
    el.addEventListener('samleng-checklist-change', changes);
    const item = `samleng-checklist:${key}`;
    const value = JSON.stringify({ version: 1, done: ['alerts', 'meetings'] });
    localStorage.setItem(item, value);
    window.dispatchEvent(
      new StorageEvent('storage', { key: item, newValue: value, storageArea: localStorage }),
    );
    await el.updateComplete;
    expect(checked(el)).to.deep.equal([false, true, false, true]);
    expect(count(el)).to.equal('2 of 4 done');
    // Another list's entry changes nothing here.
    window.dispatchEvent(
      new StorageEvent('storage', { key: 'samleng-checklist:other', newValue: '{"done":[]}' }),
    );
    await el.updateComplete;
    expect(count(el)).to.equal('2 of 4 done');
    // A tick here keeps what the other tab did.
    await click(el, 0);
    expect(stored(key).done).to.have.members(['alerts', 'meetings', 'upr']);
    // The other tab started over (entry removed), then the whole storage was cleared.
    window.dispatchEvent(new StorageEvent('storage', { key: item, newValue: null }));
    await el.updateComplete;
    expect(count(el)).to.equal('0 of 4 done');
    localStorage.setItem(item, value);
    window.dispatchEvent(new StorageEvent('storage', { key: item, newValue: 'not json' }));
    await el.updateComplete;
    expect(count(el)).to.equal('0 of 4 done');
    window.dispatchEvent(new StorageEvent('storage', { key: null, newValue: null }));
    await el.updateComplete;
    expect(count(el)).to.equal('0 of 4 done');
    // Syncing is not the reader's own change here.
    expect(changes.callCount).to.equal(1);
  });

  it('reads an unreadable stored value as nothing done', async () => {
    const key = freshKey();
    localStorage.setItem(`samleng-checklist:${key}`, '{"done": "upr"}');
    const el = await checklist(key);
    expect(count(el)).to.equal('0 of 4 done');
    localStorage.setItem(`samleng-checklist:${key}`, '{oops');
    fixtureCleanup();
    expect(count(await checklist(key))).to.equal('0 of 4 done');
  });

  it('reads the progress of the new key when storage-key changes', async () => {
    const first = freshKey();
    const second = freshKey();
    localStorage.setItem(`samleng-checklist:${second}`, JSON.stringify({ version: 1, done: ['upr'] }));
    const el = await checklist(first);
    expect(count(el)).to.equal('0 of 4 done');
    el.storageKey = second;
    await el.updateComplete;
    expect(count(el)).to.equal('1 of 4 done');
    await aTimeout(0);
  });
});
