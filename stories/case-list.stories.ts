import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { SamlengCaseList } from '@samleng/case-alert/samleng-case-list.js';
import { FEEDS, mockFeeds } from './case-feeds.js';

mockFeeds();

/** One arg per attribute. */
type CaseListArgs = Partial<Pick<SamlengCaseList, 'heading' | 'theme' | 'numerals' | 'src' | 'status'>> & {
  limit?: number;
};

const meta: Meta<CaseListArgs> = {
  title: 'Widgets/Case list',
  component: 'samleng-case-list',
  render: (a) =>
    html`<samleng-case-list
      heading=${ifDefined(a.heading)}
      theme=${ifDefined(a.theme)}
      numerals=${ifDefined(a.numerals)}
      src=${ifDefined(a.src)}
      limit=${ifDefined(a.limit)}
      status=${ifDefined(a.status)}
    ></samleng-case-list>`,
};

export default meta;
type Story = StoryObj<CaseListArgs>;

/** Every case of demo/data/cases.json, newest first. */
export const Default: Story = {
  args: { heading: 'Urgent actions', src: `${FEEDS}/cases.json` },
};

/** `limit="1"` with `status="detained house-arrest"`. */
export const LimitAndFilter: Story = {
  args: { src: `${FEEDS}/cases.json`, limit: 1, status: 'detained house-arrest' },
};

/** While the feed loads, the list keeps its height. */
export const Loading: Story = {
  args: { heading: 'Urgent actions', src: `${FEEDS}/loading.json` },
};

/** No case matches the filter. */
export const Empty: Story = {
  args: { heading: 'Urgent actions', src: `${FEEDS}/cases.json`, status: 'released' },
};

/** The feed answers 404: a localized error and a retry button. */
export const FeedNotFound: Story = {
  args: { heading: 'Urgent actions', src: `${FEEDS}/missing.json` },
  tags: ['bad-input'],
};

/** No `src`: the list asks for one instead of loading forever. */
export const NoFeed: Story = {
  args: { heading: 'Urgent actions' },
  tags: ['bad-input'],
};

/** The feed is empty. */
export const EmptyFeed: Story = {
  args: { src: `${FEEDS}/empty.json` },
};

export const DarkTheme: Story = {
  args: { heading: 'Urgent actions', src: `${FEEDS}/cases.json`, theme: 'dark' },
  globals: { theme: 'dark' },
};
