import { css } from 'lit';

export const checklistStyles = css`
  :host {
    --_heading: var(--samleng-checklist-accent, var(--_accent));
    --_on-heading: var(--samleng-checklist-on-accent, var(--_on-accent));
    --_track: var(--samleng-checklist-track, var(--_surface-alt));
    --_overdue: var(--samleng-checklist-overdue, var(--_danger));
    --_done: var(--samleng-checklist-success, var(--_success));
    --_box: var(--samleng-checklist-box-size, 1.5em);
  }
  /* The partner's intro, if any, above the progress. */
  slot:not([name])::slotted(*) {
    margin-block: 0 calc(var(--_space) * 0.5);
  }
  .progress {
    margin: 0 0 calc(var(--_space) * 0.75);
  }
  .count {
    margin: 0 0 0.25em;
    font-weight: 600;
  }
  .bar {
    height: 0.75em;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_track);
    overflow: hidden;
  }
  .fill {
    height: 100%;
    inline-size: calc(var(--_ratio, 0) * 100%);
    background: var(--_heading);
    transition: inline-size 200ms ease-out;
  }
  .steps {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .step {
    display: flex;
    align-items: flex-start;
    gap: calc(var(--_space) * 0.75);
    padding: calc(var(--_space) * 0.625) 0;
    border-top: 1px solid var(--_border);
  }
  .step:first-child {
    border-top: 0;
  }
  .box {
    flex: none;
    font-size: inherit;
    /* At least 24 × 24 CSS pixels (WCAG 2.5.8), and as tall as a line of text with room. */
    width: var(--_box);
    height: var(--_box);
    margin: 0.1em 0 0;
    accent-color: var(--_heading);
    cursor: pointer;
  }
  .body {
    flex: 1;
    min-width: 0;
  }
  /* The partner's item: a block of their content, without a second marker. */
  .body ::slotted(li) {
    display: block;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .done .body {
    color: var(--_muted);
  }
  .title {
    display: block;
    font-weight: 700;
    cursor: pointer;
  }
  .details {
    margin: 0.25em 0 0;
  }
  .link {
    display: inline-flex;
    align-items: center;
    min-height: 24px;
    margin-top: 0.25em;
    font-weight: 600;
  }
  .due {
    margin: 0.25em 0 0;
    color: var(--_muted);
    font-size: 0.9375em;
  }
  .due[part~='overdue'],
  .due.bad {
    color: var(--_overdue);
    font-weight: 600;
  }
  .complete {
    margin: calc(var(--_space) * 0.75) 0 0;
    padding: calc(var(--_space) * 0.5) calc(var(--_space) * 0.75);
    border-left: 4px solid var(--_done);
    border-radius: var(--_radius);
    background: var(--_track);
    font-weight: 600;
  }
  @media (prefers-reduced-motion: no-preference) {
    .complete {
      animation: arrive 400ms ease-out;
    }
  }
  @keyframes arrive {
    from {
      opacity: 0;
      transform: translateY(0.5em);
    }
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
    margin-top: var(--_space);
  }
  button {
    min-height: 44px;
    padding: 0.5em 1em;
    border: 2px solid var(--_heading);
    border-radius: var(--_radius);
    background: var(--_heading);
    color: var(--_on-heading);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  button.secondary {
    background: transparent;
    color: var(--_text);
  }
  .confirm {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
    flex-basis: 100%;
    padding: calc(var(--_space) * 0.5) calc(var(--_space) * 0.75);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_track);
  }
  .confirm p {
    flex-basis: 100%;
    margin: 0;
    font-weight: 600;
  }
  .note,
  .loading {
    margin: calc(var(--_space) * 0.75) 0 0;
    color: var(--_muted);
    font-size: 0.9375em;
  }
  .feed-error {
    padding: calc(var(--_space) * 0.75) var(--_space);
    border: 2px solid var(--_danger);
    border-radius: var(--_radius);
  }
  .feed-error p {
    margin: 0 0 calc(var(--_space) * 0.5);
  }
  /* On paper: the steps with their boxes and states, without the buttons nobody can press. */
  @media print {
    .card {
      border-color: #000;
      break-inside: avoid-page;
    }
    .step {
      break-inside: avoid;
    }
    /* Backgrounds are dropped on paper by default; a border is not. */
    .fill {
      height: 0;
      border-top: 0.75em solid var(--_heading);
    }
    .actions,
    .note,
    .announce {
      display: none;
    }
  }
`;
