import '../../../test/harness.js';
import { expect } from '@open-wc/testing';
import { openStorage, pageStorage, readJson, writeJson } from '../src/storage.js';

const throwing = (): Storage => {
  throw new DOMException('The operation is insecure.', 'SecurityError');
};

/** A Storage whose writes fail like a full quota, as in Safari's old private mode. */
class FullStorage implements Storage {
  readonly values = new Map<string, string>();
  get length() {
    return this.values.size;
  }
  clear() {
    this.values.clear();
  }
  key(index: number) {
    return [...this.values.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.values.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (key !== '__samleng_probe__') throw new DOMException('quota', 'QuotaExceededError');
    this.values.set(key, value);
  }
  removeItem(key: string) {
    this.values.delete(key);
  }
}

describe('storage', () => {
  afterEach(() => localStorage.removeItem('samleng-test'));

  it('uses localStorage when it works, so values survive a reload', () => {
    const store = openStorage();
    expect(store.persistent).to.equal(true);
    store.setItem('samleng-test', 'kept');
    expect(localStorage.getItem('samleng-test')).to.equal('kept');
    expect(store.getItem('samleng-test')).to.equal('kept');
    store.removeItem('samleng-test');
    expect(localStorage.getItem('samleng-test')).to.equal(null);
  });

  it('falls back to memory when localStorage throws on access (blocked cookies, sandbox)', () => {
    const store = openStorage(throwing);
    expect(store.persistent).to.equal(false);
    store.setItem('a', '1');
    expect(store.getItem('a')).to.equal('1');
    store.removeItem('a');
    expect(store.getItem('a')).to.equal(null);
  });

  it('falls back to memory when localStorage is missing', () => {
    expect(openStorage(() => undefined).persistent).to.equal(false);
    expect(openStorage(() => null).persistent).to.equal(false);
  });

  it('keeps a value in memory when the quota refuses it, never throwing', () => {
    const full = new FullStorage();
    const store = openStorage(() => full);
    expect(store.persistent).to.equal(true);
    expect(() => store.setItem('k', 'v')).not.to.throw();
    expect(store.getItem('k')).to.equal('v');
    expect(full.values.has('k')).to.equal(false);
    store.removeItem('k');
    expect(store.getItem('k')).to.equal(null);
  });

  it('survives a storage whose reads and removals throw after opening', () => {
    let broken = false;
    const storage = {
      setItem: () => {
        if (broken) throw new Error('gone');
      },
      removeItem: () => {
        if (broken) throw new Error('gone');
      },
      getItem: () => {
        throw new Error('gone');
      },
    } as unknown as Storage;
    const store = openStorage(() => storage);
    broken = true;
    store.setItem('k', 'v');
    expect(store.getItem('k')).to.equal('v');
    expect(() => store.removeItem('k')).not.to.throw();
    expect(store.getItem('k')).to.equal(null);
  });

  it('reads and writes JSON, with a fallback for missing or corrupt values', () => {
    const store = openStorage(throwing);
    expect(readJson(store, 'x', { done: [] })).to.deep.equal({ done: [] });
    writeJson(store, 'x', { done: ['upr'] });
    expect(readJson(store, 'x', {})).to.deep.equal({ done: ['upr'] });
    store.setItem('x', '{not json');
    expect(readJson(store, 'x', 7)).to.equal(7);
  });

  it('shares one page store', () => {
    expect(pageStorage()).to.equal(pageStorage());
    expect(pageStorage().persistent).to.equal(true);
  });
});
