import '../../../test/harness.js';
import { expect } from '@open-wc/testing';
import {
  isLocalizedText,
  pickLocalized,
  pickText,
  TEXT_MAX,
  type LocalizedText,
} from '../src/localized-text.js';

const CHARGE = { en: 'Treason', km: 'ក្បត់ជាតិ', fr: 'Trahison' };

describe('localized-text', () => {
  describe('isLocalizedText', () => {
    it('accepts a string, even an empty one', () => {
      expect(isLocalizedText('Treason')).to.equal(true);
      expect(isLocalizedText('')).to.equal(true);
    });

    it('accepts an object of strings by language, complete or not', () => {
      expect(isLocalizedText(CHARGE)).to.equal(true);
      expect(isLocalizedText({ km: 'ក្បត់ជាតិ' })).to.equal(true);
    });

    it('refuses what a feed may hold instead of text', () => {
      for (const value of [
        undefined,
        null,
        0,
        42,
        true,
        ['Treason'],
        [],
        {},
        { en: 'Treason', km: 3 },
        { en: null },
        { en: { text: 'Treason' } },
      ]) {
        expect(isLocalizedText(value), JSON.stringify(value)).to.equal(false);
      }
    });
  });

  describe('pickText', () => {
    it('returns a plain string as it is, whatever the locale', () => {
      expect(pickText('Treason', 'km')).to.equal('Treason');
      expect(pickText('', 'fr')).to.equal('');
    });

    it('picks the text of the locale', () => {
      expect(pickText(CHARGE, 'en')).to.equal('Treason');
      expect(pickText(CHARGE, 'km')).to.equal('ក្បត់ជាតិ');
      expect(pickText(CHARGE, 'fr')).to.equal('Trahison');
    });

    it('falls back to English when the locale is missing', () => {
      expect(pickText({ fr: 'Trahison', en: 'Treason' }, 'km')).to.equal('Treason');
    });

    it('falls back to the first language given when there is no English either', () => {
      expect(pickText({ fr: 'Trahison', km: 'ក្បត់ជាតិ' }, 'en')).to.equal('Trahison');
      expect(pickText({ km: 'ក្បត់ជាតិ' }, 'fr')).to.equal('ក្បត់ជាតិ');
    });

    it("returns '' when there is no text at all", () => {
      expect(pickText(undefined, 'en')).to.equal('');
      expect(pickText({}, 'km')).to.equal('');
    });

    it('treats an empty translation as missing', () => {
      expect(pickText({ km: '', en: 'Treason' }, 'km')).to.equal('Treason');
      expect(pickText({ en: '', fr: 'Trahison' }, 'km')).to.equal('Trahison');
      expect(pickText({ en: '' }, 'en')).to.equal('');
    });

    it('never returns a non-string value from an untrusted feed', () => {
      // What JSON.parse may hand over where a LocalizedText was expected.
      const feed = JSON.parse(
        '[null, 7, true, {"km": 5, "en": "Treason"}, {"km": null, "fr": ["x"], "en": {"t": 1}}, ["Trahison"]]',
      ) as LocalizedText[];
      expect(feed.map((value) => pickText(value, 'km'))).to.deep.equal(['', '', '', 'Treason', '', '']);
    });

    it('cuts a text longer than TEXT_MAX, with an ellipsis, and keeps one at the limit whole', () => {
      const long = 'ក'.repeat(50_000);
      expect(pickText(long, 'km')).to.equal(`${'ក'.repeat(TEXT_MAX)}…`);
      expect(pickText({ fr: long }, 'fr')).to.have.length(TEXT_MAX + 1);
      const atLimit = 'x'.repeat(TEXT_MAX);
      expect(pickText(atLimit, 'en')).to.equal(atLimit);
    });

    it('never cuts between the two halves of a character beyond the basic plane', () => {
      // An emoji (two UTF-16 units) straddling the limit goes whole, not as a lone surrogate.
      const text = `${'x'.repeat(TEXT_MAX - 1)}✊🏽${'x'.repeat(10)}`;
      const shown = pickText(text, 'en');
      expect(shown).to.equal(`${'x'.repeat(TEXT_MAX - 1)}✊…`);
      const straddling = `${'x'.repeat(TEXT_MAX - 1)}🇰🇭`;
      expect(pickText(straddling, 'en')).to.equal(`${'x'.repeat(TEXT_MAX - 1)}…`);
      expect(/\p{Cs}/u.test(pickText(straddling, 'en'))).to.equal(false);
    });
  });
  describe('pickLocalized (issue 18: the language of a feed text)', () => {
    it('gives no language when the text is in the widget’s', () => {
      expect(pickLocalized(CHARGE, 'km')).to.deep.equal({ text: 'ក្បត់ជាតិ', lang: undefined });
      expect(pickLocalized(CHARGE, 'fr')).to.deep.equal({ text: 'Trahison', lang: undefined });
    });

    it('gives the language of a fallback: English, else the first language given', () => {
      expect(pickLocalized({ en: 'Treason', fr: 'Trahison' }, 'km')).to.deep.equal({
        text: 'Treason',
        lang: 'en',
      });
      expect(pickLocalized({ fr: 'Trahison', km: 'ក្បត់ជាតិ' }, 'en')).to.deep.equal({
        text: 'Trahison',
        lang: 'fr',
      });
      expect(pickLocalized({ km: '', 'km-KH': 'ក្បត់ជាតិ' } as LocalizedText, 'fr').lang).to.equal('km-KH');
    });

    it('tells a plain string’s language only where its script rules the widget’s out', () => {
      // Latin letters in a Khmer widget: English, the feeds' fallback language.
      expect(pickLocalized('Theary Seng', 'km').lang).to.equal('en');
      // Khmer letters in an English or French widget: Khmer.
      expect(pickLocalized('កឹម សុខា', 'en').lang).to.equal('km');
      expect(pickLocalized('កឹម សុខា', 'fr').lang).to.equal('km');
      // Latin in English or French could be either; mixed scripts or no letters at all: nothing is said.
      expect(pickLocalized('Trahison', 'en').lang).to.equal(undefined);
      expect(pickLocalized('UPR ការពិនិត្យ', 'km').lang).to.equal(undefined);
      expect(pickLocalized('UPR ការពិនិត្យ', 'en').lang).to.equal(undefined);
      expect(pickLocalized('27 / 2023', 'km').lang).to.equal(undefined);
      expect(pickLocalized('', 'km')).to.deep.equal({ text: '', lang: undefined });
    });

    it('never puts what is not a language tag into `lang`', () => {
      const feed = JSON.parse('{"x onclick=alert(1)": "Treason", "": "Trahison"}') as LocalizedText;
      expect(pickLocalized(feed, 'km')).to.deep.equal({ text: 'Treason', lang: undefined });
    });
  });
});
