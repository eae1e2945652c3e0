// The demo's language buttons, as a partner's own switcher would work. Changing <html lang> is all the
// widgets need: each follows it by itself. The page's own text (headings, paragraphs, code samples, and
// the text it gives the widgets: headings, places, milestones, steps, the pledge statement and its
// privacy page) is the partner's, so this swaps it too, from page-text.js; the English is the page as
// written. `?lang=km` (or fr) opens the page in that language, and the address follows the buttons.
// A module file, not an inline script, so the page works under a strict Content-Security-Policy.
import { PAGE_TEXT } from './page-text.js';

const LANGS = ['en', 'km', 'fr'];

/** Builds the nodes of a text with the page's three kinds of markup: **bold**, `code`, [link](url). */
function nodesOf(text) {
  return text.split(/(\*\*[^*]+\*\*|`[^`]+`|\[[^\]]+\]\([^)\s]+\))/).map((piece) => {
    const link = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(piece);
    if (link) {
      const a = document.createElement('a');
      a.href = link[2];
      // Every link of the demo goes to a page in English.
      a.hreflang = 'en';
      a.textContent = link[1];
      return a;
    }
    const tag = piece.startsWith('**') ? 'strong' : piece.startsWith('`') ? 'code' : undefined;
    if (!tag) return document.createTextNode(piece);
    const element = document.createElement(tag);
    element.textContent = piece.slice(tag === 'strong' ? 2 : 1, tag === 'strong' ? -2 : -1);
    return element;
  });
}

/** What the page says in English, read from the page itself before the first switch. */
const english = new Map();
const translated = [...document.querySelectorAll('[data-text], [data-code], [data-attrs]')];
for (const element of translated) {
  english.set(element, {
    nodes: [...element.childNodes].map((node) => node.cloneNode(true)),
    attributes: Object.fromEntries(
      (element.dataset.attrs ?? '')
        .split(/\s+/)
        .filter(Boolean)
        .map((pair) => pair.split(':')[0])
        .map((name) => [name, element.getAttribute(name)]),
    ),
  });
}

function setLanguage(lang) {
  const texts = PAGE_TEXT[lang];
  for (const element of translated) {
    const original = english.get(element);
    const { text, code, attrs } = element.dataset;
    // Only what changes is touched: the widgets watch their children and attributes.
    if (text !== undefined || code !== undefined) {
      const nodes = !texts
        ? original.nodes.map((node) => node.cloneNode(true))
        : code !== undefined
          ? [document.createTextNode(texts[code])]
          : nodesOf(texts[text]);
      element.replaceChildren(...nodes);
    }
    for (const pair of (attrs ?? '').split(/\s+/).filter(Boolean)) {
      const [name, id] = pair.split(':');
      element.setAttribute(name, texts ? texts[id] : original.attributes[name]);
    }
  }
  document.documentElement.lang = lang;
  for (const button of document.querySelectorAll('[data-lang]')) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
  }
  const url = new URL(window.location.href);
  if (lang === 'en') url.searchParams.delete('lang');
  else url.searchParams.set('lang', lang);
  window.history.replaceState(null, '', url);
}

for (const button of document.querySelectorAll('[data-lang]')) {
  button.addEventListener('click', () => setLanguage(button.dataset.lang));
}
const wanted = new URL(window.location.href).searchParams.get('lang');
if (LANGS.includes(wanted) && wanted !== 'en') setLanguage(wanted);
