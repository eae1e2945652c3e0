import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { SamlengChecklist } from '@samleng/checklist';

/** An `<li>` of the partner's list: what they write between the tags. */
interface StepItem {
  id?: string;
  due?: string;
  title: string;
  text?: string;
  href?: string;
}

/** One arg per attribute, plus the steps the partner lists and the progress the reader already has. */
type ChecklistArgs = Partial<
  Pick<SamlengChecklist, 'heading' | 'src' | 'storageKey' | 'theme' | 'numerals'>
> & {
  steps?: StepItem[];
  /** Ids of the steps already ticked (written to storage before the story renders). */
  done?: string[];
};

/** An ISO date `days` from today, so the due lines read the same whenever the story is opened. */
const fromToday = (days: number): string => {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
};

// The four advocacy steps of the community's statement of 23 September 2023
// (shared/content/cambodia.md).
const UPR: StepItem = {
  id: 'upr',
  title: "Take part in the UN's Universal Periodic Review of Cambodia.",
  text:
    'Submit written complaints and statements of concern about the specific cases and practices the UN and ' +
    'its member states should look at.',
  href: 'https://www.ohchr.org/en/hr-bodies/upr/kh-index',
};
const ALERTS: StepItem = {
  id: 'case-alerts',
  title: 'Support the Khmer Urgent Action Case Alert System.',
  text:
    'It brings attention to the worst cases: the 27-year treason sentence of Kem Sokha, and the 5-to-8-year ' +
    'sentences of more than fifty political leaders and critics, Theary Seng among them.',
};
const PRESSURE: StepItem = {
  id: 'economic-pressure',
  title: 'Put economic pressure where it hurts.',
  text:
    "Press for sanctions in the line of the EU's tariff measures, a consumer boycott of companies that " +
    'benefit from land grabs and other abuses, and a tourism embargo.',
};
const MEETINGS: StepItem = {
  id: 'meetings',
  title: 'Join international meetings on Cambodia,',
  text: "such as strategic planning sessions of international Cambodia experts, to make the community's voice heard.",
};
const STEPS: StepItem[] = [UPR, ALERTS, PRESSURE, MEETINGS];

/** The same steps with deadlines: one overdue, one today, one in a few days (dates are examples). */
const DATED: StepItem[] = STEPS.map((step, index) => ({
  ...step,
  due: [fromToday(-2), fromToday(0), fromToday(3)][index],
}));

/** The stories fetch their feeds from here; `beforeEach` answers instead of a server. */
const FEED_URL = '/samleng-story/steps.json';
const FEED = {
  version: 1,
  steps: [
    {
      id: 'upr',
      title: {
        en: "Take part in the UN's review of Cambodia",
        km: 'ចូលរួមក្នុងការពិនិត្យរបស់អង្គការសហប្រជាជាតិលើកម្ពុជា',
        fr: 'Participer à l’Examen périodique universel du Cambodge',
      },
      details: {
        en: 'Submit written complaints and statements of concern.',
        km: 'ដាក់ពាក្យបណ្តឹង និងសេចក្តីថ្លែងការណ៍ជាលាយលក្ខណ៍អក្សរ។',
        fr: 'Envoyez des plaintes et des déclarations écrites.',
      },
      href: 'https://www.ohchr.org/en/hr-bodies/upr/kh-index',
      due: fromToday(5),
    },
    {
      id: 'meetings',
      title: {
        en: 'Join international meetings on Cambodia',
        km: 'ចូលរួមកិច្ចប្រជុំអន្តរជាតិស្តីពីកម្ពុជា',
        fr: 'Participer aux réunions internationales sur le Cambodge',
      },
    },
  ],
};

/** Answers the story's feed request (ok, or a server error) without a server, and undoes it after. */
const serveFeed = (status: number) => () => {
  const realFetch = window.fetch;
  window.fetch = (input, init) =>
    String(input instanceof Request ? input.url : input).includes('/samleng-story/')
      ? Promise.resolve(
          status === 200 ? new Response(JSON.stringify(FEED)) : new Response('Unavailable', { status }),
        )
      : realFetch(input, init);
  return () => {
    window.fetch = realFetch;
  };
};

