import '../../../test/harness.js';
import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import {
  bar,
  boxes,
  button,
  checklist,
  click,
  count,
  freshKey,
  setLang,
  shadow,
  type SamlengChecklist,
} from './helpers.js';

const heading = (el: Element) => shadow(el).querySelector('h2')!.textContent;

describe('<samleng-checklist>', function () {
  // axe in a loaded CI machine (two browsers, coverage) can take longer than the default 10 s.
  this.timeout(30_000);
  afterEach(async () => {
    sinon.restore();
    localStorage.clear();
    await setLang('en');
  });

  it('is registered under its tag', () => {
    expect(document.createElement('samleng-checklist').constructor.name).to.equal('SamlengChecklist');
  });

  it("shows each of the partner's items through its own slot, beside a checkbox labelled by its title", async () => {
    const el = await checklist(freshKey());
    const items = [...el.querySelectorAll('li')];
    expect(items).to.have.length(4);
    // The partner's items are the very same nodes, now shown through the widget's slots.
    items.forEach((item, index) => {
      const slot = item.assignedSlot!;
      expect(slot, `item ${index}`).to.be.instanceOf(HTMLSlotElement);
      expect(slot.closest('li.step')!.querySelector('input')).to.equal(boxes(el)[index]);
    });
    expect(boxes(el).map((box) => box.getAttribute('aria-label'))).to.deep.equal([
      "Take part in the UN's review of Cambodia.",
      'Support the urgent-action case alerts.',
      'Put economic pressure where it hurts.',
      'Join international meetings on Cambodia.',
    ]);
    expect(boxes(el).every((box) => box.type === 'checkbox' && !box.checked)).to.equal(true);
    // The partner's link is still theirs, and shown.
    const link = el.querySelector<HTMLAnchorElement>('a')!;
    expect(link.getBoundingClientRect().height).to.be.greaterThan(0);
    expect(heading(el)).to.equal('Four steps');
    expect(count(el)).to.equal('0 of 4 done');
    await expect(el).to.be.accessible();
  });

  it('keeps an <ul> an unordered list and shows an intro paragraph above the steps', async () => {
    const el = await checklist(
      freshKey(),
      html`<p>Pick what you can do.</p>
        <ul>
          <li data-id="a">First</li>
          <li data-id="b">Second</li>
        </ul>`,
    );
    expect(shadow(el).querySelector('ul.steps')).not.to.equal(null);
    expect(el.querySelector('p')!.assignedSlot!.name).to.equal('');
    expect(boxes(el).map((box) => box.getAttribute('aria-label'))).to.deep.equal(['First', 'Second']);
    await expect(el).to.be.accessible();
  });

  it('labels a step by its data-title, or by its whole text when it has no leading title', async () => {
    const el = await checklist(
      freshKey(),
      html`<ol>
        <li data-id="a">Write <strong>before Friday</strong> to your representative.</li>
        <li data-id="b">Join a meeting. <span data-title>Meet others</span></li>
      </ol>`,
    );
    expect(boxes(el).map((box) => box.getAttribute('aria-label'))).to.deep.equal([
      'Write before Friday to your representative.',
      'Meet others',
    ]);
  });

  it('counts progress and gives the progress bar its value', async () => {
    const el = await checklist(freshKey());
    await click(el, 0);
    await click(el, 2);
    expect(count(el)).to.equal('2 of 4 done');
    const progress = bar(el);
    expect(progress.getAttribute('aria-valuenow')).to.equal('2');
    expect(progress.getAttribute('aria-valuemax')).to.equal('4');
    expect(progress.getAttribute('aria-valuemin')).to.equal('0');
    expect(progress.getAttribute('aria-valuetext')).to.equal('2 of 4 done');
    const fill = shadow(el).querySelector<HTMLElement>('.fill')!;
    expect(fill.getBoundingClientRect().width / progress.clientWidth).to.be.closeTo(0.5, 0.02);
    expect(shadow(el).querySelectorAll('[part~=step-done]')).to.have.length(2);
  });

  it('toggles the focused checkbox with Space and tabs through steps, their links and the buttons', async () => {
    const el = await checklist(freshKey());
    boxes(el)[0]!.focus();
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect(boxes(el)[0]!.checked).to.equal(true);
    expect(count(el)).to.equal('1 of 4 done');
    // Tab order: box 1, the partner's link inside step 1, box 2, box 3, box 4, then the buttons.
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(el.querySelector('a'));
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement).to.equal(boxes(el)[1]);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement).to.equal(boxes(el)[3]);
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement).to.equal(button(el, '.calendar'));
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement).to.equal(button(el, '.start-over'));
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect(shadow(el).activeElement).to.equal(button(el, '.confirm .cancel'));
  });

  it('fires samleng-checklist-change on each change and samleng-checklist-complete once all are done', async () => {
    const el = await checklist(freshKey());
    const changes: unknown[] = [];
    const completes: unknown[] = [];
    el.addEventListener('samleng-checklist-change', (event) => changes.push(event.detail));
    document.addEventListener(
      'samleng-checklist-complete',
      (event) => completes.push((event as CustomEvent).detail),
      {
        once: true,
      },
    );
    await click(el, 0);
    await click(el, 1);
    await click(el, 1);
    expect(changes).to.deep.equal([
      { id: 'upr', done: true, completed: 1, total: 4 },
      { id: 'alerts', done: true, completed: 2, total: 4 },
      { id: 'alerts', done: false, completed: 1, total: 4 },
    ]);
    expect(shadow(el).querySelector('.complete')).to.equal(null);
    await click(el, 1);
    await click(el, 2);
    const complete = oneEvent(el, 'samleng-checklist-complete');
    boxes(el)[3]!.click();
    const event = await complete;
    expect(event.detail).to.deep.equal({ total: 4 });
    expect(event.bubbles && event.composed).to.equal(true);
    await el.updateComplete;
    expect(completes).to.have.length(1);
    expect(shadow(el).querySelector('.complete')!.textContent!.trim()).to.equal(
      'Every step is done. Thank you for acting!',
    );
    expect(count(el)).to.equal('4 of 4 done');
    // Finished steps show no due line.
    expect(shadow(el).querySelectorAll('.due')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('animates the congratulation, except when the reader asks for reduced motion', async () => {
    const el = await checklist(freshKey());
    for (let i = 0; i < 4; i++) await click(el, i);
    const complete = () => getComputedStyle(shadow(el).querySelector('.complete')!);
    const reduced = () => matchMedia('(prefers-reduced-motion: reduce)').matches;
    // Firefox, driven through WebDriver BiDi, cannot emulate the media feature (the runner would print
    // the refusal's stack in the run's output, where it reads like a crash): it is not asked.
    const emulated = !navigator.userAgent.includes('Firefox');
    if (emulated) await emulateMedia({ reducedMotion: 'no-preference' });
    if (!emulated) {
      // Then: the animation lives only in a rule conditioned on no-preference, and follows the real setting.
      const rules = shadow(el).adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules]);
      const motion = rules.filter(
        (rule): rule is CSSMediaRule => rule instanceof CSSMediaRule && rule.cssText.includes('arrive'),
      );
      expect(motion.map((rule) => rule.conditionText)).to.deep.equal([
        '(prefers-reduced-motion: no-preference)',
      ]);
      expect(complete().animationName).to.equal(reduced() ? 'none' : 'arrive');
      return;
    }
    expect(complete().animationName).to.equal('arrive');
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      expect(reduced()).to.equal(true);
      expect(complete().animationName).to.equal('none');
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('asks before starting over, in the widget, and can be cancelled with the button or Escape', async () => {
    const confirm = sinon.stub(window, 'confirm');
    const el = await checklist(freshKey());
    await click(el, 0);
    await click(el, 1);
    button(el, '.start-over')!.click();
    await el.updateComplete;
    await aTimeout(0);
    const group = shadow(el).querySelector('[role=group]')!;
    expect(group.getAttribute('aria-labelledby')).to.equal('confirm-question');
    expect(shadow(el).getElementById('confirm-question')!.textContent!.trim()).to.equal(
      'Clear all your ticks on this list?',
    );
    expect(shadow(el).activeElement).to.equal(button(el, '.cancel'));
    await expect(el).to.be.accessible();
    // Cancel: focus back on "Start over", the last thing a cancel does; by then nothing was cleared.
    button(el, '.cancel')!.click();
    await waitUntil(() => shadow(el).activeElement === button(el, '.start-over'), 'focus on Start over');
    expect(count(el)).to.equal('2 of 4 done');
    // Escape cancels too.
    button(el, '.start-over')!.click();
    await el.updateComplete;
    await aTimeout(0);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    await aTimeout(0);
    expect(shadow(el).querySelector('.confirm')).to.equal(null);
    expect(shadow(el).activeElement).to.equal(button(el, '.start-over'));
    // Confirm: everything cleared, stored value removed, focus on the first step.
    button(el, '.start-over')!.click();
    await el.updateComplete;
    await aTimeout(0);
    const reset = oneEvent(el, 'samleng-checklist-reset');
    button(el, '.yes')!.click();
    expect((await reset).detail).to.deep.equal({ completed: 0, total: 4 });
    await el.updateComplete;
    await aTimeout(0);
    expect(count(el)).to.equal('0 of 4 done');
    expect(boxes(el).some((box) => box.checked)).to.equal(false);
    expect(shadow(el).activeElement).to.equal(boxes(el)[0]);
    expect(button(el, '.start-over')).to.equal(null);
    expect(Object.keys(localStorage).filter((key) => key.startsWith('samleng-checklist:'))).to.deep.equal([]);
    expect(confirm.called).to.equal(false);
  });

  it('follows the page language live, with a default heading and the count in Khmer digits', async () => {
    const el = await fixture<SamlengChecklist>(
      html`<samleng-checklist storage-key=${freshKey()} heading="  "
        ><ol>
          <li data-id="a">One</li>
          <li data-id="b">Two</li>
        </ol></samleng-checklist
      >`,
    );
    expect(heading(el)).to.equal('Action steps');
    await click(el, 0);
    await setLang('km-KH');
    await el.updateComplete;
    expect(heading(el)).to.equal('ជំហានសកម្មភាព');
    expect(count(el)).to.contain('១').and.contain('២');
    expect(shadow(el).querySelector('[part=base]')!.getAttribute('lang')).to.equal('km');
    await expect(el).to.be.accessible();
    await setLang('fr');
    await el.updateComplete;
    expect(heading(el)).to.equal('Les étapes à suivre');
    el.numerals = 'khmr';
    await el.updateComplete;
    expect(bar(el).getAttribute('aria-valuetext')).to.contain('១');
  });

  for (const theme of ['light', 'dark']) {
    it(`is accessible in the ${theme} theme, with steps done, due and overdue`, async () => {
      const el = await checklist(freshKey(), undefined, { theme });
      await click(el, 1);
      await expect(el).to.be.accessible();
      for (let i = 0; i < 4; i++) if (!boxes(el)[i]!.checked) await click(el, i);
      await expect(el).to.be.accessible();
    });
  }

  it('picks up items a script appends to the list later', async () => {
    const el = await checklist(freshKey());
    const list = el.querySelector('ol')!;
    const item = document.createElement('li');
    item.dataset['id'] = 'later';
    item.textContent = 'A step added later';
    list.append(item);
    await aTimeout(0);
    await el.updateComplete;
    expect(boxes(el)).to.have.length(5);
    expect(boxes(el)[4]!.getAttribute('aria-label')).to.equal('A step added later');
    expect(item.assignedSlot).not.to.equal(null);
    // A text edit inside an item does not re-read the list. Observers hear of a change in the order
    // they were made: when this one hears of the edit, the widget's has heard of it already.
    const heard = new Promise((resolve) =>
      new MutationObserver(resolve).observe(el, { subtree: true, childList: true }),
    );
    item.textContent = 'Edited';
    await heard;
    await el.updateComplete;
    expect(boxes(el)[4]!.getAttribute('aria-label')).to.equal('A step added later');
    expect(count(el)).to.equal('0 of 5 done');
  });

  describe('bad input', () => {
    it('derives ids from the text of items without data-id, with one warning', async () => {
      const warn = sinon.stub(console, 'warn');
      const el = await checklist(
        freshKey(),
        html`<ol>
          <li><strong>Write to your MP!</strong> Today.</li>
          <li data-id="b">Second</li>
          <li>ចូលរួមកិច្ចប្រជុំ</li>
        </ol>`,
      );
      await click(el, 0);
      const change = sinon.spy();
      el.addEventListener('samleng-checklist-change', (event) => change(event.detail.id));
      await click(el, 2);
      expect(change.firstCall.args[0]).to.equal('ចូលរួមកិច្ចប្រជុំ');
      const ours = warn.getCalls().filter((call) => String(call.args[0]).startsWith('<samleng-checklist>'));
      expect(ours).to.have.length(1);
      expect(ours[0]!.args[0]).to.contain('data-id').and.contain('"write-to-your-mp"');
    });

    it('keeps duplicate ids apart, says so visibly and warns once', async () => {
      const warn = sinon.stub(console, 'warn');
      const key = freshKey();
      const el = await checklist(
        key,
        html`<ol>
          <li data-id="upr">First</li>
          <li data-id="upr">Second</li>
          <li data-id="upr">Third</li>
        </ol>`,
      );
      const ids: string[] = [];
      el.addEventListener('samleng-checklist-change', (event) => ids.push(event.detail.id));
      await click(el, 1);
      expect(boxes(el).map((box) => box.checked)).to.deep.equal([false, true, false]);
      expect(ids).to.deep.equal(['upr~2']);
      const note = shadow(el).querySelector('.note')!;
      expect(note.textContent).to.contain('"upr"');
      expect(warn.callCount).to.equal(1);
      expect(warn.firstCall.args[0]).to.match(/^<samleng-checklist>: .*"upr"/);
      await expect(el).to.be.accessible();
    });

    it('shows a localized message and warns once for an empty list', async () => {
      const warn = sinon.stub(console, 'warn');
      const el = await checklist(freshKey(), html`<ol></ol>`);
      expect(shadow(el).querySelector('[part=error]')!.textContent).to.contain('There are no steps to show.');
      expect(shadow(el).querySelector('[role=progressbar]')).to.equal(null);
      expect(warn.callCount).to.equal(1);
      expect(warn.firstCall.args[0]).to.match(/^<samleng-checklist>: found no steps/);
      await expect(el).to.be.accessible();
      await setLang('fr');
      await el.updateComplete;
      expect(shadow(el).querySelector('[part=error]')!.textContent).to.contain('Aucune étape');
    });

    it('shows a bad due date as such, warns once, and keeps the step working', async () => {
      const warn = sinon.stub(console, 'warn');
      const el = await checklist(
        freshKey(),
        html`<ol>
          <li data-id="a" data-due="31/12/2024">Bad</li>
          <li data-id="b" data-due="2023-02-30">Not a day</li>
        </ol>`,
      );
      const lines = [...shadow(el).querySelectorAll('.due')].map((node) => node.textContent!.trim());
      expect(lines).to.deep.equal([
        'The due date "31/12/2024" could not be read. Use a date such as 2029-05-01.',
        'The due date "2023-02-30" could not be read. Use a date such as 2029-05-01.',
      ]);
      expect(warn.callCount).to.equal(2);
      expect(warn.firstCall.args[0]).to.match(
        /^<samleng-checklist>: data-due of step "a" must be an ISO date/,
      );
      expect(button(el, '.calendar')).to.equal(null);
      await click(el, 0);
      expect(count(el)).to.equal('1 of 2 done');
      await expect(el).to.be.accessible();
    });
  });
});
