// Shared by the module, classic-script and loader pages: what a partner sees from the built files alone.
const TAGS = ['samleng-countdown', 'samleng-case-alert', 'samleng-checklist', 'samleng-pledge', 'samleng-pledge-count'];

const settle = async () => {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await Promise.all(TAGS.map((tag) => document.querySelector(tag).updateComplete));
};

/** Settles until `done()` holds (at most about 2 s, then the assertion that follows says what is missing). */
const until = async (done) => {
  for (let i = 0; i < 500 && !done(); i++) await settle();
};

const text = (tag) => document.querySelector(tag).shadowRoot.textContent.replace(/\s+/g, ' ').trim();

export function dropInTests(expect, kind) {
  describe(`dist (${kind} script)`, () => {
    before(async () => {
      await Promise.all(TAGS.map((tag) => customElements.whenDefined(tag)));
    });
    after(async () => {
      document.documentElement.lang = 'en';
      await settle();
    });

    it(kind === 'loader' ? 'defines the tags on the page, and no other' : 'defines every tag', () => {
      for (const tag of TAGS) expect(customElements.get(tag), tag).to.be.a('function');
      // The page has no case list: the loader fetches only what the page shows.
      if (kind === 'loader') expect(customElements.get('samleng-case-list')).to.equal(undefined);
      else expect(customElements.get('samleng-case-list')).to.be.a('function');
    });

    if (kind === 'loader') {
      it('fetched no Khmer or French strings and no Khmer calendar table for an English page', async () => {
        const fetched = performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname);
        const chunks = fetched.filter((path) => path.startsWith('/dist/chunks/') && path.endsWith('.js'));
        expect(chunks.length).to.be.greaterThan(3);
        expect(chunks.filter((path) => path.includes('/strings-'))).to.deep.equal([]);
        for (const path of chunks) {
          // January in Khmer: the first month of the calendar table (khmer-data.ts).
          expect(await (await fetch(path)).text(), path).not.to.contain('មករា');
        }
      });
    }

    it('renders every widget from its attributes', async () => {
      await settle();
      expect(text('samleng-countdown')).to.contain("Cambodia's 4th UN human-rights review");
      expect(text('samleng-countdown')).to.contain('May 8, 2024');
      for (const tag of TAGS) expect(document.querySelector(tag).shadowRoot.querySelector('h2')).to.exist;
      // A static count file stands in for the receiver here.
      for (let i = 0; i < 100 && !text('samleng-pledge-count').includes('1,234'); i++) await settle();
      expect(text('samleng-pledge-count')).to.contain('1,234 people have pledged');
    });

    it('follows <html lang> live, with Khmer month names and digits', async () => {
      document.documentElement.lang = 'km';
      // The loader fetches the Khmer strings now; the drop-in script has them already.
      await until(() => text('samleng-countdown').includes('៨ ឧសភា ២០២៤'));
      expect(text('samleng-countdown')).to.contain('៨ ឧសភា ២០២៤');
      expect(text('samleng-countdown')).to.contain('បានប្រព្រឹត្តទៅកាលពី');
      document.documentElement.lang = 'fr-FR';
      await until(() => text('samleng-countdown').includes('A eu lieu'));
      expect(text('samleng-countdown')).to.contain('A eu lieu');
      expect(text('samleng-countdown')).to.contain('8 mai 2024');
    });

    if (kind === 'classic') {
      it('exposes the classes on window.Samleng', () => {
        expect(window.Samleng.SamlengPledge).to.equal(customElements.get('samleng-pledge'));
        expect(window.Samleng.SamlengCountdown).to.equal(customElements.get('samleng-countdown'));
      });
    }

    if (kind === 'loader') {
      it('ships Lit in production mode, in the chunks the loader imports', async () => {
        const { tags } = await (await fetch('/dist/chunks/loader-manifest.json')).json();
        const files = new Set(Object.values(tags).flatMap((tag) => [tag.entry, ...tag.imports]));
        expect(files.size).to.be.greaterThan(3);
        for (const file of files) {
          expect(await (await fetch(`/dist/${file}`)).text(), file).not.to.contain('Lit is in dev mode');
        }
      });
    } else {
      it('ships Lit in production mode (no dev-mode code in the bundle)', async () => {
        const source = await (await fetch(kind === 'module' ? '/dist/samleng.js' : '/dist/samleng.iife.js')).text();
        expect(source).not.to.contain('Lit is in dev mode');
        expect(source).not.to.match(/^\s*import\s/m);
      });
    }
  });
}
