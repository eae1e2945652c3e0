import { define } from '@samleng/core';
import { SamlengChecklist } from './src/checklist.js';

export { SamlengChecklist };

define('samleng-checklist', SamlengChecklist);

declare global {
  interface HTMLElementTagNameMap {
    'samleng-checklist': SamlengChecklist;
  }
}
