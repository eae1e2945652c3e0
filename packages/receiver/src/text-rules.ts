// Rules for the text a pledge may carry, as ajv keywords the pledge schema uses. JSON Schema's own
// keywords cannot say them: a lone surrogate is a valid JSON string but not storable UTF-8 (other SQLite
// readers cannot decode it), a NUL cuts the value short in C tools, a name of zero-width characters is
// blank to every reader, and `urn:uuid:X` beside `X` would make two rows of one pledge.

/** The part of ajv (8, fastify's) these rules use; typed here so the receiver needs no direct ajv import. */
interface KeywordHost {
  addKeyword(definition: {
    keyword: string;
    schemaType: string | string[];
    errors: boolean;
    validate: (schema: unknown, data: unknown) => boolean;
  }): unknown;
}

/** C0 and C1 control characters and DEL; `multiline` text (the comment) keeps tab, line feed and CR. */
// eslint-disable-next-line no-control-regex -- matching control characters is this rule's job
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
// eslint-disable-next-line no-control-regex -- as above
const CONTROL_MULTILINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/**
 * A character someone can see: not white space, not an invisible format character (zero-width space and
 * joiners, bidi marks, word joiner, BOM: Default_Ignorable_Code_Point), not a control, unassigned or
 * private-use code point, and not one of the blank "letters" (Hangul fillers, braille blank).
 */
const VISIBLE =
  /[^\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cn}\p{Co}\p{Cs}\u2800\u3164\uFFA0\u115F\u1160]/u;

/** The canonical UUID: lower-case hex in 8-4-4-4-12 groups, nothing around it. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const NIL_OR_MAX = /^(?:[0-]{36}|[f-]{36})$/;

/** RFC 5321 §4.5.3.1: a local part of at most 64 octets, a domain of at most 255, labels of at most 63. */
export const MAX_LOCAL_PART = 64;
const MAX_DOMAIN = 255;
const MAX_LABEL = 63;

export function isWellFormed(text: string): boolean {
  // String.prototype.isWellFormed (Node 20; not in this package's ES2023 lib typings): no unpaired surrogate.
  return (text as string & { isWellFormed(): boolean }).isWellFormed();
}

export function hasControl(text: string, multiline = false): boolean {
  return (multiline ? CONTROL_MULTILINE : CONTROL).test(text);
}

export function hasVisibleText(text: string): boolean {
  return VISIBLE.test(text);
}

export function isCanonicalUuid(text: string): boolean {
  return UUID.test(text) && !NIL_OR_MAX.test(text);
}

export function withinMailboxLimits(address: string): boolean {
  const at = address.lastIndexOf('@');
  if (at < 1) return false;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  const octets = (text: string) => Buffer.byteLength(text, 'utf8');
  return (
    octets(local) <= MAX_LOCAL_PART &&
    octets(domain) <= MAX_DOMAIN &&
    domain.split('.').every((label) => octets(label) <= MAX_LABEL)
  );
}

/**
 * The keywords, each a boolean check on strings (other types are left to `type`):
 * - `wellFormed`: no lone surrogate;
 * - `noControl`: `true`, or `"multiline"` to allow tab and line breaks;
 * - `visibleText`: at least one visible character;
 * - `canonicalUuid`: lower-case 8-4-4-4-12, not the nil or max UUID;
 * - `mailbox`: RFC 5321 length limits.
 * Errors carry the keyword's name; schema.ts maps them to the codes the pledge form shows.
 */
export function textRules<T extends object>(instance: T): T {
  const ajv = instance as unknown as KeywordHost;
  const onString = (check: (text: string, schema: unknown) => boolean) => (schema: unknown, data: unknown) =>
    typeof data !== 'string' || check(data, schema);
  ajv.addKeyword({
    keyword: 'wellFormed',
    schemaType: 'boolean',
    errors: false,
    validate: onString((text) => isWellFormed(text)),
  });
  ajv.addKeyword({
    keyword: 'noControl',
    schemaType: ['boolean', 'string'],
    errors: false,
    validate: onString((text, schema) => !hasControl(text, schema === 'multiline')),
  });
  ajv.addKeyword({
    keyword: 'visibleText',
    schemaType: 'boolean',
    errors: false,
    // An empty string is `minLength`'s to report (`required`), not this rule's.
    validate: onString((text) => text === '' || hasVisibleText(text)),
  });
  ajv.addKeyword({
    keyword: 'canonicalUuid',
    schemaType: 'boolean',
    errors: false,
    validate: onString((text) => isCanonicalUuid(text)),
  });
  ajv.addKeyword({
    keyword: 'mailbox',
    schemaType: 'boolean',
    errors: false,
    validate: onString((text) => withinMailboxLimits(text)),
  });
  return instance;
}
