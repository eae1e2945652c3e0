// Styles the console's and builder's parts share, on top of the kit's theme tokens (core/theme.ts).
import { css } from 'lit';

export const formStyles = css`
  label {
    display: block;
    font-weight: bold !important;
    margin-block-end: 0.25em;
  }
  input,
  select,
  textarea,
  button {
    font: inherit;
    color: inherit;
    min-height: 44px;
    border-radius: var(--_radius);
  }
  input,
  select,
  textarea {
    width: 100%;
    padding: 0.5em;
    border: 1px solid var(--_border);
    background: var(--_surface);
  }
  button,
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    padding: 0.5em 1em;
    border: 1px solid var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent) !important;
    cursor: pointer !important;
    text-decoration: none;
    min-height: 44px;
    border-radius: var(--_radius);
  }
  button.secondary,
  .button.secondary {
    background: transparent;
    color: var(--_text) !important;
    border-color: var(--_border);
  }
  button.danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_surface) !important;
  }
  button[disabled] {
    opacity: 0.6;
    cursor: not-allowed !important;
  }
  .row select {
    width: auto;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
  }
  .row.spread {
    justify-content: space-between;
  }
  .muted {
    color: var(--_muted);
  }
  .error {
    color: var(--_danger);
  }
  .success {
    color: var(--_success);
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap !important;
  }
  h2,
  h3 {
    margin: 0 0 0.5em;
    line-height: 1.3;
  }
`;
