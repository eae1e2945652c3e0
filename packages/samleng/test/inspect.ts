/**
 * What the cross-widget suites check on any Samleng element, whatever it was fed: the URLs and markup
 * in its shadow roots (nested ones included), its width against its container, and that it shows
 * something. Each check returns a list of problems (empty when all is well), so one assertion can
 * report every element and payload that failed at once.
 */

/** Attributes that make the browser load or navigate to a URL. */
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'background', 'data'];
const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);
/** Elements no widget renders: each could run or load something from data. */
const FORBIDDEN = 'script, iframe, frame, frameset, object, embed, base, meta, link, style, template';
const SCHEME = /^([a-z][a-z\d+.-]*):/i;
const XLINK = 'http://www.w3.org/1999/xlink';

/** The host's shadow root and every shadow root inside it, depth first. */
export function shadowRoots(host: Element): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  const visit = (root: ShadowRoot) => {
    roots.push(root);
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
  };
  if (host.shadowRoot) visit(host.shadowRoot);
  return roots;
}

/** The scheme the browser would use for `value` in an `href` or `src` of this page. */
export function schemeOf(value: string): string {
  try {
    return new URL(value, document.baseURI).protocol;
  } catch {
    // Not a URL the browser can follow; report what it claims to be (without what browsers ignore).
    // eslint-disable-next-line no-control-regex
    const scheme = SCHEME.exec(value.replace(/[\u0000-\u0020\u007f]/g, ''))?.[1];
    return scheme ? `${scheme.toLowerCase()}:` : 'invalid';
  }
}

/** Names an element for a failure message, with the case id of the card it sits in (lists). */
function describe(el: Element): string {
  const part = el.getAttribute('part');
  const root = el.getRootNode();
  const host = root instanceof ShadowRoot ? root.host : el;
  type Card = { record?: { id?: unknown } };
  const id = ((el as Card).record ?? (host as Card).record)?.id;
  return `<${el.localName}${part ? ` part="${part}"` : ''}>${id === undefined ? '' : ` in case ${String(id)}`}`;
}
const short = (value: string) => JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);

/** Every URL attribute in the shadow roots whose scheme is not http, https or mailto. */
export function unsafeUrls(host: Element): string[] {
  const problems: string[] = [];
  for (const root of shadowRoots(host)) {
    for (const el of root.querySelectorAll('*')) {
      for (const name of URL_ATTRIBUTES) {
        const value = name === 'xlink:href' ? el.getAttributeNS(XLINK, 'href') : el.getAttribute(name);
        if (value === null) continue;
        const scheme = schemeOf(value);
        if (!SAFE_SCHEMES.has(scheme)) problems.push(`${describe(el)} ${name}=${short(value)} (${scheme})`);
      }
    }
  }
  return problems;
}

