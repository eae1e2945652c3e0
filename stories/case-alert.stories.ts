import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { SamlengCaseAlert } from '@samleng/case-alert';

/** One arg per attribute, plus the summary the partner writes between the tags. */
type CaseAlertArgs = Partial<Pick<SamlengCaseAlert, 'heading' | 'theme' | 'numerals'>> & { summary?: string };

// Facts and wording from shared/content/cambodia.md. Kem Sokha: Reuters and AP (3 March 2023), Human
// Rights Watch; appeal hearings: LICADHO, RFA (the appeal's outcome is not verified, so not stated).
const KEM_SOKHA =
  'Kem Sokha (កឹម សុខា) was arrested on 3 September 2017. On 3 March 2023 the Phnom Penh Municipal ' +
  'Court convicted him of treason ("conspiracy with a foreign power") and sentenced him to 27 years, ' +
  'under house arrest. He is barred from voting, standing for office and meeting anyone outside his ' +
  'family. Appeal hearings began on 30 January 2024.';

// Theary Seng: Al Jazeera, Reuters, CamboJA (14 June 2022); VOD (15 June 2022). Her charges were
// conspiracy and incitement, not treason; her status after mid-2023 is not verified.
const THEARY_SENG =
  'Theary Seng was sentenced on 14 June 2022 to 6 years in prison on charges of conspiracy and ' +
  'incitement, and arrested outside the court the same day. On 15 June 2022 she was transferred to ' +
  'Preah Vihear prison.';

const meta: Meta<CaseAlertArgs> = {
  title: 'Widgets/Case alert',
  component: 'samleng-case-alert',
  render: ({ heading, theme, numerals, summary }) =>
    html`<samleng-case-alert
      heading=${ifDefined(heading)}
      theme=${ifDefined(theme)}
      numerals=${ifDefined(numerals)}
      >${summary}</samleng-case-alert
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

/** No heading: the localized default ("Urgent action"). */
export const Default: Story = {
  args: { summary: KEM_SOKHA },
};

export const CustomHeading: Story = {
  args: { heading: 'Theary Seng: 6 years for conspiracy and incitement', summary: THEARY_SENG },
};

export const DarkTheme: Story = {
  args: { heading: 'Kem Sokha: 27 years under house arrest', theme: 'dark', summary: KEM_SOKHA },
  // Pins the toolbar too, so the page behind the card is dark as well.
  globals: { theme: 'dark' },
};
