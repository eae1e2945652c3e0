import { define } from '@samleng/core';
import { SamlengCaseAlert } from './src/case-alert.js';
import type { CaseActionDetail } from './src/case-record.js';

export { SamlengCaseAlert };
export type { CaseActionDetail };

define('samleng-case-alert', SamlengCaseAlert);

declare global {
  interface HTMLElementTagNameMap {
    'samleng-case-alert': SamlengCaseAlert;
  }
  interface HTMLElementEventMap {
    'samleng-case-action': CustomEvent<CaseActionDetail>;
  }
}
