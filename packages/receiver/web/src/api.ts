// The console's calls to its own receiver (same origin: the session cookie rides along by itself).

/** A refusal, with the receiver's `{errors: {field: code}}` and, for 429, the seconds to wait. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly retryAfter = 0,
    /** The receiver's `{errors: {path: code}}`, whole (a 400 names every field that needs fixing). */
    readonly errors: Record<string, string> = {},
  ) {
    super(`${status} ${code}`);
  }
}

/** How long a request may take before the console says the receiver could not be reached. */
const TIMEOUT_MS = 15_000;

/** JSON from `path`; an ApiError for anything but 2xx (status 0: the receiver could not be reached, or
 * did not answer within TIMEOUT_MS: a console must not wait forever on a stalled connection). */
export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? 'GET',
      signal: AbortSignal.timeout(TIMEOUT_MS),
      credentials: 'same-origin',
      headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
      body: init.body === undefined ? null : JSON.stringify(init.body),
    });
  } catch {
    throw new ApiError(0, 'network');
  }
  if (response.status === 204) return undefined as T;
  const body = (await response.json().catch(() => ({}))) as { errors?: Record<string, string> };
  if (!response.ok) {
    const code = Object.values(body.errors ?? {})[0] ?? 'unknown';
    throw new ApiError(
      response.status,
      code,
      Number(response.headers.get('retry-after') ?? 0),
      body.errors ?? {},
    );
  }
  return body as T;
}

export interface Tally {
  key: string;
  count: number;
}

export interface CampaignStats {
  campaign: string;
  confirmed: number;
  pending: number;
  byPartner: Tally[];
  byCountry: Tally[];
  byDay: Tally[];
}

export interface PledgeRow {
  id: string;
  partner: string;
  name: string;
  email: string;
  country: string | null;
  consent_text: string;
  consent_at: string;
  confirmed_at: string | null;
}

export interface PledgePage {
  total: number;
  page: number;
  pageSize: number;
  rows: PledgeRow[];
}

/** Who the session speaks for: `partner` null is the admin. */
export interface Me {
  signedIn: boolean;
  partner: string | null;
}
