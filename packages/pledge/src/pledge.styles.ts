import { css } from 'lit';

// The form's fields, consent box and messages are core's formStyles (shared with the case list's sign-up).

/** The tokens both pledge widgets read, so one `--samleng-pledge-accent` themes the form and the count. */
export const pledgeTokens = css`
  :host {
    --_heading: var(--samleng-pledge-accent, var(--_accent));
    --_on-heading: var(--samleng-pledge-on-accent, var(--_on-accent));
    --_track: var(--samleng-pledge-track, var(--_surface-alt));
  }
`;

export const pledgeStyles = css`
  .statement {
    margin: 0 0 calc(var(--_space) * 0.75);
    font-size: 1.0625em;
  }
  .statement ::slotted(*) {
    margin-block: 0 0.5em;
  }
  button {
    min-height: 44px;
    padding: 0.5em 1.25em;
    border: 2px solid var(--_heading);
    border-radius: var(--_radius);
    background: var(--_heading);
    color: var(--_on-heading);
    font: inherit;
    font-weight: 700;
    cursor: pointer;
  }
  button.secondary {
    background: transparent;
    color: var(--_text);
    font-weight: 600;
  }
  button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.8;
  }
  .submit {
    justify-self: start;
  }
  .note {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9375em;
  }
  .done {
    display: grid;
    gap: calc(var(--_space) * 0.75);
    padding: calc(var(--_space) * 0.75) var(--_space);
    border-left: 4px solid var(--_success);
    border-radius: var(--_radius);
    background: var(--_track);
  }
  .done > button {
    justify-self: start;
  }
  .done.queued {
    border-left-color: var(--_heading);
  }
  .done h3,
  .done h4,
  .done p {
    margin: 0;
  }
  .done h3 {
    font-size: 1.125em;
  }
  .done h4 {
    font-size: 1em;
  }
  .share-actions,
  .networks {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .networks a {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    padding: 0 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    font-weight: 600;
  }
  .copy-field {
    width: 100%;
  }
  @media print {
    form,
    .share {
      display: none;
    }
  }
`;
