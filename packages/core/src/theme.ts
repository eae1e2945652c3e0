/**
 * The design tokens and base styles every widget starts from.
 *
 * Global tokens are `--samleng-*` custom properties a partner sets anywhere above the widget (they
 * inherit into shadow roots). Widgets read them through private `--_*` properties that hold the
 * default for the active scheme, so a partner value wins in light and dark alike, and a widget's own
 * tokens (`--samleng-countdown-accent`) fall back to the global ones.
 */
import { css, unsafeCSS } from 'lit';

// Plain strings, not css``: a block of declarations is not a style sheet on its own (the CSS
// linters and minifiers cannot read it), and each block is used in more than one rule.
const light = `
  --_text: var(--samleng-color-text, #1d1b20);
  --_muted: var(--samleng-color-muted, #56525c);
  --_surface: var(--samleng-color-surface, #ffffff);
  --_surface-alt: var(--samleng-color-surface-alt, #f4eff4);
  --_border: var(--samleng-color-border, #79747e);
  --_accent: var(--samleng-color-accent, #9c1c1f);
  --_on-accent: var(--samleng-color-on-accent, #ffffff);
  --_focus: var(--samleng-color-focus, #0b57d0);
  --_danger: var(--samleng-color-danger, #b3261e);
  --_success: var(--samleng-color-success, #146c2e);
`;

const dark = `
  --_text: var(--samleng-color-text, #e6e0e9);
  --_muted: var(--samleng-color-muted, #cac4d0);
  --_surface: var(--samleng-color-surface, #1d1b20);
  --_surface-alt: var(--samleng-color-surface-alt, #2b2930);
  --_border: var(--samleng-color-border, #938f99);
  --_accent: var(--samleng-color-accent, #ffb4ab);
  --_on-accent: var(--samleng-color-on-accent, #5f1412);
  --_focus: var(--samleng-color-focus, #a8c7fa);
  --_danger: var(--samleng-color-danger, #ffb4ab);
  --_success: var(--samleng-color-success, #6dd58c);
`;

/** The color tokens: light by default, dark when forced or when the reader prefers it. */
const schemes = unsafeCSS(`
  :host { ${light} color-scheme: light; }
  :host([theme='dark']) { ${dark} color-scheme: dark; }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) { ${dark} color-scheme: dark; }
  }
`);

/** Layout, font, focus, Khmer typography, reduced motion and helpers. */
const base = css`
  :host {
    --_radius: var(--samleng-radius, 0.5em);
    --_space: var(--samleng-space, 1em);
    --_line-height: var(--samleng-line-height, 1.5);
    display: block;
    max-width: 100%;
    /* The font family and size are the page's by default, like its text. */
    font-family: var(--samleng-font-family, inherit);
    font-size: var(--samleng-font-size, 1em);
    /* Every other inherited property is the widget's own. A page's CSS reaches the host (a "* {}" rule,
       a theme's body text) and, through it, everything inside, and a page's rules win over :host ones;
       but a shadow root's !important rules win over the page's, even its !important ones. Partners
       restyle through the tokens and ::part(), which this does not block. Every Samleng language (en,
       km, fr) is written left to right: on a right-to-left page the widget stays left to right. */
    box-sizing: border-box !important;
    color: var(--_text) !important;
    font-style: normal !important;
    font-variant: normal !important;
    font-weight: normal !important;
    line-height: var(--_line-height) !important;
    letter-spacing: normal !important;
    word-spacing: normal !important;
    text-align: start !important;
    text-indent: 0 !important;
    text-transform: none !important;
    text-shadow: none !important;
    white-space: normal !important;
    word-break: normal !important;
    /* A long word (a URL, a quoted value, a feed's text) wraps rather than widening the widget. */
    overflow-wrap: anywhere !important;
    hyphens: manual !important;
    cursor: auto !important;
    direction: ltr !important;
    unicode-bidi: isolate !important;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  /* Khmer stacks subscript consonants and vowels above and below the line: it needs room, and has
     no letter case and no spaces between words to stretch. */
  :lang(km) {
    line-height: max(1.6, var(--_line-height));
    letter-spacing: normal;
    text-transform: none;
    /* Underlines (links, buttons underlined on hover) below the subscripts, which hang about half an em
       under the baseline: just under the baseline, a line cuts through them and reads as part of the
       letters. A little thinner, to stay light; skip-ink (on by default) still breaks it around the
       deepest stacks of some fonts. */
    text-underline-offset: 0.5em;
    text-decoration-thickness: 0.06em;
  }
  /* The offset is inherited: an element in another language inside a Khmer widget (an English source
     title) takes the Latin one back. */
  :not(:lang(km)) {
    text-underline-offset: 0.15em;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  a {
    color: inherit;
    text-decoration-thickness: 0.08em;
  }
  /* A Khmer link's line is taller, so that its underline, under the subscripts, keeps clear of the
     next line's vowels above the letters. */
  a:lang(km) {
    line-height: 1.9;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  .config-error {
    margin: 0;
    padding: calc(var(--_space) * 0.75) var(--_space);
    border: 2px solid var(--_danger);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  .config-error strong {
    display: block;
    color: var(--_danger);
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0.01ms !important;
      scroll-behavior: auto !important;
    }
  }
`;

/** Base styles: tokens, font, focus, Khmer typography, reduced motion, helpers. */
export const baseStyles = [schemes, base];

/** The card every widget draws: surface, border, radius and heading rhythm. */
export const cardStyles = css`
  .card {
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .heading {
    margin: 0 0 calc(var(--_space) * 0.5);
    font-size: 1.25em;
    line-height: 1.3;
    color: var(--_heading);
  }
  .heading:lang(km) {
    line-height: 1.6;
  }
`;
