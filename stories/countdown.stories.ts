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
  Pick<
    SamlengCountdown,
    | 'heading'
    | 'date'
    | 'end'
    | 'timeZone'
    | 'place'
    | 'href'
    | 'precision'
    | 'estimated'
    | 'theme'
    | 'numerals'
  >
> & {
  milestones?: Milestone[];
};

// Facts from shared/content/cambodia.md: the 4th-cycle review took place on 8 May 2024 in Geneva
// (46th session of the UPR Working Group, 29 April – 10 May 2024; sources: OHCHR press release on the
// 46th session; UK and Norway statements at UPR 46). The time of day is not verified, so only a date
// is given. Geneva's IANA zone is Europe/Zurich. The 5th-cycle review is not scheduled: around
// April–May 2029 is an estimate, and anything shown for it says "estimated".
const GENEVA = 'Europe/Zurich';
const UPR_PAGE = 'https://www.ohchr.org/en/hr-bodies/upr/kh-index';

const renderCountdown = ({
  heading,
  date,
  end,
  timeZone,
  place,
  href,
  precision,
  estimated,
  theme,
  numerals,
  milestones,
}: CountdownArgs) =>
  html`<samleng-countdown
    heading=${ifDefined(heading)}
    date=${ifDefined(date)}
    end=${ifDefined(end)}
    time-zone=${ifDefined(timeZone)}
    place=${ifDefined(place)}
    href=${ifDefined(href)}
    precision=${ifDefined(precision)}
    ?estimated=${estimated}
    theme=${ifDefined(theme)}
    numerals=${ifDefined(numerals)}
    >${milestones?.map((m) => html`<time datetime=${m.datetime}>${m.text}</time> `) ?? nothing}</samleng-countdown
  >`;

/**
 * An instant `minutes` from the last whole hour before the story is opened: stories run in a real
 * browser on the real date, and the element takes no test-only "now".
 */
const fromNow = (minutes: number) =>
  new Date(Math.floor(Date.now() / 36e5) * 36e5 + minutes * 60_000).toISOString().replace(/\.000Z$/, 'Z');

const meta: Meta<CountdownArgs> = {
  title: 'Widgets/Countdown',
  component: 'samleng-countdown',
  render: renderCountdown,
  argTypes: {
    precision: { control: 'select', options: ['day', 'hour', 'minute', 'second'] },
    milestones: {
      description: 'The `<time datetime>` children (slot content), one per milestone.',
      table: { category: 'slots' },
    },
  },
};

export default meta;
type Story = StoryObj<CountdownArgs>;

/**
 * Before an event, to the second. An example (not a real scheduled event), nine days and four hours
 * ahead of the moment the story is opened.
 */
export const Upcoming: Story = {
  args: {
    heading: 'Example: an online briefing before the UN review',
    timeZone: GENEVA,
    place: 'Geneva',
    href: UPR_PAGE,
  },
  render: (args) => renderCountdown({ ...args, date: fromNow((9 * 24 + 4) * 60) }),
};

/** The 5th-cycle review: not scheduled, so the date is an estimate and the widget counts in days. */
export const EstimatedFifthCycle: Story = {
  args: {
    heading: "Cambodia's 5th Universal Periodic Review",
    date: '2029-05-01',
    timeZone: GENEVA,
    place: 'Geneva',
    estimated: true,
    href: UPR_PAGE,
    milestones: [
      // About six months before the review, by 12:00 Geneva time (OHCHR technical guide); the day is estimated.
      { datetime: '2028-11-01T12:00+01:00', text: 'Stakeholder submissions due (estimated)' },
      // About one month before the review (UPR Info); estimated too.
      { datetime: '2029-04-01', text: 'UPR Info pre-session in Geneva (estimated)' },
    ],
  },
};

/** Between `date` and `end`: "happening now". An example that started an hour before the story opened. */
export const HappeningNow: Story = {
  args: {
    heading: 'Example: a webcast of a UN session',
    place: 'Geneva',
    timeZone: GENEVA,
    href: 'https://webtv.un.org/',
  },
  render: (args) => renderCountdown({ ...args, date: fromNow(-60), end: fromNow(120) }),
};

/** The 4th-cycle review, which has taken place: "took place … ago", and the outcome link. */
export const PastReview: Story = {
  args: {
    heading: "Cambodia's 4th Universal Periodic Review",
    date: '2024-05-08',
    timeZone: GENEVA,
    place: 'Geneva',
    href: UPR_PAGE,
    milestones: [
      { datetime: '2024-04-29', text: 'The 46th session of the UPR Working Group opens in Geneva' },
      { datetime: '2024-05-10', text: 'The session closes' },
    ],
  },
};

/** The page is in Khmer: Khmer units, dates and digits. */
export const Khmer: Story = {
  args: {
    heading: 'ការពិនិត្យតាមកាលកំណត់ជាសកលលើកទី៥ របស់កម្ពុជា',
    date: '2029-05-01',
    timeZone: GENEVA,
    place: 'ហ្សឺណែវ',
    estimated: true,
    milestones: [{ datetime: '2029-04-01', text: 'វគ្គមុនការពិនិត្យរបស់ UPR Info (ប៉ាន់ស្មាន)' }],
  },
  globals: { locale: 'km' },
};

/** The page is in French. */
export const French: Story = {
  args: {
    heading: '4e Examen périodique universel du Cambodge',
    date: '2024-05-08',
    timeZone: GENEVA,
    place: 'Genève',
    href: UPR_PAGE,
  },
  globals: { locale: 'fr' },
};

/** A `date` that is not an ISO date: a localized error box and one console warning. */
export const BadDate: Story = {
  tags: ['bad-input'],
  args: { heading: 'Countdown with a mistyped date', date: '8 May 2024', timeZone: GENEVA },
};

/** An `end` before `date`. */
export const EndBeforeDate: Story = {
  tags: ['bad-input'],
  args: { heading: 'Countdown with its end first', date: '2029-05-03', end: '2029-05-01', timeZone: GENEVA },
};

/** A time zone that does not exist (there is no `Europe/Geneva`: Geneva's zone is Europe/Zurich). */
export const UnknownTimeZone: Story = {
  tags: ['bad-input'],
  args: { heading: 'Countdown with a wrong zone', date: '2029-05-01', timeZone: 'Europe/Geneva' },
};

/** A `precision` that is not day, hour, minute or second. */
export const BadPrecision: Story = {
  tags: ['bad-input'],
  args: { heading: 'Countdown with a wrong precision', date: '2029-05-01', precision: 'week' },
};
