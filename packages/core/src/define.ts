/**
 * Guarded custom-element registration.
 *
 * Partner pages are not ours: the script may be pasted twice, loaded once as a module and once as a
 * classic script, or sit beside another copy of another version. `customElements.define` throws in
 * all of those cases, which would stop the rest of the page's scripts. Here the first copy wins, and
 * any later copy says so once in the console and carries on.
 */

/** Shared across every copy of Samleng on the page, so the warning is printed once in all. */
const WARNED = Symbol.for('samleng.define.warned');

type Flagged = typeof globalThis & { [WARNED]?: boolean };

/**
 * Defines `tag` with `ctor` unless some script already defined it. Never throws.
 * @returns true when this call registered the element.
 */
export function define(tag: string, ctor: CustomElementConstructor): boolean {
  const registry = globalThis.customElements;
  if (!registry) return false;
  const existing = registry.get(tag);
  if (existing === ctor) return false;
  if (existing) {
    warnDuplicate(tag);
    return false;
  }
  try {
    registry.define(tag, ctor);
    return true;
  } catch (error) {
    // Another definition can win a race between `get` and `define` (e.g. a scoped registry shim).
    warnDuplicate(tag, error);
    return false;
  }
}

function warnDuplicate(tag: string, error?: unknown): void {
  const global = globalThis as Flagged;
  if (global[WARNED]) return;
  global[WARNED] = true;
  const reason = error instanceof Error ? ` (${error.message})` : '';
  console.warn(
    `<${tag}>: Samleng is loaded more than once on this page; the first copy is used and this one is ignored${reason}. Keep one <script> tag for Samleng.`,
  );
}
