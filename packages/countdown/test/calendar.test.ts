import '../../../test/harness.js';
import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../samleng-countdown.js';
import type { SamlengCountdown } from '../src/countdown.js';
import { fakeClock, part, setLang } from './helpers.js';

/** Unfolds an iCalendar text (RFC 5545 §3.1) into components of name → [params, value] properties. */
function parseIcs(ics: string) {
  const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
  expect(lines.pop()).to.equal(''); // the file ends with CRLF
  const stack: { name: string; props: [string, string, string][]; children: unknown[] }[] = [];
  let root: (typeof stack)[number] | undefined;
  for (const line of lines) {
    const colon = line.indexOf(':');
    const [name, ...params] = line.slice(0, colon).split(';');
    const value = line.slice(colon + 1);
    if (name === 'BEGIN') {
      const component = { name: value, props: [], children: [] };
      stack.at(-1)?.children.push(component);
      stack.push(component);
      root ??= component;
    } else if (name === 'END') {
      expect(stack.pop()!.name).to.equal(value);
    } else {
      stack.at(-1)!.props.push([name!, params.join(';'), value]);
    }
  }
  expect(stack).to.have.length(0);
  return root!;
}
type Component = ReturnType<typeof parseIcs>;
const prop = (c: Component, name: string) => c.props.find(([n]) => n === name);
const value = (c: Component, name: string) => prop(c, name)?.[2];

describe('<samleng-countdown> "Add to calendar"', () => {
  let clock: sinon.SinonFakeTimers | undefined;
  afterEach(async () => {
    clock?.restore();
    clock = undefined;
    await setLang('en');
  });

  const NOW = '2028-09-01T09:30:00Z';
  const review = () =>
    fixture<SamlengCountdown>(
      html`<samleng-countdown
        date="2029-05-01T10:00+02:00"
        end="2029-05-01T13:00+02:00"
        time-zone="Europe/Zurich"
        place="Palais des Nations, Geneva; room XX"
        heading="Cambodia's next UN human-rights review, with a heading long enough to be folded over several lines — ការពិនិត្យ"
        href="https://www.ohchr.org/en/hr-bodies/upr/kh-index"
        ><time datetime="2028-10-15T12:00+02:00">Stakeholder submissions due</time
        ><time datetime="2029-04-01">UPR Info pre-session</time
        ><time datetime="2028-05-01">Already past</time></samleng-countdown
      >`,
    );

  it('is a valid RFC 5545 calendar with the event and the milestones to come', async () => {
    clock = fakeClock(NOW);
    const el = await review();
    const ics = el.calendar();
    // CRLF everywhere, never a bare LF or CR.
    expect(ics.replace(/\r\n/g, '')).not.to.match(/[\r\n]/);
    // Folded at 75 octets, continuation lines start with one space.
    const encoder = new TextEncoder();
    for (const line of ics.split('\r\n')) expect(encoder.encode(line).length).to.be.at.most(75);
    expect(ics).to.match(/\r\n [^ ]/);

    const calendar = parseIcs(ics);
    expect(calendar.name).to.equal('VCALENDAR');
    expect(value(calendar, 'VERSION')).to.equal('2.0');
    expect(value(calendar, 'PRODID')).to.be.a('string');
    const events = calendar.children as Component[];
    expect(events.map((e) => e.name)).to.deep.equal(['VEVENT', 'VEVENT', 'VEVENT']);
    const [main, submissions, presession] = events as [Component, Component, Component];

    expect(value(main, 'DTSTART')).to.equal('20290501T080000Z');
    expect(value(main, 'DTEND')).to.equal('20290501T110000Z');
    expect(value(main, 'DTSTAMP')).to.equal('20280901T093000Z');
    expect(value(main, 'SUMMARY')).to.equal(
      "Cambodia's next UN human-rights review\\, with a heading long enough to be folded over several lines — ការពិនិត្យ",
    );
    expect(value(main, 'LOCATION')).to.equal('Palais des Nations\\, Geneva\\; room XX');
    expect(value(main, 'URL')).to.equal('https://www.ohchr.org/en/hr-bodies/upr/kh-index');
    expect(value(main, 'UID')).to.match(/@samleng$/);

    expect(value(submissions, 'SUMMARY')).to.equal('Stakeholder submissions due');
    expect(value(submissions, 'DTSTART')).to.equal('20281015T100000Z');
    expect(prop(presession, 'DTSTART')!.slice(1)).to.deep.equal(['VALUE=DATE', '20290401']);
    expect(prop(presession, 'DTEND')!.slice(1)).to.deep.equal(['VALUE=DATE', '20290402']);

    const uids = events.map((e) => value(e, 'UID'));
    expect(new Set(uids).size).to.equal(3);
    // The same event downloaded again keeps its UIDs, so calendars update rather than duplicate it.
    clock.tick(60_000);
    expect(parseIcs(el.calendar()).children.map((e) => value(e as Component, 'UID'))).to.deep.equal(uids);
  });

  it('makes a date alone an all-day event on that day, and says when the date is an estimate', async () => {
    clock = fakeClock(NOW);
    const el = await fixture<SamlengCountdown>(
      html`<samleng-countdown date="2029-05-01" time-zone="Europe/Zurich" estimated></samleng-countdown>`,
    );
    const [event] = parseIcs(el.calendar()).children as Component[];
    expect(prop(event!, 'DTSTART')!.slice(1)).to.deep.equal(['VALUE=DATE', '20290501']);
    expect(value(event!, 'SUMMARY')).to.equal('Countdown');
    expect(value(event!, 'DESCRIPTION')).to.equal('The date is an estimate.');
    expect(prop(event!, 'LOCATION')).to.equal(undefined);
    expect(prop(event!, 'URL')).to.equal(undefined);
    clock.restore();
    await setLang('fr');
    clock = fakeClock(NOW);
    const [french] = parseIcs(el.calendar()).children as Component[];
    expect(value(french!, 'DESCRIPTION')).to.equal('Cette date est une estimation.');
    expect(value(french!, 'SUMMARY')).to.equal('Compte à rebours');
  });

  it('downloads the file when the button is pressed', async () => {
    clock = fakeClock(NOW);
    const el = await review();
    const blobs: Blob[] = [];
    const create = sinon.stub(URL, 'createObjectURL').callsFake((blob) => {
      blobs.push(blob as Blob);
      return 'blob:calendar';
    });
    const click = sinon.stub(HTMLAnchorElement.prototype, 'click');
    try {
      part(el, 'button')!.click();
      expect(blobs).to.have.length(1);
      expect(blobs[0]!.type).to.equal('text/calendar;charset=utf-8');
      expect(await blobs[0]!.text()).to.equal(el.calendar());
      const link = click.firstCall.thisValue as HTMLAnchorElement;
      expect(link.download).to.match(/^cambodia-s-next-un-human-rights-review.*\.ics$/);
    } finally {
      create.restore();
      click.restore();
    }
  });

  it('is offered only before the event', async () => {
    clock = fakeClock('2029-05-01T09:00:00Z');
    const el = await review();
    expect(part(el, 'button')).to.equal(null);
  });
});
