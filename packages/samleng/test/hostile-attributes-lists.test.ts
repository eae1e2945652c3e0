import { describeAttributes, useHostileHarness } from './hostile-harness.js';

/**
 * Issue 8, part 3 (hostile data): every attribute of <samleng-case-list>, <samleng-checklist>,
 * <samleng-pledge> and <samleng-pledge-count>, fed the whole corpus. What is checked, and why: hostile-harness.ts.
 */
useHostileHarness({ receiver: true });

describeAttributes('samleng-case-list');

describeAttributes('samleng-checklist');

describeAttributes('samleng-pledge');

describeAttributes('samleng-pledge-count');
