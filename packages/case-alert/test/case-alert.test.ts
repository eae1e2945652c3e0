import '../../../test/harness.js';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../samleng-case-alert.js';
import type { SamlengCaseAlert } from '../src/case-alert.js';
import { $, $$, setLang, text } from './helpers.js';

const NOW = Date.UTC(2026, 10, 27, 12); // 27 November 2026
const fakeTime = (now = NOW) =>
  sinon.useFakeTimers({
    now,
    toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'],
  });

const inline = () =>
  html`<samleng-case-alert
    name="Kem Sokha"
    name-km="កឹម សុខា"
    status="house-arrest"
    charge="Treason"
    sentence="27 years"
    arrested="2017-09-03"
    sentenced="2023-03-03"
    updated="2026-11-27"
    action-href="https://example.org/act"
    action-label="Take part"
    source-href="https://www.hrw.org/"
    case-id="kem-sokha"
    >Kem Sokha was arrested on 3 September 2017.</samleng-case-alert
  >`;

describe('<samleng-case-alert> from attributes', function () {
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
    expect(document.createElement('samleng-case-alert').constructor.name).to.equal('SamlengCaseAlert');
  });

  it('without a name shows the heading and keeps its light DOM slotted', async () => {
    const el = await fixture<SamlengCaseAlert>(
      html`<samleng-case-alert heading="Partner heading">Sentenced to 27 years.</samleng-case-alert>`,
    );
    expect(text($(el, 'h2'))).to.equal('Partner heading');
    const slot = $<HTMLSlotElement>(el, 'slot')!;
    expect(
      slot
        .assignedNodes()
        .map((n) => n.textContent)
        .join(''),
    ).to.contain('Sentenced to 27 years.');
    await expect(el).to.be.accessible();
  });

  it('has a default heading in English, Khmer and French, switched live', async () => {
    const el = await fixture<SamlengCaseAlert>(html`<samleng-case-alert heading="  "></samleng-case-alert>`);
    expect(text($(el, 'h2'))).to.equal('Urgent action');
    await setLang('km-KH');
    await el.updateComplete;
    expect(text($(el, 'h2'))).to.equal('សកម្មភាពបន្ទាន់');
    expect($(el, '[part~=base]')!.getAttribute('lang')).to.equal('km');
    await setLang('fr');
    await el.updateComplete;
    expect(text($(el, 'h2'))).to.equal('Action urgente');
  });

  it('shows the whole case: name, Khmer name, badge, facts, live duration, summary, action, source, update', async () => {
    const clock = fakeTime();
    const el = await fixture<SamlengCaseAlert>(inline());
    expect(text($(el, '[part=kicker]'))).to.equal('Urgent action');
    expect(text($(el, 'h2'))).to.equal('Kem Sokha');
    expect(text($(el, '.alternate'))).to.equal('កឹម សុខា');
    expect($(el, '.alternate')!.getAttribute('lang')).to.equal('km');
    expect(text($(el, '[part=badge]'))).to.equal('Under house arrest');
    expect(text($(el, '.since'))).to.equal('9 years, 2 months since arrest');
    const facts = $$(el, 'dt').map((dt) => `${text(dt)}: ${text(dt.nextElementSibling)}`);
    expect(facts).to.deep.equal([
      'Charges: Treason',
      'Sentence: 27 years',
      'Arrested: September 3, 2017',
      'Sentenced: March 3, 2023',
    ]);
    expect($(el, 'time')!.getAttribute('datetime')).to.equal('2017-09-03');
    const action = $<HTMLAnchorElement>(el, '[part=action]')!;
    expect(action.getAttribute('href')).to.equal('https://example.org/act');
    expect(text(action)).to.equal('Take part');
    expect(text($(el, '[part=sources] a'))).to.equal('www.hrw.org');
    expect(text($(el, '[part=updated]'))).to.equal('Facts last checked on November 27, 2026');
    // Live: a month later the duration has moved on, without any new attribute.
    clock.setSystemTime(NOW + 31 * 864e5);
    await clock.tickAsync(61_000);
    await el.updateComplete;
    expect(text($(el, '.since'))).to.equal('9 years, 3 months since arrest');
    clock.restore();
    expect(warn.callCount).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('speaks Khmer (the Khmer name leads, Khmer digits) and French', async () => {
    const clock = fakeTime();
    const el = await fixture<SamlengCaseAlert>(inline());
    await setLang('km');
    await el.updateComplete;
    expect(text($(el, 'h2'))).to.equal('កឹម សុខា');
    expect(text($(el, '.alternate'))).to.equal('Kem Sokha');
    // A name in Latin letters inside a Khmer card is not Khmer (WCAG 3.1.2): marked as English.
    expect($(el, '.alternate')!.getAttribute('lang')).to.equal('en');
    expect(text($(el, '[part=badge]'))).to.equal('ជាប់ឃុំខ្លួនក្នុងផ្ទះ');
    expect(text($(el, '.since'))).to.match(/^៩ ឆ្នាំ.*២ ខែ ចាប់តាំងពីការចាប់ខ្លួន$/);
    expect(text($(el, 'dd time'))).to.match(/៣.*២០១៧/);
    expect(text($(el, '[part=action]'))).to.equal('Take part');
    expect($(el, '[part=action]')!.getAttribute('lang')).to.equal('en');
    await setLang('fr');
    await el.updateComplete;
    expect(text($(el, 'h2'))).to.equal('Kem Sokha');
    expect(text($(el, '[part=badge]'))).to.equal('Assignation à résidence');
    expect(text($(el, '.since'))).to.equal('9 ans et 2 mois depuis l’arrestation');
    expect(text($(el, 'dd time'))).to.equal('3 septembre 2017');
    expect(text($(el, '[part=updated]'))).to.equal(
      'Faits vérifiés pour la dernière fois le 27 novembre 2026',
    );
    clock.restore();
    await expect(el).to.be.accessible();
  });

  it('shows a localized badge for each of the six statuses, and the duration only while deprived of liberty', async () => {
    const labels: Record<string, [string, boolean]> = {
      detained: ['Detained', true],
      'house-arrest': ['Under house arrest', true],
      'in-exile': ['In exile', false],
      'convicted-in-absentia': ['Convicted in absentia', false],
      released: ['Released', false],
      deceased: ['Deceased', false],
    };
    for (const [status, [label, since]] of Object.entries(labels)) {
      const el = await fixture<SamlengCaseAlert>(
        html`<samleng-case-alert
          name="Ana Example"
          status=${status}
          arrested="2020-01-01"
        ></samleng-case-alert>`,
      );
      expect(text($(el, '[part=badge]'))).to.equal(label);
      expect(!!$(el, '.since'), status).to.equal(since);
    }
  });

  it('draws initials on a colored disc without a photo, and when the photo is broken', async () => {
    const el = await fixture<SamlengCaseAlert>(
      html`<samleng-case-alert name="Theary Seng"></samleng-case-alert>`,
    );
    const disc = $(el, '.initials')!;
    expect(text(disc)).to.equal('TS');
    // As large as a photo (4.5em of the card's font), whatever size its letters are.
    const photo = 4.5 * parseFloat(getComputedStyle(el).fontSize);
    expect(disc.getBoundingClientRect().width).to.be.closeTo(photo, 0.5);
    expect(disc.getBoundingClientRect().height).to.be.closeTo(photo, 0.5);
    expect(disc.getAttribute('aria-hidden')).to.equal('true');
    expect(disc.style.background).to.not.equal('');
    el.photo = '/packages/case-alert/test/fixtures/no-such-photo.png';
    await el.updateComplete;
    const img = $<HTMLImageElement>(el, 'img[part=photo]')!;
    expect(img.getAttribute('loading')).to.equal('lazy');
    expect(img.getAttribute('alt')).to.equal('');
    await oneEvent(img, 'error');
    await el.updateComplete;
    expect($(el, 'img')).to.equal(null);
    expect(text($(el, '.initials'))).to.equal('TS');
    await expect(el).to.be.accessible();
  });

  it('shows a working photo lazily with its text alternative', async () => {
    const el = await fixture<SamlengCaseAlert>(
      html`<samleng-case-alert
        name="Ana Example"
        photo="/demo/favicon.svg"
        photo-alt="Portrait"
      ></samleng-case-alert>`,
    );
    const img = $<HTMLImageElement>(el, 'img[part=photo]')!;
    expect(img.getAttribute('alt')).to.equal('Portrait');
    expect(img.getAttribute('loading')).to.equal('lazy');
    expect($(el, '.initials')).to.equal(null);
  });

  it('collapses a long summary behind an accessible "Read more" disclosure', async () => {
    const long = 'Long summary sentence. '.repeat(20);
    const el = await fixture<SamlengCaseAlert>(
      html`<samleng-case-alert name="Ana Example" status="detained">${long}</samleng-case-alert>`,
    );
    await el.updateComplete;
    const toggle = $<HTMLButtonElement>(el, '[part=toggle]')!;
    const summary = $(el, '[part=summary]')!;
    expect(text(toggle)).to.equal('Read more');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(toggle.getAttribute('aria-controls')).to.equal(summary.id);
    expect(summary.classList.contains('collapsed')).to.equal(true);
    expect(summary.getBoundingClientRect().height).to.be.below(10 * 16 * 1.6);
    await expect(el).to.be.accessible();
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(text(toggle)).to.equal('Show less');
    expect(summary.classList.contains('collapsed')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('opens and closes the summary from the keyboard', async () => {
    const long = 'Long summary sentence. '.repeat(20);
    const el = await fixture<SamlengCaseAlert>(
      html`<samleng-case-alert name="Ana Example">${long}</samleng-case-alert>`,
    );
    await el.updateComplete;
    const toggle = $<HTMLButtonElement>(el, '[part=toggle]')!;
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(toggle);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(getComputedStyle(toggle).outlineStyle).to.equal('solid');
  });

  it('leaves a short summary open, without a toggle', async () => {
    const el = await fixture<SamlengCaseAlert>(
      html`<samleng-case-alert name="Ana Example">A short summary.</samleng-case-alert>`,
    );
    expect($(el, '[part=toggle]')).to.equal(null);
  });

  it('names an unknown status in a visible error and one warning', async () => {
    const el = await fixture<SamlengCaseAlert>(
      html`<samleng-case-alert name="Ana Example" status="jailed"></samleng-case-alert>`,
    );
    expect(text($(el, '[part=error]'))).to.contain('The status "jailed" is not known');
    expect(warn.callCount).to.equal(1);
    expect(warn.firstCall.args[0]).to.match(/^<samleng-case-alert>: `status` must be one of/);
    await setLang('fr');
    await el.updateComplete;
    expect(text($(el, '[part=error]'))).to.contain('Le statut « jailed » est inconnu');
    expect(warn.callCount).to.equal(1);
    await expect(el).to.be.accessible();
  });

  for (const attribute of ['arrested', 'sentenced', 'deadline', 'updated']) {
    it(`names a wrong date in \`${attribute}\``, async () => {
      const el = await fixture<SamlengCaseAlert>(
        html`<samleng-case-alert name="Ana Example"></samleng-case-alert>`,
      );
      el.setAttribute(attribute, '2023-02-30');
      await el.updateComplete;
      expect(text($(el, '[part=error]'))).to.contain(
        `The date "2023-02-30" (${attribute}) could not be read`,
      );
      expect(warn.callCount).to.equal(1);
      expect(warn.firstCall.args[0]).to.contain(`\`${attribute}\` must be an ISO date`);
    });
  }

  it('refuses a letter address that could smuggle fields into the mailto: URL', async () => {
    const el = await fixture<SamlengCaseAlert>(
      html`<samleng-case-alert
        name="Ana Example"
        letter-to="a@example.org?cc=b@example.org"
      ></samleng-case-alert>`,
    );
    expect(text($(el, '[part=error]'))).to.contain('is not an e-mail address');
    expect(warn.callCount).to.equal(1);
  });

  it('renders hostile strings as text and drops javascript: URLs, with one warning each', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const el = await fixture<SamlengCaseAlert>(
      html`<samleng-case-alert
        heading=${hostile}
        name=${hostile}
        name-km=${hostile + 'km'}
        status="detained"
        status-note=${hostile}
        charge=${hostile}
        sentence=${hostile}
        photo="javascript:alert(1)"
        photo-alt=${hostile}
        action-href="  JaVa&#9;Script:alert(1)"
        action-label=${hostile}
        source-href="javascript:alert(1)"
        letter-to="sample-recipient@example.org"
        letter-subject=${hostile}
        letter-body=${hostile}
        share-url="javascript:alert(1)"
      ></samleng-case-alert>`,
    );
    expect($(el, '[part=kicker]')!.textContent).to.contain(hostile);
    expect(text($(el, 'h2'))).to.equal(hostile);
    expect(text($(el, '.note'))).to.equal(hostile);
    expect(text($(el, 'dd'))).to.equal(hostile);
    expect($(el, 'img')).to.equal(null);
    expect($(el, '[part=action]')).to.equal(null);
    expect($(el, '[part=sources] a')).to.equal(null);
    for (const link of $$<HTMLAnchorElement>(el, 'a'))
      expect(link.protocol).to.be.oneOf(['mailto:', 'https:']);
    const mailto = $<HTMLAnchorElement>(el, 'a[href^="mailto:"]')!;
    expect(mailto.href).to.contain(encodeURIComponent(hostile));
    const fields = warn.getCalls().map((call) => String(call.args[0]));
    expect(fields).to.have.length(3);
    expect(fields.join('\n')).to.contain('`photo` was dropped').and.contain('`action-href` was dropped');
    expect(fields.join('\n')).to.contain('`source-href` was dropped');
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('is accessible in the dark theme, with every part shown', async () => {
    const clock = fakeTime();
    const el = await fixture<SamlengCaseAlert>(
      html`<samleng-case-alert
        theme="dark"
        name="Kem Sokha"
        status="house-arrest"
        status-note="Not verified since 2023."
        charge="Treason"
        arrested="2017-09-03"
        deadline="2026-12-12"
        updated="2026-11-27"
        action-href="https://example.org/act"
        source-href="https://www.hrw.org/"
        letter-to="sample-recipient@example.org"
        letter-subject="Subject"
        letter-body="Body"
        >Summary.</samleng-case-alert
      >`,
    );
    clock.restore();
    await expect(el).to.be.accessible();
    const style = getComputedStyle($(el, '[part=base]')!);
    expect(style.backgroundColor).to.equal('rgb(29, 27, 32)');
  });

  it('accepts a case object through the `data` property, and names its wrong field', async () => {
    const el = await fixture<SamlengCaseAlert>(html`<samleng-case-alert></samleng-case-alert>`);
    el.data = { id: 'ana', name: { en: 'Ana', fr: 'Anne' }, status: 'released', charges: ['Incitement'] };
    await el.updateComplete;
    expect(text($(el, 'h2'))).to.equal('Ana');
    expect(text($(el, '[part=badge]'))).to.equal('Released');
    el.data = { id: 'ana', name: 'Ana', status: 'released', arrested: 12 };
    await el.updateComplete;
    expect(text($(el, '[part=error]'))).to.contain('The case given to this card could not be read.');
    expect(warn.callCount).to.equal(1);
    expect(warn.firstCall.args[0]).to.contain('`data.arrested` must be an ISO date');
  });
});
