import { define } from '@samleng/core';
import { SamlengCountdown } from './src/countdown.js';

export { SamlengCountdown };

define('samleng-countdown', SamlengCountdown);

declare global {
  interface HTMLElementTagNameMap {
    'samleng-countdown': SamlengCountdown;
  }
  interface HTMLElementEventMap {
    /** The countdown reached its date while the page was open (fired once). */
    'samleng-countdown-end': CustomEvent<{ date: Date }>;
  }
}
