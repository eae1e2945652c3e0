import '../../../test/harness.js';
import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../samleng-case-alert.js';
import type { SamlengCaseAlert } from '../src/case-alert.js';
import { FEED_TIMEOUT } from '../src/feed-controller.js';
import { $, $$, FIXTURES, neverAnswers, setLang, settled, text } from './helpers.js';

const card = async (src: string, id = 'ana-example') => {
  const el = await fixture<SamlengCaseAlert>(
    html`<samleng-case-alert src=${src} case-id=${id}></samleng-case-alert>`,
  );
  await settled(el);
  return el;
};

describe('<samleng-case-alert> from a feed', function () {
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

  it('shows the case named by case-id, with its feed-only parts', async () => {
    const el = await card(`${FIXTURES}/feed.json`);
    expect(text($(el, 'h2'))).to.equal('Ana Example');
    expect(text($(el, '.note'))).to.equal('Status not verified since 2025.');
    expect(text($(el, 'dd'))).to.equal('Incitement and Conspiracy');
    expect(text($(el, '[part=action]'))).to.equal('Sign the petition');
    const sources = $$(el, '[part=sources] li').map(text);
    expect(sources).to.deep.equal(['Example report Example News March 3, 2023', 'Second report']);
    expect(text($(el, '[part=summary]'))).to.equal('A short summary.');
    expect(warn.callCount).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('follows the language: localized text fields fall back to English', async () => {
    const el = await card(`${FIXTURES}/feed.json`);
    await setLang('fr');
    await el.updateComplete;
    expect(text($(el, '[part=action]'))).to.equal('Signer la pétition');
    expect(text($(el, 'dd'))).to.equal('Incitation et Conspiracy');
    expect(text($(el, '[part=badge]'))).to.equal('En détention');
    await setLang('km');
    await el.updateComplete;
    expect(text($(el, 'h2'))).to.equal('អាណា ឧទាហរណ៍');
    expect(text($(el, '[part=action]'))).to.equal('Sign the petition');
    expect(text($(el, '.note'))).to.equal('Status not verified since 2025.');
    await expect(el).to.be.accessible();
    const ben = await card(`${FIXTURES}/feed.json`, 'ben-example');
    expect(text($(ben, 'h2'))).to.equal('បេន ឧទាហរណ៍');
  });

  it('asks the network once for a feed however many cards show it', async () => {
    const spy = sinon.spy(window, 'fetch');
    const src = `${FIXTURES}/feed.json?once`;
    const el = await fixture<HTMLElement>(
      html`<div>
        <samleng-case-alert src=${src} case-id="ana-example"></samleng-case-alert>
        <samleng-case-alert src=${src} case-id="ben-example"></samleng-case-alert>
        <samleng-case-alert src=${src} case-id="cleo-example"></samleng-case-alert>
      </div>`,
    );
    const cards = [...el.querySelectorAll('samleng-case-alert')];
    for (const c of cards) await settled(c);
    expect(cards.map((c) => text($(c, 'h2')))).to.deep.equal(['Ana Example', 'Ben Example', 'Cleo Example']);
    expect(spy.callCount).to.equal(1);
    const init = spy.firstCall.args[1]!;
    expect(init.credentials).to.equal('omit');
  });

  it('keeps its space while loading, with a status for screen readers', async () => {
    sinon.stub(window, 'fetch').callsFake(neverAnswers);
    const el = await fixture<SamlengCaseAlert>(
      html`<samleng-case-alert
        src=${`${FIXTURES}/feed.json?loading`}
        case-id="ana-example"
      ></samleng-case-alert>`,
    );
    const base = $(el, '[part~=loading]')!;
    expect(base.getAttribute('aria-busy')).to.equal('true');
    expect(text($(el, '[role=status]'))).to.equal('Loading the case…');
    expect(el.getBoundingClientRect().height).to.be.at.least(14 * 16 - 1);
    await expect(el).to.be.accessible();
    await setLang('km');
    await el.updateComplete;
    expect(text($(el, '[role=status]'))).to.equal('កំពុងផ្ទុកករណី…');
  });

  it('gives up on a slow feed after the timeout, with a retry that works', async () => {
    const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const stub = sinon.stub(window, 'fetch').callsFake(neverAnswers);
    const el = await fixture<SamlengCaseAlert>(
      html`<samleng-case-alert
        src=${`${FIXTURES}/feed.json?slow`}
        case-id="ana-example"
      ></samleng-case-alert>`,
    );
    expect($(el, '[part~=loading]')).to.not.equal(null);
    await clock.tickAsync(FEED_TIMEOUT - 1);
    expect($(el, '[part~=loading]')).to.not.equal(null);
    await clock.tickAsync(1);
    await el.updateComplete;
    expect(text($(el, '[role=alert] p'))).to.equal('The cases took too long to load.');
    expect(warn.callCount).to.equal(1);
    expect(warn.firstCall.args[0]).to.match(
      /^<samleng-case-alert>: the feed .* could not be loaded \(timeout\)/,
    );
    clock.restore();
    await expect(el).to.be.accessible();
    stub.restore();
    $<HTMLButtonElement>(el, '[role=alert] button')!.click();
    await el.updateComplete;
    await settled(el);
    expect(text($(el, 'h2'))).to.equal('Ana Example');
  });

  const broken: [string, string, RegExp][] = [
    ['missing.json', 'The cases could not be loaded (error 404).', /could not be loaded \(http 404\)/],
    ['malformed.txt', 'The list of cases could not be read.', /could not be loaded \(not-json\)/],
    ['not-a-feed.json', 'The list of cases could not be read.', /could not be used: `version` must be 1/],
  ];
  for (const [file, message, warning] of broken) {
    it(`shows a localized error with a retry for ${file}`, async () => {
      const el = await card(`${FIXTURES}/${file}`);
      expect(text($(el, '[role=alert] p'))).to.equal(message);
      expect(text($(el, '[role=alert] button'))).to.equal('Try again');
      expect(warn.callCount).to.equal(1);
      expect(warn.firstCall.args[0]).to.match(warning);
      await expect(el).to.be.accessible();
      await setLang('fr');
      await el.updateComplete;
      expect(text($(el, '[role=alert] button'))).to.equal('Réessayer');
      await setLang('km');
      await el.updateComplete;
      expect(text($(el, '[role=alert] button'))).to.equal('ព្យាយាមម្ដងទៀត');
      // An HTTP status is written in the reader's digits too.
      if (file === 'missing.json')
        expect(text($(el, '[role=alert] p')))
          .to.contain('៤០៤')
          .and.not.contain('404');
      $<HTMLButtonElement>(el, '[role=alert] button')!.click();
      await el.updateComplete;
      expect($(el, '[aria-busy]')).to.not.equal(null);
      await settled(el);
      expect($(el, '[role=alert]')).to.not.equal(null);
    });
  }

  it('is accessible in the dark theme when the feed fails', async () => {
    const el = await fixture<SamlengCaseAlert>(
      html`<samleng-case-alert
        theme="dark"
        src=${`${FIXTURES}/missing.json`}
        case-id="x"
      ></samleng-case-alert>`,
    );
    await settled(el);
    await expect(el).to.be.accessible();
  });

  it('skips each invalid case with one warning naming its field, and shows the valid one', async () => {
    const el = await card(`${FIXTURES}/wrong-types.json`, 'good');
    expect(text($(el, 'h2'))).to.equal('Good Example');
    expect(text($(el, '[part=badge]'))).to.equal('Deceased');
    const warnings = warn.getCalls().map((c) => String(c.args[0]));
    expect(warnings).to.have.length(8);
    for (const field of [
      'cases[0].status',
      'cases[1].arrested',
      'cases[2].charges',
      'cases[3].name',
      'cases[4].actions[0].to',
      'cases[5].actions[0].kind',
      'cases[7].id',
      'cases[8]',
    ]) {
      expect(
        warnings.some((w) => w.includes(`\`${field}\``)),
        field,
      ).to.equal(true);
    }
    for (const w of warnings) expect(w).to.match(/^<samleng-case-alert>: a case was skipped: `/);
  });

  it('says so when the case-id is not in the feed (or was skipped), or missing', async () => {
    const el = await card(`${FIXTURES}/wrong-types.json`, 'bad-status');
    expect(text($(el, '[part=error]'))).to.contain('There is no case "bad-status" in the list of cases.');
    expect(warn.getCalls().filter((c) => String(c.args[0]).includes('no case with the id'))).to.have.length(
      1,
    );
    await expect(el).to.be.accessible();
    warn.resetHistory();
    const none = await fixture<SamlengCaseAlert>(
      html`<samleng-case-alert src=${`${FIXTURES}/feed.json`}></samleng-case-alert>`,
    );
    await settled(none);
    expect(text($(none, '[part=error]'))).to.contain('Add the case-id attribute');
    expect(warn.callCount).to.equal(1);
  });

  it('refuses a javascript: feed address', async () => {
    const el = await card('javascript:alert(1)');
    expect(text($(el, '[role=alert] p'))).to.contain('is not allowed');
    expect($(el, '[role=alert] button')).to.equal(null);
    expect(warn.callCount).to.equal(1);
    expect(warn.firstCall.args[0]).to.contain('`src` was dropped');
  });

  it('renders a hostile feed as text and drops every javascript: URL', async () => {
    const el = await card(`${FIXTURES}/hostile.json`, 'hostile');
    const root = el.shadowRoot!;
    expect(root.querySelector('script, svg, b, i, u, [onerror], [onload]')).to.equal(null);
    expect(root.querySelector('img')).to.equal(null);
    expect(text($(el, 'h2'))).to.equal('<img src=x onerror=alert(1)>Hostile');
    expect(text($(el, '[part=summary]'))).to.equal('<a href="javascript:alert(1)">click</a>');
    expect($(el, '[part=action]')).to.equal(null);
    expect($(el, '[part=sources] a')).to.equal(null);
    expect(text($(el, '[part=sources] li'))).to.equal('<u>source</u> <i>pub</i>');
    for (const link of $$<HTMLAnchorElement>(el, 'a')) expect(link.protocol).to.equal('mailto:');
    const warnings = warn.getCalls().map((c) => String(c.args[0]));
    expect(warnings).to.have.length(3);
    expect(warnings.join('\n'))
      .to.contain('`case "hostile" photo` was dropped')
      .and.contain('`case "hostile" actions[0].href` was dropped')
      .and.contain('`case "hostile" sources[0].url` was dropped');
    await expect(el).to.be.accessible();
  });

  it('collapses a long feed summary', async () => {
    const el = await card(`${FIXTURES}/feed.json`, 'ben-example');
    expect($(el, '[part=summary]')!.classList.contains('collapsed')).to.equal(true);
    expect(text($(el, '[part=toggle]'))).to.equal('Read more');
  });
});

describe('demo/data/cases.json', function () {
  // axe over whole cards is slow on a busy 2-core machine.
  this.timeout(30_000);
  afterEach(() => sinon.restore());

  it('is a valid feed: both cases are read, none skipped, each checked on 2026-11-27', async () => {
    const warn = sinon.stub(console, 'warn');
    const el = await fixture<HTMLElement>(
      html`<div>
        <samleng-case-alert src="/demo/data/cases.json" case-id="kem-sokha"></samleng-case-alert>
        <samleng-case-alert src="/demo/data/cases.json" case-id="theary-seng"></samleng-case-alert>
      </div>`,
    );
    const [kem, theary] = [...el.querySelectorAll('samleng-case-alert')];
    await settled(kem!);
    await settled(theary!);
    expect(warn.callCount).to.equal(0);
    expect(text($(kem!, 'h2'))).to.equal('Kem Sokha');
    expect(text($(kem!, '[part=badge]'))).to.equal('Under house arrest');
    expect(text($(theary!, 'dd'))).to.contain('Conspiracy and incitement');
    expect(theary!.shadowRoot!.textContent).to.not.match(/convicted of treason/i);
    expect(text($(theary!, '.note'))).to.contain('not verified');
    for (const card of [kem!, theary!]) {
      expect(text($(card, '[part=updated]'))).to.equal('Facts last checked on November 27, 2026');
      expect($<HTMLAnchorElement>(card, 'a[href^="mailto:"]')!.href).to.match(
        /^mailto:sample-recipient@example\.org\?/,
      );
      await expect(card).to.be.accessible();
    }
  });
});
