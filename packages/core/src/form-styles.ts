/**
 * The fields of the kit's forms (the pledge form, the case list's alerts sign-up): labels above
 * 44 px fields, errors beside them, the consent box with its sentence and privacy link, the honeypot
 * hidden by `.sr-only`, and a message about the whole form. Reads `--_heading` for the checkbox, which
 * each widget sets to its own accent.
 */
import { css } from 'lit';

export const formStyles = css`
  form {
    display: grid;
    gap: calc(var(--_space) * 0.75);
    margin: 0;
  }
  .field {
    display: grid;
    gap: 0.25em;
  }
  label {
    font-weight: 600;
  }
  input:not([type='checkbox']),
  select,
  textarea {
    width: 100%;
    min-height: 44px;
    margin: 0;
    padding: 0.5em 0.625em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
  }
  textarea {
    min-height: 6em;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
    border-width: 2px;
  }
  .error {
    margin: 0;
    color: var(--_danger);
    font-weight: 600;
    font-size: 0.9375em;
  }
  .consent {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.25em calc(var(--_space) * 0.625);
    align-items: start;
  }
  .consent input {
    font-size: inherit;
    width: 1.5em;
    height: 1.5em;
    margin: 0.1em 0 0;
    accent-color: var(--_heading);
  }
  .consent label {
    font-weight: 400;
  }
  .consent .error,
  .consent a {
    grid-column: 2;
  }
  /* The honeypot (.hp) is hidden by core's .sr-only, not display: none, which some bots know to skip. */
  .form-error {
    margin: 0;
    padding: calc(var(--_space) * 0.5) calc(var(--_space) * 0.75);
    border: 2px solid var(--_danger);
    border-radius: var(--_radius);
  }
`;
