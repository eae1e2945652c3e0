/**
 * The localized strings two or more parts of the case widgets share: status badges and feed errors.
 * Functions, not constants: `msg()` must run at render time to follow the language.
 */
import { msg, str } from '@lit/localize';
import type { Formatter } from '@samleng/core';
import type { CaseStatus } from './case-record.js';
import type { FeedProblem } from './feed-controller.js';

export function statusLabel(status: CaseStatus): string {
  switch (status) {
    case 'detained':
      return msg('Detained', { id: 'case-alert.status.detained' });
    case 'house-arrest':
      return msg('Under house arrest', { id: 'case-alert.status.house-arrest' });
    case 'in-exile':
      return msg('In exile', { id: 'case-alert.status.in-exile' });
    case 'convicted-in-absentia':
      return msg('Convicted in absentia', { id: 'case-alert.status.convicted-in-absentia' });
    case 'released':
      return msg('Released', { id: 'case-alert.status.released' });
    case 'deceased':
      return msg('Deceased', { id: 'case-alert.status.deceased' });
  }
}

/** What the reader is told when a feed cannot be shown. */
export function feedProblemMessage(
  problem: FeedProblem,
  status: number | undefined,
  format: Formatter,
): string {
  // The HTTP status in the reader's digits (៤០៤ in Khmer), ungrouped: it is a code, not a quantity.
  const code = status === undefined ? '' : format.digits(String(status));
  switch (problem) {
    case 'timeout':
      return msg('The cases took too long to load.', { id: 'case-alert.error.timeout' });
    case 'http':
      return msg(str`The cases could not be loaded (error ${code}).`, { id: 'case-alert.error.http' });
    case 'not-json':
    case 'too-large':
    case 'invalid':
      return msg('The list of cases could not be read.', { id: 'case-alert.error.invalid' });
    case 'src':
      return msg('The address of the list of cases is not allowed. Use an http or https URL.', {
        id: 'case-alert.error.src',
      });
    case 'network':
      return msg('The cases could not be loaded. Check your connection.', { id: 'case-alert.error.network' });
  }
}

export const retryLabel = () => msg('Try again', { id: 'case-alert.retry' });
