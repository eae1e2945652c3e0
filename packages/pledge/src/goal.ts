/**
 * The goal a counter shows. Once the count passes the partner's goal, the bar would sit full for the
 * rest of the campaign; like Proca's counters, the shown goal steps up to the next round figure
 * (1, 2, 2.5 or 5 times a power of ten) above the count, so the bar keeps moving.
 */
const ROUND = [1, 2, 2.5, 5, 10];

export function shownGoal(count: number, goal: number): number {
  if (count <= goal) return goal;
  const magnitude = 10 ** Math.floor(Math.log10(count));
  return ROUND.map((step) => step * magnitude).find((candidate) => candidate > count) ?? 10 * magnitude;
}
