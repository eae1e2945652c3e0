import { css } from 'lit';

export const checklistStyles = css`
  :host {
    --_heading: var(--samleng-checklist-accent, var(--_accent));
  }
`;
