import '../../../test/harness.js';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import {
  boxes,
  button,
  click,
  count,
  dueLines,
  freshKey,
  setLang,
  shadow,
  type SamlengChecklist,
} from './helpers.js';

const FIXTURES = '/packages/checklist/test/fixtures';

async function fromFeed(src: string, key = freshKey()): Promise<SamlengChecklist> {
  const el = await fixture<SamlengChecklist>(
    html`<samleng-checklist heading="From a feed" storage-key=${key} src=${src}
      ><p>Fallback text for pages without scripts.</p></samleng-checklist
    >`,
  );
  await waitUntil(() => !shadow(el).querySelector('.loading'), 'the feed did not load', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

const ours = (warn: sinon.SinonStub) =>
  warn
    .getCalls()
    .map((call) => String(call.args[0]))
    .filter((text) => text.startsWith('<samleng-checklist>'));

describe('<samleng-checklist src>', function () {
  // axe in a loaded CI machine (two browsers, coverage) can take longer than the default 10 s.
  this.timeout(30_000);
  afterEach(async () => {
    sinon.restore();
    localStorage.clear();
    await setLang('en');
  });

  it('shows the steps of a feed as text, by locale, with a label per checkbox', async () => {
    const warn = sinon.stub(console, 'warn');
    const el = await fromFeed(`${FIXTURES}/steps.json`);
    const titles = [...shadow(el).querySelectorAll('label.title')].map((label) => label.textContent!.trim());
    expect(titles).to.deep.equal([
      "Take part in the UN's review of Cambodia",
      'Support the urgent-action case alerts',
      'Join international meetings on Cambodia',
    ]);
    // Each title is the label of its checkbox: clicking it ticks the step.
    shadow(el).querySelector<HTMLLabelElement>('label.title')!.click();
    await el.updateComplete;
    expect(boxes(el)[0]!.checked).to.equal(true);
    expect(count(el)).to.equal('1 of 3 done');
    await click(el, 0);
    expect(shadow(el).querySelector('.details')!.textContent).to.equal(
      'Submit written statements of concern.',
    );
    const links = [...shadow(el).querySelectorAll<HTMLAnchorElement>('a.link')];
    expect(links.map((link) => link.getAttribute('href'))).to.deep.equal([
      'https://www.ohchr.org/en/hr-bodies/upr/cambodia',
    ]);
    expect(links[0]!.textContent).to.equal('How to do it');
    expect(dueLines(el)).to.have.length(1);
    // The light-DOM fallback is not shown once the feed is there.
    expect(el.querySelector('p')!.assignedSlot).to.equal(null);
    // The javascript: link was dropped, with one warning.
    expect(ours(warn)).to.have.length(1);
    expect(ours(warn)[0]).to.contain('href').and.contain('javascript');
    await expect(el).to.be.accessible();
    await setLang('km');
    await el.updateComplete;
    expect(shadow(el).querySelector('label.title')!.textContent).to.equal(
      'ចូលរួមក្នុងការពិនិត្យរបស់អង្គការសហប្រជាជាតិលើកម្ពុជា',
    );
    // No Khmer details: the English ones, marked as English (WCAG 3.1.2), as the English-only titles.
    expect(shadow(el).querySelector('.details')!.textContent).to.equal(
      'Submit written statements of concern.',
    );
    const langs = (selector: string) =>
      [...shadow(el).querySelectorAll(selector)].map((node) => node.getAttribute('lang'));
    expect(langs('.details')).to.deep.equal(['en']);
    expect(langs('label.title')).to.deep.equal([null, 'en', 'en']);
    await expect(el).to.be.accessible();
    // In French, the French texts carry nothing; the plain English strings (Latin, like French) neither:
    // only their script could tell, and it cannot tell English from French.
    await setLang('fr');
    await el.updateComplete;
    expect(langs('label.title')).to.deep.equal([null, null, null]);
    expect(langs('.details')).to.deep.equal([null]);
  });

  it('shows a localized error with a retry button for a missing feed (404), and warns once', async () => {
    const warn = sinon.stub(console, 'warn');
    const el = await fromFeed(`${FIXTURES}/missing.json`);
    const error = shadow(el).querySelector('[part=error]')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(error.textContent).to.contain(
      'The steps could not be loaded. Check your connection and try again.',
    );
    expect(button(el, '.retry')!.textContent!.trim()).to.equal('Try again');
    expect(ours(warn)).to.have.length(1);
    expect(ours(warn)[0]).to.contain('missing.json').and.contain('404');
    await expect(el).to.be.accessible();
    await setLang('fr');
    await el.updateComplete;
    expect(error.textContent).to.contain('Les étapes n’ont pas pu être chargées.');
  });

  it('asks the network again on retry', async () => {
    const stub = sinon.stub(window, 'fetch');
    sinon.stub(console, 'warn');
    stub.onFirstCall().resolves(new Response('busy', { status: 503 }));
    stub.onSecondCall().resolves(
      new Response(JSON.stringify({ version: 1, steps: [{ id: 'a', title: 'Only step' }] }), {
        headers: { 'content-type': 'application/json' },
      }),
    );
    const el = await fromFeed('/retry-feed.json');
    expect(button(el, '.retry')).not.to.equal(null);
    button(el, '.retry')!.click();
    await waitUntil(() => boxes(el).length === 1, 'the retry did not load the steps');
    expect(stub.callCount).to.equal(2);
    expect(shadow(el).querySelector('label.title')!.textContent).to.equal('Only step');
  });

  for (const [file, why] of [
    ['malformed.txt', 'not-json'],
    ['wrong-version.json', '"version" must be 1'],
    ['not-steps.json', '"steps" must be an array'],
  ]) {
    it(`says the list could not be read for ${file}, and warns once`, async () => {
      const warn = sinon.stub(console, 'warn');
      const el = await fromFeed(`${FIXTURES}/${file}`);
      expect(shadow(el).querySelector('[part=error]')!.textContent).to.contain(
        'The list of steps could not be read.',
      );
      expect(ours(warn)).to.have.length(1);
      expect(ours(warn)[0]).to.contain(why);
      await expect(el).to.be.accessible();
    });
  }

  it('leaves out steps of the wrong shape, keeps the rest, and says what it ignored', async () => {
    const warn = sinon.stub(console, 'warn');
    const el = await fromFeed(`${FIXTURES}/wrong-types.json`);
    const titles = [...shadow(el).querySelectorAll('label.title')].map((label) => label.textContent!.trim());
    expect(titles).to.deep.equal(["Take part in the UN's review", 'Support the case alerts', 'A second upr']);
    expect(dueLines(el)).to.deep.equal([
      'The due date "10/10/2023" could not be read. Use a date such as 2029-05-01.',
      'The due date "20231010" could not be read. Use a date such as 2029-05-01.',
    ]);
    const notes = [...shadow(el).querySelectorAll('.note')].map((note) => note.textContent!.trim());
    expect(notes).to.deep.equal([
      'Some steps could not be read and are not shown.',
      'Note for the page\'s editor: more than one step has the id "upr". Give each step its own id so that progress is kept correctly.',
    ]);
    const warnings = ours(warn);
    // The feed's problems (one), derived ids (one), the duplicate (one), each bad date (two).
    expect(warnings).to.have.length(5);
    expect(warnings[0])
      .to.contain('steps[0].details')
      .and.contain('steps[2] was left out')
      .and.contain('steps[4].href');
    expect(warnings.join('\n')).to.contain('"upr"').and.contain('10/10/2023');
    const changes: string[] = [];
    el.addEventListener('samleng-checklist-change', (event) => changes.push(event.detail.id));
    await click(el, 1);
    await click(el, 2);
    expect(changes).to.deep.equal(['support-the-case-alerts', 'upr~2']);
    await expect(el).to.be.accessible();
  });

  it('shows the empty state for a feed without steps', async () => {
    const warn = sinon.stub(console, 'warn');
    const el = await fromFeed(`${FIXTURES}/empty.json`);
    expect(shadow(el).querySelector('[part=error]')!.textContent).to.contain('There are no steps to show.');
    expect(ours(warn)).to.have.length(1);
    expect(ours(warn)[0]).to.contain('has no steps');
  });

  it('refuses a javascript: src with a message and one warning', async () => {
    const warn = sinon.stub(console, 'warn');
    const el = await fromFeed('javascript:alert(1)');
    expect(shadow(el).querySelector('[part=error]')!.textContent).to.contain('could not be read');
    expect(ours(warn)).to.have.length(1);
  });

  it('goes back to the partner list when src is removed', async () => {
    sinon.stub(console, 'warn');
    const el = await fixture<SamlengChecklist>(
      html`<samleng-checklist storage-key=${freshKey()} src="${FIXTURES}/steps.json"
        ><ol>
          <li data-id="a">Partner step</li>
        </ol></samleng-checklist
      >`,
    );
    await waitUntil(() => boxes(el).length === 3);
    el.removeAttribute('src');
    await el.updateComplete;
    expect(boxes(el).map((box) => box.getAttribute('aria-label'))).to.deep.equal(['Partner step']);
  });
});
