import { css } from 'lit';

export const pledgeStyles = css`
  :host {
    --_heading: var(--samleng-pledge-accent, var(--_accent));
  }
`;
