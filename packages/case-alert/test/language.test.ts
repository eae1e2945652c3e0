import '../../../test/harness.js';
import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../samleng-case-alert.js';
import type { SamlengCaseAlert } from '../src/case-alert.js';
import { $, $$, setLang, text } from './helpers.js';

/**
 * Issue 18: a feed text shown in another language than the card's (a fallback, a name in Latin
 * letters) carries that language in `lang`, so that screen readers speak it and fonts draw it right
 * (WCAG 3.1.2); the card's own language is never repeated on its parts.
 */
const CASE = {
  id: 'example',
  name: 'Kem Sokha',
  nameKm: 'កឹម សុខា',
  status: 'detained',
  statusNote: { en: 'Not verified since mid-2023.' },
  charges: [{ en: 'Treason', km: 'ក្បត់ជាតិ' }, { en: 'Incitement' }],
  sentence: { fr: '27 ans' },
  photo: '/packages/case-alert/test/fixtures/no-such-photo.png',
  photoAlt: { en: 'Kem Sokha in 2017' },
  summary: { en: 'Arrested on 3 September 2017.', km: 'ត្រូវបានចាប់ខ្លួន។' },
  actions: [
    { kind: 'link', label: { en: 'Take part' }, href: 'https://example.org/act' },
    {
      kind: 'letter',
      to: 'office@example.org',
      subject: { en: 'Kem Sokha, sentenced to 27 years' },
      body: { en: 'Dear Sir or Madam,', km: 'ជម្រាបសួរ' },
    },
  ],
  sources: [
    { title: 'Reuters, home page', url: 'https://www.reuters.com/' },
    { title: { km: 'ប្រភព', en: 'Source' }, publisher: 'LICADHO', url: 'https://www.licadho-cambodia.org/' },
  ],
};

const langOf = (el: SamlengCaseAlert, selector: string) => $(el, selector)?.getAttribute('lang') ?? null;

describe('<samleng-case-alert> languages of its parts', () => {
  afterEach(async () => {
    sinon.restore();
    await setLang('en');
  });

  it('in Khmer, marks every English fallback and the Latin name as English, and nothing else', async () => {
    await setLang('km');
    const el = await fixture<SamlengCaseAlert>(html`<samleng-case-alert .data=${CASE}></samleng-case-alert>`);
    expect(langOf(el, 'article')).to.equal('km');
    expect(text($(el, 'h2'))).to.equal('កឹម សុខា');
    expect(langOf(el, 'h2')).to.equal(null);
    expect(langOf(el, '.alternate')).to.equal('en');
    expect(langOf(el, '.note')).to.equal('en');
    // Charges: one in Khmer, one only in English: each item in its own language, the joiner in Khmer.
    const charges = $$(el, '.facts dd')[0]!;
    expect(charges.getAttribute('lang')).to.equal(null);
    expect(
      [...charges.querySelectorAll('span')].map((s) => [s.textContent, s.getAttribute('lang')]),
    ).to.deep.equal([
      ['ក្បត់ជាតិ', null],
      ['Incitement', 'en'],
    ]);
    expect(text(charges)).to.match(/^ក្បត់ជាតិ និង\u200bIncitement$/);
    // No Khmer or English sentence: the first language given, French.
    expect(langOf(el, '.facts div:nth-child(2) dd')).to.equal('fr');
    expect(langOf(el, '.summary')).to.equal(null);
    expect(langOf(el, '[part=action]')).to.equal('en');
    const subject = $$(el, '.letter p')[1]!;
    expect(subject.querySelector('span')!.getAttribute('lang')).to.equal('en');
    expect(text(subject)).to.match(/Kem Sokha, sentenced to 27 years$/);
    expect(langOf(el, '.letter-body')).to.equal(null);
    const sources = $$(el, '[part=sources] li');
    // A plain string in Latin letters: English. Khmer given: the card's.
    expect(sources.map((li) => li.querySelector('a')!.getAttribute('lang'))).to.deep.equal(['en', null]);
    expect(sources[1]!.querySelector('.meta')!.getAttribute('lang')).to.equal('en');
    await expect(el).to.be.accessible();
  });

  it('in English, marks the Khmer name and a Khmer-only text as Khmer, and follows a change of language', async () => {
    const el = await fixture<SamlengCaseAlert>(
      html`<samleng-case-alert
        .data=${{ ...CASE, statusNote: { km: 'មិនទាន់បានផ្ទៀងផ្ទាត់ទេ។' } }}
      ></samleng-case-alert>`,
    );
    expect(text($(el, 'h2'))).to.equal('Kem Sokha');
    expect(langOf(el, 'h2')).to.equal(null);
    expect(langOf(el, '.alternate')).to.equal('km');
    expect(langOf(el, '.note')).to.equal('km');
    expect(langOf(el, '[part=action]')).to.equal(null);
    expect($$(el, '.facts dd')[0]!.getAttribute('lang')).to.equal(null);
    expect($$(el, '[part=sources] a').map((a) => a.getAttribute('lang'))).to.deep.equal([null, null]);
    await setLang('km');
    await el.updateComplete;
    expect(langOf(el, '.alternate')).to.equal('en');
    expect(langOf(el, '.note')).to.equal(null);
  });

  it('gives a source shown by its host name no language', async () => {
    await setLang('km');
    const el = await fixture<SamlengCaseAlert>(
      html`<samleng-case-alert name="Kem Sokha" source-href="https://www.hrw.org/"></samleng-case-alert>`,
    );
    expect(text($(el, '[part=sources] a'))).to.equal('www.hrw.org');
    expect(langOf(el, '[part=sources] a')).to.equal(null);
    expect(langOf(el, 'h2')).to.equal('en');
  });

  it('gives the photo’s text alternative its language, and the initials that stand in for it', async () => {
    await setLang('km');
    const el = await fixture<SamlengCaseAlert>(html`<samleng-case-alert .data=${CASE}></samleng-case-alert>`);
    const img = $<HTMLImageElement>(el, 'img.photo');
    if (img) {
      expect(img.getAttribute('lang')).to.equal('en');
      img.dispatchEvent(new Event('error'));
      await el.updateComplete;
    }
    expect(langOf(el, '.initials')).to.equal('en');
    expect(text($(el, '.initials'))).to.equal('KS');
  });
});
