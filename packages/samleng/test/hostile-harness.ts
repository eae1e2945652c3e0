import { stubWarn } from '../../../test/harness.js';
import { expect, waitUntil } from '@open-wc/testing';
import type { LitElement } from 'lit';
import sinon from 'sinon';
import '../samleng.js';
import { blank, leaks, loading, overflow, settle, shadowRoots, unsafeMarkup, unsafeUrls } from './inspect.js';
import { describePayload, installTrap, payloads, setTrapContext, trapCalls } from './payloads.js';
import { closeReceiver, startReceiver, type ReceiverHandle } from '../../../test/receiver.js';
import { removeServed } from './serve.js';
import { OUTBOX } from '../../pledge/test/helpers.js';

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
 * dates in the years 0 to 99, and a long unbroken Khmer run (hostile-attributes-case-alert.test.ts).
 *
 * This module is the machinery the hostile-*.test.ts files share (it is not a test file itself). They
 * were one file, half of the browser unit run; web-test-runner runs the tests of a file one after the
 * other but files side by side, so they are split into files of about equal running time:
 * hostile-attributes.test.ts (the corpus itself; <samleng-countdown>, <samleng-case-list>,
 * <samleng-pledge-count>), hostile-attributes-case-alert.test.ts, hostile-feeds.test.ts (the feeds;
 * <samleng-checklist>) and hostile-pledge.test.ts (<samleng-pledge>, the receiver's answers). The feed
 * entries they build are in hostile-feed-entries.ts. Each file calls `useHostileHarness` once.
 */

export const WIDTH = 320;
/**
 * Relative payload URLs (`x`, `"><script>…`) resolve against this dead origin instead of the test
 * server: port 1 is on every browser's blocked-port list, so loading them fails at once, without a
 * request. The widgets' own fixtures are given as absolute URLs.
 */
const DEAD_BASE = 'http://127.0.0.1:1/hostile/';
const FIXTURES = `${location.origin}/packages/samleng/test/fixtures`;
/** The test page's address, put back after a test changed it. */
export const ADDRESS = location.href;
/** Stands for the test receiver's endpoint in the tables (it is started before the tests). */
const RECEIVER = '{test receiver}';
let receiver: ReceiverHandle | undefined;

/** A value the partner controls outside the element's own attributes. */
export interface LightField {
  name: string;
  apply: (el: HTMLElement, value: string) => void;
}

/**
 * The test files that feed attributes (files of about equal running time). Each names itself when it
 * calls `describeAttributes`; a tag names its file, so that no tag of the table is left out.
 */
export type AttributeFile =
  | 'hostile-attributes.test.ts'
  | 'hostile-attributes-case-alert.test.ts'
  | 'hostile-feeds.test.ts'
  | 'hostile-pledge.test.ts';

/** One entry per tag: adding a tag or an attribute is one line here. */
export interface TagTable {
  tag: string;
  /** The test file that feeds its attributes. */
  file: AttributeFile;
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

export const TAGS: TagTable[] = [
  {
    tag: 'samleng-countdown',
    file: 'hostile-attributes.test.ts',
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
    file: 'hostile-attributes-case-alert.test.ts',
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
    file: 'hostile-attributes.test.ts',
    attributes: [
      'heading',
      'src',
      'limit',
      'status',
      'share-url',
      'theme',
      'numerals',
      'alerts',
      'partner',
      'consent-text',
      'privacy-href',
    ],
    // The alerts sign-up's address and partner each decide whether the form is shown: fed alone.
    alone: ['src', 'limit', 'status', 'alerts', 'partner'],
    fresh: ['src'],
    base: {
      heading: 'Political prisoners',
      src: `${FIXTURES}/cases.json`,
      'share-url': 'https://example.org/cases',
      theme: 'light',
      // A sign-up posts only when submitted: the form is shown, and nothing is sent.
      alerts: 'https://alerts.invalid/api/subscriptions',
      partner: 'lowell-kca',
      'privacy-href': 'https://example.org/privacy',
    },
  },
  {
    tag: 'samleng-checklist',
    file: 'hostile-feeds.test.ts',
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
    file: 'hostile-pledge.test.ts',
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
    file: 'hostile-attributes.test.ts',
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

export const pledgeEntry = TAGS.find((t) => t.tag === 'samleng-pledge')!;
export const countEntry = TAGS.find((t) => t.tag === 'samleng-pledge-count')!;

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

/**
 * The hooks every hostile-*.test.ts file needs, called once at the top level of the file (so that they
 * are the root suite's hooks, around every test of the file).
 * @param receiver starts the real receiver (test/receiver.ts) for `<samleng-pledge>`'s endpoint: only
 *   the files that mount a pledge form pay for it.
 */
export function useHostileHarness({ receiver: withReceiver }: { receiver: boolean }): void {
  before(async () => {
    if (withReceiver) receiver = await startReceiver();
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
    receiver = undefined;
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
}

// ---------------------------------------------------------------------------------------------------
// Batches: many widgets on the page at once, each in a 320 px container, then every check on each.

export interface Sample {
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
export const stages = new Set<HTMLElement>();

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
export async function report(context: string, problems: string[]): Promise<void> {
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
export async function check(context: string, samples: Sample[], act?: Act): Promise<void> {
  await report(context, await gather(context, samples, act));
}

/** Something to do to a mounted batch before it is checked (send the forms). */
export type Act = (samples: Sample[]) => Promise<void>;

/** Mounts a batch, acts on it, and returns every problem of every sample; removes the batch. */
export async function gather(context: string, samples: Sample[], act?: Act): Promise<string[]> {
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
export async function sweep(context: string, el: HTMLElement, steps: Step[]): Promise<void> {
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
// Attributes

export function element(entry: TagTable): HTMLElement {
  const el = document.createElement(entry.tag);
  for (const [name, value] of Object.entries(entry.base)) {
    if (value === RECEIVER && !receiver)
      throw new Error('start the receiver: useHostileHarness({ receiver: true })');
    el.setAttribute(name, value === RECEIVER ? receiver!.endpoint : value);
  }
  if (entry.content) el.innerHTML = entry.content;
  return el;
}

/**
 * Every attribute, and every light-DOM field, of the tags of the table that name `file`, fed the whole
 * corpus.
 * @param file the calling test file's name.
 */
export function describeAttributes(file: AttributeFile): void {
  for (const entry of TAGS.filter((t) => t.file === file)) describeAttributesOf(entry);
}

function describeAttributesOf(entry: TagTable): void {
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
