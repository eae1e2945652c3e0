import '../../../test/harness.js';
import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { localeReady } from '@samleng/core';
import '../samleng-checklist.js';
import type { SamlengChecklist } from '../src/checklist.js';

const setLang = async (lang: string) => {
  document.documentElement.lang = lang;
  await aTimeout(0);
  await localeReady();
};
const heading = (el: Element) => el.shadowRoot!.querySelector('h2')!.textContent;

describe('<samleng-checklist>', () => {
  afterEach(() => setLang('en'));

  it('is registered under its tag', () => {
    expect(document.createElement('samleng-checklist').constructor.name).to.equal('SamlengChecklist');
  });

  it('shows the heading attribute and keeps its light DOM slotted', async () => {
    const el = await fixture<SamlengChecklist>(
      html`<samleng-checklist heading="Partner heading"
        ><ol>
          <li>Submit to the UN review of Cambodia.</li>
        </ol></samleng-checklist
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
    const el = await fixture<SamlengChecklist>(html`<samleng-checklist heading="  "></samleng-checklist>`);
    expect(heading(el)).to.equal('Action steps');
    await setLang('km-KH');
    await el.updateComplete;
    expect(heading(el)).to.equal('ជំហានសកម្មភាព');
    expect(el.shadowRoot!.querySelector('[part=base]')!.getAttribute('lang')).to.equal('km');
    await setLang('fr');
    await el.updateComplete;
    expect(heading(el)).to.equal('Les étapes à suivre');
  });

  it('is accessible in the dark theme', async () => {
    const el = await fixture<SamlengChecklist>(
      html`<samleng-checklist theme="dark" heading="Dark"
        ><ol>
          <li>Submit to the UN review of Cambodia.</li>
        </ol></samleng-checklist
      >`,
    );
    await expect(el).to.be.accessible();
  });
});
