import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect } from 'storybook/test';
import type { SamlengCaseList } from '@samleng/case-alert/samleng-case-list.js';
import { FEEDS, alertsEndpoint, mockFeeds } from './case-feeds.js';

mockFeeds();

/** One arg per attribute. */
type CaseListArgs = Partial<
  Pick<
    SamlengCaseList,
    'heading' | 'theme' | 'numerals' | 'src' | 'status' | 'alerts' | 'partner' | 'consentText' | 'privacyHref'
  >
> & {
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
      alerts=${ifDefined(a.alerts)}
      partner=${ifDefined(a.partner)}
      consent-text=${ifDefined(a.consentText)}
      privacy-href=${ifDefined(a.privacyHref)}
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

/**
 * Fills the sign-up as a reader would (the consent box ticked unless `consent` is false), presses the
 * button and waits for `outcome` and the render after it. Holds `scripts/check-stories.mjs` back meanwhile
 * (it waits for finite animations before axe), so it audits the state the story is named for.
 */
async function signUp(
  canvasElement: HTMLElement,
  outcome: 'samleng-case-list-subscribed' | 'samleng-case-list-error',
  email: string,
  consent = true,
): Promise<SamlengCaseList> {
  const hold = canvasElement.animate([{ opacity: 1 }, { opacity: 1 }], { duration: 10_000 });
  try {
    const el = canvasElement.querySelector('samleng-case-list');
    if (!el) throw new Error('no <samleng-case-list> in the story');
    await customElements.whenDefined('samleng-case-list');
    await el.updateComplete;
    const root = el.shadowRoot;
    const input = root?.querySelector<HTMLInputElement>('#alerts-email');
    if (!input) throw new Error('no sign-up in the story');
    input.value = email;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    if (consent) root?.querySelector<HTMLInputElement>('#alerts-consent')?.click();
    const happened = new Promise<void>((resolve, reject) => {
      el.addEventListener(outcome, () => resolve(), { once: true });
      setTimeout(() => reject(new Error(`no ${outcome} within 4 s`)), 4000);
    });
    root?.querySelector<HTMLButtonElement>('.submit')?.click();
    await happened;
    await el.updateComplete;
    return el;
  } finally {
    hold.finish();
  }
}

const ALERTS: CaseListArgs = {
  heading: 'Urgent actions',
  src: `${FEEDS}/cases.json`,
  limit: 1,
  partner: 'khmer-voices',
  privacyHref: 'https://example.org/privacy',
};
const READER_EMAIL = 'dara@example.org';

/** `alerts` turns on the sign-up under the list: e-mail, the mails' language (the page's), consent. */
export const AlertsSignUp: Story = {
  args: { ...ALERTS, alerts: alertsEndpoint('sent') },
};

/** Sent, and the receiver has not answered yet: the button says so and a second press does nothing. */
export const AlertsSending: Story = {
  args: { ...ALERTS, alerts: alertsEndpoint('sending') },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('samleng-case-list');
    await customElements.whenDefined('samleng-case-list');
    await el?.updateComplete;
    const root = el?.shadowRoot;
    const input = root?.querySelector<HTMLInputElement>('#alerts-email');
    if (!el || !input) throw new Error('no sign-up in the story');
    input.value = READER_EMAIL;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    root?.querySelector<HTMLInputElement>('#alerts-consent')?.click();
    root?.querySelector<HTMLButtonElement>('.submit')?.click();
    await el.updateComplete;
    await expect(root?.querySelector('.submit')?.getAttribute('aria-disabled')).toBe('true');
  },
};

/** The receiver has the sign-up: "check your inbox to confirm" (the same for an address already signed up). */
export const AlertsSent: Story = {
  args: { ...ALERTS, alerts: alertsEndpoint('sent') },
  play: async ({ canvasElement }) => {
    const el = await signUp(canvasElement, 'samleng-case-list-subscribed', READER_EMAIL);
    await expect(el.shadowRoot?.querySelector('.alerts.done')).toBeTruthy();
  },
};

/** Nothing filled in: a message by each field, focus on the e-mail. */
export const AlertsFieldErrors: Story = {
  args: { ...ALERTS, alerts: alertsEndpoint('sent') },
  play: async ({ canvasElement }) => {
    const el = await signUp(canvasElement, 'samleng-case-list-error', '', false);
    await expect(el.shadowRoot?.querySelectorAll('[part="field-error"]').length).toBe(2);
  },
};

/** The receiver's own check refuses the address (400): the message is by the field. */
export const AlertsRefusedAddress: Story = {
  args: { ...ALERTS, alerts: alertsEndpoint('invalid') },
  play: async ({ canvasElement }) => {
    const el = await signUp(canvasElement, 'samleng-case-list-error', READER_EMAIL);
    await expect(el.shadowRoot?.querySelector('#alerts-email-error')).toBeTruthy();
  },
};

/** The receiver is busy (429): a message and "Try again", which sends the same sign-up. */
export const AlertsBusy: Story = {
  args: { ...ALERTS, alerts: alertsEndpoint('busy') },
  play: async ({ canvasElement }) => {
    const el = await signUp(canvasElement, 'samleng-case-list-error', READER_EMAIL);
    await expect(el.shadowRoot?.querySelector('[part="form-error"] button')).toBeTruthy();
  },
};

/** No network: a message and "Try again". */
export const AlertsUnreachable: Story = {
  args: { ...ALERTS, alerts: alertsEndpoint('unreachable') },
  play: async ({ canvasElement }) => {
    const el = await signUp(canvasElement, 'samleng-case-list-error', READER_EMAIL);
    await expect(el.shadowRoot?.querySelector('[part="form-error"]')).toBeTruthy();
  },
};

export const AlertsDarkTheme: Story = {
  args: { ...ALERTS, alerts: alertsEndpoint('sent'), theme: 'dark' },
  globals: { theme: 'dark' },
};
