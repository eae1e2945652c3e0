import { css } from 'lit';

export const countdownStyles = css`
  :host {
    --_heading: var(--samleng-countdown-accent, var(--_accent));
    --_digits-background: var(--samleng-countdown-digits-background, var(--_surface-alt));
  }
  .badge {
    display: inline-block;
    margin: 0 0 calc(var(--_space) * 0.5);
    padding: 0.1em 0.6em;
    border: 1px solid var(--_heading);
    border-radius: 999px;
    color: var(--_text);
    font-size: 0.875em;
    font-weight: 600;
  }
  .when {
    margin: 0;
    font-size: 1.0625em;
  }
  .digits {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
    margin: calc(var(--_space) * 0.75) 0 0;
    padding: 0;
    list-style: none;
  }
  .unit {
    display: flex;
    flex-direction: column;
    align-items: center;
    min-width: 4.5em;
    padding: calc(var(--_space) * 0.5);
    border-radius: var(--_radius);
    background: var(--_digits-background);
  }
  .value {
    color: var(--_heading);
    font-size: var(--samleng-countdown-digits-size, 2em);
    font-weight: 700;
    line-height: 1.2;
    /* Digits of equal width: the row does not jump every second. */
    font-variant-numeric: tabular-nums;
  }
  .label {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .status {
    margin: calc(var(--_space) * 0.75) 0 0;
    font-size: 1.125em;
    font-weight: 600;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.75);
    margin-top: var(--_space);
  }
  button {
    min-height: 44px;
    padding: 0.5em 1em;
    border: 0;
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_on-accent);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  a[part='link'] {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    font-weight: 600;
  }
  .milestones-heading {
    margin: var(--_space) 0 calc(var(--_space) * 0.5);
    font-size: 1em;
  }
  .milestones {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .milestone {
    position: relative;
    display: flex;
    flex-direction: column;
    padding: 0 0 calc(var(--_space) * 0.75) 1.75em;
    border-left: 2px solid var(--_border);
    margin-left: 0.5em;
  }
  .milestone:last-child {
    border-left-color: transparent;
  }
  .mark {
    position: absolute;
    top: 0.35em;
    left: calc(-0.5em - 1px);
    width: 1em;
    height: 1em;
    border: 2px solid var(--_border);
    border-radius: 50%;
    background: var(--_surface);
  }
  .past .mark {
    border-color: var(--_success);
    background: var(--_success);
  }
  .next .mark {
    border-color: var(--_heading);
    background: var(--_heading);
  }
  .milestone-text {
    font-weight: 600;
  }
  .milestone time {
    color: var(--_muted);
    font-size: 0.9375em;
  }
  .past .milestone-text {
    color: var(--_muted);
  }
  .tag {
    align-self: flex-start;
    margin-top: 0.15em;
    padding: 0 0.5em;
    border-radius: 999px;
    border: 1px solid var(--_border);
    font-size: 0.8125em;
  }
  .next-tag {
    border-color: var(--_heading);
    background: var(--_heading);
    color: var(--_on-accent);
    font-weight: 600;
  }
`;
