import { css } from 'lit';

export const countdownStyles = css`
  :host {
    --_heading: var(--samleng-countdown-accent, var(--_accent));
  }
  .when {
    margin: 0;
    font-size: 1.125em;
  }
`;
