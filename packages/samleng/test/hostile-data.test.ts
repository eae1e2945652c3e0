import { stubWarn } from '../../../test/harness.js';
import { expect, waitUntil } from '@open-wc/testing';
import type { LitElement } from 'lit';
import type { SamlengPledge } from '@samleng/pledge';
import sinon from 'sinon';
import '../samleng.js';
import { TEXT_MAX } from '@samleng/core';
import {
  blank,
  leaks,
  loading,
  overflow,
  renderedText,
  settle,
  shadowRoots,
  unsafeMarkup,
  unsafeUrls,
} from './inspect.js';
import { describePayload, installTrap, jsonValues, payloads, setTrapContext, trapCalls } from './payloads.js';
import { closeReceiver, startReceiver, type ReceiverHandle } from '../../../test/receiver.js';
import { removeServed, serveAll } from './serve.js';
import { OUTBOX, sign } from '../../pledge/test/helpers.js';

/**
 * Issue 8, part 3: every attribute of every widget, every field of the case and steps feeds, and every
 * value the receiver returns, fed the whole hostile corpus (payloads.ts). For each widget it asserts:
 * no payload ran (the trap), no unsafe URL in any shadow root, no handler attribute or script-capable
 * element, no widget wider than its 320 px container, no blank box (an error it shows has text), no
 * leaked "undefined"/"NaN", no uncaught error, and every console warning names a Samleng tag.
 *
 * Attributes that cannot stop the rest from rendering (text, links, theme) are fed together, so that
 * each payload reaches all of them at once; an attribute that can (a date that replaces the card with
 * an error, a feed address) is fed alone, with valid values around it, so that it never hides another
 * one's output. Most are swept: the corpus is fed in turn to one element, checked after each update.
 * Those that start a request, or are read only when the element connects, get an element per payload,
 * all on the page at once; so do the feeds (files written for the run and served by the test server:
 * see serve.ts). Relative URLs resolve to a dead origin (DEAD_BASE) and absolute ones name `.invalid`
 * hosts (RFC 2606), so that no payload reaches a real server.
 *
 * Findings that are not safety problems but would make a partner's page misbehave are tested too:
 * dates in the years 0 to 99, and a long unbroken Khmer run, at the end of the file.
 */

const WIDTH = 320;
/**
 * Relative payload URLs (`x`, `"><script>…`) resolve against this dead origin instead of the test
 * server: port 1 is on every browser's blocked-port list, so loading them fails at once, without a
 * request. The widgets' own fixtures are given as absolute URLs.
 */
const DEAD_BASE = 'http://127.0.0.1:1/hostile/';
const FIXTURES = `${location.origin}/packages/samleng/test/fixtures`;
/** The test page's address, put back after a test changed it. */
const ADDRESS = location.href;
/** Stands for the test receiver's endpoint in the tables (it is started before the tests). */
const RECEIVER = '{test receiver}';
let receiver: ReceiverHandle | undefined;

/** A value the partner controls outside the element's own attributes. */
interface LightField {
  name: string;
  apply: (el: HTMLElement, value: string) => void;
}

/** One entry per tag: adding a tag or an attribute is one line here. */
interface TagTable {
  tag: string;
  /** Every attribute the element observes (checked against the class, so none is forgotten). */
  attributes: string[];
  /** Attributes whose bad value replaces what the others show (fed alone, one batch each). */
  alone: string[];
  /**
   * Fields fed to a new element per payload rather than swept through one: those whose change starts
   * a request (so that requests overlap), and those read only when the element connects.
   */
  fresh: string[];
  /** Valid values, so that the attribute under test is the only wrong one. */
  base: Record<string, string>;
  /** The partner's light DOM (trusted: their own markup). */
  content?: string;
  /** Values read from the light DOM rather than from attributes (fed alone). */
  light?: LightField[];
  // No switch to skip an entry: a tag in this table is fed every payload, always.
}

