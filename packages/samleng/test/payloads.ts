/**
 * The hostile-data corpus: strings a partner's page, a shared feed or a compromised server could hand
 * a widget. Every payload that would run script calls `window.__samlengTrap(<its id>)`, so a test
 * knows exactly which payload ran, even when it runs late (an image's `onerror`, an `onload`).
 *
 * Sources of the shapes: the OWASP XSS filter evasion cheat sheet, PortSwigger's XSS cheat sheet
 * (event handlers, mutation XSS, polyglots), the WHATWG URL standard (what browsers strip from a URL
 * before reading its scheme), and Unicode's bidi and default-ignorable characters.
 */

export interface Payload {
  /** Stable within a run: the argument the payload's script passes to the trap. */
  id: number;
  category: Category;
  value: string;
}

export type Category =
  'html' | 'template' | 'url' | 'markup' | 'css' | 'long' | 'bidi' | 'unicode' | 'number' | 'date';

declare global {
  interface Window {
    __samlengTrap: (id?: number) => void;
  }
}

/** Every call to the trap: the payload id and what the test was doing (see `trapContext`). */
export const trapCalls: { id: number | undefined; context: string }[] = [];

/** What the test is feeding when the trap fires; payloads may fire late, the id is what counts. */
export let trapContext = '';
export const setTrapContext = (context: string) => {
  trapContext = context;
};

/** Installs the trap on the page (idempotent). */
export function installTrap(): void {
  window.__samlengTrap = (id?: number) => {
    trapCalls.push({ id, context: trapContext });
  };
}

type Template = string | ((trap: string, id: number) => string);

const K = 1000;
const HUNDRED_KB = 100 * K;

const html: Template[] = [
  (t) => `<img src=x onerror=${t}>`,
  (t) => `<img src="x" onerror="${t}">`,
  (t) => `<IMG SRC=x ONERROR=${t}>`,
  (t) => `<img src=x:x onerror=${t}//`,
  (t) => `<img src=\`x\` onerror=${t}>`,
  (t) => `<img """><script>${t}</script>">`,
  (t) => `<svg onload=${t}>`,
  (t) => `<svg/onload=${t}>`,
  (t) => `<svg><script>${t}</script></svg>`,
  (t) => `<svg><animate onbegin=${t} attributeName=x dur=1s>`,
  (t) => `<svg><a xlink:href="javascript:${t}"><text y="20">x</text></a></svg>`,
  (t) => `<svg><style><img src=x onerror=${t}></style></svg>`,
  (t) => `<script>${t}</script>`,
  (t) => `"><script>${t}</script>`,
  (t) => `'><script>${t}</script>`,
  (t) => `"><img src=x onerror=${t}>`,
  (t) => `'><img src=x onerror=${t}>`,
  (t) => `</textarea><script>${t}</script>`,
  (t) => `</title><script>${t}</script>`,
  (t) => `</noscript><img src=x onerror=${t}>`,
  (t) => `<scr<script>ipt>${t}</scr</script>ipt>`,
  (t) => `<<script>${t}//<</script>`,
  (t) => `<script src="data:text/javascript,${t}"></script>`,
  (t) => `<iframe src="javascript:parent.${t}"></iframe>`,
  (t) => `<iframe srcdoc="<script>parent.${t}</script>"></iframe>`,
  (t) => `<iframe onload=${t}></iframe>`,
  (t) => `<object data="javascript:parent.${t}"></object>`,
  (t) => `<embed src="javascript:parent.${t}">`,
  (t) => `<body onload=${t}>`,
  (t) => `<details open ontoggle=${t}>`,
  (t) => `<input autofocus onfocus=${t}>`,
  (t) => `<select autofocus onfocus=${t}>`,
  (t) => `<textarea autofocus onfocus=${t}></textarea>`,
  (t) => `<video><source onerror=${t}></video>`,
  (t) => `<audio src=x onerror=${t}>`,
  (t) => `<video poster=javascript:${t}>`,
  (t) => `<marquee onstart=${t}>x</marquee>`,
  (t) => `<a href="javascript:${t}">click</a>`,
  (t) => `<a href="jav&#x09;ascript:${t}">click</a>`,
  (t) => `<form action="javascript:${t}"><button>go</button></form>`,
  (t) => `<button formaction="javascript:${t}">go</button>`,
  (t) => `<math><mtext><table><mglyph><style><img src=x onerror=${t}>`,
  (t) => `<noscript><p title="</noscript><img src=x onerror=${t}>">`,
  (t) => `<template><img src=x onerror=${t}></template>`,
  (t) => `<base href="javascript:${t}//">`,
  (t) => `<meta http-equiv="refresh" content="0;url=javascript:${t}">`,
  (t) => `<link rel=stylesheet href="javascript:${t}">`,
  (t) => `<table background="javascript:${t}"><tr><td>x</td></tr></table>`,
  (t) => `<frameset onload=${t}>`,
  (t) => `<div onpointerover=${t} style="position:fixed;inset:0">x</div>`,
  (t) => `" onmouseover="${t}" x="`,
  (t) => `' onfocus='${t}' autofocus x='`,
  (t) => `" autofocus onfocus="${t}`,
  (t) => `--><script>${t}</script>`,
  (t) => `<!--<img src="--><img src=x onerror=${t}//">`,
  (t) => `]]><script>${t}</script>`,
  (t) => `<?xml version="1.0"?><script>${t}</script>`,
  (t) => `<img src=x onerror=${t.replace(/./g, (c) => `&#x${c.charCodeAt(0).toString(16)};`)}>`,
  (t) => `<samleng-case-alert name="x" photo="javascript:${t}"></samleng-case-alert>`,
  (t) => `<style>@import 'javascript:${t}';</style>`,
  (t, id) => `<x onclick=${t} id=trap-${id}>click me</x>`,
];

