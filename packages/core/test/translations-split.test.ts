import '../../../test/harness.js';
import { expect } from '@open-wc/testing';
import { addStrings, ensureStrings, loadTranslations, type LocaleModule } from '../src/translations-split.js';

// The loader build's strings store, on its own: string chunks are functions returning a locale module,
// as the build's `() => import('./strings-km-countdown-….js')` do. Each one counts its loads.
const chunk = (templates: Record<string, string>) => {
  const calls = { count: 0 };
  const load = (): Promise<LocaleModule> => {
    calls.count++;
    return Promise.resolve({ templates });
  };
  return { load, calls };
};

describe('translations-split (the loader way)', () => {
  it('loads the strings of a package and language only when asked, once merged into one object', async () => {
    const km = chunk({ 'a.one': 'មួយ' });
    const fr = chunk({ 'a.one': 'un' });
    addStrings('pkg-a', { km: km.load, fr: fr.load });
    expect(km.calls.count).to.equal(0);
    await ensureStrings('pkg-a', 'km');
    expect(km.calls.count).to.equal(1);
    expect(fr.calls.count).to.equal(0);
    const { templates } = await loadTranslations('km');
    expect(templates['a.one']).to.equal('មួយ');
    expect(templates['a.one']).not.to.equal('un');
  });

  it("merges a later package's strings into the object already handed out (the runtime keeps it)", async () => {
    const { templates } = await loadTranslations('km');
    const km = chunk({ 'b.two': 'ពីរ' });
    addStrings('pkg-b', { km: km.load });
    expect(templates['b.two']).to.equal(undefined);
    await ensureStrings('pkg-b', 'km');
    expect(templates['b.two']).to.equal('ពីរ');
    expect(templates['a.one']).to.equal('មួយ');
  });

  it('loads every registered package for a new language, and nothing for an unknown one', async () => {
    const { templates } = await loadTranslations('fr');
    expect(templates['a.one']).to.equal('un');
    // pkg-b has no French chunk: its ids fall back to the English in the code.
    expect(templates['b.two']).to.equal(undefined);
    await ensureStrings('no-such-package', 'km');
    expect((await loadTranslations('km')).templates['no-such-package']).to.equal(undefined);
  });
});
