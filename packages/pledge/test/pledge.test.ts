import '../../../test/harness.js';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../samleng-pledge.js';
import type { SamlengPledge } from '../src/pledge.js';
import { setLang } from '../../../test/locale.js';
import { closeReceiver, startReceiver, uniqueCampaign, type ReceiverHandle } from '../../../test/receiver.js';
import { $, fill, submit, text, tickConsent, until } from './helpers.js';

// The form itself: its fields, checks, languages and configuration errors. Delivery to the receiver
// is in delivery.test.ts. A real receiver answers the count here too, so no test meets a network error.
describe('<samleng-pledge>', () => {
  let receiver: ReceiverHandle;
  before(async () => {
    receiver = await startReceiver();
  });
  after(() => closeReceiver(receiver.id));
  afterEach(async () => {
    sinon.restore();
    await setLang('en');
  });

  const form = (extra = html``) =>
    fixture<SamlengPledge>(
      html`<samleng-pledge endpoint=${receiver.endpoint} campaign=${uniqueCampaign('form')}
        >I pledge to write to my representative.${extra}</samleng-pledge
      >`,
    );

  it('is registered under its tag, with the count beside it', () => {
    expect(document.createElement('samleng-pledge').constructor.name).to.equal('SamlengPledge');
    expect(document.createElement('samleng-pledge-count').constructor.name).to.equal('SamlengPledgeCount');
  });

  it('shows the statement, labelled fields with autofill tokens, and an unticked consent box', async () => {
    const el = await form();
    expect(text(el, 'h2')).to.equal('Take the pledge');
    const slot = $<HTMLSlotElement>(el, '.statement slot')!;
    expect(
      slot
        .assignedNodes()
        .map((node) => node.textContent)
        .join(''),
    ).to.contain('write to my representative');
    const name = $<HTMLInputElement>(el, '#name')!;
    const email = $<HTMLInputElement>(el, '#email')!;
    expect([name.type, name.autocomplete, name.required]).to.deep.equal(['text', 'name', true]);
    expect([email.type, email.autocomplete, email.required]).to.deep.equal(['email', 'email', true]);
    expect(name.labels![0]!.textContent!.trim()).to.equal('Your name');
    expect(email.labels![0]!.textContent!.trim()).to.equal('E-mail address');
    const consent = $<HTMLInputElement>(el, '#consent')!;
    expect(consent.checked).to.equal(false);
    expect(consent.labels![0]!.textContent).to.contain(
      'I agree that the campaign keeps the details I give here',
    );
    // Only name and e-mail unless the partner asks for more.
    expect(el.shadowRoot!.querySelectorAll('.field')).to.have.length(2);
    await until(() => text(el, '[part=count]') === 'Be the first to pledge', 'the count');
    await expect(el).to.be.accessible();
  });

  it('adds the optional fields a partner lists, in a fixed order, with their own types', async () => {
    const el = await fixture<SamlengPledge>(
      html`<samleng-pledge
        endpoint=${receiver.endpoint}
        campaign=${uniqueCampaign('fields')}
        fields="comment city phone country"
      ></samleng-pledge>`,
    );
    const ids = [...el.shadowRoot!.querySelectorAll('.field input, .field textarea')].map(
      (input) => input.id,
    );
    expect(ids).to.deep.equal(['name', 'email', 'country', 'phone', 'city', 'comment']);
    expect($<HTMLInputElement>(el, '#phone')!.type).to.equal('tel');
    expect($<HTMLInputElement>(el, '#phone')!.autocomplete).to.equal('tel');
    expect($<HTMLInputElement>(el, '#country')!.autocomplete).to.equal('country-name');
    expect($<HTMLInputElement>(el, '#city')!.autocomplete).to.equal('address-level2');
    expect($(el, '#comment')!.localName).to.equal('textarea');
    expect($<HTMLInputElement>(el, '#country')!.required).to.equal(false);
    expect($<HTMLInputElement>(el, '#country')!.labels![0]!.textContent!.trim()).to.equal(
      'Country (optional)',
    );
    await expect(el).to.be.accessible();
  });

  it('hides the honeypot from people and from assistive technology', async () => {
    const el = await form();
    const trap = $<HTMLInputElement>(el, '[name=website]')!;
    const box = trap.closest<HTMLElement>('.hp')!;
    expect(box.getAttribute('aria-hidden')).to.equal('true');
    expect(box.inert).to.equal(true);
    expect(trap.tabIndex).to.equal(-1);
    // Clipped to nothing where it stands (pushing it off screen scrolls a right-to-left page sideways).
    const rect = box.getBoundingClientRect();
    expect(rect.width * rect.height).to.be.at.most(1);
    expect(getComputedStyle(box).clipPath).to.equal('inset(50%)');
    expect(document.documentElement.scrollWidth).to.equal(document.documentElement.clientWidth);
  });

  it('checks the form in the reader’s language, marks each field and moves focus to the first', async () => {
    const el = await form();
    const errors = oneEvent(el, 'samleng-pledge-error');
    submit(el);
    const { detail } = await errors;
    expect(detail.errors).to.deep.equal({ name: 'required', email: 'required', consent: 'not-accepted' });
    await el.updateComplete;
    const name = $<HTMLInputElement>(el, '#name')!;
    expect(el.shadowRoot!.activeElement).to.equal(name);
    expect(name.getAttribute('aria-invalid')).to.equal('true');
    expect(name.getAttribute('aria-describedby')).to.equal('name-error');
    expect(text(el, '#name-error')).to.equal('Please enter your name.');
    expect(text(el, '#email-error')).to.equal('Please enter your e-mail address.');
    expect(text(el, '#consent-error')).to.equal(
      'Please tick this box: a pledge is counted only with your agreement.',
    );
    await expect(el).to.be.accessible();

    fill(el, { name: 'Sok Dara', email: 'dara@example' });
    submit(el);
    await el.updateComplete;
    expect(text(el, '#email-error')).to.equal('Please enter an e-mail address such as name@example.org.');
    expect($(el, '#name-error')).to.equal(null);
    expect($(el, '#name')!.getAttribute('aria-invalid')).to.equal('false');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#email'));

    await setLang('fr');
    await el.updateComplete;
    expect(text(el, '#email-error')).to.equal('Veuillez saisir une adresse e-mail comme nom@example.org.');
    await setLang('km');
    await el.updateComplete;
    expect(text(el, '#email-error')).to.not.equal('Please enter an e-mail address such as name@example.org.');
    expect($(el, '[part=base]')!.getAttribute('lang')).to.equal('km');
  });

  it('checks the phone number’s characters and the length of prefilled text', async () => {
    const el = await fixture<SamlengPledge>(
      html`<samleng-pledge
        endpoint=${receiver.endpoint}
        campaign=${uniqueCampaign('phone')}
        fields="phone"
        data-name=${'x'.repeat(300)}
      ></samleng-pledge>`,
    );
    // Prefill is cut to the field's limit; typing past `maxlength` is impossible.
    expect($<HTMLInputElement>(el, '#name')!.value).to.have.length(200);
    fill(el, { email: 'dara@example.org', phone: 'call me' });
    tickConsent(el);
    submit(el);
    await el.updateComplete;
    expect(text(el, '#phone-error')).to.equal(
      'Please use only digits, spaces and + ( ) - . / in the phone number.',
    );
    // Khmer digits, as a Khmer keyboard types them, are digits.
    fill(el, { phone: '+៨៥៥ ១២ ៣៤៥ ៦៧៨' });
    submit(el);
    await el.updateComplete;
    expect($(el, '#phone-error')).to.equal(null);
  });

  it('can be filled and sent with the keyboard alone', async () => {
    const el = await form();
    const sent = oneEvent(el, 'samleng-pledge-sent');
    $<HTMLInputElement>(el, '#name')!.focus();
    await sendKeys({ type: 'Sok Dara' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'dara@example.org' });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#consent'));
    await sendKeys({ press: ' ' });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'button[type=submit]'));
    await sendKeys({ press: 'Enter' });
    const { detail } = await sent;
    expect(detail.confirm).to.equal(false);
    await el.updateComplete;
    // Focus lands on the thank-you heading, which a screen reader then reads.
    expect(el.shadowRoot!.activeElement).to.equal($(el, '.done h3'));
  });

  it('prefills name and e-mail from the page address, and from data attributes', async () => {
    const before = location.href;
    history.replaceState(null, '', `${location.pathname}?name=Chan%20Sophea&email=sophea%40example.org&x=1`);
    try {
      const el = await form();
      expect($<HTMLInputElement>(el, '#name')!.value).to.equal('Chan Sophea');
      expect($<HTMLInputElement>(el, '#email')!.value).to.equal('sophea@example.org');
    } finally {
      history.replaceState(null, '', before);
    }
    const el = await fixture<SamlengPledge>(
      html`<samleng-pledge
        endpoint=${receiver.endpoint}
        campaign=${uniqueCampaign('prefill')}
        data-name="Keo Dara"
        data-email="dara@example.org"
      ></samleng-pledge>`,
    );
    expect($<HTMLInputElement>(el, '#name')!.value).to.equal('Keo Dara');
    expect($<HTMLInputElement>(el, '#email')!.value).to.equal('dara@example.org');
  });

  it('keeps what the reader typed when the page language changes', async () => {
    const el = await form();
    fill(el, { name: 'Sok Dara' });
    tickConsent(el);
    await setLang('km-KH');
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#name')!.value).to.equal('Sok Dara');
    expect($<HTMLInputElement>(el, '#consent')!.checked).to.equal(true);
    expect(text(el, 'h2')).to.equal('ចូលរួមប្ដេជ្ញា');
    await setLang('fr');
    await el.updateComplete;
    expect(text(el, 'h2')).to.equal('Prenez l’engagement');
    expect($<HTMLInputElement>(el, '#name')!.labels![0]!.textContent!.trim()).to.equal('Votre nom');
  });

  it('uses the partner’s heading, consent sentence and privacy page', async () => {
    const el = await fixture<SamlengPledge>(
      html`<samleng-pledge
        endpoint=${receiver.endpoint}
        campaign=${uniqueCampaign('custom')}
        heading="Stand with Cambodia’s political prisoners"
        consent-text="I agree that the Example Association keeps my details for this pledge."
        privacy-href="https://example.org/privacy"
      ></samleng-pledge>`,
    );
    expect(text(el, 'h2')).to.equal('Stand with Cambodia’s political prisoners');
    expect($<HTMLInputElement>(el, '#consent')!.labels![0]!.textContent!.trim()).to.equal(
      'I agree that the Example Association keeps my details for this pledge.',
    );
    const privacy = $<HTMLAnchorElement>(el, '[part=privacy]')!;
    expect(privacy.href).to.equal('https://example.org/privacy');
    expect(privacy.target).to.equal('_blank');
    expect(privacy.textContent).to.contain('opens in a new tab');
  });

  it('drops an unsafe privacy link with one warning', async () => {
    const warn = sinon.stub(console, 'warn');
    const el = await fixture<SamlengPledge>(
      html`<samleng-pledge
        endpoint=${receiver.endpoint}
        campaign=${uniqueCampaign('unsafe')}
        privacy-href="javascript:alert(1)"
      ></samleng-pledge>`,
    );
    // Rendered again when the count arrives: still one warning.
    await until(() => Boolean($(el, '[part=count]')), 'the count');
    await el.updateComplete;
    expect($(el, '[part=privacy]')).to.equal(null);
    expect(warn.callCount).to.equal(1);
    expect(String(warn.firstCall.args[0])).to.match(/^<samleng-pledge>: `privacy-href` was dropped/);
  });

  it('is accessible in the dark theme with errors shown', async () => {
    const el = await fixture<SamlengPledge>(
      html`<samleng-pledge
        theme="dark"
        endpoint=${receiver.endpoint}
        campaign=${uniqueCampaign('dark')}
        goal="10"
        >I pledge.</samleng-pledge
      >`,
    );
    submit(el);
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  describe('bad configuration', () => {
    const cases: [string, Record<string, string>, RegExp, string][] = [
      ['no endpoint', { campaign: 'upr-2029' }, /^<samleng-pledge>: `endpoint` must be/, 'pledge receiver'],
      [
        'a javascript: endpoint',
        { endpoint: 'javascript:alert(1)', campaign: 'x' },
        /`endpoint` must be/,
        'receiver',
      ],
      ['no campaign', { endpoint: '/api/pledges' }, /^<samleng-pledge>: `campaign` must be/, 'upr-2029'],
      [
        'a campaign with spaces',
        { endpoint: '/api/pledges', campaign: 'upr 2029' },
        /`campaign`/,
        'upr-2029',
      ],
      [
        'a bad partner',
        { endpoint: '/api/pledges', campaign: 'c', partner: '<b>x' },
        /`partner`/,
        'lowell-kca',
      ],
      [
        'a goal in words',
        { endpoint: '/api/pledges', campaign: 'c', goal: 'five thousand' },
        /`goal`.*"five thousand"/,
        '5000',
      ],
      ['a negative goal', { endpoint: '/api/pledges', campaign: 'c', goal: '-5' }, /`goal`/, '5000'],
      [
        'an unknown field',
        { endpoint: '/api/pledges', campaign: 'c', fields: 'country adress' },
        /`fields`.*"adress"/,
        'adress',
      ],
    ];
    for (const [what, attributes, warning, shown] of cases) {
      it(`shows a visible message and warns once for ${what}`, async () => {
        const warn = sinon.stub(console, 'warn');
        const el = document.createElement('samleng-pledge');
        for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
        const parent = await fixture(html`<div></div>`);
        parent.append(el);
        await el.updateComplete;
        const error = $(el, '[part=error]')!;
        expect(error.getAttribute('role')).to.equal('alert');
        expect(error.textContent).to.contain(shown);
        expect($(el, 'form')).to.equal(null);
        expect(warn.callCount).to.equal(1);
        expect(String(warn.firstCall.args[0])).to.match(warning);
        await expect(el).to.be.accessible();
      });
    }

    it('says what is wrong in Khmer and French too', async () => {
      sinon.stub(console, 'warn');
      const el = await fixture<SamlengPledge>(html`<samleng-pledge campaign="c" goal="0"></samleng-pledge>`);
      const english = text(el, '[part=error]');
      await setLang('fr');
      await el.updateComplete;
      expect(text(el, '[part=error]')).to.not.equal(english);
      expect(text(el, '[part=error]')).to.contain('endpoint');
      el.endpoint = '/api/pledges';
      await el.updateComplete;
      // The next problem: the goal.
      expect(text(el, '[part=error]')).to.contain('0');
    });

    it('warns about a refresh that is not a number and keeps the default', async () => {
      const warn = sinon.stub(console, 'warn');
      const el = await fixture<SamlengPledge>(
        html`<samleng-pledge
          endpoint=${receiver.endpoint}
          campaign=${uniqueCampaign('refresh')}
          refresh="soon"
        ></samleng-pledge>`,
      );
      expect($(el, 'form')).to.not.equal(null);
      expect(warn.callCount).to.equal(1);
      expect(String(warn.firstCall.args[0])).to.match(/^<samleng-pledge>: `refresh` must be a number/);
    });
  });
});