const template: Template[] = [
  (t) => `\${${t}}`,
  (t) => `\`\${${t}}\``,
  (t) => `{{${t}}}`,
  (t) => `{{constructor.constructor('${t}')()}}`,
  (t) => `{{{${t}}}}`,
  (t) => `#{${t}}`,
  (t) => `<%= ${t} %>`,
  (t) => `[[${t}]]`,
  (t) => `\${{${t}}}`,
  (t) => `{% ${t} %}`,
  (t) => `';${t};//`,
  (t) => `";${t};//`,
  (t) => `\\';${t};//`,
  (t) => `</script><script>${t}</script>`,
  (t) => `<!--?lit$123456789$--><img src=x onerror=${t}>`,
  'lit$123456789$',
  '<?lit$123456789$>',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '{"__proto__":{"polluted":true}}',
  'undefined',
  'null',
  'true',
];

/** URLs for every URL field: what safeUrl must drop, and what it may keep. */
const url: Template[] = [
  (t) => `javascript:${t}`,
  (t) => `JavaScript:${t}`,
  (t) => `JAVASCRIPT:${t}`,
  (t) => `jAvAsCrIpT:${t}`,
  (t) => ` javascript:${t}`,
  (t) => `\tjavascript:${t}`,
  (t) => `\njavascript:${t}`,
  (t) => `\r\njavascript:${t}`,
  (t) => `\u0000javascript:${t}`,
  (t) => `\u0001javascript:${t}`,
  (t) => `\u001fjavascript:${t}`,
  (t) => `\u007fjavascript:${t}`,
  (t) => `\u00a0javascript:${t}`,
  (t) => `\u3000javascript:${t}`,
  (t) => `\ufeffjavascript:${t}`,
  (t) => `java\tscript:${t}`,
  (t) => `java\nscript:${t}`,
  (t) => `java\rscript:${t}`,
  (t) => `jav\u0000ascript:${t}`,
  (t) => `javascript\t:${t}`,
  (t) => `javascript :${t}`,
  (t) => `javascript:${t}   `,
  (t) => `javascript&colon;${t}`,
  (t) => `&#106;avascript:${t}`,
  (t) => `&#x6A;avascript:${t}`,
  (t) => `&#0000106&#0000097vascript:${t}`,
  (t) => `jav&#x09;ascript:${t}`,
  (t) => `javascript&#58;${t}`,
  (t) => `%6A%61vascript:${t}`,
  (t) => `javascript:%${[...t].map((c) => c.charCodeAt(0).toString(16)).join('%')}`,
  (t) => `javascript://%0A${t}`,
  (t) => `javascript://comment%0d%0a${t}`,
  (t) =>
    `javascript:/*--></title></style></textarea></script><svg/onload='+/"/+/onmouseover=1/+/[*/[]/+${t}//'>`,
  (t) => `javascript\u200b:${t}`,
  (t) => `ｊａｖａｓｃｒｉｐｔ:${t}`,
  (t) => `\u202ejavascript:${t}`,
  (t) => `javascript:${t}`.replace('a', '\u0430'),
  (t) => `data:text/html,<script>parent.${t}</script>`,
  (t) => `DATA:text/html,<script>parent.${t}</script>`,
  (t) => ` data:text/html;charset=utf-8,<script>parent.${t}</script>`,
  (t) => `data:text/html;base64,${btoa(`<script>parent.${t}</script>`)}`,
  (t) => `data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="parent.${t}"/>`,
  (t) => `data:image/svg+xml;base64,${btoa(`<svg xmlns="http://www.w3.org/2000/svg" onload="${t}"/>`)}`,
  (t) => `data:application/javascript,${t}`,
  (t) => `da\tta:text/html,<script>parent.${t}</script>`,
  (t) => `vbscript:${t}`,
  (t) => `VBScript:${t}`,
  (t) => ` vbscript:msgbox(${t})`,
  (t) => `vb\tscript:${t}`,
  (t) => `livescript:${t}`,
  (t) => `view-source:javascript:${t}`,
  (t) => `feed:javascript:${t}`,
  (t) => `jar:javascript:${t}!/`,
  'blob:https://evil.invalid/00000000-0000-4000-8000-000000000000',
  'file:///etc/passwd',
  'ftp://evil.invalid/file',
  'about:blank',
  'chrome://settings',
  'intent://evil.invalid#Intent;scheme=https;end',
  'filesystem:https://evil.invalid/temporary/x',
  'ws://evil.invalid/',
  'tel:+85500000000',
  'sms:+85500000000',
  (t) => `//evil.invalid/"><script>${t}</script>`,
  '\\\\evil.invalid\\x',
  (t) => `https://evil.invalid/"><img src=x onerror=${t}>`,
  (t) => `https://evil.invalid/?q=<script>${t}</script>&x="'`,
  (t) => `https://evil.invalid/#"><svg onload=${t}>`,
  (t) => `mailto:x@evil.invalid?body=<script>${t}</script>`,
  (t) => `mailto:javascript:${t}`,
  'https://',
  'http://[::1',
  'http://evil .invalid/ x',
  'https://evil.invalid/\u202egpj.exe',
  'https://xn--80ak6aa92e.invalid/',
  (t) => `?q="><script>${t}</script>`,
  (t) => `#"><img src=x onerror=${t}>`,
  '/',
  '.',
  '..',
  '../../../../etc/passwd',
];

