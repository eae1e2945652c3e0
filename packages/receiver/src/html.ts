// Text put into HTML (the confirmation page, the mails' HTML part): the five characters that could
// start markup or end an attribute, escaped.
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/**
 * The font of the receiver's own pages and mails: Latin fonts first, then Khmer ones, then the generic
 * family, as docs/partners.md ("Fonts for Khmer and Latin") advises partners. The browser takes each Khmer
 * letter from the first Khmer font listed that it has, not from whatever `sans-serif` falls back to for
 * Khmer (on Debian, Khmer OS, whose vowels below the letter Chromium drew out of place on the
 * confirmation page).
 */
export const FONT_STACK =
  "system-ui, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Khmer', 'Khmer OS', 'Khmer Sangam MN', 'Khmer UI', sans-serif";