const TAGS: TagTable[] = [
  {
    tag: 'samleng-countdown',
    attributes: [
      'heading',
      'date',
      'end',
      'time-zone',
      'place',
      'href',
      'precision',
      'estimated',
      'theme',
      'numerals',
    ],
    alone: ['date', 'end', 'time-zone', 'precision'],
    fresh: [],
    base: {
      heading: "Cambodia's 5th UN review",
      date: '2099-05-01',
      end: '2099-05-03',
      'time-zone': 'Europe/Zurich',
      place: 'Geneva',
      href: 'https://example.org/upr',
      precision: 'minute',
      theme: 'light',
    },
    content: '<time datetime="2098-11-01">Stakeholder submissions due</time>',
    light: [
      {
        name: '<time datetime> of a milestone',
        apply: (el, value) => el.querySelector('time')!.setAttribute('datetime', value),
      },
      { name: 'text of a milestone', apply: (el, value) => (el.querySelector('time')!.textContent = value) },
    ],
  },
  {
    tag: 'samleng-case-alert',
    attributes: [
      'heading',
      'src',
      'case-id',
      'name',
      'name-km',
      'status',
      'status-note',
      'charge',
      'sentence',
      'arrested',
      'sentenced',
      'photo',
      'photo-alt',
      'deadline',
      'updated',
      'action-href',
      'action-label',
      'source-href',
      'letter-to',
      'letter-subject',
      'letter-body',
      'share-url',
      'theme',
      'numerals',
    ],
    alone: ['src', 'name', 'status', 'arrested', 'sentenced', 'deadline', 'updated', 'letter-to'],
    fresh: ['src'],
    base: {
      heading: 'Urgent action',
      'case-id': 'ana-example',
      name: 'Ana Example',
      'name-km': 'អាណា ឧទាហរណ៍',
      status: 'detained',
      'status-note': 'Not verified since 2025.',
      charge: 'Incitement',
      sentence: '5 years',
      arrested: '2019-09-03',
      sentenced: '2020-03-03',
      'photo-alt': 'Portrait of Ana Example',
      deadline: '2099-12-12',
      updated: '2026-06-01',
      'action-href': 'https://example.org/act',
      'action-label': 'Sign the petition',
      'source-href': 'https://example.org/report',
      'letter-to': 'office@example.org',
      'letter-subject': 'Release Ana Example',
      'letter-body': 'Dear Sir or Madam,\nPlease release Ana Example.',
      'share-url': 'https://example.org/ana',
      theme: 'light',
    },
    content: 'Ana Example was arrested for a post on social media.',
    light: [{ name: 'slotted summary text', apply: (el, value) => (el.textContent = value) }],
  },
  {
    tag: 'samleng-case-list',
    attributes: ['heading', 'src', 'limit', 'status', 'share-url', 'theme', 'numerals'],
    alone: ['src', 'limit', 'status'],
    fresh: ['src'],
    base: {
      heading: 'Political prisoners',
      src: `${FIXTURES}/cases.json`,
      'share-url': 'https://example.org/cases',
      theme: 'light',
    },
  },
  {
    tag: 'samleng-checklist',
    attributes: ['heading', 'src', 'storage-key', 'theme', 'numerals'],
    alone: ['src'],
    fresh: ['src', '<li data-id>', '<li data-due>', 'text of a step'],
    base: { heading: 'Four steps', 'storage-key': 'hostile-data', theme: 'light' },
    content:
      '<ol><li data-id="upr" data-due="2099-10-10"><strong>Take part in the review.</strong> Submit a statement.</li>' +
      '<li data-id="alerts">Support the case alerts.</li></ol>',
    light: [
      { name: '<li data-id>', apply: (el, value) => el.querySelector('li')!.setAttribute('data-id', value) },
      {
        name: '<li data-due>',
        apply: (el, value) => el.querySelector('li')!.setAttribute('data-due', value),
      },
      { name: 'text of a step', apply: (el, value) => (el.querySelector('li strong')!.textContent = value) },
    ],
  },
  {
    tag: 'samleng-pledge',
    attributes: [
      'endpoint',
      'campaign',
      'partner',
      'goal',
      'fields',
      'privacy-href',
      'share-url',
      'share-text',
      'heading',
      'consent-text',
      'thanks-heading',
      'refresh',
      'theme',
      'numerals',
    ],
    alone: ['endpoint', 'campaign', 'goal', 'fields', 'refresh'],
    fresh: ['endpoint', 'campaign', 'data-name', 'data-email'],
    base: {
      endpoint: RECEIVER,
      campaign: 'upr-2029',
      partner: 'lowell-kca',
      goal: '5000',
      fields: 'country city',
      'privacy-href': 'https://example.org/privacy',
      'share-url': 'https://example.org/pledge',
      'share-text': 'I pledged to stand with Cambodia',
      heading: "Stand with Cambodia's political prisoners",
      refresh: '600',
      theme: 'light',
    },
    content: "I pledge to write to my representative before Cambodia's next UN review.",
    light: [
      { name: 'data-name', apply: (el, value) => el.setAttribute('data-name', value) },
      { name: 'data-email', apply: (el, value) => el.setAttribute('data-email', value) },
      { name: 'statement text', apply: (el, value) => (el.textContent = value) },
    ],
  },
  {
    tag: 'samleng-pledge-count',
    attributes: ['endpoint', 'campaign', 'goal', 'refresh', 'heading', 'theme', 'numerals'],
    alone: ['endpoint', 'campaign', 'goal', 'refresh'],
    fresh: ['endpoint', 'campaign'],
    base: {
      endpoint: `${FIXTURES}/receiver`,
      campaign: 'upr-2029',
      goal: '5000',
      refresh: '600',
      theme: 'light',
    },
  },
];

