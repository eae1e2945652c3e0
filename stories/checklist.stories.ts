import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { SamlengChecklist } from '@samleng/checklist';

/** One arg per attribute, plus the steps the partner lists between the tags. */
type ChecklistArgs = Partial<Pick<SamlengChecklist, 'heading' | 'theme' | 'numerals'>> & { steps?: string[] };

// The four advocacy steps of the community's statement of 23 September 2023
// (shared/content/cambodia.md).
const STEPS = [
  "Take part in the UN's Universal Periodic Review of Cambodia: submit written complaints and statements " +
    'of concern about the specific cases and practices the UN and its member states should look at.',
  'Support the Khmer Urgent Action Case Alert System, which brings attention to the worst cases: the ' +
    '27-year treason sentence of Kem Sokha, and the 5-to-8-year sentences of more than fifty political ' +
    'leaders and critics, Theary Seng among them.',
  "Put economic pressure where it hurts: press for sanctions in the line of the EU's tariff measures, a " +
    'consumer boycott of companies that benefit from land grabs and other abuses, and a tourism embargo.',
  'Join international meetings on Cambodia, such as strategic planning sessions of international ' +
    "Cambodia experts, to make the community's voice heard.",
];

const meta: Meta<ChecklistArgs> = {
  title: 'Widgets/Checklist',
  component: 'samleng-checklist',
  render: ({ heading, theme, numerals, steps }) =>
    html`<samleng-checklist
      heading=${ifDefined(heading)}
      theme=${ifDefined(theme)}
      numerals=${ifDefined(numerals)}
    >
      <ol>
        ${steps?.map((step) => html`<li>${step}</li>`)}
      </ol>
    </samleng-checklist>`,
  argTypes: {
    steps: { description: 'The `<li>` items of the `<ol>` (slot content).', table: { category: 'slots' } },
  },
};

export default meta;
type Story = StoryObj<ChecklistArgs>;

/** No heading: the localized default ("Action steps"). */
export const Default: Story = {
  args: { steps: STEPS },
};

export const CustomHeading: Story = {
  args: { heading: 'Four ways to act for human rights in Cambodia', steps: STEPS },
};

export const DarkTheme: Story = {
  args: { theme: 'dark', steps: STEPS },
  // Pins the toolbar too, so the page behind the card is dark as well.
  globals: { theme: 'dark' },
};
