import { define } from '@samleng/core';
import { SamlengPledge, type PledgeSentDetail } from './src/pledge.js';
import './samleng-pledge-count.js';

export { SamlengPledge };

define('samleng-pledge', SamlengPledge);

declare global {
  interface HTMLElementTagNameMap {
    'samleng-pledge': SamlengPledge;
  }
  interface HTMLElementEventMap {
    'samleng-pledge-submit': CustomEvent<{ id: string; campaign: string }>;
    'samleng-pledge-sent': CustomEvent<PledgeSentDetail>;
    'samleng-pledge-queued': CustomEvent<{ id: string }>;
    'samleng-pledge-error': CustomEvent<{ errors: Record<string, string> }>;
    'samleng-pledge-share': CustomEvent<{ channel: string }>;
  }
}