const pledgeEntry = TAGS.find((t) => t.tag === 'samleng-pledge')!;
const countEntry = TAGS.find((t) => t.tag === 'samleng-pledge-count')!;

// ---------------------------------------------------------------------------------------------------
// Watching the page: console warnings (by element), uncaught errors, the trap.

interface Warning {
  text: string;
  host: unknown;
}
let warnings: Warning[] = [];
const errors: string[] = [];
const onError = (event: ErrorEvent) => errors.push(`${event.message} (${event.filename}:${event.lineno})`);
const onRejection = (event: PromiseRejectionEvent) =>
  errors.push(`unhandled rejection: ${String(event.reason)}`);

/** Lit's own warnings go on to the harness, which fails the test on them; the others are kept here. */
function watchConsole(): void {
  stubWarn((args) => warnings.push({ text: String(args[0]), host: args[1] }));
}

let base: HTMLBaseElement | undefined;

before(async () => {
  receiver = await startReceiver();
  installTrap();
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  base = document.createElement('base');
  base.href = DEAD_BASE;
  document.head.append(base);
});

after(async function () {
  this.timeout(60_000);
  // What a test's report could not wait for: a payload whose load from a `.invalid` host failed only
  // once DNS answered, seconds later. Its trap call or error lands here, naming what was fed.
  await settle({ dns: true });
  await report('the whole suite (late events)', []);
});

after(async () => {
  if (receiver) await closeReceiver(receiver.id);
  // Pledges the hostile answers left waiting must not be sent by a later test file.
  localStorage.removeItem(OUTBOX);
  base?.remove();
  window.removeEventListener('error', onError);
  window.removeEventListener('unhandledrejection', onRejection);
  await removeServed();
});

beforeEach(() => {
  warnings = [];
  errors.length = 0;
  watchConsole();
});
afterEach(() => {
  for (const stage of stages) stage.remove();
  stages.clear();
  sinon.restore();
});

// ---------------------------------------------------------------------------------------------------
// Batches: many widgets on the page at once, each in a 320 px container, then every check on each.

interface Sample {
  el: HTMLElement;
  /** What was fed, for failure messages. */
  label: string;
  /** The text fed, so that echoing "undefined" or "NaN" given by the payload is not a leak. */
  fed: string;
}

/** The sample's widget and the widgets it renders (a list's cards). */
const widgetsOf = (el: Element): LitElement[] =>
  [el, ...shadowRoots(el).flatMap((root) => [...root.querySelectorAll('*')])].filter(
    (node): node is LitElement => 'updateComplete' in node,
  );

/** The stages on the page, removed after each test even when it failed half-way. */
const stages = new Set<HTMLElement>();

/** Waits for every widget's update; an update that threw is a problem of its sample. */
async function updated(samples: Sample[], problems: Map<Sample, string[]>): Promise<void> {
  await Promise.all(
    samples.map(async (sample) => {
      const results = await Promise.allSettled(widgetsOf(sample.el).map((el) => el.updateComplete));
      for (const result of results) {
        if (result.status === 'rejected') {
          const list = problems.get(sample) ?? [];
          list.push(`its update threw ${String(result.reason)}`);
          problems.set(sample, list);
        }
      }
    }),
  );
}

async function mount(samples: Sample[], problems: Map<Sample, string[]>): Promise<HTMLElement> {
  const stage = document.createElement('div');
  for (const { el } of samples) {
    const box = document.createElement('div');
    box.style.width = `${WIDTH}px`;
    box.append(el);
    stage.append(box);
  }
  stages.add(stage);
  document.body.append(stage);
  await updated(samples, problems);
  // Feeds give up after 10 s (FEED_TIMEOUT); a widget loading for longer never will.
  await waitUntil(() => !samples.some(({ el }) => loading(el)), '', { timeout: 12_000 }).catch(
    () => undefined,
  );
  // Cards a list has just rendered.
  await updated(samples, problems);
  await settle();
  return stage;
}

/** Everything wrong with one sample as it is on the page now. */
function problemsOf({ el, label, fed }: Sample, thrown: string[] = []): string[] {
  return [
    ...thrown,
    ...(loading(el) ? ['still loading after 12 s: a spinner forever, and no message'] : []),
    ...unsafeUrls(el),
    ...unsafeMarkup(el),
    ...overflow(el, WIDTH),
    ...blank(el),
    ...leaks(el, fed),
  ].map((problem) => `${label}: ${problem}`);
}

