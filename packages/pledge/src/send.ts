/**
 * One attempt to deliver a pledge to the receiver, and what the answer means for it: counted, refused
 * for good (the form shows why), or worth another try later (the pledge stays in the outbox).
 */

/** The body of `POST {endpoint}` (see the receiver's README). */
export interface PledgeBody {
  id: string;
  campaign: string;
  partner?: string;
  name: string;
  email: string;
  country?: string;
  phone?: string;
  city?: string;
  comment?: string;
  consent: true;
  consentText: string;
  locale: string;
  pageUrl?: string;
  /** The honeypot: people leave it empty. */
  website: string;
}

/** Field → code, as the receiver's `400 {errors}` and the form's own checks give them. */
export type FieldErrors = Record<string, string>;

export type SendResult =
  /**
   * 2xx: the receiver has it. `confirm`: it waits for the reader's confirmation by e-mail. `count` is the
   * campaign's total when an (older) receiver's answer had one; today's receivers give none.
   */
  | { kind: 'sent'; count: number | undefined; confirm: boolean }
  /** 400 with field errors: the reader can fix them. */
  | { kind: 'invalid'; errors: FieldErrors }
  /** Any other 4xx: this pledge will never be accepted as it is (origin not allowed, wrong address…). */
  | { kind: 'rejected'; status: number }
  /** No answer, a timeout, 5xx, 429, or a 2xx that is not the receiver's: keep it and try again. */
  | { kind: 'retry'; reason: 'network' | 'timeout' | 'server' | 'rate' | 'not-receiver'; after?: number };

const TIMEOUT = 15_000;

export async function sendPledge(endpoint: string, body: PledgeBody, timeout = TIMEOUT): Promise<SendResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeout);
  try {
    let response: Response;
    try {
      response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
        credentials: 'omit',
        signal: controller.signal,
        // The receiver may be on another origin: send it no more than the page's origin.
        referrerPolicy: 'strict-origin-when-cross-origin',
      });
    } catch {
      return { kind: 'retry', reason: controller.signal.aborted ? 'timeout' : 'network' };
    }
    const data = await readJson(response);
    const { status } = response;
    if (status >= 200 && status < 300) {
      // A page that answers 200 with HTML is not the receiver (a wrong endpoint, a captive portal):
      // the pledge was not counted, so it stays.
      if (!isRecord(data) || data.id !== body.id) return { kind: 'retry', reason: 'not-receiver' };
      const count = data.count;
      return {
        kind: 'sent',
        count: typeof count === 'number' && Number.isSafeInteger(count) && count >= 0 ? count : undefined,
        confirm: data.confirm === true,
      };
    }
    if (status === 429) return { kind: 'retry', reason: 'rate', after: retryAfter(response) };
    if (status >= 500 || status === 408)
      return { kind: 'retry', reason: 'server', after: retryAfter(response) };
    const errors = isRecord(data) ? fieldErrors(data.errors) : undefined;
    if (status === 400 && errors) return { kind: 'invalid', errors };
    return { kind: 'rejected', status };
  } finally {
    clearTimeout(timer);
  }
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return JSON.parse(await response.text()) as unknown;
  } catch {
    return undefined;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The receiver's `{field: code}`, keeping only short string pairs (the answer is data, not trusted). */
function fieldErrors(value: unknown): FieldErrors | undefined {
  if (!isRecord(value)) return undefined;
  const errors: FieldErrors = {};
  for (const [field, code] of Object.entries(value).slice(0, 20)) {
    if (typeof code === 'string' && field.length <= 40 && code.length <= 40) errors[field] = code;
  }
  return Object.keys(errors).length > 0 ? errors : undefined;
}

/** `Retry-After` in milliseconds (seconds or an HTTP date), when the server sent one. */
function retryAfter(response: Response): number | undefined {
  const value = response.headers.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - Date.now();
  return Number.isFinite(ms) && ms > 0 ? Math.min(ms, 3_600_000) : undefined;
}
