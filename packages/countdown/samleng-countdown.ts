import { define } from '@samleng/core';
import { SamlengCountdown } from './src/countdown.js';

export { SamlengCountdown };

define('samleng-countdown', SamlengCountdown);

declare global {
  interface HTMLElementTagNameMap {
    'samleng-countdown': SamlengCountdown;
  }
}
