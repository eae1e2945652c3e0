/**
 * A random (version 4) UUID, the idempotency key of a pledge or an alerts sign-up.
 *
 * `crypto.randomUUID()` exists only in secure contexts, and partner pages are still served over plain
 * http now and then; `crypto.getRandomValues()` works everywhere.
 */
export function uuid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  // Version 4 in the 7th byte's high nibble, the RFC 4122 variant in the 9th byte's two high bits.
  const hex = Array.from(bytes, (byte, i) =>
    (i === 6 ? (byte & 0x0f) | 0x40 : i === 8 ? (byte & 0x3f) | 0x80 : byte).toString(16).padStart(2, '0'),
  ).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
