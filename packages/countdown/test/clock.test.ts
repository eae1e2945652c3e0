import '../../../test/harness.js';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { render } from 'lit';
import sinon from 'sinon';
import { clockState } from '@samleng/core';
import '../samleng-countdown.js';
import type { SamlengCountdown } from '../src/countdown.js';
import { fakeClock, partText, setHidden } from './helpers.js';

/** Timers pending on the fake clock (the page clock's own, and anything else that was scheduled). */
const pending = (clock: sinon.SinonFakeTimers) => clock.countTimers();

describe('<samleng-countdown> and the page clock', () => {
  let clock: sinon.SinonFakeTimers;
  afterEach(() => {
    clock?.restore();
    setHidden(false);
  });

  it('shares one timer among 50 countdowns, and stops it when none is left', async () => {
    clock = fakeClock('2029-04-28T06:58:30Z');
    const setTimeoutSpy = sinon.spy(window, 'setTimeout');
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    render(
      Array.from(
        { length: 50 },
        (_, i) =>
          html`<samleng-countdown date="2029-05-01T10:00+02:00" heading=${`Event ${i}`}></samleng-countdown>`,
      ),
      host,
    );
    const all = [...host.querySelectorAll<SamlengCountdown>('samleng-countdown')];
    await Promise.all(all.map((el) => el.updateComplete));
    expect(clockState()).to.deep.equal({ listeners: 50, running: true });
    expect(pending(clock)).to.equal(1);

    setTimeoutSpy.resetHistory();
    await clock.tickAsync(10_010);
    // Ten seconds, ten wake-ups of the one timer: not 500.
    expect(setTimeoutSpy.callCount).to.equal(10);
    expect(pending(clock)).to.equal(1);
    expect(partText(all[49]!, 'digits')).to.equal('3 days 1 hour 1 minute 20 seconds');

    all.slice(0, 49).forEach((el) => el.remove());
    expect(clockState()).to.deep.equal({ listeners: 1, running: true });
    all[49]!.remove();
    expect(clockState()).to.deep.equal({ listeners: 0, running: false });
    expect(pending(clock)).to.equal(0);
    setTimeoutSpy.restore();
  });

  it('ticks every minute only when no seconds are shown', async () => {
    clock = fakeClock('2029-04-28T06:58:30Z');
    const el = await fixture<SamlengCountdown>(
      html`<samleng-countdown date="2029-05-01T10:00+02:00" precision="minute"></samleng-countdown>`,
    );
    const setTimeoutSpy = sinon.spy(window, 'setTimeout');
    await clock.tickAsync(120_000);
    expect(setTimeoutSpy.callCount).to.equal(2);
    expect(partText(el, 'digits')).to.equal('3 days 1 hour 0 minutes');
    setTimeoutSpy.restore();
  });

  it('runs no timer while the page is hidden, and is right again when it comes back', async () => {
    clock = fakeClock('2029-04-28T06:58:30Z');
    const el = await fixture<SamlengCountdown>(
      html`<samleng-countdown date="2029-05-01T10:00+02:00"></samleng-countdown>`,
    );
    expect(clockState().running).to.equal(true);
    setHidden(true);
    expect(clockState()).to.deep.equal({ listeners: 1, running: false });
    expect(pending(clock)).to.equal(0);
    await clock.tickAsync(3600_000);
    expect(partText(el, 'digits')).to.equal('3 days 1 hour 1 minute 30 seconds'); // nothing ran
    setHidden(false);
    await el.updateComplete;
    expect(clockState().running).to.equal(true);
    expect(partText(el, 'digits')).to.equal('3 days 0 hours 1 minute 30 seconds');
  });

  it('runs no timer for a countdown that is over, nor for a bad one', async () => {
    clock = fakeClock('2026-11-27T12:00:00Z');
    await fixture(
      html`<div>
        <samleng-countdown date="2024-05-08" time-zone="Europe/Zurich"></samleng-countdown>
        <samleng-countdown date="2024-05-08" end="2024-05-10"></samleng-countdown>
      </div>`,
    );
    expect(clockState()).to.deep.equal({ listeners: 0, running: false });
    const warn = sinon.stub(console, 'warn');
    await fixture(html`<samleng-countdown date="someday"></samleng-countdown>`);
    warn.restore();
    expect(clockState()).to.deep.equal({ listeners: 0, running: false });
    expect(pending(clock)).to.equal(0);
  });

  it('fires samleng-countdown-end once when the date is reached, then stops ticking after the end', async () => {
    clock = fakeClock('2029-05-01T07:59:57Z');
    const el = await fixture<SamlengCountdown>(
      html`<samleng-countdown
        date="2029-05-01T10:00+02:00"
        end="2029-05-01T10:00:05+02:00"
      ></samleng-countdown>`,
    );
    const events: Event[] = [];
    const record = (e: Event) => events.push(e);
    document.addEventListener('samleng-countdown-end', record);
    const first = oneEvent(el, 'samleng-countdown-end');
    await clock.tickAsync(3_010);
    const event = await first;
    expect(event.detail.date.toISOString()).to.equal('2029-05-01T08:00:00.000Z');
    expect(event.bubbles && event.composed).to.equal(true);
    expect(partText(el, 'status')).to.equal('Happening now');
    expect(clockState().running).to.equal(true); // still needed: "happening now" ends at `end`
    await clock.tickAsync(10_000);
    expect(partText(el, 'status')).to.match(/^Took place/);
    expect(clockState()).to.deep.equal({ listeners: 0, running: false });
    el.heading = 'Changed';
    await el.updateComplete;
    document.removeEventListener('samleng-countdown-end', record);
    expect(events.length).to.equal(1);
  });

  it('does not fire the end event for a date already past when the page opened', async () => {
    clock = fakeClock('2029-05-02T00:00:00Z');
    const spy = sinon.spy();
    document.addEventListener('samleng-countdown-end', spy);
    const el = await fixture<SamlengCountdown>(
      html`<samleng-countdown date="2029-05-01"></samleng-countdown>`,
    );
    el.heading = 'x';
    await el.updateComplete;
    document.removeEventListener('samleng-countdown-end', spy);
    expect(spy.callCount).to.equal(0);
  });

  it('does not fire the end event when an edit moves the date into the past', async () => {
    clock = fakeClock('2029-04-28T06:58:30Z');
    const spy = sinon.spy();
    const el = await fixture<SamlengCountdown>(
      html`<samleng-countdown date="2029-05-01"></samleng-countdown>`,
    );
    el.addEventListener('samleng-countdown-end', spy);
    el.date = '2024-05-08';
    await el.updateComplete;
    await clock.tickAsync(2000);
    expect(partText(el, 'status')).to.match(/^Took place/);
    expect(spy.callCount).to.equal(0);
  });

  it('fires the end event when the date passed while the page was hidden', async () => {
    clock = fakeClock('2029-05-01T07:59:00Z');
    const el = await fixture<SamlengCountdown>(
      html`<samleng-countdown date="2029-05-01T08:00Z"></samleng-countdown>`,
    );
    setHidden(true);
    clock.setSystemTime(new Date('2029-05-01T09:00:00Z'));
    const ended = oneEvent(el, 'samleng-countdown-end');
    setHidden(false);
    await ended;
    expect(partText(el, 'status')).to.match(/^Took place/);
  });

  it('subscribes again when it is moved in the page', async () => {
    clock = fakeClock('2029-04-28T06:58:30Z');
    const el = await fixture<SamlengCountdown>(
      html`<samleng-countdown date="2029-05-01T10:00+02:00"></samleng-countdown>`,
    );
    const parent = el.parentElement!;
    el.remove();
    expect(clockState().listeners).to.equal(0);
    parent.append(el);
    await el.updateComplete;
    expect(clockState()).to.deep.equal({ listeners: 1, running: true });
  });
});
