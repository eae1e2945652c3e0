// The builder page's script. The widgets it previews come from the kit's own script (/samleng/samleng.js,
// loaded by the page), the very file the snippet points at.
import { define } from '@samleng/core';
import { SamlengBuilder } from './builder-app.js';
import { initialLanguage, setPageLanguage } from './page-controls.js';

setPageLanguage(initialLanguage());
define('samleng-builder', SamlengBuilder);

declare global {
  interface HTMLElementTagNameMap {
    'samleng-builder': SamlengBuilder;
  }
}
