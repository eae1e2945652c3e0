// The case views' own layout: groups of fields, texts in three languages side by side where there is room
// (stacked on a phone), items of a list (charges, links, sources) set apart, state badges.
import { css } from 'lit';

export const caseStyles = css`
  form {
    display: grid;
    gap: var(--_space);
  }
  fieldset {
    margin: 0;
    min-width: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.75);
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }
  fieldset.texts {
    border-style: dashed;
  }
  legend {
    font-weight: bold;
    padding-inline: 0.25em;
  }
  .group > legend {
    font-size: 1.125em;
    color: var(--_accent);
  }
  .langs {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(14em, 1fr));
    gap: 0.75em;
  }
  .dates {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(11em, 1fr));
    gap: 0.75em;
  }
  .lang label {
    font-weight: normal !important;
  }
  .missing,
  .hint {
    margin: 0.25em 0;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .missing::before {
    content: '⚠ ';
  }
  .item {
    display: grid;
    gap: 0.5em;
    padding-inline-start: 0.75em;
    border-inline-start: 4px solid var(--_surface-alt);
  }
  .remove,
  .item > button,
  fieldset > button {
    justify-self: start;
  }
  [aria-invalid='true'] {
    border: 2px solid var(--_danger);
  }
  .error ul {
    margin: 0.25em 0;
  }
  .stale,
  [role='alertdialog'] {
    padding: 0.75em;
    border: 2px solid var(--_danger);
    border-radius: var(--_radius);
  }
  .state {
    padding: 0.75em;
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .state p {
    margin: 0 0 0.5em;
  }
  .badge {
    display: inline-block;
    padding: 0.1em 0.6em;
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: 0.875em;
    font-weight: bold;
  }
  .badge.on {
    color: var(--_success);
  }
  .badge.urgent {
    color: var(--_danger);
  }
  button[aria-pressed='true'] {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_surface) !important;
  }
  .history ul {
    padding-inline-start: 1.25em;
  }
  .actions {
    display: grid;
    gap: 0.75em;
  }
  code {
    overflow-wrap: anywhere;
  }
`;

/** The list of cases. */
export const caseListStyles = css`
  .cases {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .cases li {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    justify-content: space-between;
    align-items: center;
    padding-block: 0.75em;
    border-bottom: 1px solid var(--_surface-alt);
  }
  .cases p {
    margin: 0.25em 0 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
  }
`;
