import { define } from '@samleng/core';
import { SamlengPledge } from './src/pledge.js';

export { SamlengPledge };

define('samleng-pledge', SamlengPledge);

declare global {
  interface HTMLElementTagNameMap {
    'samleng-pledge': SamlengPledge;
  }
}
