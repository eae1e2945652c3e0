import { define } from '@samleng/core';
import { SamlengPledgeCount } from './src/pledge-count.js';

export { SamlengPledgeCount };

define('samleng-pledge-count', SamlengPledgeCount);

declare global {
  interface HTMLElementTagNameMap {
    'samleng-pledge-count': SamlengPledgeCount;
  }
}
