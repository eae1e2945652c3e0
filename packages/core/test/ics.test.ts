import '../../../test/harness.js';
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import {
  buildCalendar,
  downloadCalendar,
  fold,
  icsDateTime,
  icsFileName,
  type CalendarEvent,
} from '../src/ics.js';

const NOW = new Date(Date.UTC(2029, 3, 1, 12, 34, 56));

const HEADER = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Samleng//Samleng widgets//EN',
  'CALSCALE:GREGORIAN',
  'METHOD:PUBLISH',
];

/** A file from its lines, as RFC 5545 wants it: CRLF after every line, the last one included. */
const file = (lines: string[]) => lines.map((line) => `${line}\r\n`).join('');

const bytes = (text: string) => new TextEncoder().encode(text).length;

/** The physical lines of a calendar, as octets, split at CRLF. */
function physicalLines(calendar: string): Uint8Array[] {
  const octets = new TextEncoder().encode(calendar);
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < octets.length - 1; i += 1) {
    if (octets[i] === 0x0d && octets[i + 1] === 0x0a) {
      lines.push(octets.subarray(start, i));
      start = i + 2;
    }
  }
  expect(start, 'the file ends with CRLF').to.equal(octets.length);
  return lines;
}

/** RFC 5545 §3.1 unfolding: a CRLF followed by one space or tab disappears. */
const unfold = (calendar: string) => calendar.replace(/\r\n[ \t]/g, '');

