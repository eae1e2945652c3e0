import { expect, waitUntil } from '@open-wc/testing';
import type { LitElement } from 'lit';
import type { SamlengPledge } from '@samleng/pledge';
import sinon from 'sinon';
import { renderedText } from './inspect.js';
import { describePayload, jsonValues, payloads } from './payloads.js';
import { OUTBOX, sign } from '../../pledge/test/helpers.js';
import {
  ADDRESS,
  check,
  countEntry,
  describeAttributes,
  element,
  gather,
  pledgeEntry,
  report,
  sweep,
  useHostileHarness,
  type Act,
  type Sample,
} from './hostile-harness.js';
import { allValues, chunkOf, key } from './hostile-feed-entries.js';

/**
 * Issue 8, part 3 (hostile data): every attribute of <samleng-pledge>, the page address that prefills
 * the form, and what the receiver returns (to the form and to <samleng-pledge-count>). The only one of the
 * hostile-*.test.ts files that starts the real receiver (the form's endpoint). What is checked, and why:
 * hostile-harness.ts.
 */
useHostileHarness({ receiver: true });

describeAttributes('hostile-pledge.test.ts');

describe('hostile data: the page address that prefills <samleng-pledge>', function () {
  this.timeout(60_000);

  it('?name= and ?email=: payloads of every kind', async () => {
    // A partner's mailing links to the page with ?name=…&email=…: anyone can send such a link. The
    // values meet the same code as data-name and data-email (fed the whole corpus in
    // this file's <samleng-pledge> attributes); what is new
    // here is the way in, so three payloads of each kind go this way. Each address carries two, one as
    // the name and one as the e-mail address: browsers limit how often a page may change its address.
    const chosen = [...new Set(payloads.map((p) => p.category))].flatMap((category) =>
      payloads.filter((p) => p.category === category).slice(0, 3),
    );
    const half = Math.ceil(chosen.length / 2);
    const samples: Sample[] = [];
    try {
      for (let i = 0; i < half; i++) {
        const [name, email] = [chosen[i]!, chosen[(i + half) % chosen.length]!];
        const query = new URLSearchParams({ name: name.value, email: email.value });
        history.replaceState(history.state, '', `${location.origin}${location.pathname}?${query}`);
        // A browser may ignore changes of the address made too fast: then this would test nothing.
        expect(location.search).to.equal(`?${query}`);
        const el = element(pledgeEntry);
        // The form reads the address when it connects.
        document.body.append(el);
        samples.push({
          el,
          label: `?name=${describePayload(name)} &email=${describePayload(email)}`,
          fed: `${name.value} ${email.value}`,
        });
      }
    } finally {
      history.replaceState(history.state, '', ADDRESS);
    }
    await check('the page address', samples);
  });
});

// ---------------------------------------------------------------------------------------------------
// What the receiver returns. The real receiver never answers this, so a stubbed fetch stands in.

