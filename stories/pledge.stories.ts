import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { SamlengPledge } from '@samleng/pledge';

/** One arg per attribute, plus the pledge statement the partner writes between the tags. */
type PledgeArgs = Partial<Pick<SamlengPledge, 'heading' | 'theme' | 'numerals'>> & { statement?: string };

// A campaign's own words, so no fact in it beyond the names (shared/content/cambodia.md).
const STATEMENT =
  "I will take part in the UN's Universal Periodic Review of Cambodia and speak up for Kem Sokha, " +
  'Theary Seng and every person jailed in Cambodia for their political views.';

const meta: Meta<PledgeArgs> = {
  title: 'Widgets/Pledge',
  component: 'samleng-pledge',
  render: ({ heading, theme, numerals, statement }) =>
    html`<samleng-pledge
      heading=${ifDefined(heading)}
      theme=${ifDefined(theme)}
      numerals=${ifDefined(numerals)}
      >${statement}</samleng-pledge
    >`,
  argTypes: {
    statement: {
      description: 'The pledge statement (slot content).',
      control: 'text',
      table: { category: 'slots' },
    },
  },
};

export default meta;
type Story = StoryObj<PledgeArgs>;

/** No heading: the localized default ("Take the pledge"). */
export const Default: Story = {
  args: { statement: STATEMENT },
};

export const CustomHeading: Story = {
  args: { heading: 'Stand with Cambodia’s political prisoners', statement: STATEMENT },
};

export const DarkTheme: Story = {
  args: { theme: 'dark', statement: STATEMENT },
  // Pins the toolbar too, so the page behind the card is dark as well.
  globals: { theme: 'dark' },
};
