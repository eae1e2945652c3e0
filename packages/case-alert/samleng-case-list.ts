import { define } from '@samleng/core';
import './samleng-case-alert.js';
import { SamlengCaseList } from './src/case-list.js';

export { SamlengCaseList };

define('samleng-case-list', SamlengCaseList);

declare global {
  interface HTMLElementTagNameMap {
    'samleng-case-list': SamlengCaseList;
  }
  interface HTMLElementEventMap {
    'samleng-case-list-subscribed': CustomEvent<{ confirm: true }>;
    'samleng-case-list-error': CustomEvent<{ errors: Record<string, string> }>;
  }
}
