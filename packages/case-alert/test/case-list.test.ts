import '../../../test/harness.js';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import sinon from 'sinon';
import '../samleng-case-list.js';
import type { SamlengCaseList } from '../src/case-list.js';
import { $, $$, FIXTURES, neverAnswers, setLang, settled, text } from './helpers.js';

const names = (el: Element) => $$(el, 'samleng-case-alert').map((card) => text($(card, 'h3')));

const list = async (
  src: string,
  attrs: { limit?: string; status?: string; heading?: string; theme?: string } = {},
) => {
  const el = await fixture<SamlengCaseList>(
    html`<samleng-case-list
      src=${src}
      limit=${ifDefined(attrs.limit)}
      status=${ifDefined(attrs.status)}
      heading=${ifDefined(attrs.heading)}
      theme=${attrs.theme ?? 'light'}
    ></samleng-case-list>`,
  );
  await settled(el);
  return el;
};

describe('<samleng-case-list>', function () {
  // axe over whole cards is slow on a busy 2-core machine.
  this.timeout(30_000);
  let warn: sinon.SinonStub;
  beforeEach(() => {
    warn = sinon.stub(console, 'warn');
  });
  afterEach(async () => {
    sinon.restore();
    await setLang('en');
  });

  it('is registered under its tag', () => {
    expect(document.createElement('samleng-case-list').constructor.name).to.equal('SamlengCaseList');
  });

  it('shows every case newest first, as cards with level-3 headings and no kicker', async () => {
    const el = await list(`${FIXTURES}/feed.json`, { heading: 'Urgent cases' });
    expect(text($(el, 'h2'))).to.equal('Urgent cases');
    expect(names(el)).to.deep.equal(['Ben Example', 'Ana Example', 'Cleo Example', 'Dara Example']);
    const first = $$(el, 'samleng-case-alert')[0]!;
    expect($(first, '[part=kicker]')).to.equal(null);
    expect(first.getAttribute('theme')).to.equal('light');
    expect(warn.callCount).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('applies `limit` and the `status` filter', async () => {
    const el = await list(`${FIXTURES}/feed.json`, { limit: '2' });
    expect(names(el)).to.deep.equal(['Ben Example', 'Ana Example']);
    el.removeAttribute('limit');
    el.status = 'detained  released';
    await el.updateComplete;
    await settled(el);
    expect(names(el)).to.deep.equal(['Ana Example', 'Cleo Example']);
    el.status = 'in-exile';
    el.limit = 5;
    await el.updateComplete;
    await settled(el);
    expect(names(el)).to.deep.equal(['Dara Example']);
  });

  it('warns once about unknown statuses in the filter and a wrong limit', async () => {
    const el = await list(`${FIXTURES}/feed.json`, { status: 'released jailed' });
    expect(names(el)).to.deep.equal(['Cleo Example']);
    expect(warn.callCount).to.equal(1);
    expect(warn.firstCall.args[0]).to.match(/^<samleng-case-list>: `status` ignores "jailed"/);
    el.limit = -1;
    await el.updateComplete;
    await settled(el);
    expect(names(el)).to.have.length(1);
    expect(warn.callCount).to.equal(2);
    expect(warn.secondCall.args[0]).to.contain('`limit` must be a whole number');
  });

  it('shows an empty state when nothing matches, or the feed is empty', async () => {
    for (const [src, status] of [
      [`${FIXTURES}/feed.json`, 'deceased'],
      [`${FIXTURES}/empty.json`, ''],
    ] as const) {
      const el = await list(src, { status });
      expect(text($(el, '[part~=empty]'))).to.equal('No case to show at the moment.');
      await expect(el).to.be.accessible();
      await setLang('fr');
      await el.updateComplete;
      expect(text($(el, '[part~=empty]'))).to.equal('Aucun cas à afficher pour le moment.');
      await setLang('en');
    }
  });

  it('keeps its space while loading, so the page does not jump', async () => {
    sinon.stub(window, 'fetch').callsFake(neverAnswers);
    const el = await fixture<SamlengCaseList>(
      html`<samleng-case-list src=${`${FIXTURES}/feed.json?list-loading`}></samleng-case-list>`,
    );
    expect($(el, '[aria-busy=true]')).to.not.equal(null);
    expect(text($(el, '[role=status]'))).to.equal('Loading the cases…');
    expect(el.getBoundingClientRect().height).to.be.at.least(20 * 16 - 1);
    await expect(el).to.be.accessible();
  });

  it('shows a localized error and a retry for a missing or unreadable feed', async () => {
    for (const file of ['missing.json', 'malformed.txt']) {
      warn.resetHistory();
      const el = await list(`${FIXTURES}/${file}`, { theme: 'dark' });
      expect(text($(el, '[role=alert] button'))).to.equal('Try again');
      expect(warn.callCount).to.equal(1);
      expect(warn.firstCall.args[0]).to.match(/^<samleng-case-list>: the feed/);
      await expect(el).to.be.accessible();
      await setLang('km');
      await el.updateComplete;
      expect(text($(el, '[role=alert] button'))).to.equal('ព្យាយាមម្ដងទៀត');
      await setLang('en');
      $<HTMLButtonElement>(el, '[role=alert] button')!.click();
      await el.updateComplete;
      await settled(el);
      expect($(el, '[role=alert]')).to.not.equal(null);
    }
  });

  it('refuses a javascript: feed address without a retry', async () => {
    const el = await list('javascript:alert(1)');
    expect(text($(el, '[role=alert]'))).to.contain('is not allowed');
    expect($(el, 'button')).to.equal(null);
    expect(warn.callCount).to.equal(1);
  });

  it('asks for a feed, instead of loading forever, when `src` is missing or blank', async () => {
    for (const src of [undefined, '', '   ']) {
      warn.resetHistory();
      const el = await fixture<SamlengCaseList>(
        html`<samleng-case-list src=${ifDefined(src)} heading="Cases"></samleng-case-list>`,
      );
      expect($(el, '[aria-busy]'), JSON.stringify(src)).to.equal(null);
      expect(text($(el, '[role=alert]'))).to.contain('Add the src attribute');
      expect(warn.callCount).to.equal(1);
      expect(warn.firstCall.args[0]).to.match(/^<samleng-case-list>: `src` is required/);
    }
    const el = await fixture<SamlengCaseList>(html`<samleng-case-list></samleng-case-list>`);
    await expect(el).to.be.accessible();
    await setLang('fr');
    await el.updateComplete;
    expect(text($(el, '[role=alert]'))).to.contain('Ajoutez l’attribut src');
    // Given one later, it loads it.
    el.src = `${FIXTURES}/feed.json`;
    await settled(el);
    expect($$(el, 'samleng-case-alert')).to.not.have.length(0);
  });

  it('lets the events of its cards bubble out, with the case id', async () => {
    const el = await list(`${FIXTURES}/feed.json`, { status: 'detained' });
    const card = $$(el, 'samleng-case-alert')[0]!;
    const action = $(card, '[part=action]')!;
    const heard = oneEvent(document, 'samleng-case-action');
    document.addEventListener('click', (e) => e.preventDefault(), { once: true });
    action.click();
    expect((await heard).detail).to.deep.equal({ caseId: 'ana-example', kind: 'link' });
  });

  it('speaks Khmer and French, and is accessible in dark and light', async () => {
    const el = await list(`${FIXTURES}/feed.json`, { theme: 'dark', status: 'detained house-arrest' });
    await setLang('km');
    await el.updateComplete;
    await settled(el);
    expect(names(el)).to.deep.equal(['បេន ឧទាហរណ៍', 'អាណា ឧទាហរណ៍']);
    expect(text($($$(el, 'samleng-case-alert')[1]!, '[part=badge]'))).to.equal('ជាប់ឃុំ');
    await expect(el).to.be.accessible();
    await setLang('fr');
    await el.updateComplete;
    await settled(el);
    expect(text($($$(el, 'samleng-case-alert')[0]!, '[part=badge]'))).to.equal('Assignation à résidence');
    el.theme = 'light';
    await el.updateComplete;
    await settled(el);
    expect($$(el, 'samleng-case-alert')[0]!.getAttribute('theme')).to.equal('light');
    await expect(el).to.be.accessible();
  });
});