describe('hostile data: what the receiver returns', function () {
  this.timeout(60_000);

  interface Answer {
    body: unknown;
    fed: string;
    /** 400 for field errors, as the receiver sends them. */
    status?: number;
  }

  /**
   * Values where only the type matters (a count, an errors object, a whole answer): the JSON values,
   * every number-like string, and one string of each other kind stand for the corpus.
   */
  const types = () => {
    const kinds = [...new Map(payloads.map((p) => [p.category, p.value])).values()];
    const numbers = payloads.filter((p) => p.category === 'number').map((p) => p.value);
    return [...jsonValues, ...new Set([...kinds, ...numbers])].map((value) => ({
      value,
      fed: JSON.stringify(value),
    }));
  };

  /** Count answers: every payload as the campaign, each beside a count of a wrong type; wrong wholes. */
  const answers = (): Answer[] => {
    const counts = types();
    return [
      ...allValues().map(({ value, fed }, i) => {
        const count = counts[i % counts.length]!;
        return { body: { campaign: value, count: count.value }, fed: `${fed} ${count.fed}` };
      }),
      ...counts.map(({ value, fed }) => ({ body: { campaign: 'upr-2029', count: value }, fed })),
      ...counts.map(({ value, fed }) => ({ body: value, fed })),
    ];
  };

  /**
   * Each element gets its own endpoint, so that the stub knows which answer to give it. `reply` turns
   * an answer and the request into the response body (the form's answers echo the pledge's id).
   */
  function stubReceiver(
    list: Answer[],
    method: 'GET' | 'POST',
    reply = (answer: Answer, _init?: RequestInit) => answer.body,
  ): void {
    const real = window.fetch.bind(window);
    sinon.stub(window, 'fetch').callsFake((input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(input instanceof Request ? input.url : String(input), document.baseURI);
      const match = /\/hostile-receiver-(\d+)\//.exec(url.pathname);
      if (!match) return real(input, init);
      const answer = list[Number(match[1])]!;
      const json = (body: unknown, status = 200) =>
        Promise.resolve(
          new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
        );
      // The other method gets a plain, valid answer: a count of 1.
      if ((init?.method ?? 'GET') !== method) return json({ campaign: 'upr-2029', count: 1 });
      return json(reply(answer, init), answer.status);
    });
  }

  it('<samleng-pledge-count>: every count answer', async () => {
    const cases = answers();
    stubReceiver(cases, 'GET');
    // One element, moved from one endpoint (one answer) to the next.
    const steps = cases.map(({ fed, body }, i) => ({
      label: `answered ${JSON.stringify(body).slice(0, 80)}`,
      fed,
      apply: (el: HTMLElement) =>
        el.setAttribute('endpoint', `${location.origin}/hostile-receiver-${i}/api/pledges`),
    }));
    await sweep('<samleng-pledge-count>', element(countEntry), steps);
  });

  it('<samleng-pledge>: every answer to a pledge (sent, field errors, not an answer)', async () => {
    // The form shows the count through the same code as <samleng-pledge-count> (tested above); here
    // the answers to the POST. Where only the type of a value matters (a count, the errors object, the
    // whole answer), the JSON values and one string of each kind of payload stand for the corpus.

    const cases: Answer[] = [
      // Sent: the pledge's own id, with a count of every wrong type.
      ...types().map(({ value, fed }) => ({ body: { count: value }, fed })),
      // Field errors: four payloads an answer, each as the code of a field and as a field's name.
      ...chunkOf(allValues(), 4).map((four) => ({
        body: {
          errors: Object.fromEntries(
            four.flatMap(({ value }, i) => [
              [['name', 'email', 'country', 'city'][i]!, value],
              [key(value), 'required'],
            ]),
          ),
        },
        fed: four.map(({ fed }) => fed).join(' '),
        status: 400,
      })),
      ...types().map(({ value, fed }) => ({ body: { errors: value }, fed, status: 400 })),
      // Not an answer of the receiver at all.
      ...types().map(({ value, fed }) => ({ body: value, fed })),
    ];
    stubReceiver(cases, 'POST', ({ body }, init) => {
      if (!body || typeof body !== 'object' || !('count' in body)) return body;
      const { id } = JSON.parse(String(init?.body)) as { id: string };
      return { id, ...body };
    });
    const samples = cases.map(({ fed, body }, i) => {
      const el = element(pledgeEntry);
      el.setAttribute('endpoint', `${location.origin}/hostile-receiver-${i}/api/pledges`);
      return { el, label: `<samleng-pledge> answered ${JSON.stringify(body).slice(0, 80)}`, fed };
    });
    const send: Act = async (batch) => {
      for (const { el } of batch) sign(el as SamlengPledge, 'Ana Example', 'ana@example.org');
      await Promise.all(batch.map(({ el }) => (el as LitElement).updateComplete));
      // The submit button is marked busy while the pledge is on its way.
      await waitUntil(
        () => !batch.some(({ el }) => el.shadowRoot!.querySelector('button[aria-disabled="true"]')),
        'a pledge was not answered',
        { timeout: 15_000 },
      );
      // Each form got its answer: thanks, kept for later, or the receiver's errors shown.
      for (const { el, label } of batch) {
        const outcome = el.shadowRoot!.querySelector(
          '[part~=thanks], [part~=queued], [part~=field-error], [part~=form-error]',
        );
        expect(outcome, `${label}: the form shows no outcome: ${renderedText(el)}`).to.not.equal(null);
      }
    };
    // In batches: each form moves the focus to its outcome, and the page is laid out again.
    const problems: string[] = [];
    for (let i = 0; i < samples.length; i += 100) {
      problems.push(...(await gather('the answers to a pledge', samples.slice(i, i + 100), send)));
    }
    await report('the answers to a pledge', problems);
    localStorage.removeItem(OUTBOX);
  });
});
