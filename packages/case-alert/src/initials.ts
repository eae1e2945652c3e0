/**
 * The stand-in for a missing or broken photo: the person's initials on a colored disc. The color is
 * picked from the name so a case keeps its color on every partner site; every color in the set keeps
 * white text at a contrast above 4.5:1.
 */
const COLORS = ['#9c1c1f', '#005a9c', '#1d6b38', '#6b3fa0', '#8a4600', '#00676b', '#5c4b00', '#a0216a'];

function firstGrapheme(word: string): string {
  const segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter() : undefined;
  if (segmenter) {
    for (const { segment } of segmenter.segment(word)) return segment;
  }
  return [...word][0] ?? '';
}

/** "Kem Sokha" → "KS"; "Theary Seng" → "TS"; "កឹម សុខា" → "កឹស" (first cluster of each word). */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const picked = words.length > 1 ? [words[0] ?? '', words.at(-1) ?? ''] : words;
  return picked.map((word) => firstGrapheme(word).toLocaleUpperCase()).join('');
}

/** A stable color for `name`. */
export function discColor(name: string): string {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return COLORS[hash % COLORS.length] ?? '#9c1c1f';
}