/** Adds what the page saw (payloads that ran, uncaught errors, untagged warnings) and asserts none. */
async function report(context: string, problems: string[]): Promise<void> {
  // Late handlers (an image's error, an animation's begin) and rejections have time to arrive.
  await settle();
  const ran = trapCalls.splice(0).map(({ id, context: where }) => {
    const payload = payloads.find((p) => p.id === id);
    return `payload ${payload ? describePayload(payload) : String(id)} RAN (while feeding ${where})`;
  });
  const untagged = warnings
    .splice(0)
    .filter(({ text }) => !/^<samleng-[a-z-]+>: /.test(text))
    .map(({ text }) => `a warning that names no tag: ${text}`);
  const all = [...ran, ...errors.splice(0).map((e) => `uncaught: ${e}`), ...untagged, ...problems];
  expect(all.length, `${all.length} problem(s) feeding ${context}:\n${all.slice(0, 60).join('\n')}`).to.equal(
    0,
  );
}

/**
 * Mounts a batch of widgets at once (for widgets that fetch, so that their requests overlap), checks
 * each, removes them.
 */
async function check(context: string, samples: Sample[], act?: Act): Promise<void> {
  await report(context, await gather(context, samples, act));
}

/** Something to do to a mounted batch before it is checked (send the forms). */
type Act = (samples: Sample[]) => Promise<void>;

/** Mounts a batch, acts on it, and returns every problem of every sample; removes the batch. */
async function gather(context: string, samples: Sample[], act?: Act): Promise<string[]> {
  setTrapContext(context);
  const thrown = new Map<Sample, string[]>();
  const stage = await mount(samples, thrown);
  if (act) {
    await act(samples);
    await updated(samples, thrown);
    await settle();
  }
  const problems = samples.flatMap((sample) => problemsOf(sample, thrown.get(sample)));
  stage.remove();
  stages.delete(stage);
  return problems;
}

/**
 * Feeds every payload in turn to one widget, checking it after each update: a re-render costs far
 * less than a new element, and it also covers going from one bad value to the next.
 */
async function sweep(context: string, el: HTMLElement, steps: Step[]): Promise<void> {
  setTrapContext(context);
  const problems: string[] = [];
  const thrown = new Map<Sample, string[]>();
  const first: Sample = { el, label: `${context} (valid values)`, fed: '' };
  const stage = await mount([first], thrown);
  problems.push(...problemsOf(first, thrown.get(first)));
  for (const { label, fed, apply } of steps) {
    const sample: Sample = { el, label: `${context} = ${label}`, fed };
    apply(el);
    thrown.clear();
    await updated([sample], thrown);
    if (loading(el)) {
      // Polled often: most answers arrive within a few milliseconds.
      const end = performance.now() + 12_000;
      while (loading(el) && performance.now() < end) await new Promise((resolve) => setTimeout(resolve, 2));
      await updated([sample], thrown);
    }
    problems.push(...problemsOf(sample, thrown.get(sample)));
  }
  stage.remove();
  stages.delete(stage);
  await report(context, problems);
}

/** One value of a sweep: how to feed it, and how to name it. */
interface Step {
  label: string;
  fed: string;
  apply: (el: HTMLElement) => void;
}

/** The corpus as the steps of a sweep through `apply`. */
const corpusSteps = (apply: (el: HTMLElement, value: string) => void): Step[] =>
  payloads.map((payload) => ({
    label: describePayload(payload),
    fed: payload.value,
    apply: (el) => apply(el, payload.value),
  }));

// ---------------------------------------------------------------------------------------------------
// The corpus itself

