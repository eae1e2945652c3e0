import { define } from '@samleng/core';
import { SamlengCaseAlert } from './src/case-alert.js';

export { SamlengCaseAlert };

define('samleng-case-alert', SamlengCaseAlert);

declare global {
  interface HTMLElementTagNameMap {
    'samleng-case-alert': SamlengCaseAlert;
  }
}
