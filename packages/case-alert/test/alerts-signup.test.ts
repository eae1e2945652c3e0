// The case list's alerts sign-up against the REAL receiver: with mail settings and a real SMTP server (the
// sign-up is taken, a confirmation mail in the chosen language arrives), without them (503
// not-configured: the reader is told, the partner warned), unreachable (network, then "Try again" with
// the same sign-up once it is reachable), and the form's own checks.
import '../../../test/harness.js';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../samleng-case-list.js';
import type { SamlengCaseList } from '../src/case-list.js';
import { closeReceiver, startReceiver, type ReceiverHandle } from '../../../test/receiver.js';
import { closeMailReceiver, mailsTo, startMailReceiver } from '../../../test/receiver-mail.js';
import type { MailReceiver, ReceivedMail } from '../../../test/receiver-mail.js';
import { $, $$, FIXTURES, setLang, settled, text } from './helpers.js';

const list = async (alerts: string, attrs: { theme?: string; partner?: string } = {}) => {
  const el = await fixture<SamlengCaseList>(
    html`<samleng-case-list
      src=${`${FIXTURES}/feed.json`}
      alerts=${alerts}
      partner=${attrs.partner ?? 'khmer-voices'}
      privacy-href="/privacy.html"
      theme=${attrs.theme ?? 'light'}
    ></samleng-case-list>`,
  );
  await settled(el);
  return el;
};

const fill = async (el: SamlengCaseList, email: string) => {
  const input = $<HTMLInputElement>(el, '#alerts-email')!;
  input.value = email;
  input.dispatchEvent(new Event('input'));
  const consent = $<HTMLInputElement>(el, '#alerts-consent')!;
  if (!consent.checked) consent.click();
};

const submit = (el: SamlengCaseList) => $<HTMLButtonElement>(el, '.submit')!.click();

/** The mails received for `to`, once there are `n` (the receiver sends after its answer). */
async function mails(receiver: MailReceiver, to: string, n = 1): Promise<ReceivedMail[]> {
  let got: ReceivedMail[] = [];
  await waitUntil(async () => (got = await mailsTo(receiver.id, to)).length >= n, `no mail to ${to}`, {
    timeout: 10_000,
    interval: 100,
  });
  return got;
}

