import { define } from '@samleng/core';
import { SamlengChecklist, type ChecklistChangeDetail } from './src/checklist.js';

export { SamlengChecklist, type ChecklistChangeDetail };

define('samleng-checklist', SamlengChecklist);

declare global {
  interface HTMLElementTagNameMap {
    'samleng-checklist': SamlengChecklist;
  }
  interface HTMLElementEventMap {
    /** The reader ticked or unticked a step. */
    'samleng-checklist-change': CustomEvent<ChecklistChangeDetail>;
    /** The reader ticked the last step that was left. */
    'samleng-checklist-complete': CustomEvent<{ total: number }>;
    /** The reader confirmed "Start over": every tick of the list was cleared. */
    'samleng-checklist-reset': CustomEvent<{ completed: 0; total: number }>;
  }
}
