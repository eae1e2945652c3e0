// The snippet the builder hands out: the kit's script tag with its integrity, then the element. Plain
// HTML that WordPress's Custom HTML block (or any page) keeps as it is.

export interface SnippetInput {
  /** Absolute URL of the kit's script on this receiver. */
  script: string;
  /** `sha384-…` of that file, as the receiver computed it. */
  integrity: string;
  tag: string;
  /** Attributes in order; `true` is a boolean attribute, empty strings are left out. */
  attributes: readonly [string, string | true][];
  /** The widgets' language when not the page's own: en, km or fr. */
  lang?: string | undefined;
}

/** `&`, `"`, `<` and `>` as entities: a value stays one attribute value whatever it holds. */
export const escapeAttribute = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function snippet(input: SnippetInput): string {
  const attributes = input.attributes
    .filter(([, value]) => value !== '')
    .map(([name, value]) => (value === true ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`))
    .join('');
  const lines = [
    `<script type="module" src="${escapeAttribute(input.script)}" integrity="${input.integrity}" crossorigin="anonymous"></script>`,
  ];
  if (input.lang && input.lang !== 'en') lines.push(`<meta name="samleng-locale" content="${input.lang}" />`);
  lines.push(`<${input.tag}${attributes}></${input.tag}>`);
  return lines.join('\n');
}