const meta: Meta<ChecklistArgs> = {
  title: 'Widgets/Checklist',
  component: 'samleng-checklist',
  render: ({ heading, src, storageKey, theme, numerals, steps, done }) => {
    // Each story starts from the progress it shows, whatever an earlier visit ticked.
    const entry = `samleng-checklist:${storageKey ?? ''}`;
    if (done?.length) localStorage.setItem(entry, JSON.stringify({ version: 1, done }));
    else localStorage.removeItem(entry);
    return html`<samleng-checklist
      heading=${ifDefined(heading)}
      src=${ifDefined(src)}
      storage-key=${ifDefined(storageKey)}
      theme=${ifDefined(theme)}
      numerals=${ifDefined(numerals)}
    >
      <ol>
        ${steps?.map(
          (step) =>
            html`<li data-id=${ifDefined(step.id)} data-due=${ifDefined(step.due)}>
              <strong>${step.title}</strong> ${step.text}
              ${step.href ? html`<a href=${step.href}>How to submit</a>` : ''}
            </li>`,
        )}
      </ol>
    </samleng-checklist>`;
  },
  argTypes: {
    steps: {
      description: 'The `<li data-id data-due>` items of the `<ol>` (slot content).',
      table: { category: 'slots' },
    },
    done: { description: 'Steps already ticked in an earlier visit (kept in local storage).' },
  },
};

export default meta;
type Story = StoryObj<ChecklistArgs>;

/** No heading: the localized default ("Action steps"); nothing ticked yet. */
export const Default: Story = {
  args: { storageKey: 'story-default', steps: STEPS },
};

export const CustomHeading: Story = {
  args: {
    heading: 'Four ways to act for human rights in Cambodia',
    storageKey: 'story-heading',
    steps: STEPS,
  },
};

/** Two of four done, kept from an earlier visit. */
export const InProgress: Story = {
  args: {
    heading: 'Four steps you can take now',
    storageKey: 'story-progress',
    steps: STEPS,
    done: ['upr', 'meetings'],
  },
};

/** Deadlines: overdue, due today, due in 3 days; the calendar button appears. */
export const WithDeadlines: Story = {
  args: {
    heading: 'Four steps you can take now',
    storageKey: 'story-deadlines',
    steps: DATED,
    done: ['meetings'],
  },
};

/** Every step done: the congratulation. */
export const AllDone: Story = {
  args: {
    heading: 'Four steps you can take now',
    storageKey: 'story-done',
    steps: STEPS,
    done: ['upr', 'case-alerts', 'economic-pressure', 'meetings'],
  },
};

/** "Start over" pressed: the confirmation inside the widget. */
export const ConfirmStartOver: Story = {
  args: { heading: 'Four steps you can take now', storageKey: 'story-confirm', steps: STEPS, done: ['upr'] },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('samleng-checklist');
    await customElements.whenDefined('samleng-checklist'); // through the loader: once its chunks arrived
    await el?.updateComplete;
    el?.shadowRoot?.querySelector<HTMLButtonElement>('.start-over')?.click();
    await el?.updateComplete;
  },
};

/** Steps from a JSON feed, text by locale. */
export const FromFeed: Story = {
  args: { heading: 'Steps from a feed', storageKey: 'story-feed', src: FEED_URL },
  beforeEach: serveFeed(200),
};

export const DarkTheme: Story = {
  args: { theme: 'dark', storageKey: 'story-dark', steps: DATED, done: ['upr'] },
  // Pins the toolbar too, so the page behind the card is dark as well.
  globals: { theme: 'dark' },
};

/** Bad input: two steps share an id, one has no id; the note for the page's editor shows. */
export const DuplicateIds: Story = {
  args: {
    storageKey: 'story-duplicates',
    steps: [UPR, { ...ALERTS, id: 'upr' }, { ...PRESSURE, id: undefined }],
  },
  tags: ['bad-input'],
};

/** Bad input: dates that are not ISO dates. */
export const BadDates: Story = {
  args: { storageKey: 'story-bad-dates', steps: [{ ...UPR, due: '31/12/2029' }, ALERTS] },
  tags: ['bad-input'],
};

/** Bad input: an empty list. */
export const EmptyList: Story = {
  args: { storageKey: 'story-empty', steps: [] },
  tags: ['bad-input'],
};

/** The feed could not be loaded: the message and the retry button. */
export const FeedError: Story = {
  args: {
    heading: 'Steps from a feed',
    storageKey: 'story-feed-error',
    src: '/samleng-story/error/steps.json',
  },
  beforeEach: serveFeed(503),
  tags: ['bad-input'],
};
