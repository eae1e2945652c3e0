// The pledge contract as JSON Schema (fastify validates it with ajv), and the mapping from ajv's errors to
// the `{errors: {field: code}}` answer the pledge form shows next to each field.
import type { PledgeInput } from './store.js';

/** Campaign and partner names: short slugs partners put in an attribute. */
const SLUG = '[A-Za-z0-9][A-Za-z0-9._-]*';

export const LIMITS = {
  campaign: 64,
  partner: 64,
  name: 200,
  email: 254,
  country: 100,
  phone: 40,
  city: 100,
  comment: 2000,
  consentText: 2000,
  locale: 35,
  pageUrl: 2000,
  website: 500,
} as const;

/**
 * Every string: well-formed Unicode (no lone surrogate) and no control characters (text-rules.ts). Tab
 * and line breaks are kept where a person may type or wrap them: the comment, and the consent sentence
 * (a partner's `consent-text` attribute may wrap over lines in their HTML).
 */
const clean = { wellFormed: true, noControl: true } as const;
const multiline = { wellFormed: true, noControl: 'multiline' } as const;

const text = (maxLength: number, extra: Record<string, unknown> = {}) => ({
  type: 'string',
  minLength: 1,
  maxLength,
  ...clean,
  ...extra,
});

export const pledgeBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'campaign', 'name', 'email', 'consent', 'consentText', 'locale'],
  properties: {
    // One form only (lower case, no `urn:uuid:`), so one pledge cannot be stored twice under two spellings.
    id: { type: 'string', canonicalUuid: true },
    campaign: text(LIMITS.campaign, { pattern: `^${SLUG}$` }),
    // Optional fields may come as "" from a form that left them empty: stored as absent.
    partner: { type: 'string', maxLength: LIMITS.partner, pattern: `^(${SLUG})?$` },
    name: text(LIMITS.name, { visibleText: true }),
    email: text(LIMITS.email, { format: 'email', mailbox: true }),
    country: { type: 'string', maxLength: LIMITS.country, ...clean },
    phone: { type: 'string', maxLength: LIMITS.phone, pattern: '^[0-9+()./ -]*$' },
    city: { type: 'string', maxLength: LIMITS.city, ...clean },
    comment: { type: 'string', maxLength: LIMITS.comment, ...multiline },
    consent: { type: 'boolean', const: true },
    consentText: text(LIMITS.consentText, { ...multiline, visibleText: true }),
    locale: text(LIMITS.locale, { pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$' }),
    pageUrl: { type: 'string', maxLength: LIMITS.pageUrl, pattern: '^(https?://.*)?$', ...clean },
    website: { type: 'string', maxLength: LIMITS.website, ...clean },
  },
} as const;

/** The body of POST /api/pledges once the schema has passed it: the stored fields plus two checks. */
export interface PledgeBody extends PledgeInput {
  consent: true;
  /** The honeypot: people leave it empty. */
  website?: string;
}

/** The subset of an ajv error this mapping reads. */
export interface SchemaError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

/**
 * Field → code, one code per field (the first error wins). Codes: `required`, `type`, `format`,
 * `too-long`, `not-accepted` (consent not true), `unknown` (a field the contract does not have). The
 * text rules map to codes the pledge form already shows: a name of invisible characters only is
 * `required` (as if empty); a lone surrogate, a control character, a non-canonical UUID or an address
 * over RFC 5321's limits is `format`.
 */
export function fieldErrors(errors: readonly SchemaError[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const error of errors) {
    let field = error.instancePath.replace(/^\//, '').split('/')[0] || 'body';
    let code: string;
    switch (error.keyword) {
      case 'required':
        field = String(error.params.missingProperty);
        code = 'required';
        break;
      case 'additionalProperties':
        field = String(error.params.additionalProperty);
        code = 'unknown';
        break;
      case 'minLength':
      case 'visibleText':
        code = 'required';
        break;
      case 'maxLength':
        code = 'too-long';
        break;
      case 'const':
        code = field === 'consent' ? 'not-accepted' : 'format';
        break;
      case 'type':
        code = field === 'consent' ? 'not-accepted' : 'type';
        break;
      default:
        code = 'format';
    }
    result[field] ??= code;
  }
  return result;
}

/** Trims every top-level string, so `" A@B.org "` validates and counts like `"a@b.org"`. */
export function trimStrings(body: unknown): void {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return;
  const record = body as Record<string, unknown>;
  for (const [key, value] of Object.entries(record)) {
    if (typeof value === 'string' && key !== 'consentText') record[key] = value.trim();
  }
}
