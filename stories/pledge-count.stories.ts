import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { SamlengPledgeCount } from '@samleng/pledge';
import {
  CAMPAIGN,
  ENDPOINT,
  FIRST_ENDPOINT,
  GOAL_PASSED_ENDPOINT,
  UNREACHABLE,
  clearOutbox,
  fakeReceiver,
} from './pledge-receiver.js';

/** One arg per attribute. `goal` may be any text, as a partner may mistype it. */
type PledgeCountArgs = Partial<
  Pick<SamlengPledgeCount, 'endpoint' | 'campaign' | 'refresh' | 'heading' | 'theme' | 'numerals'>
> & { goal?: number | string };

/** The receiver and the campaign: what every counter needs. */
const COUNT: PledgeCountArgs = { endpoint: ENDPOINT, campaign: CAMPAIGN };

const meta: Meta<PledgeCountArgs> = {
  title: 'Widgets/Pledge count',
  component: 'samleng-pledge-count',
  render: (a) =>
    html`<samleng-pledge-count
      endpoint=${ifDefined(a.endpoint)}
      campaign=${ifDefined(a.campaign)}
      goal=${ifDefined(a.goal)}
      refresh=${ifDefined(a.refresh)}
      heading=${ifDefined(a.heading)}
      theme=${ifDefined(a.theme)}
      numerals=${ifDefined(a.numerals)}
    ></samleng-pledge-count>`,
  // A counter also sends the pledges waiting in the outbox for its endpoint: start each story empty.
  beforeEach: clearOutbox,
  argTypes: {
    goal: { control: 'text' },
  },
};

export default meta;
type Story = StoryObj<PledgeCountArgs>;

/** 1,234 pledges toward a goal of 5,000 (the count from a static file: stories/pledge-receiver.ts). */
export const Default: Story = {
  args: { ...COUNT, goal: 5000 },
};

/** With a heading of its own. */
export const WithHeading: Story = {
  args: { ...COUNT, goal: 5000, heading: 'Pledges for the UN review of Cambodia' },
};

/** No `goal`: the count alone, no bar. */
export const NoGoal: Story = {
  args: { ...COUNT },
};

/** 5,210 pledges past a goal of 5,000: the shown goal steps up to the next round figure (10,000). */
export const GoalPassed: Story = {
  args: { ...COUNT, endpoint: GOAL_PASSED_ENDPOINT, goal: 5000 },
};

/** No pledge yet: an invitation instead of "0 people". */
export const NoPledgeYet: Story = {
  args: { ...COUNT, endpoint: FIRST_ENDPOINT, goal: 5000 },
};

/**
 * The count has not arrived yet: the bar and the goal already hold their room, so nothing moves when it
 * does. (A story-local stand-in for the receiver never answers: stories/pledge-receiver.ts.)
 */
export const Loading: Story = {
  args: { ...COUNT, endpoint: 'pledge-demo/loading/api/pledges', goal: 5000 },
  beforeEach: fakeReceiver('pledge-demo/loading/api/pledges', 'never', 'never'),
};

/**
 * The receiver cannot be reached (`endpoint` is a port nothing listens on): a quiet message, and one
 * console warning for the partner. A story-local stand-in answers for that address with the browser's
 * own network error, without the refused connection that would show as a failed request.
 */
export const CountError: Story = {
  args: { ...COUNT, endpoint: UNREACHABLE, goal: 5000 },
  beforeEach: fakeReceiver(UNREACHABLE, 'unreachable', 'unreachable'),
  tags: ['bad-input'],
};

export const DarkTheme: Story = {
  args: { ...COUNT, theme: 'dark', goal: 5000, heading: 'Pledges for the UN review of Cambodia' },
  // Pins the toolbar too, so the page behind the card is dark as well.
  globals: { theme: 'dark' },
};

/** The page is in Khmer: the sentence and the goal in Khmer, with Khmer digits. */
export const Khmer: Story = {
  args: { ...COUNT, goal: 5000 },
  globals: { locale: 'km' },
};

/** `numerals="latn"`: 0123456789 in any language, Khmer included. */
export const KhmerWithLatinDigits: Story = {
  args: { ...COUNT, goal: 5000, numerals: 'latn' },
  globals: { locale: 'km' },
};

/** Bad input: no `endpoint`. A localized message and one console warning. */
export const MissingEndpoint: Story = {
  args: { campaign: CAMPAIGN },
  tags: ['bad-input'],
};

/** Bad input: a campaign name with a space. */
export const BadCampaign: Story = {
  args: { ...COUNT, campaign: 'UPR 2029' },
  tags: ['bad-input'],
};

/** Bad input: a goal that is not a whole number above zero. */
export const BadGoal: Story = {
  args: { ...COUNT, goal: '5,000' },
  tags: ['bad-input'],
};
