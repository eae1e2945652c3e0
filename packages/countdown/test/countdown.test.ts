import '../../../test/harness.js';
import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../samleng-countdown.js';
import type { SamlengCountdown } from '../src/countdown.js';
import { fakeClock, part, partText, readerZone, setLang, text } from './helpers.js';

const GENEVA = 'Europe/Zurich';

describe('<samleng-countdown>', () => {
  let clock: sinon.SinonFakeTimers | undefined;
  /** axe schedules timers of its own: it runs on the real clock, after the state was drawn. */
  const accessible = async (el: Element) => {
    clock?.restore();
    clock = undefined;
    await expect(el).to.be.accessible();
  };
  afterEach(async () => {
    clock?.restore();
    clock = undefined;
    await setLang('en');
  });

  it('is registered under its tag', () => {
    expect(document.createElement('samleng-countdown').constructor.name).to.equal('SamlengCountdown');
  });

  describe('before the event', () => {
    // 3 days, 1 hour, 1 minute and 30 seconds before 1 May 2029 10:00 in Geneva (08:00 UTC).
    const NOW = '2029-04-28T06:58:30Z';
    const upcoming = (zone = readerZone()) =>
      fixture<SamlengCountdown>(
        html`<samleng-countdown
          heading="Cambodia's next UN human-rights review"
          date="2029-05-01T10:00+02:00"
          time-zone=${zone}
          place="Geneva"
          href="https://www.ohchr.org/en/hr-bodies/upr/kh-index"
        ></samleng-countdown>`,
      );

    it('counts days, hours, minutes and seconds in English', async () => {
      clock = fakeClock(NOW);
      const el = await upcoming();
      expect(partText(el, 'digits')).to.equal('3 days 1 hour 1 minute 30 seconds');
      expect(part(el, 'digits')!.getAttribute('aria-hidden')).to.equal('true');
      expect(partText(el, 'status')).to.equal('3 days, 1 hour, 2 minutes to go.');
      expect(part(el, 'status')!.getAttribute('aria-live')).to.equal('polite');
      expect(partText(el, 'link')).to.equal('More information');
      expect(part(el, 'link')!.getAttribute('href')).to.equal(
        'https://www.ohchr.org/en/hr-bodies/upr/kh-index',
      );
      expect(partText(el, 'button')).to.equal('Add to calendar');
      await accessible(el);
    });

    it('counts in Khmer with Khmer digits and units', async () => {
      await setLang('km');
      clock = fakeClock(NOW);
      const el = await upcoming();
      expect(partText(el, 'digits')).to.equal('៣ ថ្ងៃ ១ ម៉ោង ១ នាទី ៣០ វិនាទី');
      expect(partText(el, 'status')).to.equal('នៅសល់ ៣ ថ្ងៃ ១ ម៉ោង ២ នាទីទៀត។');
      expect(partText(el, 'button')).to.equal('បន្ថែមទៅប្រតិទិន');
      expect(partText(el, 'when')).to.contain('១ ឧសភា ២០២៩').and.contain('នៅ Geneva');
      el.numerals = 'latn';
      await el.updateComplete;
      expect(partText(el, 'digits')).to.equal('3 ថ្ងៃ 1 ម៉ោង 1 នាទី 30 វិនាទី');
      await accessible(el);
    });

    it('counts in French with French plurals', async () => {
      await setLang('fr');
      clock = fakeClock(NOW);
      const el = await upcoming(GENEVA);
      expect(partText(el, 'digits')).to.equal('3 jours 1 heure 1 minute 30 secondes');
      expect(partText(el, 'status')).to.equal('Encore 3 jours, 1 heure et 2 minutes.');
      expect(partText(el, 'when')).to.match(/^1 mai 2029 à 10:00 à Geneva/);
      await accessible(el);
    });

    it('gives the time in the event’s zone and in the reader’s when they differ', async () => {
      clock = fakeClock(NOW);
      // Phnom Penh has no daylight saving time: 15:00 there is 08:00 UTC.
      const zone = readerZone() === 'Asia/Phnom_Penh' ? GENEVA : 'Asia/Phnom_Penh';
      const el = await upcoming(zone);
      const eventTime = zone === GENEVA ? '10:00 AM' : '3:00 PM';
      const reader = new Intl.DateTimeFormat('en-US', { timeStyle: 'short' }).format(
        new Date('2029-05-01T08:00Z'),
      );
      const sameDay =
        new Intl.DateTimeFormat('en-US', { dateStyle: 'long' }).format(new Date('2029-05-01T08:00Z')) ===
        'May 1, 2029';
      expect(partText(el, 'when')).to.match(new RegExp(`^May 1, 2029 at ${eventTime} in Geneva \\(`));
      if (sameDay) expect(partText(el, 'when')).to.contain(`(${reader} your time)`);
      el.place = undefined;
      await el.updateComplete;
      expect(partText(el, 'when')).to.contain(`${eventTime} event time (`);
    });

    it('gives one time when the reader is in the event’s zone', async () => {
      clock = fakeClock(NOW);
      const el = await upcoming(readerZone());
      expect(partText(el, 'when')).not.to.contain('your time');
      expect(partText(el, 'when')).to.match(/ in Geneva$/);
    });

    it('stops at the precision and rounds the last unit up', async () => {
      clock = fakeClock(NOW);
      const el = await upcoming();
      el.precision = 'hour';
      await el.updateComplete;
      expect(partText(el, 'digits')).to.equal('3 days 2 hours');
      el.precision = 'day';
      await el.updateComplete;
      expect(partText(el, 'digits')).to.equal('4 days');
      el.precision = 'minute';
      await el.updateComplete;
      expect(partText(el, 'digits')).to.equal('3 days 1 hour 2 minutes');
    });

    it('leaves out leading zero units', async () => {
      clock = fakeClock('2029-05-01T07:59:58Z');
      const el = await upcoming();
      expect(partText(el, 'digits')).to.equal('2 seconds');
      expect(partText(el, 'status')).to.equal('1 minute to go.');
    });

    it('leaves out seconds when the reader asks for reduced motion', async () => {
      const matchMedia = window.matchMedia.bind(window);
      const stub = sinon.stub(window, 'matchMedia').callsFake((query: string) => {
        const list = matchMedia(query);
        if (query !== '(prefers-reduced-motion: reduce)') return list;
        const reduced = { matches: true, media: query, addEventListener() {}, removeEventListener() {} };
        return reduced as unknown as MediaQueryList;
      });
      try {
        clock = fakeClock(NOW);
        const el = await upcoming();
        expect(partText(el, 'digits')).to.equal('3 days 1 hour 2 minutes');
        const setTimeoutSpy = sinon.spy(window, 'setTimeout');
        await clock.tickAsync(60_000);
        setTimeoutSpy.restore();
        expect(setTimeoutSpy.callCount).to.equal(1); // one wake-up a minute, not sixty
      } finally {
        stub.restore();
      }
    });

    it('updates from the current time at each tick, even after the clock jumps', async () => {
      clock = fakeClock(NOW);
      const el = await upcoming();
      // The page clock wakes 5 ms after each whole second.
      await clock.tickAsync(1010);
      expect(partText(el, 'digits')).to.equal('3 days 1 hour 1 minute 29 seconds');
      clock.setSystemTime(new Date('2029-05-01T07:00:00Z'));
      await clock.tickAsync(1010);
      expect(partText(el, 'digits')).to.equal('59 minutes 59 seconds');
    });

    it('changes the spoken summary at most once a minute', async () => {
      clock = fakeClock(NOW);
      const el = await upcoming();
      const status = part(el, 'status')!;
      const changes: string[] = [];
      const observer = new MutationObserver(() => changes.push(status.textContent!));
      observer.observe(status, { subtree: true, characterData: true, childList: true });
      const digits = new Set<string>();
      for (let i = 0; i < 150; i++) {
        await clock.tickAsync(1000);
        digits.add(partText(el, 'digits'));
      }
      await Promise.resolve();
      observer.disconnect();
      expect(digits.size).to.be.greaterThan(100); // the numbers did move every second
      expect(changes.length).to.be.within(2, 3); // 150 seconds: two or three minute boundaries
    });
  });

  describe('estimated date', () => {
    it('says "estimated" and counts in days only', async () => {
      clock = fakeClock('2026-11-27T12:00:00Z');
      const el = await fixture<SamlengCountdown>(
        html`<samleng-countdown
          heading="Cambodia's 5th UN human-rights review"
          date="2029-05-01"
          time-zone=${GENEVA}
          place="Geneva"
          estimated
        ></samleng-countdown>`,
      );
      expect(partText(el, 'badge')).to.equal('Estimated date');
      // 30 April 2029 22:00 UTC (midnight in Geneva) is 885 days and 10 hours away: 886 days.
      expect(partText(el, 'digits')).to.equal('886 days');
      expect(partText(el, 'status')).to.equal('About 886 days to go. The date is an estimate.');
      expect(partText(el, 'when')).to.equal('May 1, 2029 in Geneva');
      await accessible(el);
      await setLang('km');
      clock = fakeClock('2026-11-27T12:00:00Z');
      el.requestUpdate();
      await el.updateComplete;
      expect(partText(el, 'badge')).to.equal('កាលបរិច្ឆេទប៉ាន់ស្មាន');
      expect(partText(el, 'status')).to.equal('នៅសល់ប្រហែល ៨៨៦ ថ្ងៃទៀត។ កាលបរិច្ឆេទនេះជាការប៉ាន់ស្មាន។');
      clock.restore();
      await setLang('fr');
      clock = fakeClock('2026-11-27T12:00:00Z');
      el.requestUpdate();
      await el.updateComplete;
      expect(partText(el, 'badge')).to.equal('Date estimée');
      expect(partText(el, 'status')).to.equal('Encore 886 jours environ. Cette date est une estimation.');
      expect(partText(el, 'when')).to.equal('1 mai 2029 à Geneva');
    });
  });

  describe('during the event', () => {
    const during = () =>
      fixture<SamlengCountdown>(
        html`<samleng-countdown
          heading="Webcast"
          date="2029-05-01T10:00+02:00"
          end="2029-05-01T13:00+02:00"
          href="https://webtv.un.org/"
        ></samleng-countdown>`,
      );

    for (const [lang, now, link] of [
      ['en', 'Happening now', 'More information'],
      ['km', 'កំពុងប្រព្រឹត្តទៅឥឡូវនេះ', 'ព័ត៌មានបន្ថែម'],
      ['fr', 'En cours', 'En savoir plus'],
    ] as const) {
      it(`says it is happening now (${lang})`, async () => {
        await setLang(lang);
        clock = fakeClock('2029-05-01T09:00:00Z');
        const el = await during();
        expect(partText(el, 'status')).to.equal(now);
        expect(part(el, 'digits')).to.equal(null);
        expect(part(el, 'button')).to.equal(null);
        expect(partText(el, 'link')).to.equal(link);
        await accessible(el);
      });
    }

    it('treats a date alone without `end` as the whole day', async () => {
      clock = fakeClock('2024-05-08T20:00:00Z');
      const el = await fixture<SamlengCountdown>(
        html`<samleng-countdown date="2024-05-08" time-zone=${GENEVA}></samleng-countdown>`,
      );
      expect(partText(el, 'status')).to.equal('Happening now');
      clock.setSystemTime(new Date('2024-05-08T21:59:59Z'));
      await clock.tickAsync(1010);
      expect(partText(el, 'status')).to.match(/^Took place/);
    });
  });

  describe('after the event', () => {
    const past = () =>
      fixture<SamlengCountdown>(
        html`<samleng-countdown
          heading="Cambodia's 4th UN human-rights review"
          date="2024-05-08"
          time-zone=${GENEVA}
          place="Geneva"
          href="https://www.ohchr.org/en/hr-bodies/upr/kh-index"
        ></samleng-countdown>`,
      );

    for (const [lang, now, status, link] of [
      ['en', '2024-05-20T12:00:00Z', 'Took place 1 week ago, on May 8, 2024.', 'See the outcome'],
      ['en', '2026-11-27T12:00:00Z', 'Took place 2 years ago, on May 8, 2024.', 'See the outcome'],
      ['km', '2026-11-27T12:00:00Z', 'បានប្រព្រឹត្តទៅកាលពី ២ ឆ្នាំ\u200bមុន គឺនៅថ្ងៃទី ៨ ឧសភា ២០២៤។', 'មើលលទ្ធផល'],
      ['fr', '2024-08-01T12:00:00Z', 'A eu lieu il y a 2 mois, le 8 mai 2024.', 'Voir le résultat'],
    ] as const) {
      it(`says when it took place (${lang}, ${now})`, async () => {
        await setLang(lang);
        clock = fakeClock(now);
        const el = await past();
        expect(partText(el, 'status')).to.equal(status);
        expect(partText(el, 'link')).to.equal(link);
        expect(part(el, 'button')).to.equal(null);
        expect(part(el, 'digits')).to.equal(null);
        await accessible(el);
      });
    }

    it('shows no actions when it is over and has no link', async () => {
      clock = fakeClock('2026-11-27T12:00:00Z');
      const el = await fixture<SamlengCountdown>(
        html`<samleng-countdown date="2024-05-08"></samleng-countdown>`,
      );
      expect(part(el, 'actions')).to.equal(null);
    });
  });

  it('has a localized default heading', async () => {
    const el = await fixture<SamlengCountdown>(
      html`<samleng-countdown date="2029-05-01"></samleng-countdown>`,
    );
    expect(partText(el, 'heading')).to.equal('Countdown');
    await setLang('km');
    await el.updateComplete;
    expect(partText(el, 'heading')).to.equal('ការរាប់ថយក្រោយ');
  });

  it('drops an unsafe href with one warning', async () => {
    const warn = sinon.stub(console, 'warn');
    try {
      const el = await fixture<SamlengCountdown>(
        html`<samleng-countdown date="2029-05-01" href="javascript:alert(1)"></samleng-countdown>`,
      );
      expect(part(el, 'link')).to.equal(null);
      expect(el.calendar()).not.to.contain('URL:');
      el.heading = 'again';
      await el.updateComplete;
      expect(warn.callCount).to.equal(1);
      expect(String(warn.firstCall.args[0])).to.match(/^<samleng-countdown>: `href` was dropped/);
    } finally {
      warn.restore();
    }
  });

  it('renders its heading and place as text', async () => {
    const markup = { heading: '<img src=x>', place: '<b>Geneva</b>' };
    const el = await fixture<SamlengCountdown>(
      html`<samleng-countdown
        date="2029-05-01"
        heading=${markup.heading}
        place=${markup.place}
      ></samleng-countdown>`,
    );
    expect(el.shadowRoot!.querySelector('img, b')).to.equal(null);
    expect(text(el)).to.contain('<img src=x>').and.contain('<b>Geneva</b>');
  });

  describe('milestones', () => {
    const withMilestones = () =>
      fixture<SamlengCountdown>(
        html`<samleng-countdown date="2029-05-01" time-zone=${GENEVA}
          ><time datetime="2029-04-01">UPR Info pre-session</time>
          <time datetime="2028-10-15T12:00+02:00">Stakeholder submissions <b>due</b></time>
          <time datetime="2029-03-01T00:00Z"><em>Webinar</em></time></samleng-countdown
        >`,
      );

    it('draws a timeline from the children, marking past ones and the next', async () => {
      clock = fakeClock('2029-01-10T12:00:00Z');
      const el = await withMilestones();
      const items = [...el.shadowRoot!.querySelectorAll('[part=milestone]')];
      expect(items.map((li) => squash(li.querySelector('.milestone-text')!.textContent!))).to.deep.equal([
        'Stakeholder submissions due',
        'Webinar',
        'UPR Info pre-session',
      ]);
      expect(items.map((li) => li.getAttribute('aria-current'))).to.deep.equal([null, 'step', null]);
      expect(squash(items[0]!.textContent!)).to.contain('Past');
      expect(squash(items[1]!.textContent!)).to.contain('Next');
      expect(items[0]!.querySelector('time')!.getAttribute('datetime')).to.equal('2028-10-15T12:00+02:00');
      expect(squash(items[2]!.querySelector('time')!.textContent!)).to.equal('April 1, 2029');
      // Text only: the children's markup is not copied into the widget.
      expect(el.shadowRoot!.querySelector('em, b')).to.equal(null);
      await accessible(el);
    });

    it('no longer shows the original children once the script runs', async () => {
      const el = await withMilestones();
      // No slot is rendered: the light-DOM <time> elements are out of the flat tree (not drawn, not read).
      expect(el.shadowRoot!.querySelector('slot')).to.equal(null);
      expect(el.querySelector('time')!.getBoundingClientRect().height).to.equal(0);
    });

    it('moves the "next" mark as time passes', async () => {
      clock = fakeClock('2029-02-28T23:59:59Z');
      const el = await withMilestones();
      const next = () =>
        squash(el.shadowRoot!.querySelector('[aria-current=step] .milestone-text')!.textContent!);
      expect(next()).to.equal('Webinar');
      await clock.tickAsync(2000);
      expect(next()).to.equal('UPR Info pre-session');
    });

    it('follows changes to the children', async () => {
      const el = await withMilestones();
      el.querySelector('time')!.textContent = 'Pre-session (UPR Info)';
      await new Promise((resolve) => setTimeout(resolve));
      await el.updateComplete;
      expect(text(el)).to.contain('Pre-session (UPR Info)');
    });

    it('leaves out a milestone whose datetime does not parse, with one warning', async () => {
      const warn = sinon.stub(console, 'warn');
      try {
        const el = await fixture<SamlengCountdown>(
          html`<samleng-countdown date="2029-05-01"
            ><time datetime="soon">Something</time
            ><time datetime="2029-04-01">Pre-session</time></samleng-countdown
          >`,
        );
        expect(el.shadowRoot!.querySelectorAll('[part=milestone]').length).to.equal(1);
        el.heading = 'again';
        await el.updateComplete;
        expect(warn.callCount).to.equal(1);
        expect(String(warn.firstCall.args[0])).to.contain('<samleng-countdown>: a milestone');
      } finally {
        warn.restore();
      }
    });

    it('is translated', async () => {
      await setLang('fr');
      clock = fakeClock('2029-01-10T12:00:00Z');
      const el = await withMilestones();
      expect(text(el)).to.contain('Étapes').and.contain('Passée').and.contain('Prochaine');
      expect(text(el)).to.contain('1 avril 2029');
      clock.restore();
      await setLang('km');
      clock = fakeClock('2029-01-10T12:00:00Z');
      el.requestUpdate();
      await el.updateComplete;
      expect(text(el)).to.contain('ដំណាក់កាលសំខាន់ៗ').and.contain('បានកន្លងផុតហើយ').and.contain('បន្ទាប់');
      expect(text(el)).to.contain('១ មេសា ២០២៩');
    });
  });

  for (const now of ['2029-04-01T00:00:00Z', '2029-05-01T09:00:00Z', '2029-06-01T00:00:00Z']) {
    it(`is accessible in the dark theme (${now})`, async () => {
      clock = fakeClock(now);
      const el = await fixture<SamlengCountdown>(
        html`<samleng-countdown
          theme="dark"
          date="2029-05-01T10:00+02:00"
          end="2029-05-01T13:00+02:00"
          href="https://example.org"
          estimated
          ><time datetime="2029-04-15">Step</time><time datetime="2029-05-15">Later</time></samleng-countdown
        >`,
      );
      await accessible(el);
    });
  }
});

const squash = (value: string) => value.replace(/\s+/g, ' ').trim();
