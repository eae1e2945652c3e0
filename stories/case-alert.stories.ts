import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { SamlengCaseAlert } from '@samleng/case-alert';
import { FEEDS, mockFeeds } from './case-feeds.js';

mockFeeds();

/** One arg per attribute, plus the summary the partner writes between the tags. */
type CaseAlertArgs = Partial<
  Pick<
    SamlengCaseAlert,
    | 'heading'
    | 'theme'
    | 'numerals'
    | 'src'
    | 'caseId'
    | 'name'
    | 'nameKm'
    | 'status'
    | 'statusNote'
    | 'charge'
    | 'sentence'
    | 'arrested'
    | 'sentenced'
    | 'photo'
    | 'photoAlt'
    | 'deadline'
    | 'lastUpdated'
    | 'actionHref'
    | 'actionLabel'
    | 'sourceHref'
    | 'letterTo'
    | 'letterSubject'
    | 'letterBody'
  >
> & { summary?: string };

// Facts and wording from shared/content/cambodia.md. Kem Sokha: Reuters and AP (3 March 2023), Human
// Rights Watch; appeal hearings: LICADHO, RFA (the appeal's outcome is not verified, so not stated).
const KEM_SOKHA =
  'Kem Sokha was arrested on 3 September 2017. On 3 March 2023 the Phnom Penh Municipal ' +
  'Court convicted him of treason ("conspiracy with a foreign power") and sentenced him to 27 years, ' +
  'under house arrest. He is barred from voting, standing for office and meeting anyone outside his ' +
  'family. Appeal hearings began on 30 January 2024.';

const KEM_SOKHA_ARGS: CaseAlertArgs = {
  name: 'Kem Sokha',
  nameKm: 'កឹម សុខា',
  status: 'house-arrest',
  statusNote: 'Status as of his conviction on 3 March 2023; the outcome of his appeal is not verified.',
  charge: 'Treason ("conspiracy with a foreign power")',
  sentence: '27 years',
  arrested: '2017-09-03',
  sentenced: '2023-03-03',
  lastUpdated: '2026-11-27',
  sourceHref: 'https://www.hrw.org/',
  letterTo: 'sample-recipient@example.org',
  letterSubject: 'Kem Sokha, sentenced to 27 years',
  letterBody:
    'Dear Sir or Madam,\n\nI am writing about Kem Sokha, sentenced on 3 March 2023 to 27 years for treason, ' +
    'under house arrest.\n\nI urge you to release him immediately and unconditionally.\n',
  summary: KEM_SOKHA,
};

/** A date `days` from today, so the deadline stories stay true whenever they are opened. */
const fromToday = (days: number) => new Date(Date.now() + days * 864e5).toISOString().slice(0, 10);

const meta: Meta<CaseAlertArgs> = {
  title: 'Widgets/Case alert',
  component: 'samleng-case-alert',
  render: (a) =>
    html`<samleng-case-alert
      heading=${ifDefined(a.heading)}
      theme=${ifDefined(a.theme)}
      numerals=${ifDefined(a.numerals)}
      src=${ifDefined(a.src)}
      case-id=${ifDefined(a.caseId)}
      name=${ifDefined(a.name)}
      name-km=${ifDefined(a.nameKm)}
      status=${ifDefined(a.status)}
      status-note=${ifDefined(a.statusNote)}
      charge=${ifDefined(a.charge)}
      sentence=${ifDefined(a.sentence)}
      arrested=${ifDefined(a.arrested)}
      sentenced=${ifDefined(a.sentenced)}
      photo=${ifDefined(a.photo)}
      photo-alt=${ifDefined(a.photoAlt)}
      deadline=${ifDefined(a.deadline)}
      updated=${ifDefined(a.lastUpdated)}
      action-href=${ifDefined(a.actionHref)}
      action-label=${ifDefined(a.actionLabel)}
      source-href=${ifDefined(a.sourceHref)}
      letter-to=${ifDefined(a.letterTo)}
      letter-subject=${ifDefined(a.letterSubject)}
      letter-body=${ifDefined(a.letterBody)}
      >${a.summary}</samleng-case-alert
    >`,
  argTypes: {
    summary: {
      description: 'The case summary (slot content).',
      control: 'text',
      table: { category: 'slots' },
    },
  },
};

export default meta;
type Story = StoryObj<CaseAlertArgs>;

/** Only a heading and a summary: the simplest embed. */
export const Minimal: Story = {
  args: { summary: KEM_SOKHA },
};

/** A whole case from attributes: badge, live "since arrest", facts, letter, share, source. */
export const FromAttributes: Story = {
  args: KEM_SOKHA_ARGS,
};

/** The same case from the shared feed (demo/data/cases.json): the long summary starts collapsed. */
export const FromFeed: Story = {
  args: { src: `${FEEDS}/cases.json`, caseId: 'kem-sokha' },
};

/** Theary Seng from the feed: conspiracy and incitement; her status after mid-2023 is not verified. */
export const StatusNotVerified: Story = {
  args: { src: `${FEEDS}/cases.json`, caseId: 'theary-seng' },
};

/** A deadline two weeks away (a sample campaign deadline, not a real one). */
export const Deadline: Story = {
  args: { ...KEM_SOKHA_ARGS, deadline: fromToday(14), actionHref: '#', actionLabel: 'Take action' },
};

/** Once the deadline has passed the card says so, and the actions still work. */
export const DeadlinePassed: Story = {
  args: { ...KEM_SOKHA_ARGS, deadline: '2024-12-12' },
};

/** The feed has not answered yet: a placeholder keeps the card's height. */
export const Loading: Story = {
  args: { src: `${FEEDS}/loading.json`, caseId: 'kem-sokha' },
};

/** The feed answers 404: a localized error and a retry button. */
export const FeedNotFound: Story = {
  args: { src: `${FEEDS}/missing.json`, caseId: 'kem-sokha' },
  tags: ['bad-input'],
};

/** The feed is not JSON. */
export const FeedMalformed: Story = {
  args: { src: `${FEEDS}/malformed.json`, caseId: 'kem-sokha' },
  tags: ['bad-input'],
};

/** The case asked for was skipped (unknown status): the partner sees which case and why. */
export const InvalidCase: Story = {
  args: { src: `${FEEDS}/invalid-case.json`, caseId: 'unknown-status' },
  tags: ['bad-input'],
};

/** An unknown `status` attribute. */
export const UnknownStatus: Story = {
  args: { ...KEM_SOKHA_ARGS, status: 'jailed' },
  tags: ['bad-input'],
};

/** Markup and `javascript:` URLs in every field: shown as text, the links dropped. */
export const HostileFeed: Story = {
  args: { src: `${FEEDS}/hostile.json`, caseId: 'hostile' },
  tags: ['bad-input'],
};

export const DarkTheme: Story = {
  args: { ...KEM_SOKHA_ARGS, theme: 'dark' },
  // Pins the toolbar too, so the page behind the card is dark as well.
  globals: { theme: 'dark' },
};
