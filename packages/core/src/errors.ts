/**
 * The visible error state for bad configuration: the reader (and the partner previewing the page)
 * sees a localized box instead of a blank space, and the console names the element and attribute.
 */
import { html, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { warnOnce } from './warn.js';

export interface ConfigProblem {
  /** The attribute at fault, e.g. `date`. */
  attribute: string;
  /** What the reader sees, localized with `msg()`: what is wrong and how to fix it. */
  message: string;
  /** The console warning, in English for the partner's developer: what to fix, with the bad value. */
  warning: string;
}

/** Renders the error box and warns once per element and attribute. */
export function renderConfigError(host: Element, problem: ConfigProblem): TemplateResult {
  warnOnce(host, `config:${problem.attribute}`, problem.warning);
  return html`<div class="config-error" part="error" role="alert">
    <strong>${msg('This widget could not be shown.', { id: 'core.config-error.title' })}</strong>
    ${problem.message}
  </div>`;
}
