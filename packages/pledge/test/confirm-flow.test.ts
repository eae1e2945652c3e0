// The whole confirmation flow in a real browser, in English, Khmer and French: pledge → "check your inbox"
// → the real receiver mails a link through a real SMTP server → the link opens the receiver's page in a tab
// of this browser → its button confirms → the count moves. Only then.
import '../../../test/harness.js';
import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import '../samleng-pledge.js';
import type { SamlengPledge } from '../src/pledge.js';
import { setLang } from '../../../test/locale.js';
import { uniqueCampaign } from '../../../test/receiver.js';
import { closeMailReceiver, mailsTo, openConfirm, startMailReceiver } from '../../../test/receiver-mail.js';
import type { MailReceiver, ReceivedMail } from '../../../test/receiver-mail.js';
import { realWait, sign, text } from './helpers.js';

const LANGUAGES = {
  en: {
    inbox: 'Check your inbox to confirm your pledge.',
    subject: 'Please confirm your pledge',
    button: 'Confirm my pledge',
    confirmed: /confirmed and counted/,
  },
  km: {
    inbox: 'សូមពិនិត្យប្រអប់សំបុត្ររបស់អ្នក ដើម្បីបញ្ជាក់ការប្ដេជ្ញារបស់អ្នក។',
    subject: 'សូមបញ្ជាក់ការប្ដេជ្ញារបស់អ្នក',
    button: 'បញ្ជាក់ការប្ដេជ្ញារបស់ខ្ញុំ',
    confirmed: /ត្រូវបានបញ្ជាក់ និងរាប់បញ្ចូលហើយ/,
  },
  fr: {
    inbox: 'Consultez votre boîte de réception pour confirmer votre engagement.',
    subject: 'Merci de confirmer votre engagement',
    button: 'Je confirme mon engagement',
    confirmed: /est confirmé et compté/,
  },
} as const;

describe('<samleng-pledge> confirmation by e-mail, with the real receiver and SMTP server', () => {
  let receiver: MailReceiver;
  before(async () => (receiver = await startMailReceiver()));
  after(async () => {
    await setLang('en');
    await closeMailReceiver(receiver.id);
  });
  afterEach(() => fixtureCleanup());

  const readCount = async (campaign: string) => {
    const response = await fetch(`${receiver.endpoint}/count?campaign=${campaign}`, { cache: 'no-store' });
    return ((await response.json()) as { count: number }).count;
  };

  for (const [lang, t] of Object.entries(LANGUAGES)) {
    it(`pledge, mail, link, confirm, count (${lang})`, async () => {
      await setLang(lang);
      const campaign = uniqueCampaign();
      const email = `flow-${lang}-${campaign}@example.org`;
      const el = await fixture<SamlengPledge>(
        html`<samleng-pledge endpoint=${receiver.endpoint} campaign=${campaign}></samleng-pledge>`,
      );
      const sent = oneEvent(el, 'samleng-pledge-sent');
      sign(el, 'Sok Dara', email);
      const { detail } = await sent;
      expect(detail.confirm).to.equal(true);
      await el.updateComplete;
      expect(text(el, '.done p')).to.equal(t.inbox);
      await expect(el).to.be.accessible();

      let mails: ReceivedMail[] = [];
      for (let tries = 0; mails.length === 0 && tries < 100; tries++) {
        mails = await mailsTo(receiver.id, email);
        if (mails.length === 0) await realWait(100);
      }
      expect(mails).to.have.length(1);
      const [mail] = mails;
      expect(mail.subject).to.equal(t.subject);
      expect(mail.language).to.equal(lang);
      expect(mail.link).to.be.a('string');
      expect(await readCount(campaign), 'pending: not counted').to.equal(0);

      // A link scanner, or a reader who only opens the link: nothing is confirmed.
      const opened = await openConfirm(mail.link!, lang, false);
      expect(opened.before.lang).to.equal(lang);
      expect(opened.before.button).to.equal(t.button);
      expect(await readCount(campaign), 'opening the link confirms nothing').to.equal(0);
      const { after } = await openConfirm(mail.link!, lang);
      expect(after!.text).to.match(t.confirmed);
      expect(after!.button).to.equal(null);
      expect(await readCount(campaign)).to.equal(1);
    });
  }
});
