/** The `mailto:` URL and the plain text of a letter to the authorities. */
import { encodeText } from '@samleng/core';

/** RFC 6068: line breaks in a mailto body are CRLF, and every field is percent-encoded. */
const encode = (text: string) => encodeText(text.replace(/\r?\n/g, '\r\n'));

export function mailtoUrl(to: string, subject: string, body: string): string {
  // `to` was checked to be one plain address, so its `@` can stay readable.
  return `mailto:${encode(to).replace('%40', '@')}?subject=${encode(subject)}&body=${encode(body)}`;
}
