import '../../../test/harness.js';
import { expect, fixture, html } from '@open-wc/testing';
import '../samleng-pledge.js';
import type { SamlengPledge } from '../src/pledge.js';

import { setLang } from '../../../test/locale.js';
const heading = (el: Element) => el.shadowRoot!.querySelector('h2')!.textContent;

describe('<samleng-pledge>', () => {
  afterEach(() => setLang('en'));

  it('is registered under its tag', () => {
    expect(document.createElement('samleng-pledge').constructor.name).to.equal('SamlengPledge');
  });

  it('shows the heading attribute and keeps its light DOM slotted', async () => {
    const el = await fixture<SamlengPledge>(
      html`<samleng-pledge heading="Partner heading"
        >I pledge to write to my representative.</samleng-pledge
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
    const el = await fixture<SamlengPledge>(html`<samleng-pledge heading="  "></samleng-pledge>`);
    expect(heading(el)).to.equal('Take the pledge');
    await setLang('km-KH');
    await el.updateComplete;
    expect(heading(el)).to.equal('ចូលរួមប្ដេជ្ញា');
    expect(el.shadowRoot!.querySelector('[part=base]')!.getAttribute('lang')).to.equal('km');
    await setLang('fr');
    await el.updateComplete;
    expect(heading(el)).to.equal('Prenez l’engagement');
  });

  it('is accessible in the dark theme', async () => {
    const el = await fixture<SamlengPledge>(
      html`<samleng-pledge theme="dark" heading="Dark"
        >I pledge to write to my representative.</samleng-pledge
      >`,
    );
    await expect(el).to.be.accessible();
  });
});