describe('<samleng-case-list alerts> with the real receiver', function () {
  this.timeout(30_000);
  let receiver: MailReceiver;
  let plain: ReceiverHandle;
  let warn: sinon.SinonStub;
  before(async () => {
    receiver = await startMailReceiver();
    plain = await startReceiver();
  });
  after(async () => {
    await closeMailReceiver(receiver.id);
    await closeReceiver(plain.id);
  });
  beforeEach(() => {
    warn = sinon.stub(console, 'warn');
  });
  afterEach(async () => {
    sinon.restore();
    await setLang('en');
  });

  it('shows no sign-up without `alerts`', async () => {
    const el = await fixture<SamlengCaseList>(
      html`<samleng-case-list src=${`${FIXTURES}/feed.json`}></samleng-case-list>`,
    );
    await settled(el);
    expect($(el, '[part~=alerts]')).to.equal(null);
  });

  it('signs a reader up in Khmer (the page language by default): "check your inbox", a Khmer mail with a link', async () => {
    await setLang('km');
    const el = await list(`${receiver.url}/api/subscriptions`);
    expect($<HTMLSelectElement>(el, '#alerts-language')!.value).to.equal('km');
    expect($(el, '[part=privacy]')!.getAttribute('href')).to.equal('/privacy.html');
    await expect(el).to.be.accessible();
    await fill(el, 'sophea.alerts@example.org');
    const subscribed = oneEvent(el, 'samleng-case-list-subscribed');
    submit(el);
    await el.updateComplete;
    expect(text($(el, '.submit'))).to.equal('កំពុងចុះឈ្មោះអ្នក…');
    expect($(el, '.submit')!.getAttribute('aria-disabled')).to.equal('true');
    expect((await subscribed).detail).to.deep.equal({ confirm: true });
    await el.updateComplete;
    expect(text($(el, '.alerts-heading'))).to.equal('សូមពិនិត្យប្រអប់សំបុត្ររបស់អ្នក ដើម្បីបញ្ជាក់');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '.alerts-heading'));
    expect($(el, '#alerts-email')).to.equal(null);
    await expect(el).to.be.accessible();
    const [mail] = await mails(receiver, 'sophea.alerts@example.org');
    expect(mail!.language).to.equal('km');
    expect(mail!.link).to.match(/\/confirm\/[A-Za-z0-9_-]+$/);
    expect(warn.callCount).to.equal(0);
  });

  it('sends the language the reader picked, by keyboard alone', async () => {
    const el = await list(`${receiver.url}/api/subscriptions`, { theme: 'dark' });
    $<HTMLInputElement>(el, '#alerts-email')!.focus();
    await sendKeys({ type: 'marie.alerts@example.org' });
    const select = $<HTMLSelectElement>(el, '#alerts-language')!;
    select.value = 'fr';
    select.dispatchEvent(new Event('change'));
    $<HTMLInputElement>(el, '#alerts-consent')!.focus();
    await sendKeys({ press: ' ' });
    expect($<HTMLInputElement>(el, '#alerts-consent')!.checked).to.equal(true);
    await expect(el).to.be.accessible();
    const subscribed = oneEvent(el, 'samleng-case-list-subscribed');
    $<HTMLButtonElement>(el, '.submit')!.focus();
    await sendKeys({ press: 'Enter' });
    await subscribed;
    const [mail] = await mails(receiver, 'marie.alerts@example.org');
    expect(mail!.language).to.equal('fr');
  });

  it('shows its own checks beside the fields, focuses the first, and sends nothing', async () => {
    const el = await list(`${receiver.url}/api/subscriptions`);
    const error = oneEvent(el, 'samleng-case-list-error');
    submit(el);
    expect((await error).detail).to.deep.equal({ errors: { email: 'required', consent: 'not-accepted' } });
    await el.updateComplete;
    expect(text($(el, '#alerts-email-error'))).to.equal('Please enter your e-mail address.');
    expect(text($(el, '#alerts-consent-error'))).to.match(/^Please tick this box/);
    expect($(el, '#alerts-email')!.getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#alerts-email'));
    await expect(el).to.be.accessible();
    $<HTMLInputElement>(el, '#alerts-email')!.value = 'no-at-sign';
    $(el, '#alerts-email')!.dispatchEvent(new Event('input'));
    submit(el);
    await el.updateComplete;
    expect(text($(el, '#alerts-email-error'))).to.equal(
      'Please enter an e-mail address such as name@example.org.',
    );
  });

  it("shows the receiver's 400 beside the e-mail field", async () => {
    const el = await list(`${receiver.url}/api/subscriptions`);
    // Passes the browser's light check; the receiver's full check refuses two dots in a row.
    await fill(el, 'dara..sok@example.org');
    const error = oneEvent(el, 'samleng-case-list-error');
    submit(el);
    expect((await error).detail.errors.email).to.equal('format');
    await el.updateComplete;
    expect(text($(el, '#alerts-email-error'))).to.equal(
      'Please enter an e-mail address such as name@example.org.',
    );
    expect($(el, '.submit')).to.not.equal(null);
  });

  it('without mail settings (503 not-configured): tells the reader, warns the partner, offers a retry', async () => {
    const el = await list(`${plain.url}/api/subscriptions`);
    await fill(el, 'dara.alerts@example.org');
    const error = oneEvent(el, 'samleng-case-list-error');
    submit(el);
    expect((await error).detail).to.deep.equal({ errors: { request: 'http-503' } });
    await el.updateComplete;
    expect(text($(el, '[part=form-error] p'))).to.equal(
      'This site cannot sign people up for alerts at the moment. Please let its organizers know.',
    );
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part=form-error]'));
    expect(warn.calledOnce).to.equal(true);
    expect(String(warn.firstCall.args[0])).to.match(/^<samleng-case-list>.*no mail settings/);
    await expect(el).to.be.accessible();
  });

  it('unreachable: says so; "Try again" sends the same sign-up once the receiver answers', async () => {
    // Nothing listens on port 9 (discard): the fetch fails at once.
    const el = await list('http://127.0.0.1:9/api/subscriptions');
    await fill(el, 'vanna.alerts@example.org');
    const error = oneEvent(el, 'samleng-case-list-error');
    submit(el);
    expect((await error).detail).to.deep.equal({ errors: { request: 'network' } });
    await el.updateComplete;
    expect(text($(el, '[part=form-error] p'))).to.equal(
      'Your sign-up could not be sent. Check your connection and try again.',
    );
    el.alerts = `${receiver.url}/api/subscriptions`;
    await el.updateComplete;
    const subscribed = oneEvent(el, 'samleng-case-list-subscribed');
    $<HTMLButtonElement>(el, '[part=form-error] button')!.click();
    await subscribed;
    expect((await mails(receiver, 'vanna.alerts@example.org')).length).to.equal(1);
  });

  it('shows "Facts last checked on" in Khmer with Khmer digits', async () => {
    await setLang('km');
    const el = await list(`${receiver.url}/api/subscriptions`);
    const updated = $$(el, 'samleng-case-alert').map((card) => text($(card, '[part=updated]')));
    expect(updated.some((line) => /^ការពិតត្រូវបានពិនិត្យចុងក្រោយនៅ .*[០-៩]{4}$/.test(line))).to.equal(true);
  });
});