/** Markup that data must never become: handlers, script-capable elements, styles carrying URLs. */
export function unsafeMarkup(host: Element): string[] {
  const problems: string[] = [];
  for (const root of shadowRoots(host)) {
    for (const el of root.querySelectorAll(FORBIDDEN)) problems.push(`${describe(el)} element`);
    for (const el of root.querySelectorAll('*')) {
      for (const attr of el.attributes) {
        if (/^on/i.test(attr.name)) problems.push(`${describe(el)} ${attr.name}=${short(attr.value)}`);
      }
      const style = el.getAttribute('style');
      if (style !== null && /url\(|expression|javascript|@import|binding|behavior|<|\\/i.test(style)) {
        problems.push(`${describe(el)} style=${short(style)}`);
      }
    }
  }
  return problems;
}

/**
 * Whether the widget stays within `width` pixels: the host, its shadow root's first element (the
 * card), the card's scroll width (content spilling out of it), and the same for every widget nested
 * in it (the cards of a list).
 */
export function overflow(host: Element, width: number): string[] {
  const problems: string[] = [];
  const check = (el: Element, label: string) => {
    const rect = el.getBoundingClientRect().width;
    if (rect > width + 0.5) problems.push(`${label} is ${rect.toFixed(1)} px wide`);
    if (el.scrollWidth > Math.ceil(width) + 1) problems.push(`${label} scrolls ${el.scrollWidth} px wide`);
  };
  const hosts = [
    host,
    ...shadowRoots(host).flatMap((root) => [...root.querySelectorAll('*')].filter((el) => el.shadowRoot)),
  ];
  for (const el of hosts) {
    check(el, describe(el));
    const card = el.shadowRoot?.firstElementChild;
    if (card) check(card, describe(card));
  }
  return problems;
}

/** The text a reader sees: the shadow tree with slotted content in place, nested widgets included. */
export function renderedText(host: Element): string {
  const parts: string[] = [];
  const visit = (node: Node) => {
    if (node instanceof HTMLSlotElement) {
      for (const assigned of node.assignedNodes({ flatten: true })) visit(assigned);
      return;
    }
    if (node.nodeType === Node.TEXT_NODE) {
      parts.push(node.textContent ?? '');
      return;
    }
    if (node instanceof HTMLStyleElement) return;
    const children =
      node instanceof Element && node.shadowRoot ? node.shadowRoot.childNodes : node.childNodes;
    for (const child of children) visit(child);
  };
  visit(host);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/**
 * A widget must never be a blank box: it has a height and some text, and an error it shows has both
 * too.
 */
export function blank(host: Element): string[] {
  const problems: string[] = [];
  if (host.getBoundingClientRect().height < 1) problems.push('the widget has no height');
  if (renderedText(host) === '') problems.push('the widget shows no text');
  for (const root of shadowRoots(host)) {
    for (const error of root.querySelectorAll('[part~=error], .config-error, [role=alert]')) {
      if (error.getBoundingClientRect().height < 1 || renderedText(error) === '') {
        problems.push(`${describe(error)} is empty or hidden`);
      }
    }
  }
  return problems;
}

/** Words that betray a value rendered without being checked. */
const LEAKS = [/\bundefined\b/, /\bNaN\b/, /\[object /, /\bInfinity\b/, /\bnull\b/];

/** "undefined", "NaN", "[object Object]"… shown by the widget, unless `fed` (what it was given) says so. */
export function leaks(host: Element, fed: string): string[] {
  const text = renderedText(host);
  return LEAKS.filter((word) => word.test(text) && !word.test(fed)).map((word) => `shows ${String(word)}`);
}

/**
 * URLs that fail as the corpus's do: a blocked port (where relative payload URLs lead) and a scheme
 * nobody knows, at once; a `.invalid` host once DNS has said so, which takes seconds when a batch
 * has queued hundreds of such look-ups.
 */
const DEAD_URLS = ['http://127.0.0.1:1/late-canary', 'x:late-canary'];
const DNS_URL = 'https://late-canary.invalid/';

/**
 * The late events a payload can ride on, played by markup of our own, and the event each fires once
 * the browser has dealt with it: an image's or a media element's failed load, an SVG animation's
 * start, a `<details>` opening, an iframe's `load`. (An SVG's `load` fires as it is made.)
 */
const CANARY_EVENTS: Record<string, string> = {
  img: 'error',
  audio: 'error',
  source: 'error',
  animate: 'beginEvent',
  details: 'toggle',
  iframe: 'load',
};
const deadLoads = (urls: string[]) =>
  urls.map((url) => `<img src="${url}" alt=""><audio src="${url}"></audio>`).join('');
const CANARIES = `${deadLoads(DEAD_URLS)}<video><source src="${DEAD_URLS[0]}"></video>
  <svg><animate attributeName="x" dur="1s"></animate></svg><details open></details><iframe title="canary"></iframe>`;

/**
 * Waits until a payload added before now has had its chance to run: a frame (autofocus, animations,
 * paint), then the same kinds of late event from canaries added now, which come after a payload's.
 * Never a fixed time: a busy machine makes this slower, not blind. Fails if a canary stays silent.
 * With `dns`, also a failed load from a `.invalid` host (slow: once per suite, at its end).
 */
export async function settle({ dns = false } = {}): Promise<void> {
  await new Promise((resolve) => requestAnimationFrame(resolve));
  const box = document.createElement('div');
  box.setAttribute('aria-hidden', 'true');
  box.style.cssText = 'position:fixed;top:0;left:0;width:1px;height:1px;overflow:hidden;';
  box.innerHTML = CANARIES + (dns ? deadLoads([DNS_URL]) : '');
  const silent = new Set<string>();
  const heard = [...box.querySelectorAll('*')].flatMap((el) => {
    const type = CANARY_EVENTS[el.localName];
    if (!type) return [];
    const name = `${el.localName} ${el.getAttribute('src') ?? ''} ${type}`;
    silent.add(name);
    return new Promise<void>((resolve) =>
      el.addEventListener(type, () => resolve(void silent.delete(name)), { once: true }),
    );
  });
  document.body.append(box);
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      Promise.all(heard),
      new Promise<never>((_, reject) => {
        const fail = () => reject(new Error(`late events never came: ${[...silent].join(', ')}`));
        timer = setTimeout(fail, 15_000);
      }),
    ]);
  } finally {
    clearTimeout(timer);
    box.remove();
  }
}

/** True while a widget in the shadow trees is still loading its feed. */
export const loading = (el: Element) =>
  shadowRoots(el).some(
    (root) =>
      root.querySelector('[aria-busy="true"], .loading') !== null ||
      // The pledge widgets' count: its status line says so while it loads.
      /^\s*Loading/.test(root.querySelector('[part~="status"]')?.textContent ?? ''),
  );
