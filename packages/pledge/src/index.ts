export { SamlengPledge, type PledgeSentDetail } from './pledge.js';
export { SamlengPledgeCount } from './pledge-count.js';
