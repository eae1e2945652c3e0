/**
 * Console warnings that name the element and are printed once, not on every render.
 */
const warned = new WeakMap<Element, Set<string>>();

/** The tag name as partners write it, e.g. `<samleng-countdown>`. */
export function tagOf(host: Element): string {
  return `<${host.localName}>`;
}

/**
 * Prints `message`, prefixed with the element's tag, unless the same `key` was already reported for
 * this element.
 */
export function warnOnce(host: Element, key: string, message: string): void {
  let keys = warned.get(host);
  if (!keys) {
    keys = new Set();
    warned.set(host, keys);
  }
  if (keys.has(key)) return;
  keys.add(key);
  console.warn(`${tagOf(host)}: ${message}`, host);
}
