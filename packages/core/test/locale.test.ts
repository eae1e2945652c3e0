import '../../../test/harness.js';
import { aTimeout, expect } from '@open-wc/testing';
import {
  LOCALE_META_NAME,
  activeLocale,
  localeFromTag,
  localeReady,
  pageLanguageTag,
  watchPageLocale,
} from '../src/locale.js';

/** Lets the MutationObserver see a change, then waits for the language to load. */
const settled = async () => {
  await aTimeout(0);
  await localeReady();
};

const setMeta = (content: string) => {
  let meta = document.head.querySelector<HTMLMetaElement>(`meta[name="${LOCALE_META_NAME}"]`);
  if (!meta) {
    meta = document.createElement('meta');
    meta.name = LOCALE_META_NAME;
    document.head.append(meta);
  }
  meta.content = content;
  return meta;
};

describe('locale', () => {
  before(() => watchPageLocale());
  afterEach(async () => {
    document.head.querySelector(`meta[name="${LOCALE_META_NAME}"]`)?.remove();
    document.documentElement.lang = 'en';
    await settled();
  });

  it('maps language tags to the three locales', () => {
    expect(localeFromTag('km')).to.equal('km');
    expect(localeFromTag('km-KH')).to.equal('km');
    expect(localeFromTag('KM_kh')).to.equal('km');
    expect(localeFromTag('fr')).to.equal('fr');
    expect(localeFromTag('fr-CA')).to.equal('fr');
    expect(localeFromTag('en-AU')).to.equal('en');
    expect(localeFromTag('de')).to.equal('en');
    expect(localeFromTag('')).to.equal('en');
    expect(localeFromTag('not a language')).to.equal('en');
    expect(localeFromTag(null)).to.equal('en');
    expect(localeFromTag(undefined)).to.equal('en');
  });

  it('follows <html lang> live', async () => {
    expect(activeLocale()).to.equal('en');
    document.documentElement.lang = 'km-KH';
    await settled();
    expect(activeLocale()).to.equal('km');
    document.documentElement.lang = 'fr-CA';
    await settled();
    expect(activeLocale()).to.equal('fr');
    document.documentElement.lang = 'xx-unknown';
    await settled();
    expect(activeLocale()).to.equal('en');
  });

  it('lets <meta name="samleng-locale"> force the language over <html lang>, live', async () => {
    document.documentElement.lang = 'en';
    const meta = setMeta('km');
    await settled();
    expect(pageLanguageTag()).to.equal('km');
    expect(activeLocale()).to.equal('km');
    meta.content = 'fr';
    await settled();
    expect(activeLocale()).to.equal('fr');
    meta.content = ' ';
    await settled();
    expect(activeLocale(), 'an empty override falls back to <html lang>').to.equal('en');
    setMeta('km');
    await settled();
    meta.remove();
    await settled();
    expect(activeLocale()).to.equal('en');
  });

  it('starts one watcher however often it is called', async () => {
    await watchPageLocale();
    await watchPageLocale();
    document.documentElement.lang = 'fr';
    await settled();
    expect(activeLocale()).to.equal('fr');
  });
});