const markup: Template[] = [
  '<',
  '>',
  '<div',
  '</div>',
  '<!--',
  '-->',
  '<![CDATA[',
  '<b><i>unclosed',
  '&',
  '&amp;',
  '&lt;script&gt;',
  '&#0;',
  '&#xD800;',
  '<<>>',
  '"',
  "'",
  '`',
  '\\',
  '<table><tr><td>',
  '</samleng-countdown></samleng-case-alert></samleng-checklist></samleng-pledge>',
  '<samleng-countdown date="2029-01-01"></samleng-countdown>',
  '<slot></slot><slot name="x"></slot>',
  '</template></slot></style>',
  '<p style="width:5000px">wide</p>',
];

const css: Template[] = [
  (t) => `</style><script>${t}</script>`,
  (t) => `expression(${t})`,
  (t) => `x;width:expression(${t})`,
  (t) => `red;background:url(javascript:${t})`,
  (t) => `url(javascript:${t})`,
  (t) => `url("data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload='${t}'/>")`,
  (t) => `@import url(javascript:${t});`,
  (t) => `};@import 'javascript:${t}';`,
  'behavior:url(#default#VML)',
  '-moz-binding:url(https://evil.invalid/xbl.xml#x)',
  'red;}:host{display:none !important}',
  '} :host { width: 10000px !important; } {',
  '};*{color:red !important}',
  '"><style>*{display:none !important}</style>',
  'dark; background: red',
  'var(--samleng-color-accent)',
  'calc(1px / 0)',
  'attr(href)',
  '\\3c script\\3e',
  '/**/ */ /*',
];

const repeatTo = (unit: string, length: number) =>
  unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

/**
 * Long strings. Khmer is here at 2,000 letters, unbroken and with the spaces between phrases:
 * 100,000 unbroken Khmer letters take Chromium 20 to 45 s to lay out in a card (see the dedicated test
 * in hostile-attributes-case-alert.test.ts), which would swamp this corpus's run time. 100,000 Latin letters,
 * emoji, digits and invisible characters are here whole.
 */
const long: Template[] = [
  repeatTo('A', HUNDRED_KB),
  repeatTo('lorem ipsum ', HUNDRED_KB),
  repeatTo('ក្ញុំ', 2 * K),
  repeatTo('សិទ្ធិមនុស្ស ', 2 * K),
  repeatTo('😀', HUNDRED_KB),
  repeatTo('9', HUNDRED_KB),
  repeatTo('\u200b', HUNDRED_KB),
  (t) => repeatTo(`<img src=x onerror=${t}>`, HUNDRED_KB),
  `https://evil.invalid/${repeatTo('a', HUNDRED_KB)}`,
  (t) => `javascript:${t}//${repeatTo('a', HUNDRED_KB)}`,
  `${repeatTo('W', HUNDRED_KB)}@example.org`,
];

