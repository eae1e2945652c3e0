import '../../../test/harness.js';
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import sinon from 'sinon';
import { ClockController, clockState, subscribeClock, type TickInterval } from '../src/clock.js';

/** 1 May 2029, 08:00:00.250 UTC: a quarter second past a whole second, 59.75 s before a minute. */
const START = Date.UTC(2029, 4, 1, 8, 0, 0, 250);

/** A small Lit host: shows the controller's time and counts its renders. */
class ClockTestHost extends LitElement {
  static override properties = { interval: { attribute: false } };
  declare interval: TickInterval;
  clock!: ClockController;
  renders = 0;

  override connectedCallback(): void {
    // Created here, once, so the rhythm can be set from the template before the first connection.
    this.clock ??= new ClockController(this, this.interval);
    super.connectedCallback();
  }

  override render() {
    this.renders += 1;
    return html`<time>${this.clock.now.toISOString()}</time>`;
  }
}
customElements.define('clock-test-host', ClockTestHost);

const shown = (host: ClockTestHost) => host.shadowRoot!.querySelector('time')!.textContent;

/** Makes the page look hidden or visible, as switching tabs or locking the phone does. */
function setVisibility(state: 'hidden' | 'visible'): void {
  if (state === 'hidden') {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
  } else {
    // Back to the real (prototype) getter: a test page in the foreground is visible.
    delete (document as { visibilityState?: unknown }).visibilityState;
  }
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('clock', () => {
  let clock: sinon.SinonFakeTimers;
  let setTimeoutSpy: sinon.SinonSpy;
  const unsubscribes: (() => void)[] = [];
  const listen = (listener: (now: Date) => void, interval?: TickInterval) => {
    const unsubscribe = subscribeClock(listener, interval);
    unsubscribes.push(unsubscribe);
    return unsubscribe;
  };

  beforeEach(() => {
    clock = sinon.useFakeTimers({ now: START, toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    // The clock module calls the global setTimeout: this spy wraps the fake one.
    setTimeoutSpy = sinon.spy(window, 'setTimeout');
  });

  afterEach(() => {
    fixtureCleanup();
    unsubscribes.splice(0).forEach((unsubscribe) => unsubscribe());
    delete (document as { visibilityState?: unknown }).visibilityState;
    // Nothing may outlive a test: a timer left behind would belong to the fake clock removed below.
    const state = clockState();
    setTimeoutSpy.restore();
    clock.restore();
    expect(state).to.deep.equal({ listeners: 0, running: false });
  });

  describe('subscribeClock', () => {
    it('sets no timer while nobody listens', () => {
      expect(clockState()).to.deep.equal({ listeners: 0, running: false });
      clock.tick(5000);
      expect(setTimeoutSpy.callCount).to.equal(0);
    });

    it('shares one timer among 50 listeners, set once', () => {
      const calls = Array.from({ length: 50 }, () => 0);
      calls.forEach((_, i) => listen(() => (calls[i] += 1)));
      expect(clockState()).to.deep.equal({ listeners: 50, running: true });
      expect(setTimeoutSpy.callCount).to.equal(1);
      expect(clock.countTimers()).to.equal(1);

      clock.tick(3000);
      // One timer per tick, however many listeners: 1 initial + 3 ticks re-arming it.
      expect(calls.every((n) => n === 3)).to.equal(true);
      expect(setTimeoutSpy.callCount).to.equal(4);
      expect(clock.countTimers()).to.equal(1);
    });

    it('wakes just after the next whole second, then every second', () => {
      const times: number[] = [];
      listen((now) => times.push(now.getTime()));
      // 250 ms past the second: the first tick comes 750 ms (+ 5 ms margin) later.
      expect(setTimeoutSpy.firstCall.args[1]).to.equal(755);
      clock.tick(754);
      expect(times).to.deep.equal([]);
      clock.tick(1);
      expect(times).to.deep.equal([START + 755]);
      clock.tick(1000);
      expect(times).to.deep.equal([START + 755, START + 1755]);
      // Every value lies in a new second, 5 ms past its start.
      expect(times.map((t) => t % 1000)).to.deep.equal([5, 5]);
    });

    it('wakes minute listeners only at minute boundaries', () => {
      const times: number[] = [];
      listen((now) => times.push(now.getTime()), 'minute');
      // 59.75 s to the next minute.
      expect(setTimeoutSpy.firstCall.args[1]).to.equal(59_755);
      clock.tick(59_754);
      expect(times).to.deep.equal([]);
      clock.tick(1);
      expect(times).to.have.length(1);
      expect(times[0] % 60_000).to.equal(5);
      clock.tick(60_000 * 3);
      expect(times).to.have.length(4);
      // A whole minute between timers: no per-second wake-ups for minute-only pages.
      expect(setTimeoutSpy.callCount).to.equal(5);
    });

    it('notifies minute listeners once per minute while second listeners keep the timer busy', () => {
      let seconds = 0;
      const minutes: number[] = [];
      listen(() => (seconds += 1), 'second');
      listen((now) => minutes.push(now.getTime()), 'minute');
      clock.tick(130_000);
      expect(seconds).to.equal(130);
      // 08:01:00 and 08:02:00, each once.
      expect(minutes.map((t) => Math.floor(t / 60_000) - Math.floor(START / 60_000))).to.deep.equal([1, 2]);
    });

    it('switches the timer to seconds when a second listener joins minute listeners', () => {
      let seconds = 0;
      let minutes = 0;
      listen(() => (minutes += 1), 'minute');
      expect(setTimeoutSpy.lastCall.args[1]).to.equal(59_755);
      listen(() => (seconds += 1), 'second');
      expect(setTimeoutSpy.lastCall.args[1]).to.equal(755);
      expect(clock.countTimers()).to.equal(1);
      clock.tick(755);
      expect(seconds).to.equal(1);
      expect(minutes).to.equal(0);
      // A second minute listener leaves the running second timer alone.
      const before = setTimeoutSpy.callCount;
      listen(() => undefined, 'minute');
      expect(setTimeoutSpy.callCount).to.equal(before);
    });

    it('goes back to minutes when the last second listener leaves', () => {
      let minutes = 0;
      listen(() => (minutes += 1), 'minute');
      const stopSeconds = listen(() => undefined, 'second');
      clock.tick(755);
      stopSeconds();
      expect(clockState()).to.deep.equal({ listeners: 1, running: true });
      clock.tick(1000);
      // The timer set at that tick (08:00:02.005) waits for the minute.
      expect(setTimeoutSpy.lastCall.args[1]).to.equal(58_000);
      clock.tick(57_999);
      expect(minutes).to.equal(0);
      clock.tick(1);
      expect(minutes).to.equal(1);
    });

    it('stops the timer with the last listener, not before', () => {
      const a = listen(() => undefined);
      const b = listen(() => undefined);
      a();
      expect(clockState()).to.deep.equal({ listeners: 1, running: true });
      b();
      expect(clockState()).to.deep.equal({ listeners: 0, running: false });
      expect(clock.countTimers()).to.equal(0);
      // Unsubscribing twice is harmless.
      b();
      expect(clockState().listeners).to.equal(0);
    });

    it('always hands out the current time, even after the system clock jumps', () => {
      const times: number[] = [];
      listen((now) => times.push(now.getTime()));
      clock.tick(755);
      // The phone's clock is corrected by two hours (network time), between two ticks.
      const later = START + 2 * 3_600_000;
      clock.setSystemTime(later);
      clock.tick(1000);
      // The value read at the tick: the new time, not the old one plus a second.
      expect(times[1]).to.be.within(later, later + 1000);
      const earlier = START - 86_400_000;
      clock.setSystemTime(earlier);
      clock.tick(1000);
      expect(times[2]).to.be.within(earlier, earlier + 1000);
      expect(times).to.have.length(3);
    });

    it('tells minute listeners of a new minute after a backward jump too', () => {
      const times: number[] = [];
      listen((now) => times.push(now.getTime()), 'minute');
      clock.setSystemTime(START - 3_600_000);
      clock.tick(59_755);
      expect(times).to.deep.equal([START - 3_600_000 + 59_755]);
    });

    it('does not call a listener unsubscribed earlier in the same tick', () => {
      let second = 0;
      let unsubscribeSecond = () => {};
      listen(() => unsubscribeSecond());
      unsubscribeSecond = listen(() => (second += 1));
      clock.tick(755);
      expect(second).to.equal(0);
      expect(clockState().listeners).to.equal(1);
    });

    it('keeps ticking for everyone when one listener throws, and reports the error', async () => {
      const reported: unknown[] = [];
      const onerror = window.onerror;
      // Catch the rethrown error here rather than failing the test run with it.
      window.onerror = (_message, _source, _line, _column, error) => {
        reported.push(error);
        return true;
      };
      try {
        let calls = 0;
        listen(() => {
          throw new Error('broken widget');
        });
        listen(() => (calls += 1));
        clock.tick(755);
        clock.tick(1000);
        expect(calls).to.equal(2);
        expect(clockState().running).to.equal(true);
        // The errors surface as uncaught once the round is over.
        await new Promise((resolve) => requestAnimationFrame(resolve));
        expect(reported.map((error) => (error as Error).message)).to.deep.equal([
          'broken widget',
          'broken widget',
        ]);
      } finally {
        window.onerror = onerror;
      }
    });
  });

  describe('page visibility', () => {
    it('sets no timer while the page is hidden', () => {
      setVisibility('hidden');
      let calls = 0;
      listen(() => (calls += 1));
      expect(clockState()).to.deep.equal({ listeners: 1, running: false });
      clock.tick(10_000);
      expect(calls).to.equal(0);
      expect(setTimeoutSpy.callCount).to.equal(0);
    });

    it('stops the timer when the page is hidden and notifies at once on return', () => {
      const times: number[] = [];
      const minuteTimes: number[] = [];
      listen((now) => times.push(now.getTime()));
      listen((now) => minuteTimes.push(now.getTime()), 'minute');
      clock.tick(755);
      expect(times).to.have.length(1);

      setVisibility('hidden');
      expect(clockState()).to.deep.equal({ listeners: 2, running: false });
      expect(clock.countTimers()).to.equal(0);
      clock.tick(3_600_000);
      expect(times).to.have.length(1);

      const back = Date.now();
      setVisibility('visible');
      // Right away, without waiting for the next boundary, minute listeners included.
      expect(times).to.deep.equal([START + 755, back]);
      expect(minuteTimes).to.deep.equal([back]);
      expect(clockState().running).to.equal(true);
      clock.tick(1000);
      expect(times).to.have.length(3);
    });

    it('notifies on return a listener that joined while hidden', () => {
      setVisibility('hidden');
      const times: number[] = [];
      listen((now) => times.push(now.getTime()));
      clock.tick(5000);
      setVisibility('visible');
      expect(times).to.deep.equal([START + 5000]);
      expect(clockState().running).to.equal(true);
    });

    it('sets no timer when the page becomes visible with no listener', () => {
      setVisibility('hidden');
      setVisibility('visible');
      expect(clockState()).to.deep.equal({ listeners: 0, running: false });
      expect(setTimeoutSpy.callCount).to.equal(0);
    });
  });

  describe('ClockController', () => {
    it('re-renders its host every second with the current time', async () => {
      const host = await fixture<ClockTestHost>(html`<clock-test-host></clock-test-host>`);
      expect(shown(host)).to.equal(new Date(START).toISOString());
      expect(clockState()).to.deep.equal({ listeners: 1, running: true });
      const renders = host.renders;
      clock.tick(755);
      await host.updateComplete;
      expect(shown(host)).to.equal(new Date(START + 755).toISOString());
      clock.tick(1000);
      await host.updateComplete;
      expect(shown(host)).to.equal(new Date(START + 1755).toISOString());
      expect(host.renders).to.equal(renders + 2);
    });

    it('serves 50 hosts with one timer', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`
        <div>${Array.from({ length: 50 }, () => html`<clock-test-host></clock-test-host>`)}</div>
      `);
      const hosts = [...wrapper.querySelectorAll<ClockTestHost>('clock-test-host')];
      await Promise.all(hosts.map((host) => host.updateComplete));
      expect(clockState()).to.deep.equal({ listeners: 50, running: true });
      expect(setTimeoutSpy.callCount).to.equal(1);
      clock.tick(755);
      await Promise.all(hosts.map((host) => host.updateComplete));
      expect(hosts.every((host) => shown(host) === new Date(START + 755).toISOString())).to.equal(true);
      expect(setTimeoutSpy.callCount).to.equal(2);
    });

    it('ticks by the minute when asked to', async () => {
      const host = await fixture<ClockTestHost>(
        html`<clock-test-host .interval=${'minute'}></clock-test-host>`,
      );
      const renders = host.renders;
      clock.tick(59_754);
      await host.updateComplete;
      expect(host.renders).to.equal(renders);
      clock.tick(1);
      await host.updateComplete;
      expect(host.renders).to.equal(renders + 1);
      expect(shown(host)).to.equal(new Date(START + 59_755).toISOString());
    });

    it('stops listening while inactive and resumes with the current time', async () => {
      const host = await fixture<ClockTestHost>(html`<clock-test-host></clock-test-host>`);
      host.clock.active = false;
      expect(host.clock.active).to.equal(false);
      expect(clockState()).to.deep.equal({ listeners: 0, running: false });
      const renders = host.renders;
      clock.tick(5000);
      await host.updateComplete;
      expect(host.renders).to.equal(renders);

      // Setting the same value again changes nothing.
      host.clock.active = false;
      expect(clockState().listeners).to.equal(0);

      host.clock.active = true;
      expect(host.clock.now.getTime()).to.equal(START + 5000);
      expect(clockState()).to.deep.equal({ listeners: 1, running: true });
      clock.tick(755);
      await host.updateComplete;
      expect(shown(host)).to.equal(new Date(START + 5755).toISOString());
    });

    it('switches rhythm with setInterval', async () => {
      const host = await fixture<ClockTestHost>(html`<clock-test-host></clock-test-host>`);
      host.clock.setInterval('minute');
      expect(clockState().listeners).to.equal(1);
      // Only the minute listener is left: its timer waits for the minute.
      expect(setTimeoutSpy.lastCall.args[1]).to.equal(59_755);
      const renders = host.renders;
      clock.tick(59_754);
      await host.updateComplete;
      expect(host.renders).to.equal(renders);
      clock.tick(1);
      await host.updateComplete;
      expect(host.renders).to.equal(renders + 1);

      // The same rhythm again is a no-op; back to seconds re-arms for the next second.
      host.clock.setInterval('minute');
      host.clock.setInterval('second');
      expect(setTimeoutSpy.lastCall.args[1]).to.equal(1000);
      expect(clockState().listeners).to.equal(1);
    });

    it('keeps the rhythm set while inactive for when it resumes', async () => {
      const host = await fixture<ClockTestHost>(html`<clock-test-host></clock-test-host>`);
      host.clock.active = false;
      host.clock.setInterval('minute');
      expect(clockState().listeners).to.equal(0);
      host.clock.active = true;
      expect(setTimeoutSpy.lastCall.args[1]).to.equal(59_755);
    });

    it('unsubscribes when its host leaves the page and resubscribes when it comes back', async () => {
      const host = await fixture<ClockTestHost>(html`<clock-test-host></clock-test-host>`);
      const parent = host.parentElement!;
      host.remove();
      expect(clockState()).to.deep.equal({ listeners: 0, running: false });
      clock.tick(2000);
      parent.append(host);
      expect(clockState()).to.deep.equal({ listeners: 1, running: true });
      expect(host.clock.now.getTime()).to.equal(START + 2000);
    });

    it('does not listen for a disconnected host, even when made active', async () => {
      const host = await fixture<ClockTestHost>(html`<clock-test-host></clock-test-host>`);
      host.clock.active = false;
      host.remove();
      host.clock.active = true;
      expect(clockState().listeners).to.equal(0);
      document.body.append(host);
      expect(clockState().listeners).to.equal(1);
      host.remove();
      expect(clockState().listeners).to.equal(0);
    });

    it('stays silent for an inactive host that connects', async () => {
      const host = document.createElement('clock-test-host') as ClockTestHost;
      host.interval = 'second';
      document.body.append(host);
      host.clock.active = false;
      host.remove();
      document.body.append(host);
      expect(clockState().listeners).to.equal(0);
      host.remove();
    });
  });
});
