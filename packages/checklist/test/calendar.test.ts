import '../../../test/harness.js';
import { expect, html } from '@open-wc/testing';
import sinon from 'sinon';
import { button, checklist, freshKey } from './helpers.js';

/** Captures the file the widget hands to the browser instead of downloading it. */
function captureDownload() {
  const blobs: Blob[] = [];
  const names: string[] = [];
  sinon.stub(URL, 'createObjectURL').callsFake((blob) => {
    blobs.push(blob as Blob);
    return 'blob:samleng-test';
  });
  sinon.stub(URL, 'revokeObjectURL');
  sinon.stub(HTMLAnchorElement.prototype, 'click').callsFake(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  return { blobs, names };
}

/** The calendar's lines with folded lines joined again. */
const unfold = (text: string) => text.replace(/\r\n /g, '').split('\r\n');

describe('<samleng-checklist> calendar', function () {
  // axe in a loaded CI machine (two browsers, coverage) can take longer than the default 10 s.
  this.timeout(30_000);
  afterEach(() => {
    sinon.restore();
    localStorage.clear();
  });

  it('downloads one .ics with an all-day VEVENT per dated step', async () => {
    const { blobs, names } = captureDownload();
    const key = freshKey();
    const el = await checklist(key, undefined, { heading: "Four steps: UN's review" });
    const calendar = button(el, '.calendar')!;
    expect(calendar.textContent!.trim()).to.equal('Add the deadlines to my calendar');
    calendar.click();
    expect(names).to.deep.equal(['four-steps-un-s-review.ics']);
    expect(blobs[0]!.type).to.equal('text/calendar;charset=utf-8');
    const text = await blobs[0]!.text();
    expect(text.endsWith('\r\n')).to.equal(true);
    const lines = unfold(text);
    expect(lines.filter((line) => line === 'BEGIN:VEVENT')).to.have.length(2);
    expect(lines).to.include('DTSTART;VALUE=DATE:20231010');
    expect(lines).to.include('DTEND;VALUE=DATE:20231011');
    expect(lines).to.include('DTSTART;VALUE=DATE:20231101');
    expect(lines).to.include("SUMMARY:Take part in the UN's review of Cambodia.");
    expect(lines).to.include('SUMMARY:Put economic pressure where it hurts.');
    expect(lines).to.include('URL:https://example.org/upr');
    expect(lines).to.include(
      "DESCRIPTION:Four steps: UN's review\\n\\nSubmit written statements of concern. How to submit",
    );
    expect(lines).to.include(`UID:upr.samleng-checklist:${key}@samleng`);
    expect(lines.filter((line) => line.startsWith('SUMMARY:'))).to.have.length(2);
  });

  it('has no calendar button when no step has a date', async () => {
    const el = await checklist(
      freshKey(),
      html`<ol>
        <li data-id="a">A</li>
      </ol>`,
    );
    expect(button(el, '.calendar')).to.equal(null);
  });
});
