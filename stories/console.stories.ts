// The organizers' console and the embed builder (packages/receiver/web), in the states Storybook can show
// without a receiver: data is handed to the elements directly. Their strings are the console's own
// (xliff/console), which the kit's Storybook does not load: they show in English here.
import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { define } from '@samleng/core';
import { SamlengBuilder } from '../packages/receiver/web/src/builder-app.js';
import type { WidgetInfo } from '../packages/receiver/web/src/builder-app.js';
import { SamlengConsoleChart } from '../packages/receiver/web/src/day-chart.js';
import { SamlengConsoleErase } from '../packages/receiver/web/src/erase-form.js';
import { SamlengConsoleTable } from '../packages/receiver/web/src/pledge-table.js';
import { SamlengConsoleSignIn } from '../packages/receiver/web/src/sign-in.js';
import { SamlengConsoleStats } from '../packages/receiver/web/src/stats.js';
import type { CampaignStats, PledgePage } from '../packages/receiver/web/src/api.js';

define('samleng-console-chart', SamlengConsoleChart);
define('samleng-console-stats', SamlengConsoleStats);
define('samleng-console-table', SamlengConsoleTable);
define('samleng-console-erase', SamlengConsoleErase);
define('samleng-console-sign-in', SamlengConsoleSignIn);
define('samleng-builder', SamlengBuilder);

const days = (counts: number[]) =>
  counts.map((count, index) => ({
    key: new Date(Date.UTC(2029, 3, 1 + index)).toISOString().slice(0, 10),
    count,
  }));

const STATS: CampaignStats = {
  campaign: 'free-them',
  confirmed: 1234,
  pending: 0,
  byPartner: [
    { key: 'khmer-voices', count: 812 },
    { key: 'amis-du-cambodge', count: 400 },
    { key: '', count: 22 },
  ],
  byCountry: [
    { key: 'KH', count: 700 },
    { key: 'FR', count: 300 },
    { key: 'US', count: 200 },
    { key: '', count: 34 },
  ],
  byDay: days([12, 40, 95, 60, 0, 33, 120, 210, 180, 90, 64, 50, 40, 30, 20, 12, 30, 45, 40, 33]).filter(
    (day) => day.count > 0,
  ),
};

const PAGE: PledgePage = {
  total: 2,
  page: 0,
  pageSize: 25,
  rows: [
    {
      id: '9b2f3c1e-0000-4000-8000-000000000001',
      partner: 'khmer-voices',
      name: 'Sok Dara',
      email: 'dara@example.org',
      country: 'KH',
      consent_text: 'I agree that the coalition stores my name and e-mail for this campaign.',
      consent_at: '2029-04-27T09:12:00.000Z',
      confirmed_at: '2029-04-27T09:12:00.000Z',
    },
    {
      id: '9b2f3c1e-0000-4000-8000-000000000002',
      partner: 'amis-du-cambodge',
      name: 'Marie Lefèvre',
      email: 'marie@example.org',
      country: 'FR',
      consent_text: 'J’accepte que la coalition conserve mon nom et mon e-mail pour cette campagne.',
      consent_at: '2029-04-26T18:40:00.000Z',
      confirmed_at: '2029-04-26T18:45:00.000Z',
    },
  ],
};

const WIDGETS: WidgetInfo[] = [
  {
    tag: 'samleng-countdown',
    summary: 'Counts down to a date that matters to a campaign.',
    attributes: [
      { name: 'heading', type: 'string | undefined', description: 'The heading above the countdown.' },
      { name: 'date', type: 'string | undefined', description: 'The date, ISO 8601, e.g. 2029-05-01.' },
      { name: 'estimated', type: 'boolean', default: 'false', description: 'The date is not final.' },
      { name: 'theme', type: "'light' | 'dark' | undefined", description: 'Forces a color scheme.' },
    ],
  },
];

// `not-in-kit`: the story check's loader pass (scripts/check-stories.mjs) is for the kit's widgets only.
const meta: Meta = { title: 'Receiver/Console and builder', tags: ['not-in-kit'] };
export default meta;
type Story = StoryObj;

/** Signing in: the organizer pastes a token. */
export const SignIn: Story = { render: () => html`<samleng-console-sign-in></samleng-console-sign-in>` };

/** A campaign's numbers: total, by partner, by country, and by day. */
export const Stats: Story = {
  render: () => html`<samleng-console-stats .stats=${STATS}></samleng-console-stats>`,
};

/** With confirmation by e-mail on: some pledges wait for their owner. */
export const StatsWithPending: Story = {
  render: () => html`<samleng-console-stats .stats=${{ ...STATS, pending: 57 }}></samleng-console-stats>`,
};

/** The chart before anyone signed. */
export const ChartEmpty: Story = {
  render: () => html`<samleng-console-chart .days=${[]}></samleng-console-chart>`,
};

/** The table of recent pledges, as the admin sees it (with the partner column). */
export const Table: Story = {
  render: () => html`<samleng-console-table show-partner .data=${PAGE}></samleng-console-table>`,
};

/** Erasing a person: the first step (the confirmation comes after the address). */
export const Erase: Story = {
  render: () => html`<samleng-console-erase campaign="free-them"></samleng-console-erase>`,
};

/** The embed builder with a countdown picked (the widgets list is cut from custom-elements.json). */
export const Builder: Story = {
  render: () =>
    html`<samleng-builder
      tag="samleng-countdown"
      .widgets=${WIDGETS}
      .kit=${{ script: '/samleng/samleng.js', integrity: 'sha384-example', endpoint: '/api/pledges' }}
    ></samleng-builder>`,
};
