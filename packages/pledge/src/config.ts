/**
 * The attributes both pledge widgets share, checked once: where the receiver is, which campaign,
 * the goal. A problem comes back as the visible, localized message and the console warning.
 */
import { msg, str } from '@lit/localize';
import { warnOnce, type ConfigProblem } from '@samleng/core';
import type { CountController } from './count-source.js';
import { countUrl, endpointUrl, SLUG } from './endpoint.js';
import { resumeOutbox } from './outbox.js';

export interface CountAttributes {
  endpoint: string | undefined;
  campaign: string | undefined;
  goal: number | undefined;
  /** The `goal` attribute as written, for the messages ("5,000" reads better than NaN). */
  goalText?: string | null;
}

export interface CountConfig {
  endpoint: string;
  campaign: string;
  countUrl: string;
  goal: number | undefined;
}

/** Shortens a partner's value for a message: a 100 KB attribute must not become a 100 KB error box. */
export const shown = (value: unknown): string => {
  const text = String(value ?? '');
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
};

export function readCountConfig(attributes: CountAttributes): CountConfig | { problem: ConfigProblem } {
  const endpoint = endpointUrl(attributes.endpoint);
  if (!endpoint) {
    const value = shown(attributes.endpoint);
    return {
      problem: {
        attribute: 'endpoint',
        message: msg(
          'Set endpoint to the address of the campaign’s pledge receiver, such as https://pledges.example.org/api/pledges.',
          { id: 'pledge.error.endpoint' },
        ),
        warning: `\`endpoint\` must be the http(s) address of the pledge receiver, such as https://pledges.example.org/api/pledges (got "${value}").`,
      },
    };
  }
  const campaign = attributes.campaign?.trim() ?? '';
  if (!SLUG.test(campaign)) {
    return {
      problem: {
        attribute: 'campaign',
        message: msg(
          'Set campaign to the campaign’s short name: letters, digits, dots, dashes or underscores, such as upr-2029.',
          { id: 'pledge.error.campaign' },
        ),
        warning: `\`campaign\` must be a short name of letters, digits, ".", "-" or "_", at most 64 characters, such as upr-2029 (got "${shown(attributes.campaign)}").`,
      },
    };
  }
  // goal="" is a goal left out, not a goal of zero.
  const goal = attributes.goalText?.trim() === '' ? undefined : attributes.goal;
  if (goal !== undefined && goal !== null && !(Number.isSafeInteger(goal) && goal > 0)) {
    const value = shown(attributes.goalText ?? goal);
    return {
      problem: {
        attribute: 'goal',
        message: msg(str`The goal "${value}" is not valid. Use a whole number above zero, such as 5000.`, {
          id: 'pledge.error.goal',
        }),
        warning: `\`goal\` must be a whole number above zero, such as 5000 (got "${value}").`,
      },
    };
  }
  return { endpoint, campaign, countUrl: countUrl(endpoint, campaign), goal: goal ?? undefined };
}

/** `refresh` in seconds: the default when absent, and a warning (via `warn`) when it is no number. */
function readRefresh(
  value: number | undefined,
  written: string | null,
  warn: (message: string) => void,
): number {
  if (value === undefined || value === null) return 60;
  if (!Number.isFinite(value) || value <= 0) {
    warn(
      `\`refresh\` must be a number of seconds above zero, such as 60 (got "${shown(written ?? value)}"); 60 is used.`,
    );
    return 60;
  }
  return value;
}

/**
 * What both widgets do when their attributes change: follow `config`'s count (none while the
 * attributes are wrong) at the host's `refresh`, and send the pledges waiting for its receiver.
 */
export function followConfig(
  host: HTMLElement & { refresh: number | undefined },
  count: CountController,
  config: CountConfig | undefined,
): void {
  count.watch(
    config?.countUrl,
    readRefresh(host.refresh, host.getAttribute('refresh'), (message) => warnOnce(host, 'refresh', message)),
  );
  // Pledges this reader made offline go out as soon as any widget for the receiver is shown.
  if (config) void resumeOutbox(config.endpoint);
}
