/**
 * The drop-in script: one file that defines every Samleng widget, with every language inside.
 * `<script type="module" src=".../samleng.js"></script>` is all a partner page needs.
 */
export { SamlengCountdown } from '@samleng/countdown/samleng-countdown.js';
export { SamlengCaseAlert } from '@samleng/case-alert/samleng-case-alert.js';
export { SamlengCaseList } from '@samleng/case-alert/samleng-case-list.js';
export { SamlengChecklist } from '@samleng/checklist/samleng-checklist.js';
export { SamlengPledge } from '@samleng/pledge/samleng-pledge.js';
export { SamlengPledgeCount } from '@samleng/pledge/samleng-pledge-count.js';
export { LOCALE_META_NAME, localeReady } from '@samleng/core';