const bidi: Template[] = [
  '\u202emoc.elpmaxe',
  (t) => `\u202e<script>${t}</script>`,
  '\u202dforced left-to-right',
  '\u2066isolate\u2069',
  '\u2067rtl isolate\u2069',
  '\u2068first strong\u2069',
  '\u2069\u2069\u2069unbalanced',
  '\u202e\u202e\u202e\u202e\u202e\u202e',
  '\u200e\u200f\u061c',
  '\u200b',
  '\u200c\u200d',
  '\u2060\ufeff\u00ad',
  'Kem\u200bSokha',
  'សុខា\u202eabc',
  `Z${'\u0336'.repeat(200)}algo${'\u0338'.repeat(200)}`,
  'مرحبا بالعالم',
  'שלום עולם',
];

const unicode: Template[] = [
  '\ud800',
  '\udfff',
  'a\ud800b',
  '\udc00\ud800',
  '\u0000',
  'a\u0000b',
  (t) => `\u0000<script>${t}</script>`,
  '\u0007\u0008\u001b[31mred',
  '\r\n\r\n',
  '\n\n\n',
  '\u2028\u2029',
  '\uffff\ufffe',
  '\u{10ffff}',
  '\ufffd',
  '   ',
  '',
];

const number: Template[] = [
  '0',
  '-0',
  '-1',
  '-5000',
  '1e308',
  '-1e308',
  '1e309',
  'Infinity',
  '-Infinity',
  'NaN',
  '9007199254740993',
  '99999999999999999999999999999999',
  '0.0000001',
  '2.5',
  '0x10',
  '1_000',
  ' 5 ',
  '5px',
  '១២៣',
  '١٢٣',
];

const date: Template[] = [
  '0000-01-01',
  '0001-01-01',
  '0050-05-01',
  '0099-12-31',
  '1000-01-01',
  '1900-01-01',
  '1970-01-01',
  '9999-12-31',
  '9999-12-31T23:59:59.999Z',
  '+275760-09-13',
  '-271821-04-20',
  '275760-09-13',
  '2038-01-19T03:14:08Z',
  '2029-02-30',
  '2029-13-01',
  '2029-05-01T25:00Z',
  '2029-05-01T10:00+99:99',
  '0000-00-00',
  '2029-05-01T10:00:00.0000000000001Z',
  '2029-05-01\u0000',
  '２０２９-０５-０１',
  '២០២៩-០៥-០១',
];

const sources: [Category, Template[]][] = [
  ['html', html],
  ['template', template],
  ['url', url],
  ['markup', markup],
  ['css', css],
  ['long', long],
  ['bidi', bidi],
  ['unicode', unicode],
  ['number', number],
  ['date', date],
];

/** The whole corpus, each payload with its id. */
export const payloads: readonly Payload[] = sources
  .flatMap(([category, templates]) => templates.map((t) => ({ category, value: t })))
  .map(({ category, value }, id) => ({
    id,
    category,
    value: typeof value === 'string' ? value : value(`window.__samlengTrap(${id})`, id),
  }));

/** A short, printable name for a payload in test titles and failure messages. */
export function describePayload(payload: Payload): string {
  const shown = JSON.stringify(payload.value.length > 60 ? `${payload.value.slice(0, 60)}…` : payload.value);
  return `#${payload.id} ${payload.category} ${shown}${payload.value.length > 60 ? ` (${payload.value.length} chars)` : ''}`;
}

/**
 * JSON values that are not strings, for feed fields and receiver answers: a feed is JSON, so a field
 * may hold anything JSON can.
 */
export const jsonValues: readonly unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1e308,
  -1e308,
  // Above Number.MAX_SAFE_INTEGER, where integer arithmetic is no longer exact.
  2 ** 53 + 2,
  0.1,
  [],
  ['<img src=x onerror=window.__samlengTrap(-1)>'],
  {},
  { en: '<img src=x onerror=window.__samlengTrap(-2)>' },
  { en: 1, km: null },
  { __proto__: null, polluted: 'yes' },
  { toString: 'x', valueOf: 'y' },
  JSON.parse('{"__proto__": {"polluted": true}}'),
  [[[[[[[[[[[]]]]]]]]]]],
];
