import { css } from 'lit';

export const caseAlertStyles = css`
  :host {
    --_heading: var(--samleng-case-alert-accent, var(--_accent));
    --_case-accent: var(--samleng-case-alert-accent, var(--_accent));
    --_case-on-accent: var(--samleng-case-alert-on-accent, var(--_on-accent));
    --_photo: var(--samleng-case-alert-photo-size, 4.5em);
    --_min-height: var(--samleng-case-alert-min-height, 14em);
  }
  .case > * + * {
    margin-block-start: calc(var(--_space) * 0.75);
  }
  p {
    margin: 0;
  }
  .kicker {
    color: var(--_muted);
    font-size: 0.875em;
    font-weight: 600;
  }
  .kicker:not(:lang(km)) {
    text-transform: uppercase;
    letter-spacing: 0.04em;
  }
  .head {
    display: flex;
    gap: var(--_space);
    align-items: flex-start;
  }
  .who {
    min-width: 0;
    flex: 1;
  }
  .who .heading {
    margin: 0;
  }
  .photo {
    flex: none;
    width: var(--_photo);
    height: var(--_photo);
    border-radius: 50%;
    object-fit: cover;
    background: var(--_surface-alt);
  }
  .initials {
    display: grid;
    place-items: center;
    color: #ffffff;
    font-weight: 700;
    font-size: calc(var(--_photo) * 0.36);
    line-height: 1;
    /* The disc's em is now its own larger font: give back the photo's size in that unit. */
    width: calc(1em / 0.36);
    height: calc(1em / 0.36);
  }
  .alternate {
    color: var(--_muted);
  }
  .status {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.75em;
    margin-block-start: 0.35em;
  }
  .badge {
    display: inline-block;
    padding: 0.1em 0.6em;
    border: 1px solid currentColor;
    border-radius: 999px;
    color: var(--_case-accent);
    font-size: 0.875em;
    font-weight: 600;
  }
  .badge[data-status='released'] {
    color: var(--_success);
  }
  .badge[data-status='deceased'] {
    color: var(--_muted);
  }
  .since,
  .note,
  .updated,
  .meta,
  .label {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .note {
    margin-block-start: 0.25em;
  }
  .facts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(10em, 1fr));
    gap: calc(var(--_space) * 0.5) var(--_space);
    margin-inline: 0;
    margin-block-end: 0;
  }
  .facts dt {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .facts dd {
    margin: 0;
  }
  .summary.collapsed {
    max-height: calc(5 * 1.6em);
    overflow: hidden;
    mask-image: linear-gradient(to bottom, #000 60%, transparent);
  }
  ::slotted(p) {
    margin: 0 0 0.5em;
  }
  .toggle,
  .button,
  .action,
  .letter summary {
    font: inherit;
    cursor: pointer;
  }
  .toggle {
    margin-block-start: 0.25em;
    padding: 0;
    border: 0;
    background: none;
    color: inherit;
    text-decoration: underline;
  }
  .deadline {
    padding: calc(var(--_space) * 0.5) calc(var(--_space) * 0.75);
    border-inline-start: 4px solid var(--_case-accent);
    background: var(--_surface-alt);
    font-weight: 600;
  }
  .deadline.passed {
    border-color: var(--_muted);
    font-weight: 400;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
  }
  .action,
  .button {
    display: inline-flex;
    align-items: center;
    min-height: 2.75em;
    padding: 0.4em 1em;
    border-radius: var(--_radius);
    text-decoration: none;
  }
  .action {
    border: 2px solid var(--_case-accent);
    background: var(--_case-accent);
    color: var(--_case-on-accent);
    font-weight: 600;
  }
  .button {
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
  }
  .action:hover,
  .button:hover {
    text-decoration: underline;
  }
  .letter {
    padding: calc(var(--_space) * 0.5) calc(var(--_space) * 0.75);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .letter[open] > summary {
    margin-block-end: 0.5em;
  }
  .letter p + p {
    margin-block-start: 0.25em;
  }
  .letter-body {
    white-space: pre-wrap;
    margin-block-start: 0.75em !important;
  }
  .confirmation:empty {
    display: none;
  }
  .confirmation {
    color: var(--_success);
    font-weight: 600;
  }
  .sources ul {
    margin: 0.25em 0 0;
    padding-inline-start: 1.25em;
  }
  .sources .meta::before {
    content: ' · ';
  }
  .loading {
    min-height: var(--_min-height);
  }
  .skeleton {
    display: grid;
    grid-template-columns: var(--_photo) 1fr;
    grid-template-rows: auto auto;
    gap: 0.75em var(--_space);
  }
  .bone {
    display: block;
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    height: 1.25em;
  }
  .bone.disc {
    grid-row: span 2;
    width: var(--_photo);
    height: var(--_photo);
    border-radius: 50%;
  }
  .bone.short {
    width: 60%;
  }
  @media (prefers-reduced-motion: no-preference) {
    .bone {
      animation: pulse 1.5s ease-in-out infinite alternate;
    }
  }
  @keyframes pulse {
    to {
      opacity: 0.5;
    }
  }
  .feed-error {
    border: 2px solid var(--_danger);
  }
  .feed-error p {
    margin-block-end: 0.75em;
  }
`;