describe('ics', () => {
  describe('buildCalendar', () => {
    it('writes a timed event exactly', () => {
      const event: CalendarEvent = {
        uid: 'upr-2029@samleng.example',
        start: new Date(Date.UTC(2029, 4, 1, 8, 0, 0)),
        end: new Date(Date.UTC(2029, 4, 1, 10, 30, 0)),
        summary: 'Review; rights, freedoms\\duties',
        description: 'Line one\nLine two\r\nLine three\rLine four\u0007\u0000.',
        location: 'Palais des Nations, Geneva',
        url: 'https://example.org/upr\r\n?session=4',
      };
      expect(buildCalendar([event], NOW)).to.equal(
        file([
          ...HEADER,
          'BEGIN:VEVENT',
          'UID:upr-2029@samleng.example',
          'DTSTAMP:20290401T123456Z',
          'DTSTART:20290501T080000Z',
          'DTEND:20290501T103000Z',
          'SUMMARY:Review\\; rights\\, freedoms\\\\duties',
          'DESCRIPTION:Line one\\nLine two\\nLine three\\nLine four.',
          'LOCATION:Palais des Nations\\, Geneva',
          'URL:https://example.org/upr?session=4',
          'END:VEVENT',
          'END:VCALENDAR',
        ]),
      );
    });

    it('writes an all-day event exactly, ending the next day by default', () => {
      const event: CalendarEvent = {
        uid: 'day-1',
        start: new Date('2029-05-01'),
        allDay: true,
        summary: 'Day of action',
      };
      expect(buildCalendar([event], NOW)).to.equal(
        file([
          ...HEADER,
          'BEGIN:VEVENT',
          'UID:day-1',
          'DTSTAMP:20290401T123456Z',
          'DTSTART;VALUE=DATE:20290501',
          'DTEND;VALUE=DATE:20290502',
          'SUMMARY:Day of action',
          'END:VEVENT',
          'END:VCALENDAR',
        ]),
      );
    });

    it('keeps a given end for an all-day event, and no DTEND for a point in time', () => {
      const calendar = buildCalendar(
        [
          {
            uid: 'days',
            start: new Date('2029-12-31'),
            end: new Date('2030-01-03'),
            allDay: true,
            summary: 'Three days',
          },
          { uid: 'moment', start: new Date(Date.UTC(2029, 0, 2, 3, 4, 5)), summary: 'Moment' },
        ],
        NOW,
      );
      expect(calendar).to.equal(
        file([
          ...HEADER,
          'BEGIN:VEVENT',
          'UID:days',
          'DTSTAMP:20290401T123456Z',
          'DTSTART;VALUE=DATE:20291231',
          'DTEND;VALUE=DATE:20300103',
          'SUMMARY:Three days',
          'END:VEVENT',
          'BEGIN:VEVENT',
          'UID:moment',
          'DTSTAMP:20290401T123456Z',
          'DTSTART:20290102T030405Z',
          'SUMMARY:Moment',
          'END:VEVENT',
          'END:VCALENDAR',
        ]),
      );
    });

    it('nests one VEVENT per event inside one VCALENDAR', () => {
      const events = Array.from({ length: 3 }, (_, i) => ({
        uid: `e${i}`,
        start: new Date(Date.UTC(2029, 4, i + 1)),
        summary: `Event ${i}`,
      }));
      const lines = unfold(buildCalendar(events, NOW)).split('\r\n').slice(0, -1);
      const stack: string[] = [];
      for (const line of lines) {
        if (line.startsWith('BEGIN:')) stack.push(line.slice(6));
        else if (line.startsWith('END:')) expect(stack.pop()).to.equal(line.slice(4));
        else expect(stack.length, line).to.be.greaterThan(0);
      }
      expect(stack).to.deep.equal([]);
      expect(lines.filter((line) => line === 'BEGIN:VEVENT')).to.have.length(3);
      expect(lines.filter((line) => line.startsWith('UID:'))).to.deep.equal(['UID:e0', 'UID:e1', 'UID:e2']);
    });

    it('writes an empty calendar when there is no event', () => {
      expect(buildCalendar([], NOW)).to.equal(file([...HEADER, 'END:VCALENDAR']));
    });

    it('stamps the file with the current time by default', () => {
      const clock = sinon.useFakeTimers({ now: Date.UTC(2030, 6, 8, 9, 10, 11), toFake: ['Date'] });
      try {
        const calendar = buildCalendar([{ uid: 'x', start: new Date(0), summary: 'x' }]);
        expect(calendar).to.include('\r\nDTSTAMP:20300708T091011Z\r\n');
      } finally {
        clock.restore();
      }
    });

    it('uses CRLF alone: no bare LF or CR anywhere, even from the data', () => {
      const calendar = buildCalendar(
        [
          {
            uid: 'a\nb',
            start: new Date(0),
            summary: 'one\ntwo',
            description: 'three\rfour',
            location: 'five\r\nsix',
            url: 'https://example.org/\n',
          },
        ],
        NOW,
      );
      expect(calendar.endsWith('END:VCALENDAR\r\n')).to.equal(true);
      expect(calendar.replace(/\r\n/g, '')).not.to.match(/[\r\n]/);
      expect(calendar).to.include('\r\nUID:a\\nb\r\n');
      expect(calendar).to.include('\r\nLOCATION:five\\nsix\r\n');
    });

    it('folds long Khmer and emoji lines at 75 octets without splitting a character', () => {
      const summary = 'ការពិនិត្យតាមកាលកំណត់ជាសកល លើកទី៤ 🇰🇭 ✊🏽 👩‍👩‍👧 '.repeat(4);
      const description = 'សិទ្ធិមនុស្ស; Droits de l’homme, human rights\n'.repeat(6);
      const calendar = buildCalendar(
        [{ uid: 'upr', start: new Date(Date.UTC(2029, 4, 1)), summary, description }],
        NOW,
      );
      const decoder = new TextDecoder('utf-8', { fatal: true });
      const lines = physicalLines(calendar);
      expect(lines.length).to.be.greaterThan(20);
      for (const line of lines) {
        expect(line.length).to.be.at.most(75);
        // A fatal decoder throws on a UTF-8 sequence cut in two.
        expect(() => decoder.decode(line)).not.to.throw();
      }
      const logical = unfold(calendar).split('\r\n');
      expect(logical).to.include(`SUMMARY:${summary}`);
      expect(logical).to.include(
        `DESCRIPTION:${description.replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\n/g, '\\n')}`,
      );
    });
  });

  describe('fold', () => {
    it('leaves a line of 75 octets alone', () => {
      const line = `SUMMARY:${'a'.repeat(67)}`;
      expect(bytes(line)).to.equal(75);
      expect(fold(line)).to.equal(line);
      expect(fold('')).to.equal('');
    });

    it('folds the 76th octet onto a continuation line starting with a space', () => {
      const line = `SUMMARY:${'a'.repeat(68)}`;
      expect(fold(line)).to.equal(`SUMMARY:${'a'.repeat(67)}\r\n a`);
    });

    it('gives continuation lines 74 octets after their space', () => {
      const line = 'x'.repeat(75 + 74 + 74 + 1);
      expect(fold(line)).to.equal(['x'.repeat(75), 'x'.repeat(74), 'x'.repeat(74), 'x'].join('\r\n '));
    });

    it('moves a three-byte Khmer letter whole to the next line', () => {
      // 8 + 22 × 3 = 74 octets: a 23rd letter would make 77.
      const line = `SUMMARY:${'ក'.repeat(30)}`;
      expect(fold(line)).to.equal(`SUMMARY:${'ក'.repeat(22)}\r\n ${'ក'.repeat(8)}`);
    });

    it('moves a four-byte emoji whole to the next line', () => {
      // 72 + 4 = 76: the emoji goes on; no surrogate half stays behind.
      const line = `${'a'.repeat(72)}😀b`;
      expect(fold(line)).to.equal(`${'a'.repeat(72)}\r\n 😀b`);
    });

    it('keeps every physical line within 75 octets and unfolds to the original', () => {
      const samples = [
        'DESCRIPTION:' + 'ព្រះរាជាណាចក្រកម្ពុជា '.repeat(12),
        'SUMMARY:' + '👩🏽‍⚖️'.repeat(30),
        'LOCATION:' + 'é'.repeat(100),
        'X:' + 'ab€😀ក'.repeat(40),
      ];
      for (const sample of samples) {
        const folded = fold(sample);
        expect(folded).not.to.equal(sample);
        for (const line of folded.split('\r\n')) expect(bytes(line)).to.be.at.most(75);
        expect(unfold(folded)).to.equal(sample);
        // No lone surrogate: every piece is whole text.
        expect(folded).not.to.match(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      }
    });
  });

  describe('icsDateTime', () => {
    it('writes the UTC form with padded fields', () => {
      expect(icsDateTime(new Date(Date.UTC(2029, 0, 2, 3, 4, 5)))).to.equal('20290102T030405Z');
      // The UTC day, not the reader's: 23:30 in Phnom Penh (UTC+7) is 16:30 UTC.
      expect(icsDateTime(new Date('2029-05-01T23:30:00+07:00'))).to.equal('20290501T163000Z');
    });
  });

  describe('icsFileName', () => {
    it('makes a lowercase slug of a Latin heading', () => {
      expect(icsFileName('UPR review: Cambodia, 4th cycle!')).to.equal('upr-review-cambodia-4th-cycle.ics');
    });

    it('drops accents rather than splitting words on them', () => {
      expect(icsFileName('Détention à Phnom Penh')).to.equal('detention-a-phnom-penh.ics');
      expect(icsFileName('ＵＰＲ ２０２９')).to.equal('upr-2029.ics');
    });

    it('falls back to event.ics for a heading with no Latin letter or digit', () => {
      expect(icsFileName('ការពិនិត្យតាមកាលកំណត់ជាសកល')).to.equal('event.ics');
      expect(icsFileName('')).to.equal('event.ics');
      expect(icsFileName(' — ')).to.equal('event.ics');
    });

    it('keeps the Latin part of a mixed Khmer heading', () => {
      expect(icsFileName('ការពិនិត្យ UPR ២០២៩ 2029')).to.equal('upr-2029.ics');
    });

    it('caps the name at 60 characters, never ending on a hyphen', () => {
      expect(icsFileName('a'.repeat(100))).to.equal(`${'a'.repeat(60)}.ics`);
      expect(icsFileName(`${'a'.repeat(59)} bcd`)).to.equal(`${'a'.repeat(59)}.ics`);
    });
  });

  describe('downloadCalendar', () => {
    let clock: sinon.SinonFakeTimers;
    afterEach(() => {
      clock?.restore();
      sinon.restore();
    });

    it('clicks a hidden blob link named after the file, then removes it and frees the blob', async () => {
      clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const calendar = buildCalendar([{ uid: 'x', start: new Date(0), summary: 'ក x' }], NOW);
      const revoke = sinon.spy(URL, 'revokeObjectURL');
      const seen: { href: string; download: string; hidden: HTMLElement['hidden']; connected: boolean }[] =
        [];
      const click = sinon.stub(HTMLAnchorElement.prototype, 'click').callsFake(function (
        this: HTMLAnchorElement,
      ) {
        seen.push({
          href: this.href,
          download: this.download,
          hidden: this.hidden,
          connected: this.isConnected,
        });
      });

      downloadCalendar('upr-review.ics', calendar);

      expect(click.callCount).to.equal(1);
      expect(seen).to.have.length(1);
      const [link] = seen;
      expect(link.download).to.equal('upr-review.ics');
      expect(link.href).to.match(/^blob:/);
      expect(link.hidden).to.equal(true);
      expect(link.connected).to.equal(true);
      expect(click.firstCall.thisValue.isConnected).to.equal(false);
      expect(document.querySelector('a[download]')).to.equal(null);

      // The blob holds the calendar, typed for calendar apps, until freed.
      const response = await fetch(link.href);
      expect(response.headers.get('content-type')).to.equal('text/calendar;charset=utf-8');
      expect(await response.text()).to.equal(calendar);
      clock.tick(9_999);
      expect(revoke.callCount).to.equal(0);
      clock.tick(1);
      expect(revoke.calledOnceWith(link.href)).to.equal(true);
    });
  });
});
