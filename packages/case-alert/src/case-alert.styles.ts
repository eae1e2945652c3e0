import { css } from 'lit';

export const caseAlertStyles = css`
  :host {
    --_heading: var(--samleng-case-alert-accent, var(--_accent));
  }
`;
