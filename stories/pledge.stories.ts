import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect } from 'storybook/test';
import type { SamlengPledge } from '@samleng/pledge';
import {
  CAMPAIGN,
  ENDPOINT,
  GOAL_PASSED_ENDPOINT,
  UNREACHABLE,
  clearOutbox,
  fakeReceiver,
} from './pledge-receiver.js';

/**
 * One arg per attribute, plus the pledge statement the partner writes between the tags and the
 * `data-name`/`data-email` prefill. `goal` may be any text, as a partner may mistype it.
 */
type PledgeArgs = Partial<
  Pick<
    SamlengPledge,
    | 'endpoint'
    | 'campaign'
    | 'partner'
    | 'fields'
    | 'privacyHref'
    | 'shareUrl'
    | 'shareText'
    | 'heading'
    | 'consentText'
    | 'thanksHeading'
    | 'refresh'
    | 'theme'
    | 'numerals'
  >
> & { goal?: number | string; statement?: string; dataName?: string; dataEmail?: string };

// A campaign's own words, so no fact in it beyond the names (shared/content/cambodia.md).
const STATEMENT =
  "I will take part in the UN's Universal Periodic Review of Cambodia and speak up for Kem Sokha, " +
  'Theary Seng and every person jailed in Cambodia for their political views.';

// The same in Khmer, naming only Kem Sokha, whose Khmer name the sources give (cambodia.md).
const STATEMENT_KM =
  'ខ្ញុំនឹងចូលរួមក្នុងការពិនិត្យតាមកាលកំណត់ជាសកលរបស់អង្គការសហប្រជាជាតិលើកម្ពុជា ' +
  'ហើយនិយាយការពារ កឹម សុខា និងមនុស្សគ្រប់រូបដែលជាប់ឃុំនៅកម្ពុជាដោយសារទស្សនៈនយោបាយរបស់ខ្លួន។';

/** The address people are invited to share (an example, not the Storybook page). */
const SHARE_URL = 'https://example.org/pledge';

/** What an example reader types (the receiver's README uses the same made-up person). */
const READER = { name: 'Sok Dara', email: 'dara@example.org' };

type Outcome =
  'samleng-pledge-sent' | 'samleng-pledge-queued' | 'samleng-pledge-error' | 'samleng-pledge-submit';

/**
 * Runs a play step while holding `scripts/check-stories.mjs` back: the check waits (up to 5 s) for the
 * page's finite animations to end before it runs axe, so an invisible one, finished when the step is
 * done, makes it audit the state the story is named for rather than the form a moment earlier.
 */
async function holdingChecks(canvasElement: HTMLElement, step: () => Promise<void>): Promise<void> {
  const hold = canvasElement.animate([{ opacity: 1 }, { opacity: 1 }], { duration: 10_000 });
  try {
    await step();
  } finally {
    hold.finish();
  }
}

/**
 * Fills the form as a reader would (`values` by field id; the consent box ticked unless `consent` is
 * false), presses the button and waits for `outcome` and the render after it.
 */
