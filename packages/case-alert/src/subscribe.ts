/**
 * One attempt to sign a reader up for alerts (`POST {alerts}`, see the receiver's README), and what the
 * answer means: the receiver has it (a confirmation mail is on its way), the reader can fix a field, or
 * it failed (no answer, or an HTTP error: the reader may try again with the same id, which the receiver
 * takes as the same sign-up).
 */

/** The body of `POST /api/subscriptions`. */
export interface SubscriptionBody {
  /** A fresh v4 UUID per sign-up; a retry sends the same one. */
  id: string;
  email: string;
  language: string;
  partner?: string;
  consent: true;
  consentText: string;
  pageUrl?: string;
  /** The honeypot: people leave it empty. */
  website: string;
}

export type SubscribeResult =
  | { kind: 'sent' }
  | { kind: 'invalid'; errors: Record<string, string> }
  /** `status` 0: no answer (network, timeout, or an answer that is not the receiver's). */
  | { kind: 'failed'; status: number; code?: string | undefined };

const TIMEOUT = 15_000;

export async function subscribe(endpoint: string, body: SubscriptionBody): Promise<SubscribeResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT);
  try {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      credentials: 'omit',
      signal: controller.signal,
      referrerPolicy: 'strict-origin-when-cross-origin',
    });
    let data: unknown;
    try {
      data = JSON.parse(await response.text());
    } catch {
      data = undefined;
    }
    const errors = fieldErrors((data as { errors?: unknown } | undefined)?.errors);
    const { status } = response;
    // A 2xx without the receiver's answer (a captive portal, a wrong address) signed nobody up.
    if (status >= 200 && status < 300) {
      return (data as { confirm?: unknown } | undefined)?.confirm === true
        ? { kind: 'sent' }
        : { kind: 'failed', status: 0 };
    }
    if (status === 400 && errors) return { kind: 'invalid', errors };
    return { kind: 'failed', status, code: errors ? Object.values(errors)[0] : undefined };
  } catch {
    return { kind: 'failed', status: 0 };
  } finally {
    clearTimeout(timer);
  }
}

/** The receiver's `{field: code}`, keeping only short string pairs (the answer is data, not trusted). */
function fieldErrors(value: unknown): Record<string, string> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const errors: Record<string, string> = {};
  for (const [field, code] of Object.entries(value).slice(0, 20)) {
    if (typeof code === 'string' && field.length <= 40 && code.length <= 40) errors[field] = code;
  }
  return Object.keys(errors).length > 0 ? errors : undefined;
}
