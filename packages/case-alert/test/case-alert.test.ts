import '../../../test/harness.js';
import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { localeReady } from '@samleng/core';
import '../samleng-case-alert.js';
import type { SamlengCaseAlert } from '../src/case-alert.js';

const setLang = async (lang: string) => {
  document.documentElement.lang = lang;
  await aTimeout(0);
  await localeReady();
};
const heading = (el: Element) => el.shadowRoot!.querySelector('h2')!.textContent;

describe('<samleng-case-alert>', () => {
  afterEach(() => setLang('en'));

  it('is registered under its tag', () => {
    expect(document.createElement('samleng-case-alert').constructor.name).to.equal('SamlengCaseAlert');
  });

  it('shows the heading attribute and keeps its light DOM slotted', async () => {
    const el = await fixture<SamlengCaseAlert>(
      html`<samleng-case-alert heading="Partner heading"
        >Opposition leader, sentenced to 27 years, under house arrest.</samleng-case-alert
      >`,
    );
    expect(heading(el)).to.equal('Partner heading');
    const slot = el.shadowRoot!.querySelector('slot')!;
    expect(
      slot
        .assignedNodes()
        .map((node) => node.textContent)
        .join(''),
    ).to.contain(el.textContent!.trim());
    await expect(el).to.be.accessible();
  });

  it('has a default heading in English, Khmer and French, switched live', async () => {
    const el = await fixture<SamlengCaseAlert>(html`<samleng-case-alert heading="  "></samleng-case-alert>`);
    expect(heading(el)).to.equal('Urgent action');
    await setLang('km-KH');
    await el.updateComplete;
    expect(heading(el)).to.equal('សកម្មភាពបន្ទាន់');
    expect(el.shadowRoot!.querySelector('[part=base]')!.getAttribute('lang')).to.equal('km');
    await setLang('fr');
    await el.updateComplete;
    expect(heading(el)).to.equal('Action urgente');
  });

  it('is accessible in the dark theme', async () => {
    const el = await fixture<SamlengCaseAlert>(
      html`<samleng-case-alert theme="dark" heading="Dark"
        >Opposition leader, sentenced to 27 years, under house arrest.</samleng-case-alert
      >`,
    );
    await expect(el).to.be.accessible();
  });
});
