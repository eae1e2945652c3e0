/**
 * "1,234 people have pledged", the progress bar and the goal: the same block in the form and in
 * `<samleng-pledge-count>`. The bar is drawn for the eye only; the sentences say it all to a screen
 * reader, once, without announcing every refresh.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { styleProps, type Formatter } from '@samleng/core';
import type { CountStatus } from './count-source.js';
import { shownGoal } from './goal.js';

export function countSentence(format: Formatter, count: number): string {
  const n = format.number(count);
  if (count === 0) return msg('Be the first to pledge', { id: 'pledge.count.zero' });
  return format.plural(count) === 'one'
    ? msg(str`${n} person has pledged`, { id: 'pledge.count.one' })
    : msg(str`${n} people have pledged`, { id: 'pledge.count.other' });
}

/**
 * The block for `count`, or, while the count is unknown, the same block saying why (loading, or failed):
 * the bar and the goal take their room from the start, so nothing below moves when the count arrives.
 */
export function renderCount(
  format: Formatter,
  count: number | undefined,
  goal: number | undefined,
  status: CountStatus,
): TemplateResult {
  const target = goal === undefined ? undefined : shownGoal(count ?? 0, goal);
  const ratio = target === undefined || count === undefined ? 0 : Math.min(1, count / target);
  const goalText =
    goal === undefined || target === undefined
      ? undefined
      : target === goal
        ? msg(str`Goal: ${format.number(goal)}`, { id: 'pledge.count.goal' })
        : msg(str`Goal of ${format.number(goal)} passed! Next goal: ${format.number(target)}`, {
            id: 'pledge.count.next-goal',
          });
  return html`<div class="progress" part="progress">
    ${
      count === undefined
        ? html`<p class="count status" part="status">
            ${
              status === 'error'
                ? msg('The number of pledges cannot be shown right now.', { id: 'pledge.count.error' })
                : msg('Loading the number of pledges…', { id: 'pledge.count.loading' })
            }
          </p>`
        : html`<p class="count" part="count">${countSentence(format, count)}</p>`
    }
    ${
      goalText === undefined
        ? nothing
        : html`<div class="bar" part="bar" aria-hidden="true">
              <div class="fill" part="bar-fill" ${styleProps({ '--_ratio': String(ratio) })}></div>
            </div>
            <p class="goal" part="goal">${goalText}</p>`
    }
  </div>`;
}

export const countStyles = css`
  .progress {
    margin: 0 0 calc(var(--_space) * 0.75);
  }
  .count {
    margin: 0;
    font-weight: 700;
    font-size: 1.125em;
  }
  .bar {
    height: 0.75em;
    margin-top: 0.375em;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_track);
    overflow: hidden;
  }
  .fill {
    height: 100%;
    inline-size: calc(var(--_ratio, 0) * 100%);
    background: var(--_heading);
    transition: inline-size 400ms ease-out;
  }
  .status {
    font-weight: 400;
    color: var(--_muted);
  }
  .goal {
    margin: 0.25em 0 0;
    color: var(--_muted);
    font-size: 0.9375em;
  }
  @media print {
    .fill {
      height: 0;
      border-top: 0.75em solid var(--_heading);
    }
  }
`;