describe('hostile data: the corpus', () => {
  it('holds at least 200 payloads of every kind the issue names', () => {
    expect(payloads.length).to.be.at.least(200);
    const values = payloads.map((p) => p.value);
    for (const probe of [
      /<img src=x onerror=/,
      /<svg onload=/,
      /^"><script>/,
      /\$\{/,
      /^javascript:/,
      /^data:/i,
      /^vbscript:/i,
      /<\/style>/,
      /expression\(/,
      /url\(javascript:/,
      /\u202e/,
      /\u200b/,
      /[\ud800-\udbff](?![\udc00-\udfff])/,
      // NUL (a character class, which the lint rule against control characters in patterns allows).
      /[\0]/,
      /^-1$/,
      /^NaN$/,
      /^1e308$/,
      /^0001-01-01$/,
      /^9999-12-31$/,
    ]) {
      expect(
        values.some((v) => probe.test(v)),
        String(probe),
      ).to.equal(true);
    }
    expect(values.filter((v) => v.length >= 100_000).length).to.be.at.least(5);
    expect(new Set(payloads.map((p) => p.id)).size).to.equal(payloads.length);
  });

  it('catches a payload that runs (the trap works)', async () => {
    const probe = payloads.find((p) => p.value.startsWith('<img src=x onerror='))!;
    const div = document.createElement('div');
    // On purpose: what a widget rendering data as HTML would do.
    div.innerHTML = probe.value;
    document.body.append(div);
    await waitUntil(() => trapCalls.length > 0, 'the trap was not called', { timeout: 5000 });
    div.remove();
    expect(trapCalls.splice(0).map((c) => c.id)).to.deep.equal([probe.id]);
  });

  it('sees what a leaky widget would render: an unsafe link, a handler, overflow, a blank box', async () => {
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = `<a href="java\tscript:x">x</a><p onclick="x" style="width:2000px">wide</p>`;
    const box = document.createElement('div');
    box.style.width = `${WIDTH}px`;
    box.append(host);
    document.body.append(box);
    expect(unsafeUrls(host)).to.have.length(1);
    expect(unsafeMarkup(host)).to.have.length(1);
    expect(overflow(host, WIDTH).length).to.be.greaterThan(0);
    root.innerHTML = '<p part="error"></p>';
    expect(blank(host)).to.include('the widget shows no text');
    root.innerHTML = '<p>NaN people have pledged</p>';
    expect(leaks(host, '')).to.have.length(1);
    box.remove();
  });
});

// ---------------------------------------------------------------------------------------------------
// Attributes

function element(entry: TagTable): HTMLElement {
  const el = document.createElement(entry.tag);
  for (const [name, value] of Object.entries(entry.base)) {
    el.setAttribute(name, value === RECEIVER ? receiver!.endpoint : value);
  }
  if (entry.content) el.innerHTML = entry.content;
  return el;
}

for (const entry of TAGS) {
  describe(`hostile data: <${entry.tag}> attributes`, function () {
    this.timeout(60_000);

    it('the table lists every attribute the element observes', () => {
      const ctor = customElements.get(entry.tag) as
        (typeof LitElement & CustomElementConstructor) | undefined;
      expect(ctor, `<${entry.tag}> is not defined by the drop-in script`).to.not.equal(undefined);
      expect([...ctor!.observedAttributes].sort()).to.deep.equal([...entry.attributes].sort());
    });

    const together = entry.attributes.filter((name) => !entry.alone.includes(name));
    const set = (names: string[]) => (el: HTMLElement, value: string) =>
      names.forEach((name) => el.setAttribute(name, value));
    const batches: LightField[] = [
      { name: together.join(', '), apply: set(together) },
      ...entry.alone.map((name) => ({ name, apply: set([name]) })),
      ...(entry.light ?? []),
    ];
    for (const field of batches) {
      it(`${field.name}: every payload`, async () => {
        const context = `<${entry.tag}> ${field.name}`;
        if (!entry.fresh.includes(field.name)) {
          await sweep(context, element(entry), corpusSteps(field.apply));
          return;
        }
        const samples = payloads.map((payload) => {
          const el = element(entry);
          field.apply(el, payload.value);
          return { el, label: `${context} = ${describePayload(payload)}`, fed: payload.value };
        });
        await check(context, samples);
      });
    }
  });
}

describe('hostile data: the page address that prefills <samleng-pledge>', function () {
  this.timeout(60_000);

  it('?name= and ?email=: payloads of every kind', async () => {
    // A partner's mailing links to the page with ?name=…&email=…: anyone can send such a link. The
    // values meet the same code as data-name and data-email (fed the whole corpus above); what is new
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
// Feeds, served as real files (serve.ts)

type Json = Record<string, unknown>;
type Setter = (target: Json, value: unknown) => void;

const at =
  (...path: (string | number)[]): Setter =>
  (target, value) => {
    let node = target as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
    node[path.at(-1)!] = value;
  };

/** A value as an object key (JSON for non-strings: String() throws on a null-prototype object). */
const key = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

const bytes = (text: string) => new TextEncoder().encode(text).length;

/** Splits entries into feeds well below fetchJson's 1 MB limit (a 100 KB emoji string is 200 KB). */
function chunk<T>(entries: T[], limit = 700_000): T[][] {
  const chunks: T[][] = [[]];
  let size = 0;
  for (const entry of entries) {
    const length = bytes(JSON.stringify(entry));
    if (size + length > limit && chunks.at(-1)!.length) {
      chunks.push([]);
      size = 0;
    }
    chunks.at(-1)!.push(entry);
    size += length;
  }
  return chunks;
}

interface FeedEntry {
  entry: unknown;
  fed: string;
}

/**
 * Writes the entries as feeds and returns the widgets that show them.
 * @param wrap makes a feed of a chunk of entries.
 * @param widgets the widgets that read one feed.
 */
async function feedSamples(
  name: string,
  entries: FeedEntry[],
  wrap: (entries: unknown[]) => Json,
  widgets: (src: string, first: unknown) => HTMLElement[],
): Promise<Sample[]> {
  const parts = chunk(entries);
  const paths = await serveAll(
    parts.map((part, i) => [`${name}-${i}.json`, JSON.stringify(wrap(part.map((p) => p.entry)))]),
  );
  return parts.flatMap((part, i) => {
    const path = paths[i]!;
    const fed = part.map((p) => p.fed).join(' ');
    return widgets(`${location.origin}${path}`, part[0]!.entry).map((el) => ({
      el,
      label: `${name} feed #${i} (${path.split('/').at(-1)})`,
      fed,
    }));
  });
}

/** `list` in runs of `size`. */
const chunkOf = <T>(list: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, i * size + size));

/** Strings (the corpus) and JSON values of the wrong types, each with what it "says". */
const allValues = (): { value: unknown; fed: string; id: string }[] => [
  ...payloads.map((p) => ({ value: p.value as unknown, fed: p.value, id: `p${p.id}` })),
  ...jsonValues.map((value, i) => ({ value, fed: JSON.stringify(value), id: `j${i}` })),
];

/**
 * A payload longer than this goes into one field of an entry, not all: in every field at once, the long
 * ones would take a feed past fetchJson's 1 MB limit, and rendering 2,000 Khmer letters sixteen times
 * in a card is slow in Chromium (see the last test).
 */
const SHARED_LIMIT = 1_000;

const slug = (field: string) => field.replace(/\W+/g, '_');

/**
 * For each payload, one entry with every free field (text or URL, never refused) set to it. A long
 * payload (SHARED_LIMIT) goes into one field, a different one for each long payload. (The attribute
 * tests put every long payload in every attribute; the card renders a feed's case with the same code.)
 */
function freeEntries(make: (id: string) => Json, free: [string, Setter][]): FeedEntry[] {
  let long = 0;
  return payloads.map((p) => {
    const entry = make(`p${p.id}`);
    const fields = p.value.length < SHARED_LIMIT ? free : [free[long++ % free.length]!];
    for (const [, set] of fields) set(entry, p.value);
    return { entry, fed: p.value };
  });
}

/**
 * One entry per checked field and payload: a refused value skips the entry, hiding nothing else. A
 * long payload goes into one of the fields (a different one each time), as in `freeEntries`.
 */
function gatedEntries(make: (id: string) => Json, gated: [string, Setter][]): FeedEntry[] {
  let long = 0;
  return payloads.flatMap((p) => {
    const fields = p.value.length < SHARED_LIMIT ? gated : [gated[long++ % gated.length]!];
    return fields.map(([field, set]) => {
      const entry = make(`p${p.id}-${slug(field)}`);
      set(entry, p.value);
      return { entry, fed: p.value };
    });
  });
}

/** One entry per field and JSON value of a wrong type. */
function typeEntries(make: (id: string) => Json, fields: [string, Setter][]): FeedEntry[] {
  return jsonValues.flatMap((value, j) =>
    fields.map(([field, set]) => {
      const entry = make(`j${j}-${slug(field)}`);
      set(entry, value);
      return { entry, fed: JSON.stringify(value) };
    }),
  );
}

/** Text as a feed may give it by language: the same value in each, whatever the page's language. */
const byLanguage =
  (...path: (string | number)[]): Setter =>
  (target, value) =>
    at(...path)(target, { en: value, km: value, fr: value });

const baseCase = (id: string): Json => ({
  id,
  name: 'Ana Example',
  nameKm: 'អាណា ឧទាហរណ៍',
  status: 'detained',
  statusNote: { en: 'Not verified since 2025.', fr: 'Non vérifié depuis 2025.' },
  charges: ['Incitement', { en: 'Conspiracy', km: 'ការឃុបឃិត' }],
  sentence: '5 years',
  arrested: '2019-09-03',
  sentenced: '2020-03-03',
  photoAlt: 'Portrait of Ana Example',
  summary: 'A short summary.',
  deadline: '2099-12-12',
  updated: '2026-06-01',
  actions: [
    { kind: 'link', label: 'Sign the petition', href: 'https://example.org/petition' },
    {
      kind: 'letter',
      to: 'office@example.org',
      subject: 'Release Ana',
      body: 'Dear Sir or Madam,\nRelease her.',
    },
  ],
  sources: [
    { title: 'Report', publisher: 'Example News', url: 'https://example.org/report', date: '2023-03-03' },
  ],
});

let names = 0;

/**
 * Fields of case-feed.schema.json's case that take any text or URL: shown, never refusing the case.
 * Text fields take a string or one string per language; both forms are here, on different fields.
 */
const CASE_FREE: [string, Setter][] = [
  // A string for one payload, by language for the next: both forms of text, every payload in one.
  ['name', (c, v) => ((names += 1) % 2 ? at('name')(c, v) : byLanguage('name')(c, v))],
  ['nameKm', at('nameKm')],
  ['statusNote', at('statusNote')],
  ['charges[0]', at('charges', 0)],
  ['charges[1]', byLanguage('charges', 1)],
  ['sentence', byLanguage('sentence')],
  ['photo', at('photo')],
  ['photoAlt', byLanguage('photoAlt')],
  ['summary', at('summary')],
  ['actions[0].label', byLanguage('actions', 0, 'label')],
  ['actions[0].href', at('actions', 0, 'href')],
  ['actions[1].subject', at('actions', 1, 'subject')],
  ['actions[1].body', byLanguage('actions', 1, 'body')],
  ['sources[0].title', at('sources', 0, 'title')],
  ['sources[0].publisher', byLanguage('sources', 0, 'publisher')],
  ['sources[0].url', at('sources', 0, 'url')],
];
/** Fields that are checked: a wrong value skips the case, so each is fed alone. */
const CASE_GATED: [string, Setter][] = [
  ['id', at('id')],
  ['name.<language>', (c, v) => (c['name'] = { [key(v)]: 'Ana Example' })],
  ['status', at('status')],
  ['arrested', at('arrested')],
  ['sentenced', at('sentenced')],
  ['deadline', at('deadline')],
  ['updated', at('updated')],
  ['actions[0].kind', at('actions', 0, 'kind')],
  ['actions[1].to', at('actions', 1, 'to')],
  ['sources[0].date', at('sources', 0, 'date')],
];
/** The arrays and objects holding the fields, fed JSON values of the wrong type. */
const CASE_WHOLES: [string, Setter][] = [
  ['charges', at('charges')],
  ['actions', at('actions')],
  ['actions[0]', at('actions', 0)],
  ['sources', at('sources')],
  ['sources[0]', at('sources', 0)],
];

const caseWidgets = (src: string, first: unknown) => {
  const list = document.createElement('samleng-case-list');
  list.setAttribute('src', src);
  const card = document.createElement('samleng-case-alert');
  card.setAttribute('src', src);
  card.setAttribute('case-id', String((first as Json)['id']));
  return [list, card];
};

describe('hostile data: the case feed, served', function () {
  this.timeout(60_000);
  const feed = (cases: unknown[]) => ({ version: 1, cases });

  it('text and link fields of a case: every payload', async () => {
    await check(
      'the case feed',
      await feedSamples('cases-free', freeEntries(baseCase, CASE_FREE), feed, caseWidgets),
    );
  });

  it('checked fields of a case (id, status, dates, kinds, addresses): every payload', async () => {
    await check(
      'the case feed',
      await feedSamples('cases-gated', gatedEntries(baseCase, CASE_GATED), feed, caseWidgets),
    );
  });

  it('every field, array and object of a case: JSON values of every wrong type', async () => {
    const entries = typeEntries(baseCase, [...CASE_FREE, ...CASE_GATED, ...CASE_WHOLES]);
    await check('the case feed', await feedSamples('cases-types', entries, feed, caseWidgets));
  });
});

const baseStep = (id: string): Json => ({
  id,
  title: { en: 'Write to your representative', km: 'សរសេរទៅតំណាងរបស់អ្នក', fr: 'Écrivez à votre député' },
  details: 'Before the review.',
  href: 'https://example.org/how',
  due: '2099-10-10',
});

/** The step fields steps-feed.ts reads that take any text or URL, as strings and by language. */
let steps = 0;
const STEP_FREE: [string, Setter][] = [
  // By turns: the title by language with the details as a string, then the other way round.
  ['title', (s, v) => ((steps += 1) % 2 ? at('title', 'en')(s, v) : at('title')(s, v))],
  ['details', (s, v) => (steps % 2 ? at('details')(s, v) : byLanguage('details')(s, v))],
  ['href', at('href')],
];
const STEP_GATED: [string, Setter][] = [
  ['id', at('id')],
  ['due', at('due')],
  ['title.<language>', (s, v) => (s['title'] = { [key(v)]: 'Write' })],
];

const checklist = (src: string) => {
  const el = document.createElement('samleng-checklist');
  el.setAttribute('src', src);
  el.setAttribute('heading', 'Steps');
  el.setAttribute('storage-key', `hostile-${src}`);
  return [el];
};

describe('hostile data: the steps feed, served', function () {
  this.timeout(60_000);
  const feed = (steps: unknown[]) => ({ version: 1, steps });

  it('every field of a step: every payload, and JSON values of every wrong type', async () => {
    const entries = [
      ...freeEntries(baseStep, STEP_FREE),
      ...gatedEntries(baseStep, STEP_GATED),
      ...typeEntries(baseStep, [...STEP_FREE, ...STEP_GATED]),
      // A step that is not an object at all (refused by type: the long strings add nothing here).
      ...allValues()
        .filter(({ fed }) => fed.length < SHARED_LIMIT)
        .map(({ value, fed }) => ({ entry: value, fed })),
    ];
    await check('the steps feed', await feedSamples('steps', entries, feed, checklist));
  });
});

describe('hostile data: the feeds themselves, served', function () {
  this.timeout(60_000);

  it('top-level fields of the case and steps feeds: every payload', async () => {
    // One file is both a case feed and a steps feed, so that each payload costs one file.
    const feeds: Json[] = [];
    // Fields the widgets do not read ($schema, updated, checked, note): four payloads a file, so
    // that every payload is in one of them.
    for (let i = 0; i < payloads.length; i += 4) {
      const [a, b, c, d] = [0, 1, 2, 3].map((k) => payloads[(i + k) % payloads.length]!.value);
      feeds.push({
        $schema: a,
        version: 1,
        updated: b,
        checked: c,
        note: d,
        cases: [baseCase('ok')],
        steps: [baseStep('ok')],
      });
    }
    // Fields whose type decides (version, cases, steps): every wrong type, and one string of each kind.
    const kinds = [...new Map(payloads.map((p) => [p.category, p.value])).values()];
    for (const v of [...jsonValues, ...kinds]) {
      feeds.push({ version: v, cases: [baseCase('ok')], steps: [baseStep('ok')] });
      feeds.push({ version: 1, cases: v, steps: v });
    }
    // Not an object at all.
    feeds.push(...(jsonValues as Json[]));
    const paths = await serveAll(feeds.map((feed, i) => [`top-${i}.json`, JSON.stringify(feed)]));
    const samples = feeds.flatMap((feed, i): Sample[] => {
      const src = `${location.origin}${paths[i]!}`;
      const fed = JSON.stringify(feed);
      const label = `feed ${fed.slice(0, 80)}`;
      const list = document.createElement('samleng-case-list');
      list.setAttribute('src', src);
      return [{ el: list, label, fed }, ...checklist(src).map((el) => ({ el, label, fed }))];
    });
    await check('the feeds themselves', samples);
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

// ---------------------------------------------------------------------------------------------------
// Dates far in the past: `Date.UTC` reads years 0 to 99 as 1900 to 1999.

describe('hostile data: dates in the years 0 to 99', function () {
  this.timeout(30_000);

  /** Each widget's date fields, with valid values around them. */
  const fields: [tag: string, attribute: string, base: Record<string, string>][] = [
    ['samleng-countdown', 'date', { precision: 'day' }],
    ['samleng-countdown', 'end', { date: '0001-01-01', precision: 'day' }],
    ['samleng-case-alert', 'arrested', { name: 'Ana Example', status: 'detained' }],
    ['samleng-case-alert', 'sentenced', { name: 'Ana Example' }],
    ['samleng-case-alert', 'deadline', { name: 'Ana Example' }],
    ['samleng-case-alert', 'updated', { name: 'Ana Example' }],
  ];
  const years = ['0000', '0001', '0050', '0099'];

  it('are shown in their own century or refused, never moved to the 1900s', async () => {
    const problems: string[] = [];
    for (const [tag, attribute, base] of fields) {
      for (const year of years) {
        const value = `${year}-12-31`;
        const el = document.createElement(tag);
        for (const [name, v] of Object.entries(base)) el.setAttribute(name, v);
        el.setAttribute(attribute, value);
        const stage = document.createElement('div');
        stage.append(el);
        stages.add(stage);
        document.body.append(stage);
        await (el as LitElement).updateComplete;
        const shown = renderedText(el);
        const moved = `19${year.slice(2)}`;
        if (shown.includes(moved))
          problems.push(`<${tag} ${attribute}="${value}"> shows ${moved}: "${shown}"`);
        stage.remove();
      }
    }
    expect(problems, problems.join('\n')).to.deep.equal([]);
  });
});

// ---------------------------------------------------------------------------------------------------
// A long unbroken Khmer run. In Chromium, wrapping one costs time that grows with the square of its
// length (50,000 letters take seconds; see TEXT_MAX in core's localized-text.ts), so a feed text is cut
// to TEXT_MAX characters before it is shown. The cost itself is not timed here: tests assert behaviour.

describe('hostile data: 50,000 Khmer letters without a space', function () {
  it('are cut to TEXT_MAX letters and an ellipsis in a feed text, and wrap inside the card', async () => {
    const run = 'ក'.repeat(50_000);
    const el = document.createElement('samleng-case-alert') as LitElement & { data: unknown };
    el.data = { id: 'ana-example', name: 'Ana Example', status: 'detained', summary: { km: run, en: run } };
    const box = document.createElement('div');
    box.style.width = `${WIDTH}px`;
    box.append(el);
    document.body.append(box);
    try {
      await el.updateComplete;
      const summary = el.shadowRoot!.querySelector('[part=summary]');
      expect(summary?.textContent!.trim()).to.equal(`${'ក'.repeat(TEXT_MAX)}…`);
      expect(overflow(el, WIDTH)).to.deep.equal([]);
    } finally {
      box.remove();
    }
  });
});
