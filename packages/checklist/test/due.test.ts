import '../../../test/harness.js';
import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import { clockState } from '@samleng/core';
import { setLang } from '../../../test/locale.js';
import { daysUntil, parseDueDate } from '../src/due-date.js';
import { boxes, checklist, click, dueLines, freshKey, type SamlengChecklist } from './helpers.js';

/** Noon on a day, in the reader's own time zone. */
const localNoon = (year: number, month: number, day: number) => new Date(year, month - 1, day, 12).getTime();

const dated = () =>
  html`<ol>
    <li data-id="soon" data-due="2023-10-10">Soon</li>
    <li data-id="today" data-due="2023-10-07">Today</li>
    <li data-id="late" data-due="2023-10-05">Late</li>
    <li data-id="tomorrow" data-due="2023-10-08">Tomorrow</li>
    <li data-id="yesterday" data-due="2023-10-06">Yesterday</li>
    <li data-id="none">No date</li>
  </ol>`;

describe('<samleng-checklist> due dates', function () {
  // axe in a loaded CI machine (two browsers, coverage) can take longer than the default 10 s.
  this.timeout(30_000);
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    clock = sinon.useFakeTimers({
      now: localNoon(2023, 10, 7),
      toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'],
    });
  });
  afterEach(async () => {
    clock.restore();
    localStorage.clear();
    await setLang('en');
  });

  it('reads ISO calendar dates only', () => {
    expect(parseDueDate('2023-10-10')!.toISOString()).to.equal('2023-10-10T00:00:00.000Z');
    expect(parseDueDate(' 2024-02-29 ')).to.be.instanceOf(Date);
    for (const bad of ['2023-02-29', '2023-13-01', '10/10/2023', '2023-10-10T12:00Z', '']) {
      expect(parseDueDate(bad), bad).to.equal(undefined);
    }
    expect(daysUntil(parseDueDate('2023-10-10')!, new Date(2023, 9, 7, 23, 59))).to.equal(3);
    expect(daysUntil(parseDueDate('2023-10-10')!, new Date(2023, 9, 11, 0, 1))).to.equal(-1);
  });

  it('says "due in", "due today" and "overdue by" in English, whole and plural-aware', async () => {
    const el = await checklist(freshKey(), dated());
    expect(dueLines(el)).to.deep.equal([
      'Due in 3 days (Oct 10, 2023)',
      'Due today (Oct 7, 2023)',
      'Overdue by 2 days (Oct 5, 2023)',
      'Due in 1 day (Oct 8, 2023)',
      'Overdue by 1 day (Oct 6, 2023)',
    ]);
    // The due line describes the step's checkbox.
    const box = boxes(el)[0]!;
    const described = el.shadowRoot!.getElementById(box.getAttribute('aria-describedby')!)!;
    expect(described.textContent!.trim()).to.equal('Due in 3 days (Oct 10, 2023)');
    expect(el.shadowRoot!.querySelectorAll('[part~=overdue]')).to.have.length(2);
    // axe waits on real timers.
    clock.restore();
    await expect(el).to.be.accessible();
  });

  it('is not shown for finished steps', async () => {
    const el = await checklist(freshKey(), dated());
    await click(el, 0);
    expect(dueLines(el)).to.have.length(4);
    expect(boxes(el)[0]!.hasAttribute('aria-describedby')).to.equal(false);
  });

  it('says it in Khmer, with Khmer digits', async () => {
    await setLang('km');
    const el = await checklist(freshKey(), dated());
    const lines = dueLines(el);
    expect(lines[0]).to.equal('ត្រូវធ្វើក្នុងរយៈពេល ៣ ថ្ងៃទៀត (១០ តុលា ២០២៣)');
    expect(lines[1]).to.equal('ត្រូវធ្វើនៅថ្ងៃនេះ (៧ តុលា ២០២៣)');
    expect(lines[2]).to.equal('ហួសកាលកំណត់ ២ ថ្ងៃហើយ (៥ តុលា ២០២៣)');
    // Khmer has one plural form: 1 reads like 3.
    expect(lines[3]).to.equal('ត្រូវធ្វើក្នុងរយៈពេល ១ ថ្ងៃទៀត (៨ តុលា ២០២៣)');
  });

  it('says it in French, with the singular for one day', async () => {
    await setLang('fr');
    const el = await checklist(freshKey(), dated());
    const lines = dueLines(el);
    expect(lines[0]).to.equal('À faire dans 3 jours (10 oct. 2023)');
    expect(lines[1]).to.equal('À faire aujourd’hui (7 oct. 2023)');
    expect(lines[2]).to.equal('En retard de 2 jours (5 oct. 2023)');
    expect(lines[3]).to.equal('À faire dans 1 jour (8 oct. 2023)');
    expect(lines[4]).to.equal('En retard de 1 jour (6 oct. 2023)');
  });

  it('moves on at midnight with the page clock, and stops ticking when nothing is due', async () => {
    const el = await checklist(
      freshKey(),
      html`<ol>
        <li data-id="a" data-due="2023-10-08">A</li>
      </ol>`,
    );
    expect(dueLines(el)).to.deep.equal(['Due in 1 day (Oct 8, 2023)']);
    expect(clockState().listeners).to.equal(1);
    await clock.tickAsync(12 * 3600_000 + 60_000);
    await el.updateComplete;
    expect(dueLines(el)).to.deep.equal(['Due today (Oct 8, 2023)']);
    await click(el, 0);
    expect(clockState().listeners).to.equal(0);
  });

  it('shows the counts in Latin digits in Khmer with numerals="latn"', async () => {
    await setLang('km');
    const el = await fixture<SamlengChecklist>(
      html`<samleng-checklist storage-key=${freshKey()} numerals="latn"
        ><ol>
          <li data-id="a" data-due="2023-10-10">A</li>
        </ol></samleng-checklist
      >`,
    );
    expect(dueLines(el)[0]).to.contain(' 3 ').and.contain('2023');
  });
});