async function submit(
  canvasElement: HTMLElement,
  outcome: Outcome,
  values: Record<string, string> = {},
  consent = true,
): Promise<SamlengPledge> {
  const el = canvasElement.querySelector('samleng-pledge');
  if (!el) throw new Error('no <samleng-pledge> in the story');
  // Through the loader (the story check's loader pass) the tag is defined once its chunks arrived.
  await customElements.whenDefined('samleng-pledge');
  await el.updateComplete;
  const root = el.shadowRoot;
  for (const [id, value] of Object.entries(values)) {
    const input = root?.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${id}`);
    if (!input) throw new Error(`no field #${id}`);
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
  if (consent) root?.querySelector<HTMLInputElement>('#consent')?.click();
  const happened = new Promise<void>((resolve, reject) => {
    el.addEventListener(outcome, () => resolve(), { once: true });
    setTimeout(() => reject(new Error(`no ${outcome} within 4 s`)), 4000);
  });
  root?.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
  await happened;
  await el.updateComplete;
  return el;
}

/** What a partner writes at least: the receiver, the campaign and the statement (plus a share link). */
const FORM: PledgeArgs = {
  endpoint: ENDPOINT,
  campaign: CAMPAIGN,
  statement: STATEMENT,
  shareUrl: SHARE_URL,
};

const part = (el: SamlengPledge, name: string) => el.shadowRoot?.querySelector(`[part~="${name}"]`);

const meta: Meta<PledgeArgs> = {
  title: 'Widgets/Pledge',
  component: 'samleng-pledge',
  render: (a) =>
    html`<samleng-pledge
      endpoint=${ifDefined(a.endpoint)}
      campaign=${ifDefined(a.campaign)}
      partner=${ifDefined(a.partner)}
      goal=${ifDefined(a.goal)}
      fields=${ifDefined(a.fields)}
      privacy-href=${ifDefined(a.privacyHref)}
      share-url=${ifDefined(a.shareUrl)}
      share-text=${ifDefined(a.shareText)}
      heading=${ifDefined(a.heading)}
      consent-text=${ifDefined(a.consentText)}
      thanks-heading=${ifDefined(a.thanksHeading)}
      refresh=${ifDefined(a.refresh)}
      theme=${ifDefined(a.theme)}
      numerals=${ifDefined(a.numerals)}
      data-name=${ifDefined(a.dataName)}
      data-email=${ifDefined(a.dataEmail)}
      >${a.statement}</samleng-pledge
    >`,
  // Every story starts with an empty outbox (a pledge queued by the "Queued" story stays otherwise).
  beforeEach: clearOutbox,
  argTypes: {
    statement: {
      description: 'The pledge statement (slot content).',
      control: 'text',
      table: { category: 'slots' },
    },
    goal: { control: 'text' },
    dataName: {
      description: 'Attribute `data-name`: prefills the name (like `?name=` in the page address).',
      control: 'text',
    },
    dataEmail: {
      description: 'Attribute `data-email`: prefills the e-mail address (like `?email=`).',
      control: 'text',
    },
  },
};

export default meta;
type Story = StoryObj<PledgeArgs>;

/** The count with a goal; the localized default heading ("Take the pledge"). */
export const Default: Story = {
  args: { ...FORM, goal: 5000 },
};

/** No `goal`: the count alone, no bar. */
export const NoGoal: Story = {
  args: { ...FORM, heading: 'Stand with Cambodia’s political prisoners' },
};

/** The count (5,210) has passed the goal (5,000): the shown goal steps up to the next round figure. */
export const GoalPassed: Story = {
  args: { ...FORM, endpoint: GOAL_PASSED_ENDPOINT, goal: 5000 },
};

/** Every optional field, the partner's name, a privacy link and the consent sentence as the partner wrote it. */
export const AllFields: Story = {
  args: {
    ...FORM,
    goal: 5000,
    partner: 'lowell-kca',
    fields: 'country phone city comment',
    privacyHref: 'https://example.org/privacy',
    consentText:
      'I agree that the coalition keeps my name, e-mail address and the details above to count my pledge, ' +
      'and may write to me about this campaign.',
  },
};

/** Name and e-mail filled in from the partner's mailing (`data-name`, `data-email`, or `?name=&email=`). */
export const Prefilled: Story = {
  args: { ...FORM, goal: 5000, dataName: READER.name, dataEmail: READER.email },
};

/** The reader pressed the button with nothing filled in: a message by each field, focus on the first. */
export const FieldErrors: Story = {
  args: { ...FORM, goal: 5000, privacyHref: 'https://example.org/privacy' },
  play: ({ canvasElement }) =>
    holdingChecks(canvasElement, async () => {
      const el = await submit(canvasElement, 'samleng-pledge-error', {}, false);
      await expect(el.shadowRoot?.querySelectorAll('[part="field-error"]').length).toBe(3);
      await expect(el.shadowRoot?.activeElement?.id).toBe('name');
    }),
};

/** An e-mail address without a domain: only that field complains. */
export const InvalidEmail: Story = {
  args: { ...FORM, goal: 5000 },
  play: ({ canvasElement }) =>
    holdingChecks(canvasElement, async () => {
      const el = await submit(canvasElement, 'samleng-pledge-error', { name: READER.name, email: 'dara@' });
      await expect(el.shadowRoot?.querySelectorAll('[part="field-error"]').length).toBe(1);
      await expect(el.shadowRoot?.activeElement?.id).toBe('email');
    }),
};

/**
 * Sent, and the receiver has not answered yet: the button is busy and a second press does nothing.
 * (A story-local stand-in for the receiver never answers; see stories/pledge-receiver.ts.)
 */
export const Sending: Story = {
  args: { ...FORM, endpoint: 'pledge-demo/sending/api/pledges', goal: 5000 },
  beforeEach: fakeReceiver('pledge-demo/sending/api/pledges', 'never'),
  play: ({ canvasElement }) =>
    holdingChecks(canvasElement, async () => {
      const el = await submit(canvasElement, 'samleng-pledge-submit', READER);
      await expect(part(el, 'button')?.getAttribute('aria-disabled')).toBe('true');
    }),
};

/**
 * The receiver cannot be reached (`endpoint` is a port nothing listens on): the pledge waits in the
 * outbox, in this page's local storage, and is retried with backoff. The count was read before the
 * connection dropped. A story-local stand-in answers for that address (stories/pledge-receiver.ts), so
 * the failure is the browser's own `TypeError` without a refused connection in the page's log; the
 * outbox is emptied before and after the story (`clearOutbox`), so the pledge does not leak into others.
 */
export const Queued: Story = {
  args: { ...FORM, endpoint: UNREACHABLE, goal: 5000 },
  beforeEach: fakeReceiver(UNREACHABLE, 'unreachable', 1234),
  play: ({ canvasElement }) =>
    holdingChecks(canvasElement, async () => {
      const el = await submit(canvasElement, 'samleng-pledge-queued', READER);
      await expect(part(el, 'queued')).toBeTruthy();
    }),
};

/**
 * Counted: the thank-you step, the count with this pledge in it, and sharing (plain links, nothing
 * loaded from any network until a link is clicked). A static file cannot take a POST, so a story-local
 * stand-in for the receiver answers `201` (stories/pledge-receiver.ts).
 */
export const Thanks: Story = {
  args: { ...FORM, endpoint: 'pledge-demo/thanks/api/pledges', goal: 5000 },
  beforeEach: fakeReceiver('pledge-demo/thanks/api/pledges', 'counted', 1234),
  play: ({ canvasElement }) =>
    holdingChecks(canvasElement, async () => {
      const el = await submit(canvasElement, 'samleng-pledge-sent', READER);
      await expect(part(el, 'thanks')).toBeTruthy();
      await expect(el.shadowRoot?.activeElement?.localName).toBe('h3');
    }),
};

/**
 * The receiver confirms pledges by e-mail: the reader is asked to check their inbox (the count moves when
 * they confirm). A reader whose address had already pledged sees exactly this too: only the address's
 * owner is told, by mail.
 */
export const CheckInbox: Story = {
  args: { ...FORM, endpoint: 'pledge-demo/confirm/api/pledges', goal: 5000 },
  beforeEach: fakeReceiver('pledge-demo/confirm/api/pledges', 'confirm', 1234),
  play: ({ canvasElement }) =>
    holdingChecks(canvasElement, async () => {
      const el = await submit(canvasElement, 'samleng-pledge-sent', READER);
      // In every language: not the "counted" sentence of the Thanks story (this is the confirm one).
      await expect(part(el, 'thanks')).toBeTruthy();
      await expect((el as unknown as { _confirm: boolean })._confirm).toBe(true);
    }),
};

/**
 * The receiver refuses pledges from this page (`403`: its origin is not in SAMLENG_ALLOWED_ORIGINS): a
 * message for the reader, and one console warning telling the partner what to fix.
 */
export const Refused: Story = {
  args: { ...FORM, endpoint: 'pledge-demo/refused/api/pledges', goal: 5000 },
  beforeEach: fakeReceiver('pledge-demo/refused/api/pledges', 'refused', 1234),
  tags: ['bad-input'],
  play: ({ canvasElement }) =>
    holdingChecks(canvasElement, async () => {
      const el = await submit(canvasElement, 'samleng-pledge-error', READER);
      await expect(part(el, 'form-error')).toBeTruthy();
    }),
};

export const DarkTheme: Story = {
  args: { ...FORM, theme: 'dark', goal: 5000, privacyHref: 'https://example.org/privacy' },
  // Pins the toolbar too, so the page behind the card is dark as well.
  globals: { theme: 'dark' },
};

/** The thank-you step in the dark (sharing links and buttons). */
export const DarkThanks: Story = {
  ...Thanks,
  args: { ...Thanks.args, theme: 'dark' },
  globals: { theme: 'dark' },
};

/** The page is in Khmer: Khmer labels, messages and digits. */
export const Khmer: Story = {
  args: { ...FORM, goal: 5000, statement: STATEMENT_KM, fields: 'country' },
  globals: { locale: 'km' },
};

/** Bad input: no `endpoint`. A localized message and one console warning. */
export const MissingEndpoint: Story = {
  args: { campaign: CAMPAIGN, statement: STATEMENT },
  tags: ['bad-input'],
};

/** Bad input: no `campaign`. */
export const MissingCampaign: Story = {
  args: { endpoint: ENDPOINT, statement: STATEMENT },
  tags: ['bad-input'],
};

/** Bad input: a goal written with a thousands separator. */
export const BadGoal: Story = {
  args: { ...FORM, goal: '5,000' },
  tags: ['bad-input'],
};

/** Bad input: a field the form does not have. */
export const UnknownField: Story = {
  args: { ...FORM, fields: 'country birthday' },
  tags: ['bad-input'],
};
