/**
 * Typed `samleng-*` events.
 *
 * Each widget declares its events in the global `HTMLElementEventMap`, so `emit()` checks the detail
 * type at compile time and partners writing TypeScript get typed `addEventListener` callbacks.
 */

/** The names of every Samleng event known to the compiler. */
export type SamlengEventName = Extract<keyof HTMLElementEventMap, `samleng-${string}`>;

/** The `detail` type of a Samleng event. */
export type SamlengEventDetail<K extends SamlengEventName> =
  HTMLElementEventMap[K] extends CustomEvent<infer D> ? D : never;

/**
 * Dispatches a bubbling, composed `CustomEvent` from `target`, so a listener on `document` hears it
 * even though widgets render in shadow roots.
 * @returns false when a listener called `preventDefault()` on a cancelable event.
 */
export function emit<K extends SamlengEventName>(
  target: EventTarget,
  name: K,
  detail: SamlengEventDetail<K>,
  options: { cancelable?: boolean } = {},
): boolean {
  const event = new CustomEvent(name, {
    bubbles: true,
    composed: true,
    cancelable: options.cancelable ?? false,
    detail,
  });
  return target.dispatchEvent(event);
}
