import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { SamlengCountdown } from '@samleng/countdown';

/** A `<time datetime>` child: what the partner writes between the tags. */
interface Milestone {
  datetime: string;
  text: string;
}

/** One arg per attribute, camelCase like the element's properties (`timeZone` ↔ `time-zone`). */
type CountdownArgs = Partial<
  Pick<SamlengCountdown, 'heading' | 'date' | 'timeZone' | 'theme' | 'numerals'>
> & {
  milestones?: Milestone[];
};

// Facts from shared/content/cambodia.md: the 4th-cycle review took place on 8 May 2024 in Geneva
// (46th session of the UPR Working Group, 29 April – 10 May 2024; sources: OHCHR press release on the
// 46th session; UK and Norway statements at UPR 46). The time of day is not verified, so only a date
// is given. Geneva's IANA zone is Europe/Zurich.
const GENEVA = 'Europe/Zurich';

const meta: Meta<CountdownArgs> = {
  title: 'Widgets/Countdown',
  component: 'samleng-countdown',
  render: ({ heading, date, timeZone, theme, numerals, milestones }) =>
    html`<samleng-countdown
      heading=${ifDefined(heading)}
      date=${ifDefined(date)}
      time-zone=${ifDefined(timeZone)}
      theme=${ifDefined(theme)}
      numerals=${ifDefined(numerals)}
      >${milestones?.map((m) => html`<time datetime=${m.datetime}>${m.text}</time> `) ?? nothing}</samleng-countdown
    >`,
  argTypes: {
    milestones: {
      description: 'The `<time datetime>` children (slot content), one per milestone.',
      table: { category: 'slots' },
    },
  },
};

export default meta;
type Story = StoryObj<CountdownArgs>;

/** The 4th-cycle review, which has taken place. */
export const PastReview: Story = {
  args: {
    heading: "Cambodia's 4th Universal Periodic Review",
    date: '2024-05-08',
    timeZone: GENEVA,
    milestones: [
      {
        datetime: '2024-04-29',
        text: '29 April 2024: the 46th session of the UPR Working Group opens in Geneva.',
      },
      { datetime: '2024-05-10', text: '10 May 2024: the session closes.' },
    ],
  },
};

/**
 * The 5th-cycle review is not scheduled: around April–May 2029 is an estimate, and anything shown
 * for it must say so.
 */
export const EstimatedFifthCycle: Story = {
  args: {
    heading: "Cambodia's 5th Universal Periodic Review (estimated: around April–May 2029, not yet scheduled)",
    date: '2029-05-01',
    timeZone: GENEVA,
  },
};

/** The page is in Khmer: the default heading and the date are Khmer, with Khmer digits. */
export const Khmer: Story = {
  args: { date: '2024-05-08', timeZone: GENEVA },
  globals: { locale: 'km' },
};

/** The page is in French. */
export const French: Story = {
  args: {
    heading: '4e Examen périodique universel du Cambodge, à Genève',
    date: '2024-05-08',
    timeZone: GENEVA,
  },
  globals: { locale: 'fr' },
};

/** A `date` that is not an ISO date: a localized error box and one console warning. */
export const BadDate: Story = {
  tags: ['bad-input'],
  args: { heading: 'Countdown with a mistyped date', date: '8 May 2024', timeZone: GENEVA },
};
